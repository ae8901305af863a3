package org.shapescope.app.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ui.Drawable;
import org.shapescope.analysis.spikes.LossSpike;
import org.shapescope.analysis.spikes.PrecursorChange;
import org.shapescope.analysis.spikes.SpikeDetection;
import org.shapescope.analysis.spikes.SpikePrecursors;
import org.shapescope.app.data.SpikeReport;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.viewer.SpikeChangeView;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.SpikeChanges;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.SpikeChangeFigure;

/**
 * Loss spikes of the run and, per spike and layer, the selected metric's change at the last
 * checkpoint before it (docs/MEASURES.md, "Loss spikes"): a table, and the robust z per layer as
 * a figure. The header's spinners set the detection window and k; the report is computed in the
 * background by the model's {@code LossSpikes}.
 */
final class SpikesPane implements ExplorerView {

    @Override
    public String id() {
        return "spikes";
    }

    @Override
    public String title() {
        return "Loss spikes";
    }

    @Override
    public double aspect() {
        return 0.62;
    }

    @Override
    public Drawable render(FigureInputs in, FigureStyle style) throws Exception {
        MetricGrid grid = in.grid();
        LossCurve loss = in.loss();
        SpikeReport report = loss == null ? new SpikeReport(grid.metric(), SpikeDetection.defaults(), SpikePrecursors.defaults(),
                List.of()) : SpikeReport.of(new org.shapescope.analysis.run.LossCurve(loss.steps(), loss.loss()), grid,
                SpikeDetection.defaults(), SpikePrecursors.defaults());
        return new SpikeChangeFigure(changes(report, grid.layers())).style(style).build();
    }

    /** The z of every spike and layer, for the figure. */
    static SpikeChanges changes(SpikeReport report, int[] layers) {
        List<String> labels = new ArrayList<>();
        double[][] z = new double[report.spikes().size()][];
        for (int s = 0; s < z.length; s++) {
            SpikeReport.Spike spike = report.spikes().get(s);
            labels.add("spike at " + spike.spike().onsetStep());
            z[s] = spike.layers().stream().mapToDouble(PrecursorChange::z).toArray();
        }
        return new SpikeChanges(report.metric(), layers, labels, z, report.precursors().zThreshold());
    }

    /** One table row: a layer's change before one spike. */
    record Row(LossSpike spike, PrecursorChange change, double zThreshold) {
    }

    @Override
    public ViewPane createPane(ExplorerModel model) {
        TableView<Row> table = new TableView<>();
        table.setId("spikes-table");
        table.setPlaceholder(new Label("No loss spikes (or no loss.csv)"));
        // the columns that answer "did it change before?" first; the pane is narrow
        table.getColumns().addAll(List.of(
                column("spike", r -> Long.toString(r.spike().onsetStep())),
                column("layer", r -> Integer.toString(r.change().layer())),
                column("z", r -> format("%+.2f", r.change().z())),
                column("reads", r -> r.change().direction(r.zThreshold()).label()),
                column("lead", r -> r.change().leadSteps() < 0 ? "-" : Long.toString(r.change().leadSteps())),
                column("change", r -> format("%+.4g", r.change().change())),
                column("from → to", r -> r.change().lastStep() < 0 ? "-" : r.change().previousStep() + " → " + r.change().lastStep()),
                column("z across onset", r -> format("%+.2f", r.change().afterZ())),
                column("peak", r -> String.format(Locale.ROOT, "%d (+%.1f dev)", r.spike().peakStep(), r.spike().heightInScales()))));
        Label summary = new Label();
        summary.setId("spikes-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        SpikeChangeView chart = new SpikeChangeView();
        chart.setMinHeight(120);
        chart.setPrefHeight(160);
        table.setPrefHeight(200);
        VBox box = new VBox(4, summary, table, chart);
        box.setPadding(new Insets(2));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(chart, Priority.ALWAYS);

        var spikes = model.spikes();
        spikes.reportProperty().addListener((obs, old, report) -> {
            List<Row> rows = new ArrayList<>();
            if (report != null) {
                for (SpikeReport.Spike spike : report.spikes()) {
                    spike.layers().forEach(c -> rows.add(new Row(spike.spike(), c, report.precursors().zThreshold())));
                }
                summary.setText(report.spikes().size() + (report.spikes().size() == 1 ? " spike" : " spikes") + " in loss.csv; " + report.metric() + " before each ("
                        + report.parameters() + ")");
                chart.changesProperty().set(changes(report, model.getGrid().layers()));
            } else {
                summary.setText("no loss.csv: no spikes to find");
                chart.changesProperty().set(null);
            }
            table.setItems(FXCollections.observableArrayList(rows));
        });

        Spinner<Integer> window = new Spinner<>(3, 10_000, SpikeDetection.DEFAULT_WINDOW, 5);
        window.setId("spikes-window");
        window.setEditable(true);
        window.setPrefWidth(80);
        Spinner<Double> k = new Spinner<>(0.5, 50.0, SpikeDetection.DEFAULT_K, 0.5);
        k.setId("spikes-k");
        k.setEditable(true);
        k.setPrefWidth(75);
        Runnable apply = () -> spikes.detectionProperty().set(
                new SpikeDetection(window.getValue(), k.getValue(), SpikeDetection.DEFAULT_MERGE_GAP));
        window.valueProperty().addListener(x -> apply.run());
        k.valueProperty().addListener(x -> apply.run());
        HBox tools = new HBox(4, new Label("window"), window, new Label("k"), k);
        tools.setAlignment(Pos.CENTER_LEFT);
        return new ViewPane(box, tools, chart::exportFigure, chart::setExportHandler, chart::export);
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> text) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private static String format(String pattern, double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, pattern, value);
    }
}

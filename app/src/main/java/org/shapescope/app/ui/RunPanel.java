package org.shapescope.app.ui;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.run.Problem;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.app.explorer.ExplorerModel;

/**
 * The left panel: what the open run is (name, model, architecture, checkpoints, layers, tokens,
 * hidden size, the problems found on opening), the metric chooser and the measure parameters.
 * Every edit is sent to the model as a command, which restarts the grid.
 */
final class RunPanel extends VBox {
    /** Largest R offered: each resample costs one more computation of the neighbour estimators. */
    private static final int MAX_RESAMPLES = 100;
    private final ExplorerModel model;
    private final Label name = new Label("No run open");
    private final GridPane facts = new GridPane();
    private final ListView<Problem> problems = new ListView<>();
    private final ComboBox<Estimator> metric = new ComboBox<>();
    private final Spinner<Integer> tokens = new Spinner<>(16, 1_000_000, MeasureParameters.DEFAULT_NEIGHBOUR_TOKENS, 512);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 0, 1);
    private final Spinner<Double> discard = new Spinner<>(0.0, 0.9, MeasureParameters.DEFAULT_TWONN_DISCARD, 0.05);
    private final CheckBox authors = new CheckBox("LLM-Microscope preset");
    private final Spinner<Integer> resamples = new Spinner<>(1, MAX_RESAMPLES, ExplorerModel.DEFAULT_RESAMPLES, 1);

    RunPanel(ExplorerModel model) {
        super(6);
        this.model = model;
        setId("run-panel");
        setPadding(new Insets(10));
        setPrefWidth(270);
        setMinWidth(230);
        name.getStyleClass().add("run-name");
        name.setWrapText(true);
        facts.setHgap(10);
        facts.setVgap(2);

        problems.setId("problems");
        problems.setPlaceholder(new Label("No problems found"));
        problems.setPrefHeight(90);
        problems.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Problem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : (item.file() == null ? "" : item.file().getFileName() + ": ") + item.message());
                setTooltip(empty || item == null ? null : new Tooltip(item.toString()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        problems.setItems(model.getProblems());
        VBox.setVgrow(problems, Priority.SOMETIMES);

        metric.setId("metric");
        metric.getItems().setAll(Estimators.all());
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(Estimator m) {
                return m == null ? "" : m.name();
            }

            @Override
            public Estimator fromString(String name) {
                return Estimators.named(name);
            }
        });
        metric.setTooltip(new javafx.scene.control.Tooltip());
        metric.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> metric.getValue() == null ? "" : metric.getValue().description(), metric.valueProperty()));
        metric.setMaxWidth(Double.MAX_VALUE);
        metric.setValue(model.getMetric());
        metric.valueProperty().addListener((obs, old, now) -> model.selectMetric(now));
        model.metricProperty().addListener((obs, old, now) -> metric.setValue(now));

        GridPane params = new GridPane();
        params.setHgap(8);
        params.setVgap(4);
        for (Spinner<?> spinner : List.of(tokens, seed, discard, resamples)) {
            spinner.setEditable(true);
            spinner.setPrefWidth(110);
        }
        tokens.setId("tokens");
        seed.setId("seed");
        discard.setId("twonn-discard");
        authors.setId("twonn-authors");
        resamples.setId("resamples");
        resamples.setTooltip(new Tooltip("R: TwoNN, MLE, PHD and GRIDE on R seeded token samples (seeds seed … seed + R − 1),\n"
                + "shown as mean ± std (error bars, tooltips); 1 = a single estimate. A sample holding every\n"
                + "token (token sample ≥ tokens per layer) varies only the estimator's own seeded choices."));
        tokens.setTooltip(new Tooltip("Tokens sampled (seeded) for TwoNN, MLE and PHD"));
        discard.setTooltip(new Tooltip("Fraction of the largest r2/r1 ratios TwoNN discards (Facco et al.: 0.1)"));
        authors.setTooltip(new Tooltip("TwoNN exactly as LLM-Microscope's intrinsic_dimension(emb[:N], reduction_factor=5):\n"
                + "the first N tokens with their duplicates (not the seeded distinct sample), the smallest 20% of\n"
                + "ratios r2/r1 fitted; duplicates (r1 = 0) and ties (r2 = r1) are cut but still count in F,\n"
                + "which raises the estimate above standard TwoNN when tokens repeat (e.g. embedding layers)."));
        params.addRow(0, new Label("Token sample"), tokens);
        params.addRow(1, new Label("Seed"), seed);
        params.addRow(2, new Label("TwoNN discard"), discard);
        params.add(authors, 0, 3, 2, 1);
        params.addRow(4, new Label("Resamples"), resamples);
        discard.disableProperty().bind(authors.selectedProperty());
        tokens.valueProperty().addListener(x -> sendParameters());
        seed.valueProperty().addListener(x -> sendParameters());
        discard.valueProperty().addListener(x -> sendParameters());
        authors.selectedProperty().addListener(x -> sendParameters());
        resamples.valueProperty().addListener(x -> sendParameters());

        getChildren().addAll(name, facts, new Separator(), heading("Problems"), problems, new Separator(),
                heading("Metric"), metric, heading("Parameters"), params);
        model.runProperty().addListener((obs, old, now) -> showRun(now));
        showRun(model.getRun());
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("panel-heading");
        return label;
    }

    private void sendParameters() {
        Double fraction = discard.getValue();
        if (tokens.getValue() == null || seed.getValue() == null || fraction == null || resamples.getValue() == null) {
            return;
        }
        model.changeParameters(model.getParameters().withNeighbourTokens(tokens.getValue()).withSeed(seed.getValue())
                .withTwonnDiscardFraction(fraction).withTwonnAuthorsPreset(authors.isSelected())
                .withResamples(resamples.getValue()));
    }

    private void showRun(RunFolder run) {
        facts.getChildren().clear();
        if (run == null) {
            name.setText("No run open");
            return;
        }
        name.setText(run.metadata().name());
        long[] steps = run.steps();
        List<Integer> layers = run.layers();
        int row = 0;
        row = fact(row, "Model", run.metadata().model().isEmpty() ? "—" : run.metadata().model());
        row = fact(row, "Architecture", run.metadata().architecture().label());
        row = fact(row, "Checkpoints", steps.length == 0 ? "none"
                : steps.length + " (steps " + steps[0] + "–" + steps[steps.length - 1] + ")");
        row = fact(row, "Layers", layers.isEmpty() ? "none" : layers.size() + " (" + layers.get(0) + "–" + layers.get(layers.size() - 1) + ")");
        row = fact(row, "Tokens", tokensText(run));
        fact(row, "Hidden size", Integer.toString(run.hiddenSize()));
    }

    private static String tokensText(RunFolder run) {
        var counts = run.checkpoints().stream().flatMap(c -> c.tokensPerLayer().values().stream())
                .mapToLong(Number::longValue).summaryStatistics();
        if (counts.getCount() == 0) {
            return "none";
        }
        return counts.getMin() == counts.getMax() ? counts.getMin() + " per layer"
                : counts.getMin() + "–" + counts.getMax() + " per layer";
    }

    private int fact(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("fact-key");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        facts.addRow(row, k, v);
        return row + 1;
    }

    /** The problems as shown (for tests). */
    String problemsText() {
        return problems.getItems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}

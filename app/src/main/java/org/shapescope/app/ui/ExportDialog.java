package org.shapescope.app.ui;

import java.awt.image.BufferedImage;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.viewer.ExportRequest;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.export.FigureExport;
import org.shapescope.viewer.export.PrintSize;

/**
 * The export dialog: a print size (column, page or custom width, height from the view's aspect
 * or given, font size in points, PNG dpi) and a preview of the figure <em>at that print
 * size</em>, drawn at the screen's resolution so that 3.25 in on paper is 3.25 in on screen.
 * The preview is built and rasterised through the {@link TaskExecutor}; only the newest one is
 * shown. Returns the {@link PrintChoice}; the caller picks the file.
 */
final class ExportDialog extends Dialog<PrintChoice> {
    private static final String CUSTOM = "custom";

    private final TaskExecutor executor;
    private final ExportRequest request;
    private final double aspect;
    private final ChoiceBox<Object> preset = new ChoiceBox<>();
    private final TextField width = new TextField();
    private final TextField height = new TextField();
    private final Spinner<Double> font = new Spinner<>(6.0, 14.0, 8.0, 0.5);
    private final Spinner<Integer> dpi = new Spinner<>(72, 1200, 300, 50);
    private final Label size = new Label();
    private final ImageView preview = new ImageView();
    private long generation;

    ExportDialog(TaskExecutor executor, ExportRequest request, double aspect, PrintChoice initial) {
        this.executor = executor;
        this.request = request;
        this.aspect = aspect;
        setTitle("Export " + request.format().name());
        setHeaderText("Figure at print size");
        preset.getItems().addAll(PrintSize.Preset.COLUMN, PrintSize.Preset.PAGE, CUSTOM);
        preset.setValue(initial.preset() == null ? CUSTOM : initial.preset());
        preset.setId("export-preset");
        width.setText(length(initial.preset() == null ? initial.widthPt() : initial.preset().widthPt()));
        width.setId("export-width");
        height.setText(Double.isNaN(initial.heightPt()) ? "auto" : length(initial.heightPt()));
        height.setId("export-height");
        height.setPromptText("auto = width × " + String.format(Locale.ROOT, "%.2f", aspect));
        font.getValueFactory().setValue(initial.fontPt());
        font.setEditable(true);
        font.setId("export-font");
        dpi.getValueFactory().setValue((int) Math.round(initial.dpi()));
        dpi.setEditable(true);
        dpi.setDisable(request.format() != ExportFormat.PNG);
        width.disableProperty().bind(preset.valueProperty().isNotEqualTo(CUSTOM));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Width"), preset, width);
        form.addRow(1, new Label("Height"), height, new Label("in, cm, mm or pt; auto keeps the view's shape"));
        form.addRow(2, new Label("Font size (pt)"), font);
        form.addRow(3, new Label("PNG resolution (dpi)"), dpi);
        preview.setId("export-preview");
        ScrollPane shown = new ScrollPane(preview);
        shown.setPrefViewportWidth(7 * Screen.getPrimary().getDpi());
        shown.setPrefViewportHeight(4.5 * Screen.getPrimary().getDpi());
        VBox content = new VBox(10, form, size, shown);
        content.setPadding(new Insets(10));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        for (var p : new javafx.beans.Observable[] {preset.valueProperty(), width.textProperty(), height.textProperty(),
                font.valueProperty(), dpi.valueProperty()}) {
            p.addListener(x -> refresh());
        }
        preset.valueProperty().addListener((obs, old, now) -> {
            if (now instanceof PrintSize.Preset p) {
                width.setText(length(p.widthPt()));
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? choice() : null);
        refresh();
    }

    /** The current fields as a choice; IllegalArgumentException when one does not parse. */
    PrintChoice choice() {
        PrintSize.Preset p = preset.getValue() instanceof PrintSize.Preset chosen ? chosen : null;
        double w = p != null ? p.widthPt() : PrintSize.parseLength(width.getText());
        String h = height.getText().trim();
        double hPt = h.isEmpty() || h.equalsIgnoreCase("auto") ? Double.NaN : PrintSize.parseLength(h);
        return new PrintChoice(p, w, hPt, font.getValue(), dpi.getValue());
    }

    /** Validates the fields and renders the preview in the background. */
    private void refresh() {
        PrintSize chosen;
        try {
            chosen = choice().sizeFor(aspect);
        } catch (IllegalArgumentException e) {
            size.setText(e.getMessage());
            getDialogPane().lookupButton(ButtonType.OK).setDisable(true);
            return;
        }
        getDialogPane().lookupButton(ButtonType.OK).setDisable(false);
        size.setText(chosen.describe() + (request.format() == ExportFormat.PNG
                ? String.format(Locale.ROOT, ", %d × %d px", chosen.pixelWidth(), chosen.pixelHeight()) : "")
                + "; shown at print size");
        long mine = ++generation;
        double screenPixelsPerPoint = Screen.getPrimary().getDpi() / PrintSize.POINTS_PER_INCH;
        executor.execute("Preview", () -> {
            BufferedImage image = FigureExport.image(FigureExporter.build(request.figure(), chosen),
                    chosen.widthPt(), chosen.heightPt(), screenPixelsPerPoint);
            int w = image.getWidth();
            int h = image.getHeight();
            return new int[][] {{w, h}, image.getRGB(0, 0, w, h, null, 0, w)};
        }, pixels -> {
            if (mine == generation) {
                int w = pixels[0][0];
                int h = pixels[0][1];
                WritableImage image = new WritableImage(w, h);
                image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels[1], 0, w);
                preview.setImage(image);
            }
        }, failure -> size.setText("preview failed: " + FigureExporter.oneLine(failure)));
    }

    private static String length(double pt) {
        return String.format(Locale.ROOT, "%.2fin", pt / PrintSize.POINTS_PER_INCH).replaceAll("0+in$", "in")
                .replaceAll("\\.in$", "in");
    }
}

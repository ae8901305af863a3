package org.shapescope.viewer;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.figure.ColorMap;
import org.shapescope.viewer.figure.ProjectionFigure;

/**
 * The 2-D PCA scatter of a {@link Projection}, fluid with 10<sup>5</sup> points: every redraw
 * writes all points into one ARGB pixel buffer (a 2×2 or 3×3 pixel square each, colour from a
 * 256-entry lookup table), copies it into a {@link WritableImage} with one
 * {@code PixelWriter.setPixels} call and draws that on a single {@link Canvas}; no node per
 * point. Hovering shows the nearest point's token text, found through a {@link PointGrid}
 * built once per projection. A chooser above the plot sets {@link #colorByProperty()}.
 * Export goes through {@link ProjectionFigure#composite()} (scatter plus variance spectrum).
 */
public final class ProjectionView extends BorderPane {

    /** Hover radius in pixels within which the nearest point is reported. */
    public static final double HOVER_RADIUS = 10;

    private static final double LEFT = 46;
    private static final double RIGHT = 12;
    private static final double TOP = 12;
    private static final double BOTTOM = 34;

    private final ObjectProperty<Projection> projection = new SimpleObjectProperty<>(this, "projection");
    private final ObjectProperty<PointValue> colorBy = new SimpleObjectProperty<>(this, "colorBy");
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(this, "colorMap", ColorMap.VIRIDIS);
    private final ObjectProperty<Consumer<ExportRequest>> exportHandler =
            new SimpleObjectProperty<>(this, "exportHandler");

    private final Canvas canvas = new Canvas();
    private final ComboBox<PointValue> chooser = new ComboBox<>();
    private final Tooltip hover = new Tooltip();
    private final RedrawCoalescer coalescer = new RedrawCoalescer(this::redraw);
    private final ContextMenu exportMenu;

    private PointGrid index;
    private Projection indexed;
    private WritableImage image;
    private int[] pixels;
    // data-to-pixel transform of the last redraw: px = ox + sx * x, py = oy - sy * y
    private double ox;
    private double oy;
    private double sx;
    private double sy;

    public ProjectionView() {
        Pane plotPane = new Pane(canvas);
        canvas.widthProperty().bind(plotPane.widthProperty());
        canvas.heightProperty().bind(plotPane.heightProperty());
        plotPane.setMinSize(100, 80);
        setPrefSize(640, 480);
        Label label = new Label("colour by");
        HBox bar = new HBox(6, label, chooser);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);
        setCenter(plotPane);
        chooser.valueProperty().bindBidirectional(colorBy);
        projection.addListener((obs, old, now) -> {
            chooser.getItems().setAll(now == null ? java.util.List.of() : now.available());
            if (now != null && (colorBy.get() == null || !now.available().contains(colorBy.get()))) {
                colorBy.set(now.available().isEmpty() ? null : now.available().iterator().next());
            }
        });
        for (var o : new javafx.beans.Observable[] {projection, colorBy, colorMap, canvas.widthProperty(),
                canvas.heightProperty()}) {
            o.addListener(x -> coalescer.request());
        }
        hover.setFont(Font.font(13));
        canvas.setOnMouseMoved(e -> showHover(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        canvas.setOnMouseExited(e -> hover.hide());
        exportMenu = ExportMenu.install(this, exportHandler, this::export);
    }

    public ProjectionView(Projection projection) {
        this();
        setProjection(projection);
    }

    public ObjectProperty<Projection> projectionProperty() {
        return projection;
    }

    public Projection getProjection() {
        return projection.get();
    }

    public void setProjection(Projection value) {
        projection.set(value);
    }

    /** Per-point value that sets the colour; reset to the first available one on a new projection. */
    public ObjectProperty<PointValue> colorByProperty() {
        return colorBy;
    }

    public ObjectProperty<ColorMap> colorMapProperty() {
        return colorMap;
    }

    public ObjectProperty<Consumer<ExportRequest>> exportHandlerProperty() {
        return exportHandler;
    }

    public void setExportHandler(Consumer<ExportRequest> handler) {
        exportHandler.set(handler);
    }

    public ContextMenu getExportMenu() {
        return exportMenu;
    }

    public RedrawCoalescer redraws() {
        return coalescer;
    }

    /**
     * The export figure for the current state, buildable in any style: scatter plus
     * explained-variance spectrum; null without data.
     */
    public FigureFactory exportFigure() {
        Projection p = projection.get();
        if (p == null) {
            return null;
        }
        PointValue colour = colorBy.get();
        ColorMap map = colorMap.get();
        return style -> new ProjectionFigure(p).colourBy(colour).colorMap(map)
                .pointSize(p.size() > 20_000 ? 2 : 3.5).style(style).composite();
    }

    /** The scatter as a JFreeChart for the current state (no spectrum); null without data. */
    public org.jfree.chart.JFreeChart createFigure() {
        Projection p = projection.get();
        return p == null ? null : new ProjectionFigure(p).colourBy(colorBy.get()).colorMap(colorMap.get()).scatter();
    }

    /** Sends an export request for {@code format} to the handler, if any. */
    public void export(ExportFormat format) {
        FigureFactory figure = exportFigure();
        if (exportHandler.get() != null && figure != null) {
            exportHandler.get().accept(new ExportRequest(format, figure, "projection"));
        }
    }

    /** Index of the point nearest to (x, y) in canvas coordinates within {@link #HOVER_RADIUS}, or -1. */
    public int pointAt(double x, double y) {
        Projection p = projection.get();
        if (p == null || index == null || indexed != p || sx == 0 || sy == 0) {
            return -1;
        }
        double dx = (x - ox) / sx;
        double dy = (oy - y) / sy;
        // search in data space with the larger of the two radii, then check in pixels
        double radius = HOVER_RADIUS / Math.min(sx, sy);
        int i = index.nearest(dx, dy, radius);
        if (i < 0) {
            return -1;
        }
        double px = ox + sx * p.x()[i];
        double py = oy - sy * p.y()[i];
        return Math.hypot(px - x, py - y) <= HOVER_RADIUS ? i : -1;
    }

    /** Canvas position of point {@code i} in the last redraw. */
    public javafx.geometry.Point2D pointPosition(int i) {
        Projection p = projection.get();
        return new javafx.geometry.Point2D(ox + sx * p.x()[i], oy - sy * p.y()[i]);
    }

    /** Hover text of point {@code i}: token, index and colour value. */
    public String describePoint(int i) {
        Projection p = projection.get();
        StringBuilder text = new StringBuilder();
        text.append('"').append(p.token(i).replace("\n", "\\n")).append('"').append("  (point ").append(i).append(')');
        for (PointValue v : p.available()) {
            text.append(String.format(Locale.ROOT, "%n%s: %.6g", v.label(), p.values(v)[i]));
        }
        return text.toString();
    }

    /** The canvas the points are drawn on. */
    public Canvas canvas() {
        return canvas;
    }

    private void showHover(double x, double y, double screenX, double screenY) {
        int i = pointAt(x, y);
        if (i < 0) {
            hover.hide();
            return;
        }
        hover.setText(describePoint(i));
        if (getScene() != null && getScene().getWindow() != null) {
            hover.show(canvas, screenX + 14, screenY + 14);
        }
    }

    private void redraw() {
        int w = (int) Math.floor(canvas.getWidth());
        int h = (int) Math.floor(canvas.getHeight());
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Projection p = projection.get();
        if (p == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        if (indexed != p) {
            index = new PointGrid(p.x(), p.y(), 8);
            indexed = p;
        }
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            pixels = new int[w * h];
        }
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        double[] xs = p.x();
        double[] ys = p.y();
        double[] bounds = bounds(xs, ys);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        sx = plotW / (bounds[1] - bounds[0]);
        sy = plotH / (bounds[3] - bounds[2]);
        ox = LEFT - sx * bounds[0];
        oy = TOP + sy * bounds[3];

        double[] values = colorBy.get() == null ? null : p.values(colorBy.get());
        double[] range = values == null ? new double[] {0, 1} : range(values);
        int[] lut = colorMap.get().lookupTable();
        int size = p.size() > 20_000 ? 2 : 3;
        int single = 0xFF1F4E79;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                continue;
            }
            int px = (int) (ox + sx * xs[i]) - size / 2;
            int py = (int) (oy - sy * ys[i]) - size / 2;
            int argb;
            if (values == null) {
                argb = single;
            } else if (Double.isNaN(values[i])) {
                argb = ColorMap.MISSING.getRGB();
            } else {
                int k = (int) ((values[i] - range[0]) / (range[1] - range[0]) * 255.999);
                argb = lut[Math.max(0, Math.min(255, k))];
            }
            for (int yy = Math.max(0, py); yy < Math.min(h, py + size); yy++) {
                int row = yy * w;
                for (int xx = Math.max(0, px); xx < Math.min(w, px + size); xx++) {
                    pixels[row + xx] = argb;
                }
            }
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        gc.drawImage(image, 0, 0);
        drawFrame(gc, p, w, h, values == null ? null : range);
    }

    private void drawFrame(GraphicsContext gc, Projection p, int w, int h, double[] range) {
        ProjectionFigure labels = new ProjectionFigure(p);
        gc.setStroke(Color.gray(0.2));
        gc.setLineWidth(1);
        gc.strokeRect(LEFT - 0.5, TOP - 0.5, w - LEFT - RIGHT + 1, h - TOP - BOTTOM + 1);
        gc.setFill(Color.gray(0.2));
        gc.setFont(Font.font(13));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.fillText(labels.componentLabel(0), LEFT + (w - LEFT - RIGHT) / 2.0, h - 6);
        gc.save();
        gc.translate(16, TOP + (h - TOP - BOTTOM) / 2.0);
        gc.rotate(-90);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(labels.componentLabel(1), 0, 0);
        gc.restore();
        if (range != null) {
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(String.format(Locale.ROOT, "%s: %.4g – %.4g", colorBy.get().label(), range[0], range[1]),
                    w - RIGHT - 6, TOP + 4);
        }
    }

    /** {minX, maxX, minY, maxY} with 3 % padding; non-degenerate. */
    private static double[] bounds(double[] xs, double[] ys) {
        double[] rx = range(xs);
        double[] ry = range(ys);
        double px = (rx[1] - rx[0]) * 0.03;
        double py = (ry[1] - ry[0]) * 0.03;
        return new double[] {rx[0] - px, rx[1] + px, ry[0] - py, ry[1] + py};
    }

    /** {min, max} of the non-NaN values, widened to a non-empty interval. */
    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        return new double[] {lo, hi};
    }
}

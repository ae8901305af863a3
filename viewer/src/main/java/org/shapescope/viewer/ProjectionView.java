package org.shapescope.viewer;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
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
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.data.ProjectionSeries;
import org.shapescope.viewer.data.TokenSearch;
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
 *
 * <p>Given a {@link #seriesProperty() series} that holds the projection (one layer's checkpoints
 * in one aligned frame), the axes keep the series' range while the projection changes, so what
 * moves on screen is the tokens; pinned tokens (a click on a point or on the "most moved" list)
 * stay pinned across checkpoints, and with "trails" on, each pinned token's path over the
 * series' checkpoints up to this one is drawn. The search box highlights the tokens it names
 * ({@link TokenSearch}) in whatever projection is shown.
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

    /** Most pinned tokens whose trails are drawn. */
    public static final int MAX_TRAILS = 200;

    private final ObjectProperty<ProjectionSeries> series = new SimpleObjectProperty<>(this, "series");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final BooleanProperty trailsShown = new SimpleBooleanProperty(this, "trailsShown", true);
    /** Pinned tokens: tracks of the series when it holds the projection, else point indices. */
    private final ObservableSet<Integer> pinned = FXCollections.observableSet(new TreeSet<>());
    private final ReadOnlyObjectWrapper<int[]> highlighted = new ReadOnlyObjectWrapper<>(this, "highlighted", new int[0]);
    private final ListView<Integer> mostMoved = new ListView<>();
    private final Label found = new Label();

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
        TextField search = new TextField();
        search.setId("projection-search");
        search.setPromptText("find token (text or id:N)");
        search.setPrefColumnCount(14);
        search.textProperty().bindBidirectional(query);
        CheckBox trails = new CheckBox("trails");
        trails.setId("projection-trails");
        trails.selectedProperty().bindBidirectional(trailsShown);
        Button clear = new Button("unpin");
        clear.setId("projection-unpin");
        clear.setOnAction(e -> pinned.clear());
        found.setId("projection-found");
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 4, label, chooser, search, found, trails, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);
        setCenter(plotPane);
        mostMoved.setId("projection-most-moved");
        mostMoved.setPrefWidth(170);
        mostMoved.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Integer point, boolean empty) {
                super.updateItem(point, empty);
                setText(empty || point == null ? null : movedText(point));
            }
        });
        mostMoved.getSelectionModel().selectedItemProperty().addListener((obs, old, point) -> {
            if (point != null) {
                pin(point);
            }
        });
        Label movedTitle = new Label("most moved");
        movedTitle.setTooltip(new Tooltip("distance moved in the aligned plane since the previous checkpoint; click one to pin it (with its trail)"));
        VBox side = new VBox(4, movedTitle, mostMoved);
        side.setPadding(new Insets(4));
        VBox.setVgrow(mostMoved, javafx.scene.layout.Priority.ALWAYS);
        side.managedProperty().bind(side.visibleProperty());
        side.setVisible(false);
        setRight(side);
        chooser.valueProperty().bindBidirectional(colorBy);
        projection.addListener((obs, old, now) -> {
            chooser.getItems().setAll(now == null ? java.util.List.of() : now.available());
            if (now != null && (colorBy.get() == null || !now.available().contains(colorBy.get()))) {
                colorBy.set(now.available().isEmpty() ? null : now.available().iterator().next());
            }
        });
        projection.addListener((obs, old, now) -> {
            if (currentSeries(old) < 0 || currentSeries(now) < 0) {
                pinned.clear(); // point indices mean nothing in another projection, tracks nothing outside the series
            }
        });
        series.addListener((obs, old, now) -> pinned.clear());
        for (var o : new javafx.beans.Observable[] {projection, series, query, pinned}) {
            o.addListener(x -> updateHighlights(side));
        }
        for (var o : new javafx.beans.Observable[] {projection, series, colorBy, colorMap, trailsShown, highlighted,
                canvas.widthProperty(), canvas.heightProperty()}) {
            o.addListener(x -> coalescer.request());
        }
        canvas.setOnMouseClicked(e -> {
            int i = pointAt(e.getX(), e.getY());
            if (i >= 0) {
                pin(i);
            }
        });
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

    /** The layer's checkpoints in one frame; when it holds the projection, axes stay fixed and trails can be drawn. */
    public ObjectProperty<ProjectionSeries> seriesProperty() {
        return series;
    }

    /** The search box's text: highlights the tokens it names ({@link TokenSearch}). */
    public StringProperty queryProperty() {
        return query;
    }

    /** Whether highlighted tokens' paths over the series' checkpoints are drawn. */
    public BooleanProperty trailsShownProperty() {
        return trailsShown;
    }

    /** Points of the current projection drawn highlighted: search hits and pinned tokens, ascending. */
    public ReadOnlyObjectProperty<int[]> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** Pins the token of point {@code i} of the current projection (kept across the series' checkpoints). */
    public void pin(int i) {
        int c = currentSeries(projection.get());
        pinned.add(c >= 0 ? series.get().track(c, i) : i);
    }

    /** The "most moved" list: points of the current checkpoint, largest displacement first. */
    public ListView<Integer> mostMovedList() {
        return mostMoved;
    }

    /** The fixed axis range {minX, maxX, minY, maxY} in use (the series' range), or null when fitted to the points. */
    public double[] fixedRange() {
        return currentSeries(projection.get()) >= 0 ? series.get().range() : null;
    }

    /**
     * Trails of the pinned tokens up to the current checkpoint, each {xs, ys}; empty without a series or
     * with trails off. Search hits get none: a byte's hundred paths would hide the cloud.
     */
    public List<double[][]> trails() {
        int c = currentSeries(projection.get());
        List<double[][]> out = new ArrayList<>();
        if (c < 0 || !trailsShown.get()) {
            return out;
        }
        for (int track : pinned) {
            if (out.size() >= MAX_TRAILS) {
                break;
            }
            if (track >= 0) {
                double[][] trail = series.get().trail(c, track);
                if (trail[0].length > 1) {
                    out.add(trail);
                }
            }
        }
        return out;
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
        double[] range = fixedRange();
        int[] hits = highlighted.get();
        List<double[][]> paths = trails();
        return style -> new ProjectionFigure(p).colourBy(colour).colorMap(map).range(range).highlight(hits).trails(paths)
                .pointSize(p.size() > 20_000 ? 2 : 3.5).style(style).composite();
    }

    /** The scatter as a JFreeChart for the current state (no spectrum); null without data. */
    public org.jfree.chart.JFreeChart createFigure() {
        Projection p = projection.get();
        return p == null ? null : new ProjectionFigure(p).colourBy(colorBy.get()).colorMap(colorMap.get())
                .range(fixedRange()).highlight(highlighted.get()).trails(trails()).scatter();
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

    /** Index of {@code p} in the series, or -1 when there is no series or it does not hold {@code p}. */
    private int currentSeries(Projection p) {
        ProjectionSeries s = series.get();
        return s == null || p == null ? -1 : s.indexOf(p);
    }

    private void updateHighlights(javafx.scene.Node side) {
        Projection p = projection.get();
        int c = currentSeries(p);
        TreeSet<Integer> points = new TreeSet<>();
        int[] hits = TokenSearch.matches(p, query.get());
        for (int i : hits) {
            points.add(i);
        }
        if (p != null) {
            for (int token : pinned) {
                int i = c >= 0 ? series.get().point(c, token) : token;
                if (i >= 0 && i < p.size()) {
                    points.add(i);
                }
            }
        }
        found.setText(query.get() == null || query.get().isEmpty() ? "" : hits.length + " found");
        highlighted.set(points.stream().mapToInt(Integer::intValue).toArray());
        List<Integer> moved = new ArrayList<>();
        if (c > 0) {
            for (int i : series.get().mostMoved(c)) {
                moved.add(i);
            }
        }
        if (!moved.equals(mostMoved.getItems())) {
            mostMoved.getItems().setAll(moved);
        }
        side.setVisible(c >= 0);
    }

    /** Points of the current projection that are pinned. */
    private java.util.Set<Integer> pinnedPoints() {
        int c = currentSeries(projection.get());
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int token : pinned) {
            int i = c >= 0 ? series.get().point(c, token) : token;
            if (i >= 0) {
                out.add(i);
            }
        }
        return out;
    }

    private String movedText(int point) {
        Projection p = projection.get();
        int c = currentSeries(p);
        if (c < 0 || point >= p.size()) {
            return "";
        }
        return String.format(Locale.ROOT, "\"%s\" #%d  %.3g", p.token(point).replace("\n", "\\n"), point,
                series.get().displacement(c, point));
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
        double[] fixed = fixedRange();
        double[] bounds = fixed != null ? padded(fixed) : bounds(xs, ys);
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
        drawTrailsAndHighlights(gc, p);
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
            String text = String.format(Locale.ROOT, "%s: %.4g – %.4g", colorBy.get().label(), range[0], range[1]);
            javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
            measure.setFont(gc.getFont());
            double tw = measure.getLayoutBounds().getWidth();
            double th = measure.getLayoutBounds().getHeight();
            gc.setFill(Color.rgb(255, 255, 255, 0.8));
            gc.fillRect(w - RIGHT - 6 - tw - 3, TOP + 2, tw + 6, th + 4);
            gc.setFill(Color.gray(0.2));
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(text, w - RIGHT - 6, TOP + 4);
        }
    }

    private void drawTrailsAndHighlights(GraphicsContext gc, Projection p) {
        gc.save();
        gc.beginPath();
        gc.rect(LEFT, TOP, canvas.getWidth() - LEFT - RIGHT, canvas.getHeight() - TOP - BOTTOM);
        gc.clip();
        java.awt.Color trail = ProjectionFigure.TRAIL;
        gc.setStroke(Color.rgb(trail.getRed(), trail.getGreen(), trail.getBlue(), trail.getAlpha() / 255.0));
        gc.setLineWidth(1.5);
        for (double[][] t : trails()) {
            double[] px = new double[t[0].length];
            double[] py = new double[t[0].length];
            for (int i = 0; i < px.length; i++) {
                px[i] = ox + sx * t[0][i];
                py[i] = oy - sy * t[1][i];
                gc.strokeOval(px[i] - 2, py[i] - 2, 4, 4);
            }
            gc.strokePolyline(px, py, px.length);
        }
        java.awt.Color hit = ProjectionFigure.HIGHLIGHT;
        Color searched = Color.rgb(hit.getRed(), hit.getGreen(), hit.getBlue());
        Color pinnedColour = Color.rgb(trail.getRed(), trail.getGreen(), trail.getBlue());
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(1);
        java.util.Set<Integer> pins = pinnedPoints();
        for (int i : highlighted.get()) {
            if (i < p.size() && !Double.isNaN(p.x()[i]) && !Double.isNaN(p.y()[i])) {
                double px = ox + sx * p.x()[i];
                double py = oy - sy * p.y()[i];
                double r = pins.contains(i) ? 5 : 3.5;
                gc.setFill(pins.contains(i) ? pinnedColour : searched);
                gc.fillOval(px - r, py - r, 2 * r, 2 * r);
                gc.strokeOval(px - r, py - r, 2 * r, 2 * r);
            }
        }
        gc.restore();
    }

    /** {minX, maxX, minY, maxY} with 3 % padding; non-degenerate. */
    private static double[] bounds(double[] xs, double[] ys) {
        double[] rx = range(xs);
        double[] ry = range(ys);
        return padded(new double[] {rx[0], rx[1], ry[0], ry[1]});
    }

    /** A range widened by {@link ProjectionFigure#RANGE_PADDING} on each side (and to a non-empty interval). */
    private static double[] padded(double[] r) {
        double wx = Math.max(r[1] - r[0], 1e-12);
        double wy = Math.max(r[3] - r[2], 1e-12);
        double px = wx * ProjectionFigure.RANGE_PADDING;
        double py = wy * ProjectionFigure.RANGE_PADDING;
        return new double[] {r[0] - px, r[0] + wx + px, r[2] - py, r[2] + wy + py};
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

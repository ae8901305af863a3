package org.shapescope.viewer;

import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.figure.ColorMap;
import org.shapescope.viewer.figure.FigureStyle;

/**
 * Base of the views that show a JFreeChart figure: holds the picture of the chart, the colour map
 * and export handler properties, the "Export PNG… / SVG… / PDF…" context menu, the tooltips and
 * the {@link RedrawCoalescer}. Subclasses snapshot their properties into a figure factory in
 * {@link #snapshot()} and call {@link #invalidateOn} for every property that affects it.
 *
 * <p>A redraw only copies the state on the JavaFX thread; {@link ChartRendering} builds the chart
 * and draws it off that thread, in Java2D as a PNG export is; the JavaFX thread then only copies
 * the pixels. Until the new picture arrives the previous one stays on screen
 * (stretched while the view is resized). Hit tests and tooltips use the picture on screen, so they
 * always match what the user sees.
 */
public abstract class ChartView extends StackPane {

    private final ImageView picture = new ImageView();
    private final Label placeholder = new Label("no data");
    private final RedrawCoalescer coalescer = new RedrawCoalescer(this::redraw);
    private final ChartRendering.Slot drawing = new ChartRendering.Slot(this::show);
    private final Tooltip tooltip = new Tooltip();
    private boolean tooltipInstalled;
    /** The current state as copied by the last redraw (null without data), its number, and its chart once built. */
    private ChartFactory latest;
    private long generation;
    private JFreeChart latestChart;
    /** The request number at which the data last went away; drawings asked before it are dropped. */
    private long clearedAt = -1;
    /** The drawing on screen, null before the first one or without data. */
    private ChartRendering.Drawn drawn;
    private WritableImage pixels;
    /** Smallest drag, in view pixels each way, that zooms (smaller ones are clicks). */
    private static final double MIN_ZOOM_DRAG = 8;
    private final javafx.scene.shape.Rectangle dragBox = new javafx.scene.shape.Rectangle();
    private Point2D dragStart;
    private ChartZoom zoom;
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(this, "colorMap", ColorMap.VIRIDIS);
    private final ObjectProperty<Consumer<ExportRequest>> exportHandler =
            new SimpleObjectProperty<>(this, "exportHandler");
    private final ContextMenu contextMenu;

    protected ChartView() {
        picture.setManaged(false);
        getChildren().addAll(picture, placeholder);
        placeholder.setVisible(false);
        setMinSize(120, 90);
        setPrefSize(640, 420);
        contextMenu = ExportMenu.install(this, exportHandler, this::export);
        installZoom();
        tooltip.setShowDelay(Duration.millis(150));
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> showTooltip(tooltipAt(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> showTooltip(null));
        invalidateOn(colorMap, widthProperty(), heightProperty());
    }

    /** Colour map used by the figure; default viridis. */
    public final ObjectProperty<ColorMap> colorMapProperty() {
        return colorMap;
    }

    public final ColorMap getColorMap() {
        return colorMap.get();
    }

    public final void setColorMap(ColorMap map) {
        colorMap.set(map);
    }

    /** Receives export requests from the context menu; while null the menu items are disabled. */
    public final ObjectProperty<Consumer<ExportRequest>> exportHandlerProperty() {
        return exportHandler;
    }

    public final void setExportHandler(Consumer<ExportRequest> handler) {
        exportHandler.set(handler);
    }

    /** The context menu with the export items; the app may add its own items. */
    public final ContextMenu getExportMenu() {
        return contextMenu;
    }

    /**
     * The current state of the properties as a chart factory (values copied, so it may run on
     * any thread: the views' charts are built on the drawing thread); null when there is no data.
     */
    protected abstract ChartFactory snapshot();

    /** Builds a {@link JFreeChart} in a style; what {@link #snapshot()} returns. */
    @FunctionalInterface
    protected interface ChartFactory {
        JFreeChart build(FigureStyle style);
    }

    /**
     * A new chart for the current state of the properties in the screen style, independent of
     * the one on screen; null when there is no data.
     */
    public final JFreeChart createFigure() {
        ChartFactory factory = zoomed(snapshot());
        return factory == null ? null : factory.build(FigureStyle.SCREEN);
    }

    /** What the export menu exports: the current state (zoomed as on screen), buildable in any style; null without data. */
    public FigureFactory exportFigure() {
        ChartFactory factory = zoomed(snapshot());
        return factory == null ? null : factory::build;
    }

    /** {@code factory} with the current zoom applied to what it builds; null stays null. */
    private ChartFactory zoomed(ChartFactory factory) {
        ChartZoom z = zoom;
        return factory == null || z == null ? factory : style -> z.applyTo(factory.build(style));
    }

    /** Whether the user has zoomed in (drag a rectangle over the plot; double-click or "Reset zoom" undoes it). */
    public final boolean isZoomed() {
        return zoom != null;
    }

    /** Shows the whole chart again. */
    public final void resetZoom() {
        if (zoom != null) {
            zoom = null;
            coalescer.request();
        }
    }

    private void installZoom() {
        dragBox.setManaged(false);
        dragBox.setVisible(false);
        dragBox.setMouseTransparent(true);
        dragBox.setFill(javafx.scene.paint.Color.rgb(30, 90, 200, 0.15));
        dragBox.setStroke(javafx.scene.paint.Color.rgb(30, 90, 200, 0.8));
        getChildren().add(dragBox);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                dragStart = new Point2D(e.getX(), e.getY());
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragStart != null && e.getButton() == MouseButton.PRIMARY) {
                dragBox.setX(Math.min(dragStart.getX(), e.getX()));
                dragBox.setY(Math.min(dragStart.getY(), e.getY()));
                dragBox.setWidth(Math.abs(e.getX() - dragStart.getX()));
                dragBox.setHeight(Math.abs(e.getY() - dragStart.getY()));
                dragBox.setVisible(true);
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            Point2D start = dragStart;
            dragStart = null;
            dragBox.setVisible(false);
            if (start != null && e.getButton() == MouseButton.PRIMARY
                    && Math.abs(e.getX() - start.getX()) >= MIN_ZOOM_DRAG && Math.abs(e.getY() - start.getY()) >= MIN_ZOOM_DRAG) {
                zoomTo(start.getX(), start.getY(), e.getX(), e.getY());
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
        MenuItem reset = new MenuItem("Reset zoom");
        reset.setOnAction(e -> resetZoom());
        contextMenu.setOnShowing(e -> reset.setDisable(zoom == null));
        contextMenu.getItems().addAll(new SeparatorMenuItem(), reset);
    }

    /** Zooms onto the rectangle between two points of this view (both corners, any order). */
    public final void zoomTo(double x0, double y0, double x1, double y1) {
        ChartRenderingInfo info = drawnInfo();
        if (info == null || info.getPlotInfo() == null) {
            return;
        }
        Point2D a = toDrawing(x0, y0);
        Point2D b = toDrawing(x1, y1);
        ChartZoom z = ChartZoom.of(drawnChart(), info.getPlotInfo().getDataArea(),
                new java.awt.geom.Rectangle2D.Double(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                        Math.abs(b.getX() - a.getX()), Math.abs(b.getY() - a.getY())));
        if (z != null) {
            zoom = z;
            coalescer.request();
        }
    }

    /** File name stem suggested for exports. */
    protected abstract String exportName();

    /** Sends an export request for {@code format} to the handler, if there is one and data. */
    public final void export(ExportFormat format) {
        Consumer<ExportRequest> handler = exportHandler.get();
        FigureFactory figure = exportFigure();
        if (handler == null || figure == null) {
            return;
        }
        handler.accept(new ExportRequest(format, figure, exportName()));
    }

    /**
     * The chart of the current state (null before the first redraw or without data): the one on
     * screen once it is drawn ({@link #isUpToDate()}); asked before, it is built here, on the
     * calling thread. For tests and diagnostics.
     */
    public final JFreeChart getDisplayedChart() {
        if (latest == null) {
            return null;
        }
        if (drawn != null && drawn.request().generation() == generation) {
            return drawn.chart();
        }
        if (latestChart == null) {
            latestChart = latest.build(FigureStyle.SCREEN);
        }
        return latestChart;
    }

    /**
     * Whether the picture on screen is the drawing of {@link #getDisplayedChart()} at the view's
     * current size (true without data), i.e. no redraw or drawing is outstanding. For tests and
     * diagnostics; FX thread.
     */
    public final boolean isUpToDate() {
        if (coalescer.isPending()) {
            return false;
        }
        if (latest == null) {
            return true;
        }
        return drawn != null && drawn.request().generation() == generation && drawn.request().width() == getWidth()
                && drawn.request().height() == getHeight();
    }

    /** Redraw coalescing for this view. */
    public final RedrawCoalescer redraws() {
        return coalescer;
    }

    /** The chart on screen as drawn (null before the first drawing or without data). */
    protected final JFreeChart drawnChart() {
        return drawn == null ? null : drawn.chart();
    }

    /** The rendering information of the chart on screen, in its drawing's units; null as for {@link #drawnChart()}. */
    protected final ChartRenderingInfo drawnInfo() {
        return drawn == null ? null : drawn.info();
    }

    /** A point of this view in the units of the drawing on screen (they differ while a resize is being drawn). */
    protected final Point2D toDrawing(double x, double y) {
        if (drawn == null || getWidth() <= 0 || getHeight() <= 0) {
            return new Point2D(x, y);
        }
        return new Point2D(x * drawn.request().width() / getWidth(), y * drawn.request().height() / getHeight());
    }

    /** The inverse of {@link #toDrawing}. */
    protected final Point2D fromDrawing(double x, double y) {
        if (drawn == null || drawn.request().width() <= 0 || drawn.request().height() <= 0) {
            return new Point2D(x, y);
        }
        return new Point2D(x * getWidth() / drawn.request().width(), y * getHeight() / drawn.request().height());
    }

    /**
     * The tooltip at a point of this view, null for none: by default that of the chart entity
     * under it (the figures' tooltip generators).
     */
    protected String tooltipAt(double x, double y) {
        ChartRenderingInfo info = drawnInfo();
        EntityCollection entities = info == null ? null : info.getEntityCollection();
        if (entities == null) {
            return null;
        }
        Point2D p = toDrawing(x, y);
        ChartEntity entity = entities.getEntity(p.getX(), p.getY());
        return entity == null ? null : entity.getToolTipText();
    }

    private void showTooltip(String text) {
        if (text == null || text.isEmpty()) {
            if (tooltipInstalled) {
                Tooltip.uninstall(this, tooltip);
                tooltipInstalled = false;
            }
            return;
        }
        tooltip.setText(text);
        if (!tooltipInstalled) {
            Tooltip.install(this, tooltip);
            tooltipInstalled = true;
        }
    }

    /** Schedules one coalesced redraw whenever any of {@code observables} is invalidated. */
    protected final void invalidateOn(Observable... observables) {
        for (Observable o : observables) {
            o.addListener(x -> coalescer.request());
        }
    }

    /** Requests a coalesced redraw. */
    public final void requestRedraw() {
        coalescer.request();
    }

    /**
     * Runs on the FX thread at most once per pulse of changes: copies the state ({@link #snapshot()})
     * and has the chart built and drawn off the thread.
     */
    protected void redraw() {
        ChartFactory figure = zoomed(snapshot());
        latest = figure;
        latestChart = null;
        generation++;
        placeholder.setVisible(figure == null);
        if (figure == null) {
            drawn = null;
            clearedAt = generation;
            picture.setImage(null);
            return;
        }
        double w = getWidth();
        double h = getHeight();
        if (w < 1 || h < 1) {
            return; // drawn when laid out: the size's change asks again
        }
        double scale = getScene() != null && getScene().getWindow() != null
                ? Math.max(1, getScene().getWindow().getRenderScaleX()) : 1;
        drawing.submit(new ChartRendering.Request(generation, figure, w, h, scale));
    }

    /** A drawing arrives (FX thread): copied into the picture unless a newer one is already shown or the data is gone. */
    private void show(ChartRendering.Drawn d) {
        long g = d.request().generation();
        if (latest == null || g <= clearedAt || drawn != null && drawn.request().generation() > g) {
            return; // no data now, asked before the data went, or older than the picture shown
        }
        int w = d.request().pixelWidth();
        int h = d.request().pixelHeight();
        if (pixels == null || (int) pixels.getWidth() != w || (int) pixels.getHeight() != h) {
            pixels = new WritableImage(w, h);
        }
        pixels.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), d.argb(), 0, w);
        picture.setImage(pixels);
        drawn = d;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        picture.relocate(0, 0);
        picture.setFitWidth(getWidth());
        picture.setFitHeight(getHeight());
    }
}

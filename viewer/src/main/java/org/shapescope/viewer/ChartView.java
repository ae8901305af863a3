package org.shapescope.viewer;

import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
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
 * <p>A redraw builds the chart on the JavaFX thread (cheap: datasets and axes) and has it drawn
 * off that thread by {@link ChartRendering}, in Java2D as a PNG export is; the JavaFX thread then
 * only copies the pixels. Until the new picture arrives the previous one stays on screen
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
    /** The chart of the current state (null without data) and its request number. */
    private JFreeChart latest;
    private long generation;
    /** The drawing on screen, null before the first one or without data. */
    private ChartRendering.Drawn drawn;
    private WritableImage pixels;
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
     * any thread); null when there is no data.
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
        ChartFactory factory = snapshot();
        return factory == null ? null : factory.build(FigureStyle.SCREEN);
    }

    /** What the export menu exports: the current state, buildable in any style; null without data. */
    public FigureFactory exportFigure() {
        ChartFactory factory = snapshot();
        return factory == null ? null : factory::build;
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
     * The chart of the current state, as built by the last redraw (null before it or without
     * data); on screen once drawn ({@link #isUpToDate()}).
     */
    public final JFreeChart getDisplayedChart() {
        return latest;
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
        return drawn != null && drawn.request().chart() == latest && drawn.request().width() == getWidth()
                && drawn.request().height() == getHeight();
    }

    /** Redraw coalescing for this view. */
    public final RedrawCoalescer redraws() {
        return coalescer;
    }

    /** The chart on screen as drawn (null before the first drawing or without data). */
    protected final JFreeChart drawnChart() {
        return drawn == null ? null : drawn.request().chart();
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

    /** Runs on the FX thread at most once per pulse of changes: builds the chart and has it drawn. */
    protected void redraw() {
        JFreeChart chart = createFigure();
        latest = chart;
        generation++;
        placeholder.setVisible(chart == null);
        if (chart == null) {
            drawn = null;
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
        drawing.submit(new ChartRendering.Request(generation, chart, w, h, scale));
    }

    /** A drawing arrives (FX thread): copied into the picture unless a newer one is already shown or the data is gone. */
    private void show(ChartRendering.Drawn d) {
        if (latest == null || drawn != null && drawn.request().generation() > d.request().generation()) {
            return;
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

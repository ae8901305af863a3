package org.shapescope.viewer;

import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.figure.ColorMap;
import org.shapescope.viewer.figure.FigureStyle;

/**
 * Base of the views that show a JFreeChart figure: holds the {@link ChartViewer}, the colour map
 * and export handler properties, the "Export PNG… / SVG… / PDF…" context menu and the
 * {@link RedrawCoalescer}. Subclasses snapshot their properties into a figure factory in
 * {@link #snapshot()} and call {@link #invalidateOn} for every property that affects it.
 */
public abstract class ChartView extends StackPane {

    private final ChartViewer viewer = new ChartViewer(null, false);
    private final Label placeholder = new Label("no data");
    private final RedrawCoalescer coalescer = new RedrawCoalescer(this::redraw);
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(this, "colorMap", ColorMap.VIRIDIS);
    private final ObjectProperty<Consumer<ExportRequest>> exportHandler =
            new SimpleObjectProperty<>(this, "exportHandler");
    private final ContextMenu contextMenu;

    protected ChartView() {
        getChildren().addAll(viewer, placeholder);
        viewer.setVisible(false);
        setMinSize(120, 90);
        setPrefSize(640, 420);
        contextMenu = ExportMenu.install(this, exportHandler, this::export);
        invalidateOn(colorMap);
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

    /** The chart currently on screen (null before the first redraw or without data). */
    public final JFreeChart getDisplayedChart() {
        return viewer.isVisible() ? viewer.getChart() : null;
    }

    /** Redraw coalescing for this view. */
    public final RedrawCoalescer redraws() {
        return coalescer;
    }

    protected final ChartViewer viewer() {
        return viewer;
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

    /** Runs on the FX thread at most once per pulse of changes. */
    protected void redraw() {
        JFreeChart chart = createFigure();
        viewer.setVisible(chart != null);
        placeholder.setVisible(chart == null);
        if (chart != null) {
            viewer.setChart(chart);
        }
    }
}

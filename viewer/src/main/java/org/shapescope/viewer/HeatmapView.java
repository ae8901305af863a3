package org.shapescope.viewer;

import java.awt.geom.Rectangle2D;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.shapescope.viewer.data.GridDifference;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.figure.HeatmapFigure;
import org.shapescope.viewer.figure.StepColumns;

/**
 * Interactive {@link HeatmapFigure}: layer × checkpoint, tooltip with the exact value, step,
 * layer and tokens used; a primary click selects a cell, which sets {@link #selectedLayerProperty()}
 * and {@link #selectedCheckpointProperty()} and outlines the cell. Both properties are -1 when
 * nothing is selected; the app binds them bidirectionally to its model. {@link #logStepAxisProperty()}
 * switches x from checkpoint index to log10(step).
 */
public final class HeatmapView extends ChartView {

    private final ObjectProperty<MetricGrid> grid = new SimpleObjectProperty<>(this, "grid");
    private final IntegerProperty selectedCheckpoint = new SimpleIntegerProperty(this, "selectedCheckpoint", -1);
    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(this, "selectedLayer", -1);
    private final BooleanProperty logStepAxis = new SimpleBooleanProperty(this, "logStepAxis");
    private final ObjectProperty<GridDifference> difference = new SimpleObjectProperty<>(this, "difference");

    public HeatmapView() {
        invalidateOn(grid, difference, selectedCheckpoint, selectedLayer, logStepAxis);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                int[] cell = cellAt(e.getX(), e.getY());
                if (cell != null) {
                    selectedCheckpoint.set(cell[0]);
                    selectedLayer.set(cell[1]);
                }
            }
        });
    }

    public HeatmapView(MetricGrid grid) {
        this();
        setGrid(grid);
    }

    /** The grid shown; replace it with a new {@link MetricGrid} for every batch of results. */
    public ObjectProperty<MetricGrid> gridProperty() {
        return grid;
    }

    public MetricGrid getGrid() {
        return grid.get();
    }

    public void setGrid(MetricGrid value) {
        grid.set(value);
    }

    /**
     * When set, the view shows this difference of two runs (A − B on A's cells, unmatched cells
     * blank) instead of {@link #gridProperty()}; its cells are indexed like A's grid.
     */
    public ObjectProperty<GridDifference> differenceProperty() {
        return difference;
    }

    /** The grid drawn: the difference's when one is set, else the grid. */
    private MetricGrid shown() {
        GridDifference d = difference.get();
        return d != null ? d.grid() : grid.get();
    }

    /** Selected checkpoint index (column), -1 for none. */
    public IntegerProperty selectedCheckpointProperty() {
        return selectedCheckpoint;
    }

    /** Selected layer index (row), -1 for none. */
    public IntegerProperty selectedLayerProperty() {
        return selectedLayer;
    }

    /** x as log10(step), cells reaching halfway to their neighbours, instead of checkpoint index. */
    public BooleanProperty logStepAxisProperty() {
        return logStepAxis;
    }

    /**
     * The cell under the mouse is described when the mouse is there, instead of JFreeChart
     * formatting a text for every cell on every redraw.
     */
    @Override
    protected String tooltipAt(double x, double y) {
        int[] cell = cellAt(x, y);
        return cell == null ? null : describeCell(cell[0], cell[1]);
    }

    @Override
    protected ChartFactory snapshot() {
        GridDifference d = difference.get();
        MetricGrid g = shown();
        if (g == null || g.stepCount() == 0 || g.layerCount() == 0) {
            return null;
        }
        var map = getColorMap();
        int step = selectedCheckpoint.get();
        int layer = selectedLayer.get();
        boolean log = logStepAxis.get();
        return style -> (d != null ? new HeatmapFigure(d) : new HeatmapFigure(g)).colorMap(map).selection(step, layer)
                .logStepAxis(log).style(style).build();
    }

    @Override
    protected String exportName() {
        GridDifference d = difference.get();
        if (d != null) {
            return "difference-" + d.metric().replaceAll("\\W+", "-");
        }
        MetricGrid g = grid.get();
        return "heatmap-" + (g == null ? "empty" : g.metric().replaceAll("\\W+", "-"));
    }

    /**
     * The cell under a point in this view's coordinates as {stepIdx, layerIdx}, or null when the
     * point is outside the plot or nothing has been drawn yet. Columns are those of the chart on
     * screen, so a click maps correctly on either x axis.
     */
    public int[] cellAt(double x, double y) {
        JFreeChart chart = drawnChart();
        Rectangle2D area = dataArea();
        MetricGrid g = shown();
        if (chart == null || area == null || g == null) {
            return null;
        }
        Point2D inCanvas = toDrawing(x, y);
        if (!area.contains(inCanvas.getX(), inCanvas.getY())) {
            return null;
        }
        StepColumns columns = HeatmapFigure.columnsOf(chart);
        if (columns == null || columns.size() != g.stepCount()) {
            return null;
        }
        XYPlot plot = chart.getXYPlot();
        double sx = plot.getDomainAxis().java2DToValue(inCanvas.getX(), area, plot.getDomainAxisEdge());
        double ly = plot.getRangeAxis().java2DToValue(inCanvas.getY(), area, plot.getRangeAxisEdge());
        int s = columns.columnAt(sx);
        int l = (int) Math.round(ly);
        if (s < 0 || s >= g.stepCount() || l < 0 || l >= g.layerCount()) {
            return null;
        }
        return new int[] {s, l};
    }

    /** Centre of cell (stepIdx, layerIdx) in this view's coordinates, or null before drawing. */
    public Point2D cellCenter(int stepIdx, int layerIdx) {
        JFreeChart chart = drawnChart();
        Rectangle2D area = dataArea();
        StepColumns columns = HeatmapFigure.columnsOf(chart);
        if (chart == null || area == null || columns == null || stepIdx < 0 || stepIdx >= columns.size()) {
            return null;
        }
        XYPlot plot = chart.getXYPlot();
        double x = plot.getDomainAxis().valueToJava2D(columns.centre(stepIdx), area, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().valueToJava2D(layerIdx, area, plot.getRangeAxisEdge());
        return fromDrawing(x, y);
    }

    /** Tooltip text of a cell, as shown on hover. */
    public String describeCell(int stepIdx, int layerIdx) {
        GridDifference d = difference.get();
        if (d != null && !d.matched(layerIdx, stepIdx)) {
            return String.format(java.util.Locale.ROOT, "layer %d, step %d: %s has no such cell", d.grid().layer(layerIdx),
                    d.grid().step(stepIdx), d.nameB());
        }
        return HeatmapFigure.describeCell(shown(), layerIdx, stepIdx);
    }

    private Rectangle2D dataArea() {
        ChartRenderingInfo info = drawnInfo();
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        return area == null || area.isEmpty() ? null : area;
    }
}

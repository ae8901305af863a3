package org.shapescope.viewer.figure;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.shapescope.viewer.data.GridDifference;
import org.shapescope.viewer.data.MetricGrid;

/**
 * Heatmap of a {@link MetricGrid}: layer on y, checkpoint on x, metric as colour with a colour
 * bar. By default the x axis is the checkpoint index (one equal-width column per checkpoint)
 * labelled with the checkpoint's step, because checkpoints are usually spaced log-uniformly and a
 * linear step axis would squeeze the early ones into a sliver. With {@link #logStepAxis(boolean)}
 * x is log10(step) on a {@link LogStepAxis}, placed exactly as {@link TrajectoryFigure} places
 * it, and each column reaches halfway (in log10) to its neighbours ({@link StepColumns} states
 * the rule, including step 0's symbolic column, which a white line separates from the rest). XYBlockRenderer draws one block width only, so
 * cells are filled by {@link HeatmapCellRenderer}, which draws each column's own rectangle and
 * otherwise keeps XYBlockRenderer's paint scale, tooltips and entities. Cells not computed yet
 * are drawn in {@link ColorMap#MISSING} grey.
 *
 * <p>The dataset is one XYZ series; item {@code layerIdx * stepCount + stepIdx} has
 * x = stepIdx (log axis: the step's {@link LogStepAxis#position(long)}), y = layerIdx, z = value.
 */
public final class HeatmapFigure {

    /** The diagonal that crosses out a cell of a difference that the other run lacks. */
    private static final Color UNMATCHED_CROSS = new Color(0xA0, 0xA0, 0xA0);

    private final MetricGrid grid;
    private final GridDifference difference;
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private int selectedStep = -1;
    private int selectedLayer = -1;
    private String title;
    private double lower = Double.NaN;
    private double upper = Double.NaN;
    private boolean logStepAxis;
    private FigureStyle style = FigureStyle.SCREEN;

    public HeatmapFigure(MetricGrid grid) {
        this.grid = grid;
        this.difference = null;
    }

    /**
     * The difference heatmap of two runs, A − B on A's cells: a diverging scale symmetric about 0
     * ({@link DivergingScale}), cells B has no match for white and crossed out (not the grey of cells not
     * computed yet), and a caption saying how many cells match.
     */
    public HeatmapFigure(GridDifference difference) {
        this.grid = difference.grid();
        this.difference = difference;
    }

    public HeatmapFigure colorMap(ColorMap map) {
        this.colorMap = map;
        return this;
    }

    /** Outlines the cell (stepIdx, layerIdx); -1 for no selection. */
    public HeatmapFigure selection(int stepIdx, int layerIdx) {
        this.selectedStep = stepIdx;
        this.selectedLayer = layerIdx;
        return this;
    }

    /** Fonts, line widths and title policy; {@link FigureStyle#SCREEN} by default. */
    public HeatmapFigure style(FigureStyle style) {
        this.style = style;
        return this;
    }

    public HeatmapFigure title(String title) {
        this.title = title;
        return this;
    }

    /** x as log10(step) with cells spanning halfway to their neighbours, instead of checkpoint index. */
    public HeatmapFigure logStepAxis(boolean on) {
        this.logStepAxis = on;
        return this;
    }

    /** Fixes the colour range instead of the computed values' min..max. */
    public HeatmapFigure valueRange(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
        return this;
    }

    public JFreeChart build() {
        int steps = grid.stepCount();
        int layers = grid.layerCount();
        StepColumns columns = logStepAxis ? StepColumns.logStep(grid.steps()) : StepColumns.index(steps);
        double[] x = new double[steps * layers];
        double[] y = new double[x.length];
        double[] z = new double[x.length];
        for (int l = 0; l < layers; l++) {
            for (int s = 0; s < steps; s++) {
                int i = l * steps + s;
                x[i] = columns.x(s);
                y[i] = l;
                z[i] = grid.value(l, s);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(grid.metric(), new double[][] {x, y, z});

        double[] range = grid.valueRange();
        double lo = Double.isNaN(lower) ? range[0] : lower;
        double hi = Double.isNaN(upper) ? range[1] : upper;
        if (Double.isNaN(lo)) {
            lo = 0;
            hi = 1;
        }
        PaintScale scale = difference != null ? DivergingScale.around(new double[] {lo, hi})
                : new ColorMapScale(colorMap, lo, hi);

        HeatmapCellRenderer renderer = new HeatmapCellRenderer(columns, style.rasterDensity());
        renderer.setPaintScale(scale);
        // No per-cell tooltip generator: it formatted a text for every cell on every redraw (half of the
        // JavaFX thread's time on a 154 x 25 grid); HeatmapView describes the one cell under the mouse.

        String[] layerLabels = new String[layers];
        for (int l = 0; l < layers; l++) {
            layerLabels[l] = Integer.toString(grid.layer(l));
        }
        TickAxis xAxis = style.axis(stepAxis(columns), "training step");
        IndexAxis yAxis = style.axis(new IndexAxis("layer", layerLabels), "layer");
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        style.plot(plot, false);
        plot.setBackgroundPaint(ColorMap.MISSING);

        if (logStepAxis && steps > 1 && grid.step(0) <= 0) {
            // the axis break between the symbolic step-0 column and the real log axis, as
            // TrajectoryFigure breaks its lines there
            plot.addDomainMarker(new ValueMarker(columns.right(0), Color.WHITE, style.stroke(3)));
        }
        if (difference != null) {
            blankUnmatched(plot, columns);
        }
        if (selectedStep >= 0 && selectedStep < steps && selectedLayer >= 0 && selectedLayer < layers) {
            Rectangle2D cell = new Rectangle2D.Double(columns.left(selectedStep), selectedLayer - 0.5,
                    columns.right(selectedStep) - columns.left(selectedStep), 1);
            plot.addAnnotation(new XYShapeAnnotation(cell, style.stroke(3.5), Color.WHITE));
            plot.addAnnotation(new XYShapeAnnotation(cell, style.stroke(1.5), Color.BLACK));
        }

        JFreeChart chart = style.chart(title, plot, false);
        // "Δanisotropy …": a lone "Δ" would be a word narrower than the smallest print size on its own
        String barLabel = difference != null ? "Δ" + style.valueLabel(difference.metric()) : style.valueLabel(grid.metric());
        chart.addSubtitle(style.colourBar(scale, barLabel));
        if (difference != null) {
            TextTitle caption = new TextTitle(difference.caption(), style.legendFont());
            caption.setPaint(FigureStyle.AXIS);
            caption.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            chart.addSubtitle(caption);
        }
        return chart;
    }

    /**
     * Every cell run B has no match for is white and crossed out by a grey diagonal, so it reads as
     * absent: neither as not computed yet (grey) nor as a difference near 0 (the scale's near-white
     * middle). The diagonal is drawn after the fill on purpose: on a JavaFX canvas (FXGraphics2D
     * skips setting a paint equal to its last one, and ChartCanvas restores the canvas state
     * between redraws) a chart whose last paint is white drew its next background in black; the
     * views now draw in Java2D, but the order keeps the figure safe on any Graphics2D.
     */
    private void blankUnmatched(XYPlot plot, StepColumns columns) {
        for (int l = 0; l < grid.layerCount(); l++) {
            for (int s = 0; s < grid.stepCount(); s++) {
                if (!difference.matched(l, s)) {
                    Rectangle2D cell = new Rectangle2D.Double(columns.left(s), l - 0.5, columns.right(s) - columns.left(s), 1);
                    plot.addAnnotation(new XYShapeAnnotation(cell, null, null, Color.WHITE), false);
                    plot.addAnnotation(new XYLineAnnotation(cell.getMinX(), cell.getMinY(), cell.getMaxX(), cell.getMaxY(),
                            style.stroke(1.0), UNMATCHED_CROSS), false);
                }
            }
        }
    }

    private TickAxis stepAxis(StepColumns columns) {
        if (!logStepAxis) {
            String[] stepLabels = new String[grid.stepCount()];
            for (int s = 0; s < stepLabels.length; s++) {
                stepLabels[s] = StepLabels.compact(grid.step(s));
            }
            return new IndexAxis("training step", stepLabels);
        }
        LogStepAxis axis = new LogStepAxis("training step", grid.steps());
        axis.setRange(columns.lower(), columns.upper());
        axis.setAutoRange(false);
        return axis;
    }

    /**
     * The checkpoint columns of a chart built by this class (how clicks map to cells), or null
     * for another chart.
     */
    public static StepColumns columnsOf(JFreeChart chart) {
        return chart != null && chart.getPlot() instanceof XYPlot plot
                && plot.getRenderer() instanceof HeatmapCellRenderer r ? r.columns() : null;
    }

    /** Tooltip text for one cell: layer, step, exact value (± std over R resamples when it has one), tokens used. */
    public static String describeCell(MetricGrid grid, int layerIdx, int stepIdx) {
        String value = SpreadBars.valueText(grid, layerIdx, stepIdx);
        return String.format(Locale.ROOT, "layer %d, step %d (checkpoint %d)%n%s = %s%ntokens used: %,d",
                grid.layer(layerIdx), grid.step(stepIdx), stepIdx, grid.metric(), value,
                grid.tokensUsed(layerIdx, stepIdx));
    }
}

package org.shapescope.viewer.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.shapescope.viewer.data.MetricGrid;

/**
 * Heatmap of a {@link MetricGrid}: layer on y, checkpoint on x, metric as colour with a colour
 * bar. The x axis is the checkpoint index (one equal-width column per checkpoint) labelled with
 * the checkpoint's step, because checkpoints are usually spaced log-uniformly and a step axis
 * would squeeze the early ones into a sliver. Cells not computed yet are drawn in
 * {@link ColorMap#MISSING} grey.
 *
 * <p>The dataset is one XYZ series; item {@code layerIdx * stepCount + stepIdx} has
 * x = stepIdx, y = layerIdx, z = value.
 */
public final class HeatmapFigure {

    private final MetricGrid grid;
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private int selectedStep = -1;
    private int selectedLayer = -1;
    private String title;
    private double lower = Double.NaN;
    private double upper = Double.NaN;

    public HeatmapFigure(MetricGrid grid) {
        this.grid = grid;
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

    public HeatmapFigure title(String title) {
        this.title = title;
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
        double[] x = new double[steps * layers];
        double[] y = new double[x.length];
        double[] z = new double[x.length];
        for (int l = 0; l < layers; l++) {
            for (int s = 0; s < steps; s++) {
                int i = l * steps + s;
                x[i] = s;
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
        ColorMapScale scale = new ColorMapScale(colorMap, lo, hi);

        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockWidth(1.0);
        renderer.setBlockHeight(1.0);
        renderer.setDefaultToolTipGenerator((ds, series, item) -> describeCell(grid, item / steps, item % steps));

        String[] stepLabels = new String[steps];
        for (int s = 0; s < steps; s++) {
            stepLabels[s] = StepLabels.compact(grid.step(s));
        }
        String[] layerLabels = new String[layers];
        for (int l = 0; l < layers; l++) {
            layerLabels[l] = Integer.toString(grid.layer(l));
        }
        IndexAxis xAxis = FigureStyle.axis(new IndexAxis("training step", stepLabels), "training step");
        IndexAxis yAxis = FigureStyle.axis(new IndexAxis("layer", layerLabels), "layer");
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        FigureStyle.plot(plot, false);
        plot.setBackgroundPaint(ColorMap.MISSING);

        if (selectedStep >= 0 && selectedStep < steps && selectedLayer >= 0 && selectedLayer < layers) {
            Rectangle2D cell = new Rectangle2D.Double(selectedStep - 0.5, selectedLayer - 0.5, 1, 1);
            plot.addAnnotation(new XYShapeAnnotation(cell, new BasicStroke(3.5f), Color.WHITE));
            plot.addAnnotation(new XYShapeAnnotation(cell, new BasicStroke(1.5f), Color.BLACK));
        }

        JFreeChart chart = FigureStyle.chart(title, plot, false);
        chart.addSubtitle(FigureStyle.colourBar(scale, grid.metric()));
        return chart;
    }

    /** Tooltip text for one cell: layer, step, exact value, tokens used. */
    public static String describeCell(MetricGrid grid, int layerIdx, int stepIdx) {
        String value = grid.isComputed(layerIdx, stepIdx)
                ? String.format(Locale.ROOT, "%.6g", grid.value(layerIdx, stepIdx))
                : "not computed";
        return String.format(Locale.ROOT, "layer %d, step %d (checkpoint %d)%n%s = %s%ntokens used: %,d",
                grid.layer(layerIdx), grid.step(stepIdx), stepIdx, grid.metric(), value,
                grid.tokensUsed(layerIdx, stepIdx));
    }
}

package org.shapescope.viewer.figure;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;

/**
 * Metric against training step for one or several layers, on a logarithmic step axis
 * ({@link LogStepAxis}: step 0 is drawn at a symbolic position half a decade left of the first
 * positive step, labelled "0"). When a {@link LossCurve} is given it is drawn as a grey dashed
 * line on a second y axis on the right. Layers are coloured along the colour map from shallow
 * (dark) to deep (light), skipping the map's palest tenth so lines stay visible on white.
 *
 * <p>Dataset 0 has one series per layer, keyed "layer N"; dataset 1, when present, is the loss.
 */
public final class TrajectoryFigure {

    private static final Color LOSS_COLOUR = new Color(0x80, 0x80, 0x80);
    private static final Color SPIKE_COLOUR = new Color(0xE6, 0x7E, 0x22);

    private final MetricGrid grid;
    private int[] layerIdx;
    private LossCurve loss;
    private int selectedCheckpoint = -1;
    private long[] spikes = new long[0];
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private String title;
    private FigureStyle style = FigureStyle.SCREEN;

    public TrajectoryFigure(MetricGrid grid) {
        this.grid = grid;
        this.layerIdx = new int[] {grid.layerCount() - 1};
    }

    /** Layer rows to draw, as indices into the grid's layers. */
    public TrajectoryFigure layers(int... layerIdx) {
        this.layerIdx = layerIdx.clone();
        return this;
    }

    /** Training loss for the second y axis; null for none. */
    public TrajectoryFigure loss(LossCurve loss) {
        this.loss = loss;
        return this;
    }

    /** Draws a vertical marker at this checkpoint; -1 for none. */
    public TrajectoryFigure selectedCheckpoint(int stepIdx) {
        this.selectedCheckpoint = stepIdx;
        return this;
    }

    /** Loss-spike onsets, drawn as dashed orange vertical lines; none by default. */
    public TrajectoryFigure spikes(long... onsetSteps) {
        this.spikes = onsetSteps.clone();
        return this;
    }

    public TrajectoryFigure colorMap(ColorMap map) {
        this.colorMap = map;
        return this;
    }

    /** Fonts, line widths and title policy; {@link FigureStyle#SCREEN} by default. */
    public TrajectoryFigure style(FigureStyle style) {
        this.style = style;
        return this;
    }

    public TrajectoryFigure title(String title) {
        this.title = title;
        return this;
    }

    public JFreeChart build() {
        long[] all = grid.steps();
        if (loss != null) {
            long[] withLoss = java.util.Arrays.copyOf(all, all.length + loss.size());
            System.arraycopy(loss.steps(), 0, withLoss, all.length, loss.size());
            all = withLoss;
        }
        LogStepAxis xAxis = style.axis(new LogStepAxis("training step", all), "training step");
        String value = style.valueLabel(grid.metric());
        // with a legend (several layers, or the loss) the legend names the layer; a longer axis
        // label would not fit the height of a column-wide figure
        boolean legend = layerIdx.length > 1 || loss != null;
        String yLabel = legend ? value : value + ", layer " + grid.layer(layerIdx[0]);
        NumberAxis yAxis = style.axis(new NumberAxis(yLabel), yLabel);

        XYSeriesCollection metric = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        // one path per series, not one line element per segment (small vector files)
        renderer.setDrawSeriesLineAsPath(true);
        for (int k = 0; k < layerIdx.length; k++) {
            int l = layerIdx[k];
            XYSeries series = new XYSeries("layer " + grid.layer(l), false, true);
            for (int s = 0; s < grid.stepCount(); s++) {
                add(series, xAxis, grid.step(s), grid.value(l, s), s + 1 < grid.stepCount() ? grid.step(s + 1) : -1);
            }
            metric.addSeries(series);
            double t = layerIdx.length == 1 ? 0.0 : 0.85 * k / (layerIdx.length - 1);
            renderer.setSeriesPaint(k, colorMap.color(t));
            renderer.setSeriesStroke(k, style.roundStroke(2.0));
            renderer.setSeriesShape(k, style.dot(6));
        }
        XYPlot plot = new XYPlot(metric, xAxis, yAxis, renderer);
        style.plot(plot, true);

        if (loss != null) {
            XYSeries lossSeries = new XYSeries("training loss", false, true);
            for (int i = 0; i < loss.size(); i++) {
                add(lossSeries, xAxis, loss.step(i), loss.loss(i), i + 1 < loss.size() ? loss.step(i + 1) : -1);
            }
            NumberAxis lossAxis = style.axis(new NumberAxis("training loss"), "training loss");
            style.spaceTicks(lossAxis, false);
            lossAxis.setLabelPaint(LOSS_COLOUR);
            lossAxis.setTickLabelPaint(LOSS_COLOUR);
            // read bottom to top like the left axis; JFreeChart places the default top-to-bottom
            // right-axis label over its tick labels when rotated text is drawn as text (vector export)
            lossAxis.setLabelAngle(Math.PI);
            plot.setRangeAxis(1, lossAxis);
            plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
            plot.setDataset(1, new XYSeriesCollection(lossSeries));
            plot.mapDatasetToRangeAxis(1, 1);
            XYLineAndShapeRenderer lossRenderer = new XYLineAndShapeRenderer(true, false);
            lossRenderer.setDrawSeriesLineAsPath(true);
            lossRenderer.setSeriesPaint(0, LOSS_COLOUR);
            lossRenderer.setSeriesStroke(0, style.dashed(1.6, 6, 4));
            plot.setRenderer(1, lossRenderer);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        }
        if (selectedCheckpoint >= 0 && selectedCheckpoint < grid.stepCount()) {
            ValueMarker marker = new ValueMarker(xAxis.position(grid.step(selectedCheckpoint)));
            marker.setPaint(new Color(0xC0, 0x39, 0x2B));
            marker.setStroke(style.stroke(1.2));
            plot.addDomainMarker(marker);
        }
        for (long spike : spikes) {
            ValueMarker marker = new ValueMarker(xAxis.position(spike));
            marker.setPaint(SPIKE_COLOUR);
            marker.setStroke(style.dashed(1.4, 5, 3));
            plot.addDomainMarker(marker);
        }
        return style.chart(title, plot, legend);
    }

    /**
     * Adds one point; after step 0 a NaN point breaks the line, because the distance between the
     * symbolic zero position and the first positive step means nothing.
     */
    private static void add(XYSeries series, LogStepAxis axis, long step, double value, long nextStep) {
        series.add(axis.position(step), value);
        if (step == 0 && nextStep > 0) {
            series.add((axis.position(0) + axis.position(nextStep)) / 2, Double.NaN);
        }
    }
}

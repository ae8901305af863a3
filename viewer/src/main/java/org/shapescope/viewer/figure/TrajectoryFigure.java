package org.shapescope.viewer.figure;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.RunGrid;

/**
 * Metric against training step for one or several layers, on a logarithmic step axis
 * ({@link LogStepAxis}: step 0 is drawn at a symbolic position half a decade left of the first
 * positive step, labelled "0"). When a {@link LossCurve} is given it is drawn as a grey dashed
 * line on a second y axis on the right. Layers are coloured along the colour map from shallow
 * (dark) to deep (light), skipping the map's palest tenth so lines stay visible on white.
 *
 * <p>When the grid has a spread over resamples, each line carries error bars of mean ± std
 * ({@link SpreadBars}) and the figure a caption (or legend entry) saying so. With {@link #compareWith} the
 * trajectories of several runs are overlaid, one colour each.
 *
 * <p>Dataset 0 has one series per layer, keyed "layer N" (comparing: one per run and layer, keyed
 * "name, layer N", this run first); dataset 1, when present, is the loss; dataset
 * {@link #BARS_DATASET}, when present, the error bars, one series per line of dataset 0.
 */
public final class TrajectoryFigure {

    private static final Color LOSS_COLOUR = new Color(0x80, 0x80, 0x80);
    private static final Color SPIKE_COLOUR = new Color(0xE6, 0x7E, 0x22);

    /** Index of the plot's dataset of error bars (mean ± std over resamples), when there is a spread. */
    public static final int BARS_DATASET = 2;

    private final MetricGrid grid;
    private List<RunGrid> others = List.of();
    private String runName = "";
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

    /**
     * Overlays other runs: for each drawn layer, each run's layer at the nearest relative depth
     * (layer / last layer), one colour per run ({@link RunColours}), with a legend of run names;
     * every run's loss, when given, is dashed in its run's colour (not in the legend). {@code name}
     * is this figure's run.
     */
    public TrajectoryFigure compareWith(String name, List<RunGrid> others) {
        this.runName = name;
        this.others = List.copyOf(others);
        return this;
    }

    /** One drawn line: whose grid, which layer row, and the run's name ("" without comparison). */
    private record Line(MetricGrid grid, int layerIdx, String run) {
    }

    public JFreeChart build() {
        boolean comparing = !others.isEmpty();
        LogStepAxis xAxis = style.axis(new LogStepAxis("training step", allSteps()), "training step");
        String value = style.valueLabel(grid.metric());
        // with a legend (several layers or runs, or the loss) the legend names the layer; a longer
        // axis label would not fit the height of a column-wide figure
        boolean legend = layerIdx.length > 1 || loss != null || comparing;
        String yLabel = legend ? value : value + ", layer " + grid.layer(layerIdx[0]);
        String shortLabel = legend ? grid.metric() : grid.metric() + ", layer " + grid.layer(layerIdx[0]);
        NumberAxis yAxis = style.axis(new FittedLabelAxis(yLabel, shortLabel), yLabel);

        List<Line> lines = comparing ? runLines() : layerLines();
        XYSeriesCollection metric = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        // one path per series, not one line element per segment (small vector files)
        renderer.setDrawSeriesLineAsPath(true);
        List<YIntervalSeries> bars = new ArrayList<>();
        List<Paint> paints = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            Line line = lines.get(k);
            String key = (line.run().isEmpty() ? "" : line.run() + ", ") + "layer " + line.grid().layer(line.layerIdx());
            metric.addSeries(series(key, line, xAxis));
            Paint paint = comparing ? RunColours.of(runIndex(line)) : layerColour(k);
            renderer.setSeriesPaint(k, paint);
            renderer.setSeriesStroke(k, style.roundStroke(2.0));
            renderer.setSeriesShape(k, style.dot(6));
            bars.add(bars(key, line, xAxis));
            paints.add(paint);
        }
        renderer.setDefaultToolTipGenerator((data, series, item) -> describe(lines.get(series), data.getXValue(series, item), xAxis));
        XYPlot plot = new XYPlot(metric, xAxis, yAxis, renderer);
        style.plot(plot, true);
        addLoss(plot, xAxis, comparing);
        markSelectedCheckpoint(plot, xAxis);
        markSpikes(plot, xAxis);
        FigureStyle.keepReadableRange(plot);
        JFreeChart chart = style.chart(title, plot, legend);
        SpreadBars.draw(chart, plot, BARS_DATASET, bars, paints, grid.resamples(), style);
        return chart;
    }

    /** Every step on the x axis: of every run's checkpoints and losses. */
    private long[] allSteps() {
        java.util.stream.LongStream.Builder all = java.util.stream.LongStream.builder();
        for (RunGrid run : runs()) {
            java.util.Arrays.stream(run.grid().steps()).forEach(all);
            if (run.loss() != null) {
                java.util.Arrays.stream(run.loss().steps()).forEach(all);
            }
        }
        return all.build().toArray();
    }

    /** This run (with its loss) followed by the compared ones. */
    private List<RunGrid> runs() {
        List<RunGrid> runs = new ArrayList<>();
        runs.add(new RunGrid(runName, grid, loss));
        runs.addAll(others);
        return runs;
    }

    private List<Line> layerLines() {
        List<Line> lines = new ArrayList<>();
        for (int l : layerIdx) {
            lines.add(new Line(grid, l, ""));
        }
        return lines;
    }

    /** For each drawn layer, every run's layer at the nearest relative depth. */
    private List<Line> runLines() {
        List<Line> lines = new ArrayList<>();
        for (int l : layerIdx) {
            double depth = grid.relativeDepth(l);
            for (RunGrid run : runs()) {
                if (run.grid().layerCount() > 0) {
                    lines.add(new Line(run.grid(), run.grid().nearestDepthIndex(depth), run.name()));
                }
            }
        }
        return lines;
    }

    private int runIndex(Line line) {
        if (line.grid() == grid) {
            return 0;
        }
        for (int k = 0; k < others.size(); k++) {
            if (others.get(k).grid() == line.grid()) {
                return k + 1;
            }
        }
        return 0;
    }

    /** Layers along the colour map from shallow (dark) to deep (light), skipping its palest tenth. */
    private Color layerColour(int k) {
        double t = layerIdx.length == 1 ? 0.0 : 0.85 * k / (layerIdx.length - 1);
        return colorMap.color(t);
    }

    private static XYSeries series(String key, Line line, LogStepAxis xAxis) {
        MetricGrid g = line.grid();
        XYSeries series = new XYSeries(key, false, true);
        for (int s = 0; s < g.stepCount(); s++) {
            add(series, xAxis, g.step(s), g.value(line.layerIdx(), s), s + 1 < g.stepCount() ? g.step(s + 1) : -1);
        }
        return series;
    }

    private static YIntervalSeries bars(String key, Line line, LogStepAxis xAxis) {
        YIntervalSeries bars = new YIntervalSeries(key, false, true);
        for (int s = 0; s < line.grid().stepCount(); s++) {
            SpreadBars.add(bars, xAxis.position(line.grid().step(s)), line.grid(), line.layerIdx(), s);
        }
        return bars;
    }

    /** Tooltip of the point at x (a step's axis position); null for the gap after step 0. */
    private static String describe(Line line, double x, LogStepAxis axis) {
        MetricGrid g = line.grid();
        int s = -1;
        for (int i = 0; i < g.stepCount() && s < 0; i++) {
            s = axis.position(g.step(i)) == x ? i : -1;
        }
        if (s < 0) {
            return null;
        }
        return String.format(Locale.ROOT, "%slayer %d, step %,d%n%s = %s", line.run().isEmpty() ? "" : line.run() + ": ",
                g.layer(line.layerIdx()), g.step(s), g.metric(), SpreadBars.valueText(g, line.layerIdx(), s));
    }

    /** The loss on a second y axis: this run's in grey, or, comparing, every run's dashed in its colour. */
    private void addLoss(XYPlot plot, LogStepAxis xAxis, boolean comparing) {
        List<RunGrid> runs = runs();
        XYSeriesCollection losses = new XYSeriesCollection();
        XYLineAndShapeRenderer lossRenderer = new XYLineAndShapeRenderer(true, false);
        lossRenderer.setDrawSeriesLineAsPath(true);
        for (int k = 0; k < (comparing ? runs.size() : 1); k++) {
            LossCurve curve = runs.get(k).loss();
            if (curve == null) {
                continue;
            }
            String key = comparing ? runs.get(k).name() + ", training loss" : "training loss";
            XYSeries lossSeries = new XYSeries(key, false, true);
            for (int i = 0; i < curve.size(); i++) {
                add(lossSeries, xAxis, curve.step(i), curve.loss(i), i + 1 < curve.size() ? curve.step(i + 1) : -1);
            }
            int series = losses.getSeriesCount();
            losses.addSeries(lossSeries);
            lossRenderer.setSeriesPaint(series, comparing ? RunColours.of(k) : LOSS_COLOUR);
            lossRenderer.setSeriesStroke(series, style.dashed(comparing ? 1.2 : 1.6, 6, 4));
            // comparing, the dashed line in a run's colour on the "training loss" axis is that run's loss;
            // legend entries for them would take a second legend row off a column-wide figure's height
            lossRenderer.setSeriesVisibleInLegend(series, !comparing);
        }
        if (losses.getSeriesCount() == 0) {
            return;
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
        plot.setDataset(1, losses);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, lossRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    }

    private void markSelectedCheckpoint(XYPlot plot, LogStepAxis xAxis) {
        if (selectedCheckpoint >= 0 && selectedCheckpoint < grid.stepCount()) {
            ValueMarker marker = new ValueMarker(xAxis.position(grid.step(selectedCheckpoint)));
            marker.setPaint(new Color(0xC0, 0x39, 0x2B));
            marker.setStroke(style.stroke(1.2));
            plot.addDomainMarker(marker);
        }
    }

    /** Dashed lines at the onsets of loss spikes ({@link #spikes}). */
    private void markSpikes(XYPlot plot, LogStepAxis xAxis) {
        for (long spike : spikes) {
            ValueMarker marker = new ValueMarker(xAxis.position(spike));
            marker.setPaint(SPIKE_COLOUR);
            marker.setStroke(style.dashed(1.4, 5, 3));
            plot.addDomainMarker(marker);
        }
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

package org.shapescope.viewer.figure;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.RunGrid;

/**
 * Metric against layer for one checkpoint: the "dome" profile of intrinsic dimension or
 * anisotropy over depth. Optionally every checkpoint is overlaid, coloured by training step from
 * light (early) to dark (late) on a log-step colour bar, with the selected checkpoint drawn
 * black on top. The x axis is either the layer number or the relative depth
 * {@code layer / lastLayer} in [0, 1], which lets models of different depth share an axis.
 * Cells not computed yet leave gaps in the lines.
 *
 * <p>When the grid has a spread over resamples, the selected checkpoint's profile carries error
 * bars of mean ± std ({@link SpreadBars}, dataset {@link #BARS_DATASET}) and a caption (or legend entry) saying so.
 * With {@link #compareWith} the profiles of several runs are overlaid, one colour each.
 *
 * <p>Dataset 0 has one series per drawn checkpoint, keyed by its step (a {@code Long}); the
 * selected checkpoint's series is last. Comparing runs, it has one series per run, this run
 * first, keyed "name, step N".
 */
public final class LayerProfileFigure {

    /** Index of the plot's dataset of error bars (mean ± std over resamples), when there is a spread. */
    public static final int BARS_DATASET = 1;

    private final MetricGrid grid;
    private List<RunGrid> others = List.of();
    private String runName = "";
    private int checkpoint;
    private boolean overlayAll;
    private boolean relativeDepth;
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private String title;
    private FigureStyle style = FigureStyle.SCREEN;

    /** @param checkpoint index of the checkpoint to show (highlighted when overlaying) */
    public LayerProfileFigure(MetricGrid grid, int checkpoint) {
        this.grid = grid;
        this.checkpoint = checkpoint;
    }

    public LayerProfileFigure overlayAllCheckpoints(boolean overlay) {
        this.overlayAll = overlay;
        return this;
    }

    public LayerProfileFigure relativeDepth(boolean relative) {
        this.relativeDepth = relative;
        return this;
    }

    public LayerProfileFigure colorMap(ColorMap map) {
        this.colorMap = map;
        return this;
    }

    /** Fonts, line widths and title policy; {@link FigureStyle#SCREEN} by default. */
    public LayerProfileFigure style(FigureStyle style) {
        this.style = style;
        return this;
    }

    public LayerProfileFigure title(String title) {
        this.title = title;
        return this;
    }

    /**
     * Overlays other runs: each run's profile at the checkpoint nearest (log step) to the selected
     * one, one colour per run ({@link RunColours}), with a legend of run names; {@code name} is
     * this figure's own run. Overlaying all checkpoints applies only without comparison.
     */
    public LayerProfileFigure compareWith(String name, List<RunGrid> others) {
        this.runName = name;
        this.others = List.copyOf(others);
        return this;
    }

    /** x position of layer row {@code layerIdx}: the layer number, or layer / last layer. */
    public double depth(int layerIdx) {
        return depth(grid, layerIdx);
    }

    private double depth(MetricGrid g, int layerIdx) {
        return relativeDepth ? g.relativeDepth(layerIdx) : g.layer(layerIdx);
    }

    /** One drawn profile: whose grid, which checkpoint, and the run's name ("" without comparison). */
    private record Profile(MetricGrid grid, int stepIdx, String run) {
    }

    public JFreeChart build() {
        int selected = Math.max(0, Math.min(grid.stepCount() - 1, checkpoint));
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        List<Profile> drawn = new ArrayList<>();
        List<YIntervalSeries> bars = new ArrayList<>();
        List<Paint> barPaints = new ArrayList<>();
        boolean comparing = !others.isEmpty();
        ColorMapScale stepColours = null;
        if (comparing) {
            addRunProfiles(selected, dataset, renderer, drawn, bars, barPaints);
        } else {
            if (overlayAll) {
                stepColours = addCheckpointOverlay(selected, dataset, renderer, drawn);
            }
            int last = dataset.getSeriesCount();
            Color paint = overlayAll ? Color.BLACK : new Color(0x1F, 0x4E, 0x79);
            addProfile(new Profile(grid, selected, ""), grid.step(selected), dataset, drawn, bars, barPaints, paint);
            renderer.setSeriesPaint(last, paint);
            renderer.setSeriesStroke(last, style.roundStroke(2.4));
            renderer.setSeriesShape(last, style.dot(7));
            renderer.setSeriesShapesVisible(last, true);
        }
        renderer.setDefaultToolTipGenerator((data, series, item) -> describe(drawn.get(series), item));

        String xLabel = relativeDepth ? "relative depth (layer / last layer)" : "layer";
        NumberAxis xAxis = style.axis(new NumberAxis(xLabel), xLabel);
        if (!relativeDepth) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        String yLabel = style.valueLabel(grid.metric());
        NumberAxis yAxis = style.axis(new FittedLabelAxis(yLabel, grid.metric()), yLabel);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        style.plot(plot, true);

        String heading = title != null ? title
                : overlayAll || comparing ? null
                : String.format(Locale.ROOT, "%s at step %,d", grid.metric(), grid.step(selected));
        FigureStyle.keepReadableRange(plot);
        JFreeChart chart = style.chart(heading, plot, comparing);
        if (stepColours != null) {
            LogStepAxis barAxis = style.axis(new LogStepAxis("training step", grid.steps()), "training step");
            chart.addSubtitle(style.colourBar(stepColours, barAxis));
        }
        SpreadBars.draw(chart, plot, BARS_DATASET, bars, barPaints, grid.resamples(), style);
        return chart;
    }

    /** Every checkpoint but the selected one, coloured by log step, without bars; returns the colour scale. */
    private ColorMapScale addCheckpointOverlay(int selected, XYSeriesCollection dataset, XYLineAndShapeRenderer renderer,
            List<Profile> drawn) {
        LogStepAxis stepScale = new LogStepAxis("training step", grid.steps());
        double sLo = stepScale.position(grid.step(0));
        double sHi = stepScale.position(grid.step(grid.stepCount() - 1));
        ColorMapScale stepColours = new ColorMapScale(colorMap, sLo, sHi, true);
        for (int s = 0; s < grid.stepCount(); s++) {
            if (s == selected) {
                continue;
            }
            int series = dataset.getSeriesCount();
            dataset.addSeries(profile(grid, s, grid.step(s)));
            drawn.add(new Profile(grid, s, ""));
            renderer.setSeriesPaint(series, stepColours.getPaint(stepScale.position(grid.step(s))));
            renderer.setSeriesStroke(series, style.stroke(1.4));
            renderer.setSeriesShapesVisible(series, false);
            renderer.setSeriesVisibleInLegend(series, false);
        }
        return stepColours;
    }

    /** This run and every compared one, each at the checkpoint nearest the selected step, in its run colour. */
    private void addRunProfiles(int selected, XYSeriesCollection dataset, XYLineAndShapeRenderer renderer,
            List<Profile> drawn, List<YIntervalSeries> bars, List<Paint> barPaints) {
        long step = grid.step(selected);
        List<Profile> runs = new ArrayList<>();
        runs.add(new Profile(grid, selected, runName));
        for (RunGrid other : others) {
            if (other.grid().stepCount() > 0 && other.grid().layerCount() > 0) {
                runs.add(new Profile(other.grid(), other.grid().nearestStepIndex(step), other.name()));
            }
        }
        for (int k = 0; k < runs.size(); k++) {
            Profile p = runs.get(k);
            String key = String.format(Locale.ROOT, "%s, step %,d", p.run(), p.grid().step(p.stepIdx()));
            addProfile(p, key, dataset, drawn, bars, barPaints, RunColours.of(k));
            renderer.setSeriesPaint(k, RunColours.of(k));
            renderer.setSeriesStroke(k, style.roundStroke(2.2));
            renderer.setSeriesShape(k, style.dot(6));
        }
    }

    private void addProfile(Profile p, Comparable<?> key, XYSeriesCollection dataset, List<Profile> drawn,
            List<YIntervalSeries> bars, List<Paint> barPaints, Paint paint) {
        dataset.addSeries(profile(p.grid(), p.stepIdx(), key));
        drawn.add(p);
        YIntervalSeries bar = new YIntervalSeries(key, false, true);
        for (int l = 0; l < p.grid().layerCount(); l++) {
            SpreadBars.add(bar, depth(p.grid(), l), p.grid(), l, p.stepIdx());
        }
        bars.add(bar);
        barPaints.add(paint);
    }

    private XYSeries profile(MetricGrid g, int stepIdx, Comparable<?> key) {
        XYSeries series = new XYSeries(key, false, true);
        for (int l = 0; l < g.layerCount(); l++) {
            // a NaN y breaks the line, so missing layers show as gaps
            series.add(depth(g, l), g.value(l, stepIdx));
        }
        return series;
    }

    private static String describe(Profile p, int layerIdx) {
        return String.format(Locale.ROOT, "%slayer %d, step %,d%n%s = %s", p.run().isEmpty() ? "" : p.run() + ": ",
                p.grid().layer(layerIdx), p.grid().step(p.stepIdx()), p.grid().metric(),
                SpreadBars.valueText(p.grid(), layerIdx, p.stepIdx()));
    }
}

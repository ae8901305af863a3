package org.shapescope.viewer.figure;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.shapescope.viewer.data.MetricGrid;

/**
 * Metric against layer for one checkpoint: the "dome" profile of intrinsic dimension or
 * anisotropy over depth. Optionally every checkpoint is overlaid, coloured by training step from
 * light (early) to dark (late) on a log-step colour bar, with the selected checkpoint drawn
 * black on top. The x axis is either the layer number or the relative depth
 * {@code layer / lastLayer} in [0, 1], which lets models of different depth share an axis.
 * Cells not computed yet leave gaps in the lines.
 *
 * <p>The dataset has one series per drawn checkpoint, keyed by its step (a {@code Long}); the
 * selected checkpoint's series is last.
 */
public final class LayerProfileFigure {

    private final MetricGrid grid;
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

    /** x position of layer row {@code layerIdx}: the layer number, or layer / last layer. */
    public double depth(int layerIdx) {
        if (!relativeDepth) {
            return grid.layer(layerIdx);
        }
        int last = grid.layer(grid.layerCount() - 1);
        return last == 0 ? 0 : grid.layer(layerIdx) / (double) last;
    }

    public JFreeChart build() {
        int steps = grid.stepCount();
        int selected = Math.max(0, Math.min(steps - 1, checkpoint));
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        LogStepAxis stepScale = new LogStepAxis("training step", grid.steps());
        double sLo = stepScale.position(grid.step(0));
        double sHi = stepScale.position(grid.step(steps - 1));
        ColorMapScale stepColours = new ColorMapScale(colorMap, sLo, sHi, true);
        if (overlayAll) {
            for (int s = 0; s < steps; s++) {
                if (s == selected) {
                    continue;
                }
                int series = dataset.getSeriesCount();
                dataset.addSeries(profile(s));
                Color c = (Color) stepColours.getPaint(stepScale.position(grid.step(s)));
                renderer.setSeriesPaint(series, c);
                renderer.setSeriesStroke(series, style.stroke(1.4));
                renderer.setSeriesShapesVisible(series, false);
                renderer.setSeriesVisibleInLegend(series, false);
            }
        }
        int last = dataset.getSeriesCount();
        dataset.addSeries(profile(selected));
        renderer.setSeriesPaint(last, overlayAll ? Color.BLACK : new Color(0x1F, 0x4E, 0x79));
        renderer.setSeriesStroke(last, style.roundStroke(2.4));
        renderer.setSeriesShape(last, style.dot(7));
        renderer.setSeriesShapesVisible(last, true);

        String xLabel = relativeDepth ? "relative depth (layer / last layer)" : "layer";
        NumberAxis xAxis = style.axis(new NumberAxis(xLabel), xLabel);
        if (!relativeDepth) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        String yLabel = style.valueLabel(grid.metric());
        NumberAxis yAxis = style.axis(new NumberAxis(yLabel), yLabel);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        style.plot(plot, true);

        String heading = title != null ? title
                : overlayAll ? null : String.format(java.util.Locale.ROOT, "%s at step %,d", grid.metric(), grid.step(selected));
        JFreeChart chart = style.chart(heading, plot, false);
        if (overlayAll) {
            LogStepAxis barAxis = style.axis(new LogStepAxis("training step", grid.steps()), "training step");
            var bar = style.colourBar(stepColours, barAxis);
            chart.addSubtitle(bar);
        }
        return chart;
    }

    private XYSeries profile(int stepIdx) {
        XYSeries series = new XYSeries(grid.step(stepIdx), false, true);
        for (int l = 0; l < grid.layerCount(); l++) {
            // a NaN y breaks the line, so missing layers show as gaps
            series.add(depth(l), grid.value(l, stepIdx));
        }
        return series;
    }
}

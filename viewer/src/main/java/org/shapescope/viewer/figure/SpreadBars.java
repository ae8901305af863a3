package org.shapescope.viewer.figure;

import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.shapescope.viewer.data.MetricGrid;

/**
 * Error bars of mean ± one sample standard deviation over a grid's resamples, the convention of
 * Lee et al. (ACL 2025: "mean ± std over 5 resamples"), for the profile and trajectory figures.
 * The bars are their own dataset (one {@link YIntervalSeries} per line that has a spread, item
 * start = mean − std, end = mean + std), drawn beneath the lines by an {@link XYErrorRenderer}
 * in the line's colour, with a caption saying what they are. Cells without a spread get no bar.
 */
final class SpreadBars {

    private SpreadBars() {
    }

    /** The caption of figures with bars and no legend, e.g. "error bars: ± std over 5 resamples". */
    static String caption(int resamples) {
        return "error bars: " + legendText(resamples);
    }

    /**
     * The legend entry beside an error-bar glyph, e.g. "± std over 5 resamples": the value is the
     * mean over the resamples for the neighbour estimators and the value on all tokens for the
     * bootstrapped spectral ones, so the legend names only the spread.
     */
    static String legendText(int resamples) {
        return "± std over " + resamples + " resamples";
    }

    /** "12.34 ± 0.56 (5 resamples)", or the value alone without a spread, or "not computed". */
    static String valueText(MetricGrid grid, int layerIdx, int stepIdx) {
        if (!grid.isComputed(layerIdx, stepIdx)) {
            return "not computed";
        }
        if (!grid.hasSpread(layerIdx, stepIdx)) {
            return String.format(Locale.ROOT, "%.6g", grid.value(layerIdx, stepIdx));
        }
        return String.format(Locale.ROOT, "%.5g ± %.3g (%d resamples)", grid.value(layerIdx, stepIdx),
                grid.spread(layerIdx, stepIdx), grid.resamples());
    }

    /** Adds the bar of cell (layerIdx, stepIdx) at x when it has a spread. */
    static void add(YIntervalSeries bars, double x, MetricGrid grid, int layerIdx, int stepIdx) {
        if (grid.isComputed(layerIdx, stepIdx) && grid.hasSpread(layerIdx, stepIdx)) {
            double mean = grid.value(layerIdx, stepIdx);
            double std = grid.spread(layerIdx, stepIdx);
            bars.add(x, mean, mean - std, mean + std);
        }
    }

    /**
     * Puts {@code bars} on {@code plot} as dataset {@code index}, series k in {@code paints[k]},
     * beneath the lines, and says what they are: as a last legend entry with an error-bar glyph
     * when the chart has a legend (a caption would take a row off a column-wide figure's plot),
     * else as a caption; does nothing when no series has a bar.
     */
    static void draw(JFreeChart chart, XYPlot plot, int index, List<YIntervalSeries> bars, List<Paint> paints,
            int resamples, FigureStyle style) {
        if (bars.stream().allMatch(b -> b.getItemCount() == 0)) {
            return;
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        bars.forEach(dataset::addSeries);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(false);
        renderer.setDefaultSeriesVisibleInLegend(false);
        renderer.setErrorPaint(null); // each bar in its series' paint
        renderer.setErrorStroke(style.stroke(1.2));
        renderer.setCapLength(style.size(6));
        for (int k = 0; k < paints.size(); k++) {
            renderer.setSeriesPaint(k, paints.get(k));
        }
        plot.setDataset(index, dataset);
        plot.setRenderer(index, renderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        if (chart.getLegend() != null) {
            LegendItemCollection items = plot.getLegendItems();
            items.add(new LegendItem(legendText(resamples), null, null, null, glyph(style.size(5)), style.stroke(1.2),
                    FigureStyle.AXIS));
            plot.setFixedLegendItems(items);
            return;
        }
        TextTitle caption = new TextTitle(caption(resamples), style.legendFont());
        caption.setPaint(FigureStyle.AXIS);
        caption.setPosition(RectangleEdge.BOTTOM);
        caption.setPadding(style.insets(2, 2, 0, 2));
        chart.addSubtitle(caption);
    }

    /** An error bar standing on its side's centre: a vertical line with a cap at each end, half-height h. */
    private static Shape glyph(double h) {
        Path2D bar = new Path2D.Double();
        double cap = h * 0.6;
        bar.moveTo(0, -h);
        bar.lineTo(0, h);
        bar.moveTo(-cap, -h);
        bar.lineTo(cap, -h);
        bar.moveTo(-cap, h);
        bar.lineTo(cap, h);
        return bar;
    }
}

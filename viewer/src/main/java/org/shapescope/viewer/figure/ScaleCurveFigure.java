package org.shapescope.viewer.figure;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.shapescope.viewer.data.ScaleCurve;

/**
 * A {@link ScaleCurve}: value against scale on a base-2 logarithmic axis, a line through the
 * points and an error bar of ± one standard error at each (the curve of Denti et al. 2022, Fig. 3).
 * Dataset 0 is one {@code YIntervalSeries} keyed by the quantity.
 */
public final class ScaleCurveFigure {
    private static final Color LINE = new Color(0x2C, 0x5F, 0x8A);

    private final ScaleCurve curve;
    private FigureStyle style = FigureStyle.SCREEN;
    private String title;

    public ScaleCurveFigure(ScaleCurve curve) {
        this.curve = curve;
    }

    public ScaleCurveFigure style(FigureStyle style) {
        this.style = style;
        return this;
    }

    public ScaleCurveFigure title(String title) {
        this.title = title;
        return this;
    }

    public JFreeChart build() {
        YIntervalSeries series = new YIntervalSeries(curve.quantity(), false, true);
        for (int i = 0; i < curve.size(); i++) {
            double v = curve.value()[i];
            double e = Double.isFinite(curve.error()[i]) ? curve.error()[i] : 0;
            series.add(curve.scale()[i], v, v - e, v + e);
        }
        LogAxis x = style.axis(new LogAxis(curve.scaleName()), curve.scaleName());
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        if (curve.size() > 0) {
            x.setRange(curve.scale()[0] / 1.4, curve.scale()[curve.size() - 1] * 1.4);
        }
        NumberAxis y = style.axis(new NumberAxis(curve.quantity()), curve.quantity());
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, LINE);
        renderer.setErrorPaint(LINE);
        renderer.setErrorStroke(style.stroke(1.2));
        renderer.setCapLength(style.size(6));
        renderer.setSeriesStroke(0, style.roundStroke(2.0));
        renderer.setSeriesShape(0, style.dot(6));
        renderer.setDefaultToolTipGenerator((dataset, s, i) -> String.format(java.util.Locale.ROOT,
                "%s%n%s %.0f: %.4g ± %.2g (mean distance %.4g)", curve.cell(), curve.scaleName(), curve.scale()[i],
                curve.value()[i], curve.error()[i], curve.distance()[i]));
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        style.plot(plot, true);
        return style.chart(title == null ? curve.cell() : title, plot, false);
    }
}

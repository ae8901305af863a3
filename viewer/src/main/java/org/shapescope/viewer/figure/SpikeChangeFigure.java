package org.shapescope.viewer.figure;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.shapescope.viewer.data.SpikeChanges;

/**
 * Robust z of the metric's last change before each loss spike against layer: one line per spike
 * (coloured along the colour map, first spike dark), dashed lines at ±threshold. A point outside
 * the band is an unusual change right before that spike.
 */
public final class SpikeChangeFigure {
    private static final Color BAND = new Color(0xC0, 0x39, 0x2B);

    private final SpikeChanges changes;
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private FigureStyle style = FigureStyle.SCREEN;

    public SpikeChangeFigure(SpikeChanges changes) {
        this.changes = changes;
    }

    public SpikeChangeFigure colorMap(ColorMap map) {
        this.colorMap = map;
        return this;
    }

    public SpikeChangeFigure style(FigureStyle style) {
        this.style = style;
        return this;
    }

    private double[][] changesZ() {
        double[][] z = new double[changes.labels().size()][];
        for (int s = 0; s < z.length; s++) {
            z[s] = new double[changes.layers().length];
            for (int l = 0; l < z[s].length; l++) {
                z[s][l] = changes.z(s, l);
            }
        }
        return z;
    }

    public JFreeChart build() {
        NumberAxis xAxis = style.axis(new NumberAxis("layer"), "layer");
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // the metric's id, not its long axis label: a longer label does not fit the height of a
        // column-wide figure; in the explorer's small loss-spikes pane even this falls back to "z-score"
        String yLabel = "z-score (" + changes.metric() + ")";
        NumberAxis yAxis = style.axis(new FittedLabelAxis(yLabel, "z-score"), yLabel);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        int spikes = changes.labels().size();
        for (int s = 0; s < spikes; s++) {
            XYSeries series = new XYSeries(changes.labels().get(s), false, true);
            for (int l = 0; l < changes.layers().length; l++) {
                series.add(changes.layers()[l], changes.z(s, l));
            }
            data.addSeries(series);
            renderer.setSeriesPaint(s, colorMap.color(spikes == 1 ? 0.0 : 0.85 * s / (spikes - 1)));
            renderer.setSeriesStroke(s, style.roundStroke(2.0));
            renderer.setSeriesShape(s, style.dot(6));
        }
        // the ±threshold band always in view (range markers do not widen the axis themselves)
        double lo = -1.25 * changes.threshold();
        double hi = 1.25 * changes.threshold();
        for (double[] row : changesZ()) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v * 1.1);
                    hi = Math.max(hi, v * 1.1);
                }
            }
        }
        yAxis.setRange(lo, hi);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        style.plot(plot, true);
        for (double at : new double[] {changes.threshold(), -changes.threshold()}) {
            ValueMarker marker = new ValueMarker(at);
            marker.setPaint(BAND);
            marker.setStroke(style.dashed(1.2, 5, 4));
            plot.addRangeMarker(marker);
        }
        return style.chart(null, plot, spikes > 0);
    }
}

package org.shapescope.viewer;

import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * The part of an x–y chart the user dragged a rectangle over: the axis ranges, in data units,
 * that {@link #applyTo} sets on a freshly built chart (on screen and in exports alike, so an
 * export shows what is on screen).
 */
record ChartZoom(double xLower, double xUpper, double yLower, double yUpper) {

    /**
     * The zoom onto {@code drag} (drawing units) of {@code chart} drawn with data area
     * {@code area}; null when the chart is not an x–y chart or the rectangle is degenerate.
     */
    static ChartZoom of(JFreeChart chart, Rectangle2D area, Rectangle2D drag) {
        if (chart == null || area == null || !(chart.getPlot() instanceof XYPlot plot)) {
            return null;
        }
        Rectangle2D inside = drag.createIntersection(area);
        if (inside.getWidth() <= 0 || inside.getHeight() <= 0) {
            return null;
        }
        double x0 = plot.getDomainAxis().java2DToValue(inside.getMinX(), area, plot.getDomainAxisEdge());
        double x1 = plot.getDomainAxis().java2DToValue(inside.getMaxX(), area, plot.getDomainAxisEdge());
        double y0 = plot.getRangeAxis().java2DToValue(inside.getMaxY(), area, plot.getRangeAxisEdge());
        double y1 = plot.getRangeAxis().java2DToValue(inside.getMinY(), area, plot.getRangeAxisEdge());
        if (!(Math.min(x0, x1) < Math.max(x0, x1)) || !(Math.min(y0, y1) < Math.max(y0, y1))) {
            return null;
        }
        return new ChartZoom(Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1));
    }

    /** Sets the ranges on {@code chart}'s axes (x–y charts only) and returns it. */
    JFreeChart applyTo(JFreeChart chart) {
        if (chart != null && chart.getPlot() instanceof XYPlot plot) {
            plot.getDomainAxis().setRange(xLower, xUpper);
            plot.getRangeAxis().setRange(yLower, yUpper);
        }
        return chart;
    }
}

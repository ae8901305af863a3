package org.shapescope.viewer.figure;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A number axis whose ticks and their labels are chosen by the subclass rather than by a
 * regular tick unit (checkpoint indices labelled with steps, log-step decades with a symbolic
 * zero). Subclasses return candidate ticks for the visible range and the space available.
 */
abstract class TickAxis extends NumberAxis {

    /** A tick position and its label; an empty label makes a minor tick. */
    record Tick(double value, String label) {
    }

    private double labelGap = 12;

    TickAxis(String label) {
        super(label);
    }

    /** Space along a horizontal axis between neighbouring tick labels (default 12). */
    public void setLabelGap(double gap) {
        this.labelGap = gap;
    }

    /**
     * Ticks to draw between {@code lo} and {@code hi}.
     *
     * @param labelExtent  a function giving a label's extent along the axis in pixels
     * @param length       the axis length in pixels
     */
    abstract List<Tick> ticks(double lo, double hi, java.util.function.ToDoubleFunction<String> labelExtent,
            double length);

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        java.util.function.ToDoubleFunction<String> extent = horizontal
                ? s -> fm.stringWidth(s) + labelGap
                : s -> fm.getHeight() * 1.4;
        double length = horizontal ? dataArea.getWidth() : dataArea.getHeight();
        TextAnchor anchor;
        if (edge == RectangleEdge.BOTTOM) {
            anchor = TextAnchor.TOP_CENTER;
        } else if (edge == RectangleEdge.TOP) {
            anchor = TextAnchor.BOTTOM_CENTER;
        } else if (edge == RectangleEdge.LEFT) {
            anchor = TextAnchor.CENTER_RIGHT;
        } else {
            anchor = TextAnchor.CENTER_LEFT;
        }
        List result = new ArrayList();
        for (Tick t : ticks(getLowerBound(), getUpperBound(), extent, Math.max(1, length))) {
            TickType type = t.label().isEmpty() ? TickType.MINOR : TickType.MAJOR;
            result.add(new NumberTick(type, t.value(), t.label(), anchor, anchor, 0.0));
        }
        return result;
    }
}

package org.shapescope.viewer.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A value axis whose label falls back to a shorter one when it would run out of the plot area:
 * "anisotropy (share of variance on PC1)" does not fit the height of a column-wide figure,
 * "anisotropy" does. Decided when drawn, with the label font's real width,
 * so the same figure keeps its full label where there is room (a page-wide export, the screen).
 */
final class FittedLabelAxis extends NumberAxis {

    private final String shortLabel;

    FittedLabelAxis(String label, String shortLabel) {
        super(label);
        this.shortLabel = shortLabel;
    }

    /**
     * The label drawn beside {@code dataArea} at {@code edge}: the full one when it is no longer
     * than {@code plotArea}'s side along that edge, else the short one.
     */
    String labelFor(Graphics2D g2, Rectangle2D plotArea, Rectangle2D dataArea, RectangleEdge edge) {
        String label = getLabel();
        if (label == null || shortLabel == null || label.equals(shortLabel)) {
            return label;
        }
        double room = RectangleEdge.isLeftOrRight(edge) ? plotArea.getHeight() : plotArea.getWidth();
        double width = getLabelFont().getStringBounds(label, g2.getFontRenderContext()).getWidth();
        return width <= room ? label : shortLabel;
    }

    @Override
    protected AxisState drawLabel(String label, Graphics2D g2, Rectangle2D plotArea, Rectangle2D dataArea,
            RectangleEdge edge, AxisState state) {
        return super.drawLabel(label == null ? null : labelFor(g2, plotArea, dataArea, edge), g2, plotArea, dataArea, edge, state);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof FittedLabelAxis other && java.util.Objects.equals(shortLabel, other.shortLabel) && super.equals(obj);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + java.util.Objects.hashCode(shortLabel);
    }
}

package org.shapescope.viewer.figure;

import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * A JFreeChart {@link PaintScale} that maps [lower, upper] linearly onto a {@link ColorMap};
 * NaN maps to {@link ColorMap#MISSING}, values outside the range to the end colours. With
 * {@code reversed} the map runs from its light end to its dark end.
 */
public final class ColorMapScale implements PaintScale, Serializable {

    private final ColorMap map;
    private final double lower;
    private final double upper;
    private final boolean reversed;

    public ColorMapScale(ColorMap map, double lower, double upper) {
        this(map, lower, upper, false);
    }

    public ColorMapScale(ColorMap map, double lower, double upper, boolean reversed) {
        if (!(upper > lower)) {
            double mid = Double.isFinite(lower) ? lower : 0;
            lower = mid - 0.5;
            upper = mid + 0.5;
        }
        this.map = map;
        this.lower = lower;
        this.upper = upper;
        this.reversed = reversed;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** Position in [0, 1] on the colour map for {@code value}. */
    public double position(double value) {
        double t = (value - lower) / (upper - lower);
        return reversed ? 1 - t : t;
    }

    @Override
    public Paint getPaint(double value) {
        return Double.isNaN(value) ? ColorMap.MISSING : map.color(position(value));
    }
}

package org.shapescope.viewer.figure;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * A diverging {@link PaintScale} symmetric about zero, for differences: blue below, white at 0, red
 * above, over [−m, m] with m the largest |value|. The anchors are ColorBrewer's 11-class RdBu
 * (Brewer, colorbrewer2.org; Harrower and Brewer, The Cartographic Journal 40(1), 2003), reversed so
 * that positive is red, interpolated linearly in sRGB; NaN maps to {@link ColorMap#MISSING}.
 */
final class DivergingScale implements PaintScale, Serializable {

    private static final int[] RD_BU_REVERSED = {
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B, 0x67001F,
    };

    private final double bound;

    /** [−bound, bound]; a bound that is not positive and finite becomes 1. */
    DivergingScale(double bound) {
        this.bound = bound > 0 && Double.isFinite(bound) ? bound : 1;
    }

    /** The scale for values whose range is {min, max}: m = max(|min|, |max|). */
    static DivergingScale around(double[] range) {
        return new DivergingScale(Math.max(Math.abs(range[0]), Math.abs(range[1])));
    }

    @Override
    public double getLowerBound() {
        return -bound;
    }

    @Override
    public double getUpperBound() {
        return bound;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return ColorMap.MISSING;
        }
        double t = Math.max(0, Math.min(1, (value + bound) / (2 * bound)));
        double pos = t * (RD_BU_REVERSED.length - 1);
        int k = Math.min((int) pos, RD_BU_REVERSED.length - 2);
        double f = pos - k;
        int a = RD_BU_REVERSED[k];
        int b = RD_BU_REVERSED[k + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + f * (cb - ca));
    }
}

package org.shapescope.viewer.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values are rows of matplotlib 3.6.3 {@code _cm_listed.py} (256-entry tables):
 * row 0 for t = 0, row 255 for t = 1, and row 128 for t = 0.5 (matplotlib's ListedColormap
 * maps t to row floor(t · 256)).
 */
class ColorMapTest {

    /** Anchors are exact table rows. */
    private static final double EXACT = 1e-9;
    /** t = 0.5 falls between anchors 125 and 130; linear interpolation error is below this. */
    private static final double INTERPOLATED = 0.005;

    @Test
    void viridisMatchesPublishedTableAtEndsAndMiddle() {
        assertRgb(ColorMap.VIRIDIS.rgb(0.0), new double[] {0.267004, 0.004874, 0.329415}, EXACT);
        assertRgb(ColorMap.VIRIDIS.rgb(1.0), new double[] {0.993248, 0.906157, 0.143936}, EXACT);
        assertRgb(ColorMap.VIRIDIS.rgb(0.5), new double[] {0.127568, 0.566949, 0.550556}, INTERPOLATED);
    }

    @Test
    void cividisAndMagmaEndsMatchPublishedTables() {
        assertRgb(ColorMap.CIVIDIS.rgb(0.0), new double[] {0.000000, 0.135112, 0.304751}, EXACT);
        assertRgb(ColorMap.CIVIDIS.rgb(1.0), new double[] {0.995737, 0.909344, 0.217772}, EXACT);
        assertRgb(ColorMap.MAGMA.rgb(0.0), new double[] {0.001462, 0.000466, 0.013866}, EXACT);
        assertRgb(ColorMap.MAGMA.rgb(1.0), new double[] {0.987053, 0.991438, 0.749504}, EXACT);
        assertRgb(ColorMap.MAGMA.rgb(0.5), new double[] {0.716387, 0.214982, 0.475290}, INTERPOLATED);
    }

    @Test
    void clampsOutOfRangeAndGreysNaN() {
        assertThat(ColorMap.VIRIDIS.argb(-3)).isEqualTo(ColorMap.VIRIDIS.argb(0));
        assertThat(ColorMap.VIRIDIS.argb(7)).isEqualTo(ColorMap.VIRIDIS.argb(1));
        assertThat(ColorMap.VIRIDIS.argb(Double.NaN)).isEqualTo(ColorMap.MISSING.getRGB());
        assertThat(ColorMap.VIRIDIS.anchorCount()).isBetween(32, 64);
    }

    @Test
    void lightnessIncreasesMonotonically() {
        for (ColorMap map : ColorMap.values()) {
            double previous = -1;
            for (int i = 0; i <= 100; i++) {
                double[] c = map.rgb(i / 100.0);
                double luma = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
                assertThat(luma).as(map + " at " + i).isGreaterThan(previous);
                previous = luma;
            }
        }
    }

    private static void assertRgb(double[] actual, double[] expected, double tolerance) {
        for (int k = 0; k < 3; k++) {
            assertThat(actual[k]).isCloseTo(expected[k], within(tolerance));
        }
    }
}

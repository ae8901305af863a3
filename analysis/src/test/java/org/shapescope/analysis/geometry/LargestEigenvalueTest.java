package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lanczos λ₁ against the whole spectrum (LAPACK or EJML) of the same scatter. */
class LargestEigenvalueTest {
    /**
     * Both are double computations of the same λ₁ by different algorithms (Lanczos stops at a
     * relative change of 1e-14; the scatter is summed in another order): 1e-11 relative leaves
     * room for their rounding and none for a wrong eigenvalue (the gaps here are ≥ 1e-3 relative).
     */
    static final double LANCZOS_RELATIVE = 1e-11;

    /** A Gaussian whose column j has standard deviation 3/(1 + j) plus a common offset, like a hidden-state layer. */
    private static float[] anisotropic(int n, int d, long seed) {
        float[] x = Clouds.gaussian(n, d, seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = x[i * d + j] * 3f / (1 + j) + 5f;
            }
        }
        return x;
    }

    private static double whole(float[] x, int n, int d) {
        return CovarianceSpectrum.of(ColumnCentering.centred(x, n, d), n, d, false, 1, () -> false).largest();
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {1, 2, 3, 17, 64, 200})
    void agreesWithTheWholeSpectrum(int d) {
        int n = 400;
        for (float[] x : new float[][] {Clouds.gaussian(n, d, 7), anisotropic(n, d, 8)}) {
            float[] y = ColumnCentering.centred(x, n, d);
            double expected = whole(x, n, d);
            assertThat(LargestEigenvalue.of(y, n, d, () -> false)).isCloseTo(expected, within(LANCZOS_RELATIVE * expected));
        }
    }

    @Test
    void fewerTokensThanDimensionsAndRankOne() {
        int n = 30;
        int d = 120;
        float[] x = Clouds.gaussian(n, d, 3);
        float[] y = ColumnCentering.centred(x, n, d);
        double expected = whole(x, n, d);
        assertThat(LargestEigenvalue.of(y, n, d, () -> false)).isCloseTo(expected, within(LANCZOS_RELATIVE * expected));
        float[] line = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                line[i * d + j] = (i - n / 2f) * (j % 5 + 1);
            }
        }
        float[] c = ColumnCentering.centred(line, n, d);
        double total = 0;
        for (float v : c) {
            total += (double) v * v;
        }
        assertThat(LargestEigenvalue.of(c, n, d, () -> false) / total).as("rank one: λ₁ is the whole trace")
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void anisotropyAloneEqualsAnisotropyBesideTheWholeSpectrum() {
        int n = 1000;
        int d = 96;
        float[] x = anisotropic(n, d, 11);
        MeasureParameters p = MeasureParameters.defaults();
        double alone = CellAnalyzer.analyze(x, n, d, Estimators.of("anisotropy"), p, () -> false).get("anisotropy").value();
        Map<String, MeasureResult> both = CellAnalyzer.analyze(x, n, d, Estimators.of("anisotropy", "pca_dim"), p, () -> false);
        assertThat(alone).isCloseTo(both.get("anisotropy").value(), within(LANCZOS_RELATIVE));
        assertThat(both.get("pca_dim").isRefused()).isFalse();
    }
}

package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Analytic truths of the spectrum-based measures. */
class GeometryAnalyticTest {

    /** Round-off of float32 input and double accumulation: far below any measure's resolution. */
    static final double EXACT = 1e-6;
    static final int N = 4000;
    static final int D = 20;
    /**
     * Largest sample-covariance eigenvalue of N(0, I_d) with n samples sits near the
     * Marchenko–Pastur edge (1 + √(d/n))² times the mean eigenvalue, so anisotropy ≈ (1 + √(d/n))²/d;
     * we allow 10 % over that edge for finite-n fluctuation (Tracy–Widom scale n^(−2/3)).
     */
    static final double ISOTROPIC_ANISOTROPY_MAX = Math.pow(1 + Math.sqrt((double) D / N), 2) / D * 1.10;
    /** For Wishart spectra E Σλ² ≈ (Σλ)²(1 + d/n)/d, so PR ≈ d/(1 + d/n); 2 % allowance on top. */
    static final double ISOTROPIC_PR_MIN = D / (1.0 + (double) D / N) * 0.98;
    /** IsoScore of an isotropic sample: its spectrum spreads by ±2√(d/n) ≈ ±14 %, which costs a few %. */
    static final double ISOTROPIC_ISOSCORE_MIN = 0.95;

    private static Map<String, MeasureResult> all(float[] x, int n, int d) {
        return CellAnalyzer.analyze(x, n, d, Estimators.all(),
                MeasureParameters.defaults().withThreads(2), () -> false);
    }

    private static double value(float[] x, int n, int d, String m) {
        return CellAnalyzer.analyze(x, n, d, Estimators.of(m), MeasureParameters.defaults(), () -> false).get(m).value();
    }

    @Test
    void rankOneDataHasAnisotropyOneAndIsoScoreZero() {
        Random r = new Random(345);
        int n = 300;
        int d = 16;
        float[] dir = Clouds.gaussian(1, d, 7);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double t = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (t * dir[j]);
            }
        }
        assertThat(value(x, n, d, "anisotropy")).isCloseTo(1.0, within(EXACT));
        assertThat(value(x, n, d, "anisotropy_uncentered")).isCloseTo(1.0, within(EXACT));
        assertThat(value(x, n, d, "isoscore")).isCloseTo(0.0, within(EXACT));
        assertThat(value(x, n, d, "participation_ratio")).isCloseTo(1.0, within(EXACT));
        assertThat(value(x, n, d, "pca_dim")).isEqualTo(1.0);
    }

    @Test
    void isotropicGaussianIsIsotropic() {
        float[] x = Clouds.gaussian(N, D, 345);
        double a = value(x, N, D, "anisotropy");
        assertThat(a).isGreaterThan(1.0 / D).isLessThan(ISOTROPIC_ANISOTROPY_MAX);
        assertThat(value(x, N, D, "isoscore")).isGreaterThan(ISOTROPIC_ISOSCORE_MIN).isLessThanOrEqualTo(1.0);
        assertThat(value(x, N, D, "participation_ratio")).isGreaterThan(ISOTROPIC_PR_MIN).isLessThanOrEqualTo(D);
        // mean cosine of independent isotropic vectors: 0 with standard deviation ≈ 1/(n √d)
        assertThat(value(x, N, D, "mean_cosine")).isCloseTo(0.0, within(1e-3));
    }

    @Test
    void invariantToRotationTranslationAndScale() {
        int n = 500;
        int d = 12;
        float[] x = Clouds.swissRoll(n, d, 11);
        double[][] q = Clouds.randomOrthogonal(d, new Random(5));
        float[] y = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += q[a][b] * x[i * d + b];
                }
                y[i * d + a] = (float) (3.0 * s + 7.0 + a);
            }
        }
        Map<String, MeasureResult> before = all(x, n, d);
        Map<String, MeasureResult> after = all(y, n, d);
        for (String m : new String[] {"anisotropy", "isoscore", "participation_ratio", "pca_dim"}) {
            assertThat(after.get(m).value()).as(m).isCloseTo(before.get(m).value(), within(1e-5));
        }
        // neighbour estimators are rotation, translation and scale invariant up to float rounding
        for (String m : new String[] {"twonn", "mle"}) {
            assertThat(after.get(m).value()).as(m).isCloseTo(before.get(m).value(), within(1e-3));
        }
    }

    @Test
    void pcaProjectionRecoversTheSpectrum() {
        float[] x = Clouds.gaussian(400, 6, 3);
        for (int i = 0; i < 400; i++) {
            x[i * 6] *= 5f;
            x[i * 6 + 1] *= 2f;
        }
        PcaProjection p = PcaProjection.compute(x, 400, 6, 2);
        assertThat(p.components()).isEqualTo(2);
        assertThat(p.coordinates()).hasSize(800);
        assertThat(p.explainedVarianceRatio()).hasSize(6);
        double sum = 0;
        for (double v : p.explainedVarianceRatio()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(EXACT));
        assertThat(p.explainedVarianceRatio()[0]).isCloseTo(
                value(x, 400, 6, "anisotropy"), within(EXACT));
        // n < d goes through the Gram matrix and must give the same ratios as the scatter
        PcaProjection wide = PcaProjection.compute(Clouds.gaussian(5, 30, 1), 5, 30, 3);
        assertThat(wide.explainedVarianceRatio()).hasSize(5);
        assertThat(wide.explainedVarianceRatio()[4]).isCloseTo(0.0, within(EXACT));
    }
}

package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap spread of the spectral estimators against the asymptotic standard deviation of a
 * Gaussian cloud with known covariance, its 1/√n shrinking, and its determinism under the seed.
 */
class BootstrapSpreadTest {

    /** Population covariance diag(λ): distinct eigenvalues, so the delta method below applies. */
    static final double[] LAMBDA = {9, 4, 2, 1, 0.5};

    /** Replicates per spread: the relative error of a standard deviation from R draws is ≈ 1/√(2(R − 1)) ≈ 9 %. */
    static final int REPLICATES = 60;

    /**
     * Bootstrap std against the asymptotic one: ~9 % sampling error of the std (above), a few % from
     * the cloud's own sample and O(1/n) terms; 25 % is ~2.5 of those errors combined.
     */
    static final double ASYMPTOTIC_RELATIVE = 0.25;

    /** Ratio of spreads at n and 4n, expected 2 (1/√n): each std carries ~9 %, the ratio ~13 %; 30 % bounds it. */
    static final double SHRINK_RELATIVE = 0.30;

    static float[] gaussian(int n, long seed) {
        float[] x = Clouds.gaussian(n, LAMBDA.length, seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < LAMBDA.length; j++) {
                x[i * LAMBDA.length + j] *= (float) Math.sqrt(LAMBDA[j]);
            }
        }
        return x;
    }

    static Map<String, MeasureResult> analyze(float[] x, int n, long seed) {
        return CellAnalyzer.analyze(x, n, LAMBDA.length, Estimators.of("anisotropy", "participation_ratio", "pca_dim"),
                MeasureParameters.defaults().withResamples(REPLICATES).withSeed(seed), () -> false);
    }

    @Test
    void anisotropySpreadIsTheAsymptoticStandardDeviation() {
        // Sample eigenvalues of a Gaussian covariance with distinct λᵢ: √n(lᵢ − λᵢ) → N(0, 2λᵢ²), independent
        // (Anderson 1963). a = l₁/T, T = Σl: ∂a/∂l₁ = (T − l₁)/T², ∂a/∂lᵢ = −l₁/T² (i > 1), so
        // Var(a) ≈ (2/n)[((T − λ₁)/T²)² λ₁² + (λ₁/T²)² Σ_{i>1} λᵢ²]; for λ = (9, 4, 2, 1, 0.5), n = 4000: sd ≈ 0.006507.
        int n = 4000;
        double t = 0;
        double rest = 0;
        for (int i = 0; i < LAMBDA.length; i++) {
            t += LAMBDA[i];
            rest += i > 0 ? LAMBDA[i] * LAMBDA[i] : 0;
        }
        double l1 = LAMBDA[0];
        double variance = 2.0 / n * (Math.pow((t - l1) / (t * t), 2) * l1 * l1 + Math.pow(l1 / (t * t), 2) * rest);
        double expected = Math.sqrt(variance);
        assertThat(expected).isCloseTo(0.006507, within(1e-6));
        MeasureResult r = analyze(gaussian(n, 11), n, 0).get("anisotropy");
        assertThat(r.spread()).isCloseTo(expected, within(ASYMPTOTIC_RELATIVE * expected));
        // the value is that of all rows, unchanged by the bootstrap
        MeasureResult single = CellAnalyzer.analyze(gaussian(n, 11), n, LAMBDA.length, Estimators.of("anisotropy"),
                MeasureParameters.defaults(), () -> false).get("anisotropy");
        // (alone, anisotropy takes λ₁ by Lanczos rather than from the whole spectrum: ~1e-13 apart, see CellInputs)
        assertThat(r.value()).isCloseTo(single.value(), within(1e-12));
        assertThat(single.hasSpread()).isFalse();
        assertThat(r.note()).contains("bootstrap std over 60 row resamples");
    }

    @Test
    void spreadShrinksAsOneOverRootN() {
        int n = 1000;
        for (String metric : List.of("anisotropy", "participation_ratio")) {
            double small = analyze(gaussian(n, 12), n, 0).get(metric).spread();
            double large = analyze(gaussian(4 * n, 13), 4 * n, 0).get(metric).spread();
            assertThat(small).as(metric).isPositive();
            assertThat(small / large).as(metric + ": spread at n over spread at 4n").isCloseTo(2.0, within(2.0 * SHRINK_RELATIVE));
        }
    }

    @Test
    void replicatesAreDeterministicUnderTheSeed() {
        float[] x = gaussian(500, 14);
        Map<String, MeasureResult> a = analyze(x, 500, 3);
        Map<String, MeasureResult> b = analyze(x, 500, 3);
        Map<String, MeasureResult> c = analyze(x, 500, 4);
        for (String metric : List.of("anisotropy", "participation_ratio", "pca_dim")) {
            assertThat(a.get(metric).spread()).as(metric).isEqualTo(b.get(metric).spread());
            assertThat(a.get(metric).value()).isEqualTo(c.get(metric).value());
        }
        assertThat(a.get("anisotropy").spread()).isNotEqualTo(c.get("anisotropy").spread());
        // pca_dim is an integer: on this cloud every replicate finds the same one, a spread of exactly 0
        assertThat(a.get("pca_dim").spread()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void bootstrapRowsAreDrawnFromTheCloudWithReplacement() {
        float[] x = {0, 1, 2, 3, 4, 5};
        float[] drawn = Resamples.bootstrapRows(x, 3, 2, 7);
        assertThat(drawn).hasSize(6);
        for (int i = 0; i < 3; i++) {
            assertThat(drawn[2 * i + 1]).isEqualTo(drawn[2 * i] + 1); // whole rows
            assertThat(drawn[2 * i] % 2).isZero();
        }
        assertThat(Resamples.bootstrapRows(x, 3, 2, 7)).containsExactly(drawn);
    }

    @Test
    void knownValuesAreTakenForBootstrappedEstimatorsOnlyAndGiveTheSameResult() {
        int n = 600;
        float[] x = gaussian(n, 14);
        List<Estimator> metrics = Estimators.of("anisotropy", "pca_dim", "twonn");
        MeasureParameters r5 = MeasureParameters.defaults().withNeighbourTokens(300).withResamples(5);
        Map<String, MeasureResult> onePass = CellAnalyzer.analyze(x, n, LAMBDA.length, metrics, r5, () -> false);
        Map<String, MeasureResult> values = CellAnalyzer.analyze(x, n, LAMBDA.length, Estimators.of("anisotropy", "pca_dim"),
                r5.withResamples(1), () -> false);
        Map<String, MeasureResult> given = CellAnalyzer.analyze(x, n, LAMBDA.length, null, metrics, r5, values, () -> false);
        assertThat(given).isEqualTo(onePass);
        // a given value is used as it is (not recomputed), and a resampled estimator's is ignored (its R = 5 value is a mean)
        MeasureResult planted = new MeasureResult(0.123, n, 0, "");
        Map<String, MeasureResult> plantedOnes = Map.of("anisotropy", planted, "twonn", planted);
        Map<String, MeasureResult> withPlanted = CellAnalyzer.analyze(x, n, LAMBDA.length, null, metrics, r5, plantedOnes, () -> false);
        assertThat(withPlanted.get("anisotropy").value()).isEqualTo(0.123);
        assertThat(withPlanted.get("anisotropy").spread()).isEqualTo(onePass.get("anisotropy").spread());
        assertThat(withPlanted.get("twonn")).isEqualTo(onePass.get("twonn"));
    }
}

package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resamples ({@link MeasureParameters#resamples()}): the neighbour-based estimators on R seeded
 * token samples, reported as mean ± sample standard deviation (Lee et al., ACL 2025, use R = 5).
 */
class GeometryResamplesTest {
    /** Draw r is the single run with seed + r, and the mean is summed in draw order: no rounding apart. */
    static final double EXACT = 0.0;
    /** The spread recomputed here by the same two-pass formula, in the same order. */
    static final double SPREAD_RELATIVE = 1e-12;
    static final int N = 2000;
    static final int D = 12;

    @Test
    void oneResampleIsTheSingleRunAndKeepsTheStoreKeys() {
        float[] x = Clouds.sphere(N, 4, D, 31);
        List<Estimator> estimators = Estimators.of("anisotropy", "twonn", "mle", "gride");
        MeasureParameters p = MeasureParameters.defaults().withNeighbourTokens(600);
        Map<String, MeasureResult> single = CellAnalyzer.analyze(x, N, D, estimators, p, () -> false);
        assertThat(p.resamples()).isEqualTo(MeasureParameters.DEFAULT_RESAMPLES).isEqualTo(1);
        assertThat(CellAnalyzer.analyze(x, N, D, estimators, p.withResamples(1), () -> false)).isEqualTo(single);
        single.values().forEach(r -> assertThat(r.spread()).isNaN());
        assertThat(Estimators.of("twonn").get(0).storeKey(MeasureParameters.defaults()))
                .as("the key before resamples existed").isEqualTo("twonn/v2;tokens=4096;seed=0;twonn_discard=0.1;twonn_authors=false");
        assertThat(Estimators.of("mle").get(0).storeKey(MeasureParameters.defaults())).isEqualTo("mle/v1;tokens=4096;seed=0;mle_k=20");
    }

    @Test
    void theMeanAndSpreadAreThoseOfTheSingleRunsWithSeedsSeedToSeedPlusRMinusOne() {
        float[] x = Clouds.sphere(N, 4, D, 32);
        List<Estimator> estimators = Estimators.of("anisotropy", "twonn", "mle", "gride", "phd");
        int resamples = 3;
        long seed = 7;
        MeasureParameters p = MeasureParameters.defaults().withNeighbourTokens(600).withSeed(seed);
        Map<String, MeasureResult> combined = CellAnalyzer.analyze(x, N, D, estimators, p.withResamples(resamples), () -> false);
        double[][] singles = new double[resamples][];
        for (int r = 0; r < resamples; r++) {
            Map<String, MeasureResult> run = CellAnalyzer.analyze(x, N, D, estimators, p.withSeed(seed + r), () -> false);
            singles[r] = estimators.stream().mapToDouble(e -> run.get(e.name()).value()).toArray();
        }
        for (int e = 0; e < estimators.size(); e++) {
            String name = estimators.get(e).name();
            MeasureResult result = combined.get(name);
            if (name.equals("anisotropy")) {
                assertThat(result.value()).as("spectral: all tokens, computed once").isEqualTo(singles[0][e]);
                assertThat(result.spread()).as("its spread is a bootstrap of the rows (BootstrapSpreadTest)").isPositive();
                continue;
            }
            double sum = 0;
            for (int r = 0; r < resamples; r++) {
                sum += singles[r][e];
            }
            double mean = sum / resamples;
            double squares = 0;
            for (int r = 0; r < resamples; r++) {
                squares += (singles[r][e] - mean) * (singles[r][e] - mean);
            }
            double std = Math.sqrt(squares / (resamples - 1));
            assertThat(result.value()).as(name + " mean").isCloseTo(mean, org.assertj.core.data.Offset.offset(EXACT));
            assertThat(result.spread()).as(name + " std").isCloseTo(std, org.assertj.core.data.Offset.offset(SPREAD_RELATIVE * std));
            assertThat(result.spread()).as(name + " std").isPositive();
            assertThat(result.note()).contains("mean ± std over 3 resamples (seeds 7–9)");
        }
    }

    @Test
    void theSpreadIsPositiveAndShrinksWhenTheSampleGrows() {
        int n = 6000;
        int d = 20;
        float[] x = Clouds.sphere(n, 5, d, 33);
        MeasureParameters p = MeasureParameters.defaults().withResamples(5).withThreads(2);
        for (String name : List.of("twonn", "mle")) {
            List<Estimator> estimator = Estimators.of(name);
            MeasureResult small = CellAnalyzer.analyze(x, n, d, estimator, p.withNeighbourTokens(300), () -> false).get(name);
            MeasureResult large = CellAnalyzer.analyze(x, n, d, estimator, p.withNeighbourTokens(3000), () -> false).get(name);
            assertThat(small.spread()).as(name + " at 300 tokens").isPositive();
            assertThat(large.spread()).as(name + " at 3000 tokens").isPositive().isLessThan(small.spread());
        }
    }

    @Test
    void aSampleHoldingEveryTokenHasNoSpreadAndSaysSo() {
        float[] x = Clouds.sphere(300, 3, 8, 34);
        MeasureResult r = CellAnalyzer.analyze(x, 300, 8, Estimators.of("twonn"), MeasureParameters.defaults().withResamples(5),
                () -> false).get("twonn");
        assertThat(r.spread()).isZero();
        assertThat(r.note()).contains("each holding every distinct token");
    }

    @Test
    void resamplesEnterTheKeysOfTheResampledEstimatorsOnly() {
        MeasureParameters p = MeasureParameters.defaults().withResamples(5);
        for (String name : List.of("twonn", "mle", "phd", "gride")) {
            Estimator e = Estimators.of(name).get(0);
            assertThat(e.resampled(p)).as(name).isTrue();
            assertThat(e.storeKey(p)).as(name).endsWith(";resamples=5").isNotEqualTo(e.storeKey(p.withResamples(3)));
        }
        for (Estimator e : Estimators.all()) {
            if (!e.parameters().contains(MeasureParameter.NEIGHBOUR_TOKENS)) {
                assertThat(e.resampled(p)).as(e.name()).isFalse();
                if (e.bootstrapped()) {
                    // a bootstrap of the rows: R and the seed choose the replicates
                    assertThat(e.storeKey(p)).as(e.name()).endsWith(";resamples=5;seed=0")
                            .isNotEqualTo(e.storeKey(p.withSeed(1)));
                    assertThat(e.storeKey(p.withResamples(1))).isEqualTo(e.storeKey(MeasureParameters.defaults()));
                } else {
                    assertThat(e.storeKey(p)).as(e.name()).isEqualTo(e.storeKey(MeasureParameters.defaults()));
                }
            }
        }
        Estimator twonn = Estimators.of("twonn").get(0);
        MeasureParameters authors = p.withTwonnAuthorsPreset(true);
        assertThat(twonn.resampled(authors)).as("the authors' preset reads the first tokens: no seed, nothing to resample")
                .isFalse();
        assertThat(twonn.storeKey(authors)).doesNotContain("resamples");
    }
}

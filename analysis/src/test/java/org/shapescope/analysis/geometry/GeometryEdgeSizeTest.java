package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Edge sizes and degenerate clouds: every result is a number or a refusal with a note. */
class GeometryEdgeSizeTest {

    static final int D = 24;

    private static Map<String, MeasureResult> all(float[] x, int n, int d) {
        return CellAnalyzer.analyze(x, n, d, Estimators.all(), MeasureParameters.defaults(), () -> false);
    }

    private static void assertNoSilentNaN(Map<String, MeasureResult> r) {
        assertThat(r).hasSize(Estimators.all().size());
        r.forEach((m, v) -> {
            if (Double.isNaN(v.value())) {
                assertThat(v.note()).as(m).isNotBlank();
            } else {
                assertThat(v.value()).as(m).isFinite();
            }
        });
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 2, D - 1, D, D + 1})
    void edgeSizes(int n) {
        Map<String, MeasureResult> r = all(Clouds.gaussian(n, D, n), n, D);
        assertNoSilentNaN(r);
        if (n >= 2) {
            assertThat(r.get("anisotropy").value()).isBetween(0.0, 1.0);
            assertThat(r.get("pca_dim").value()).isLessThanOrEqualTo(Math.max(1, n - 1));
        } else {
            assertThat(r.get("anisotropy").note()).contains("at least 2");
        }
        if (n >= 3) {
            assertThat(r.get("twonn").value()).isPositive();
        }
        assertThat(r.get("mle").isRefused()).isEqualTo(n <= 20);
        assertThat(r.get("phd").isRefused()).isTrue();
    }

    @Test
    void duplicatedTokensAreDroppedForNeighbourEstimators() {
        int n = 400;
        float[] base = Clouds.sphere(n, 3, D, 9);
        float[] x = Arrays.copyOf(base, 2 * n * D);
        System.arraycopy(base, 0, x, n * D, n * D);
        Map<String, MeasureResult> doubled = all(x, 2 * n, D);
        Map<String, MeasureResult> once = all(base, n, D);
        assertNoSilentNaN(doubled);
        for (String m : new String[] {"twonn", "mle", "phd"}) {
            assertThat(doubled.get(m).tokensDropped()).as(m).isEqualTo(n);
            assertThat(doubled.get(m).note()).contains("400 duplicate");
            assertThat(doubled.get(m).value()).as(m).isEqualTo(once.get(m).value());
        }
    }

    @Test
    void constantColumnsAndConstantClouds() {
        int n = 200;
        float[] x = Clouds.gaussian(n, D, 4);
        for (int i = 0; i < n; i++) {
            x[i * D] = 3f;
            x[i * D + 5] = -1f;
        }
        assertNoSilentNaN(all(x, n, D));
        float[] constant = new float[n * D];
        Arrays.fill(constant, 2.5f);
        Map<String, MeasureResult> r = all(constant, n, D);
        assertNoSilentNaN(r);
        assertThat(r.get("anisotropy").note()).contains("constant");
        assertThat(r.get("anisotropy_uncentered").value()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.get("mean_cosine").value()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.get("twonn").tokensDropped()).isEqualTo(n - 1);
    }

    @Test
    void nonFiniteRowsAreDroppedAndCounted() {
        int n = 300;
        float[] x = Clouds.gaussian(n, D, 8);
        x[3 * D + 2] = Float.NaN;
        x[10 * D] = Float.POSITIVE_INFINITY;
        Map<String, MeasureResult> r = all(x, n, D);
        assertNoSilentNaN(r);
        r.forEach((m, v) -> {
            assertThat(v.tokensDropped()).as(m).isEqualTo(2);
            assertThat(v.note()).as(m).contains("NaN/Inf");
        });
        float[] nan = new float[n * D];
        Arrays.fill(nan, Float.NaN);
        Map<String, MeasureResult> allNan = all(nan, n, D);
        assertNoSilentNaN(allNan);
        allNan.values().forEach(v -> assertThat(v.isRefused()).isTrue());
    }

    @Test
    void sameParametersGiveIdenticalNumbersWhateverTheThreads() {
        int n = 700;
        float[] x = Clouds.sphere(n, 4, 300, 12);
        MeasureParameters p = MeasureParameters.defaults().withNeighbourTokens(600).withSeed(3);
        Map<String, MeasureResult> one = CellAnalyzer.analyze(x, n, 300, Estimators.all(), p, () -> false);
        Map<String, MeasureResult> two = CellAnalyzer.analyze(x, n, 300, Estimators.all(), p.withThreads(2), () -> false);
        assertThat(two).isEqualTo(one);
        assertThat(one.get("twonn").note()).contains("sampled 600 of 700");
        Estimator twonn = Estimators.named("twonn");
        assertThat(twonn.storeKey(p)).isEqualTo(twonn.storeKey(p.withThreads(2))).isNotEqualTo(twonn.storeKey(p.withSeed(4)));
        Estimator anisotropy = Estimators.named("anisotropy");
        assertThat(anisotropy.storeKey(p)).as("anisotropy uses every token: no seed in its key")
                .isEqualTo(anisotropy.storeKey(p.withSeed(4))).isEqualTo("anisotropy/v1");
    }

    @Test
    void authorsPresetKeepsDuplicatesAndTakesTheFirstTokens() {
        int n = 400;
        float[] x = Clouds.sphere(n, 3, D, 21);
        System.arraycopy(x, 7 * D, x, 8 * D, D);
        MeasureParameters authors = MeasureParameters.defaults().withTwonnAuthorsPreset(true);
        Estimator twonn = Estimators.named("twonn");
        MeasureResult all = CellAnalyzer.analyze(x, n, D, java.util.List.of(twonn), authors, () -> false).get("twonn");
        assertThat(all.tokensUsed()).as("duplicates kept").isEqualTo(n);
        assertThat(all.tokensDropped()).isZero();
        assertThat(all.note()).contains("ratios <= 1+1e-8 cut");
        MeasureResult standard = CellAnalyzer.analyze(x, n, D, java.util.List.of(twonn), MeasureParameters.defaults(),
                () -> false).get("twonn");
        assertThat(standard.tokensUsed()).isEqualTo(n - 1);
        MeasureResult head = CellAnalyzer.analyze(x, n, D, java.util.List.of(twonn), authors.withNeighbourTokens(300),
                () -> false).get("twonn");
        MeasureResult firstRows = CellAnalyzer.analyze(Arrays.copyOf(x, 300 * D), 300, D, java.util.List.of(twonn),
                authors, () -> false).get("twonn");
        assertThat(head.value()).as("as emb[:300]").isEqualTo(firstRows.value());
        assertThat(head.note()).contains("first 300 of 400 finite tokens");
        assertThat(twonn.storeKey(authors)).isNotEqualTo(twonn.storeKey(MeasureParameters.defaults())).startsWith("twonn/v2;");
    }

    @Test
    void cancellationStopsTheWork() {
        float[] x = Clouds.gaussian(500, D, 1);
        assertThatThrownBy(() -> CellAnalyzer.analyze(x, 500, D, Estimators.all(),
                MeasureParameters.defaults().withThreads(2), () -> true))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void estimatorNamesRoundTripThroughTheRegistry() {
        for (Estimator e : Estimators.all()) {
            assertThat(Estimators.named(e.name())).isSameAs(e);
            assertThat(Estimators.named(" " + e.name().toUpperCase(java.util.Locale.ROOT))).isSameAs(e);
        }
        assertThat(Estimators.all()).extracting(Estimator::name).doesNotHaveDuplicates();
        assertThatThrownBy(() -> Estimators.named("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("participation_ratio");
        assertThat(Estimators.named("mle").needs()).contains(Estimator.CellInput.NEIGHBOUR_TABLE);
        assertThat(Estimators.named("anisotropy").needs()).doesNotContain(Estimator.CellInput.NEIGHBOUR_SAMPLE);
    }
}

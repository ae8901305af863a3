package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Edge sizes and degenerate clouds: every result is a number or a refusal with a note. */
class GeometryEdgeSizeTest {

    static final int D = 24;

    private static Map<Metric, MeasureResult> all(float[] x, int n, int d) {
        return CellAnalyzer.analyze(x, n, d, EnumSet.allOf(Metric.class), MeasureParameters.defaults(), () -> false);
    }

    private static void assertNoSilentNaN(Map<Metric, MeasureResult> r) {
        assertThat(r).hasSize(Metric.values().length);
        r.forEach((m, v) -> {
            if (Double.isNaN(v.value())) {
                assertThat(v.note()).as(m.id()).isNotBlank();
            } else {
                assertThat(v.value()).as(m.id()).isFinite();
            }
        });
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {0, 1, 2, D - 1, D, D + 1})
    void edgeSizes(int n) {
        Map<Metric, MeasureResult> r = all(Clouds.gaussian(n, D, n), n, D);
        assertNoSilentNaN(r);
        if (n >= 2) {
            assertThat(r.get(Metric.ANISOTROPY).value()).isBetween(0.0, 1.0);
            assertThat(r.get(Metric.PCA_DIM).value()).isLessThanOrEqualTo(Math.max(1, n - 1));
        } else {
            assertThat(r.get(Metric.ANISOTROPY).note()).contains("at least 2");
        }
        if (n >= 3) {
            assertThat(r.get(Metric.TWONN).value()).isPositive();
        }
        assertThat(r.get(Metric.MLE).isRefused()).isEqualTo(n <= 20);
        assertThat(r.get(Metric.PHD).isRefused()).isTrue();
    }

    @Test
    void duplicatedTokensAreDroppedForNeighbourEstimators() {
        int n = 400;
        float[] base = Clouds.sphere(n, 3, D, 9);
        float[] x = Arrays.copyOf(base, 2 * n * D);
        System.arraycopy(base, 0, x, n * D, n * D);
        Map<Metric, MeasureResult> doubled = all(x, 2 * n, D);
        Map<Metric, MeasureResult> once = all(base, n, D);
        assertNoSilentNaN(doubled);
        for (Metric m : new Metric[] {Metric.TWONN, Metric.MLE, Metric.PHD}) {
            assertThat(doubled.get(m).tokensDropped()).as(m.id()).isEqualTo(n);
            assertThat(doubled.get(m).note()).contains("400 duplicate");
            assertThat(doubled.get(m).value()).as(m.id()).isEqualTo(once.get(m).value());
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
        Map<Metric, MeasureResult> r = all(constant, n, D);
        assertNoSilentNaN(r);
        assertThat(r.get(Metric.ANISOTROPY).note()).contains("constant");
        assertThat(r.get(Metric.ANISOTROPY_UNCENTERED).value()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.get(Metric.MEAN_COSINE).value()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(r.get(Metric.TWONN).tokensDropped()).isEqualTo(n - 1);
    }

    @Test
    void nonFiniteRowsAreDroppedAndCounted() {
        int n = 300;
        float[] x = Clouds.gaussian(n, D, 8);
        x[3 * D + 2] = Float.NaN;
        x[10 * D] = Float.POSITIVE_INFINITY;
        Map<Metric, MeasureResult> r = all(x, n, D);
        assertNoSilentNaN(r);
        r.forEach((m, v) -> {
            assertThat(v.tokensDropped()).as(m.id()).isEqualTo(2);
            assertThat(v.note()).as(m.id()).contains("NaN/Inf");
        });
        float[] nan = new float[n * D];
        Arrays.fill(nan, Float.NaN);
        Map<Metric, MeasureResult> allNan = all(nan, n, D);
        assertNoSilentNaN(allNan);
        allNan.values().forEach(v -> assertThat(v.isRefused()).isTrue());
    }

    @Test
    void sameParametersGiveIdenticalNumbersWhateverTheThreads() {
        int n = 700;
        float[] x = Clouds.sphere(n, 4, 300, 12);
        MeasureParameters p = MeasureParameters.defaults().withNeighbourTokens(600).withSeed(3);
        Map<Metric, MeasureResult> one = CellAnalyzer.analyze(x, n, 300, EnumSet.allOf(Metric.class), p, () -> false);
        Map<Metric, MeasureResult> two = CellAnalyzer.analyze(x, n, 300, EnumSet.allOf(Metric.class), p.withThreads(2), () -> false);
        assertThat(two).isEqualTo(one);
        assertThat(one.get(Metric.TWONN).note()).contains("sampled 600 of 700");
        assertThat(p.cacheKey()).isEqualTo(p.withThreads(2).cacheKey()).isNotEqualTo(p.withSeed(4).cacheKey());
    }

    @Test
    void cancellationStopsTheWork() {
        float[] x = Clouds.gaussian(500, D, 1);
        assertThatThrownBy(() -> CellAnalyzer.analyze(x, 500, D, EnumSet.allOf(Metric.class),
                MeasureParameters.defaults().withThreads(2), () -> true))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void metricIdsRoundTrip() {
        for (Metric m : Metric.values()) {
            assertThat(Metric.parse(m.id())).isEqualTo(m);
        }
        assertThatThrownBy(() -> Metric.parse("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("participation_ratio");
        assertThat(Metric.MLE.usesNeighbourSample()).isTrue();
        assertThat(Metric.ANISOTROPY.usesNeighbourSample()).isFalse();
    }
}

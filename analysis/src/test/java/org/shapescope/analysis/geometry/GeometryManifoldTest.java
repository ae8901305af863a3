package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Intrinsic-dimension estimators on manifolds of known dimension m (after the Hein–Audibert
 * 2005 / Campadelli et al. 2015 benchmark families: sphere M1, affine space M9-like, helix
 * M5-like, swiss roll M7), n = 1500.
 * <p>
 * Accepted bands: TwoNN within {@link #TWONN_RELATIVE} of m — Facco et al. 2017 (Sci. Rep.,
 * Fig. 2–3) report errors of a few percent at n ≈ 1000 for m ≤ 6; MLE within
 * {@link #MLE_RELATIVE} — Levina & Bickel 2004 (Fig. 1–2) show the k = 20 estimate slightly
 * below m, increasingly so with m; PHD within {@link #PHD_RELATIVE} — Tulchinskii et al. 2023
 * (Table 1 and the PHD literature they cite) show PH₀ estimates within ~10–20 % at ≤ 512 points.
 * The bands are ours, chosen from those reports, not numbers printed in the papers.
 */
class GeometryManifoldTest {

    static final double TWONN_RELATIVE = 0.12;
    static final double MLE_RELATIVE = 0.15;
    static final double PHD_RELATIVE = 0.25;
    static final int N = 1500;

    static Stream<Arguments> manifolds() {
        return Stream.of(
                Arguments.of("helix m=1 in R^8", Clouds.helix(N, 8, 21), 8, 1),
                Arguments.of("swiss roll m=2 in R^10", Clouds.swissRoll(N, 10, 22), 10, 2),
                Arguments.of("sphere S^3 m=3 in R^10", Clouds.sphere(N, 3, 10, 23), 10, 3),
                Arguments.of("affine cube m=4 in R^30", Clouds.affineCube(N, 4, 30, 24), 30, 4),
                Arguments.of("sphere S^5 m=5 in R^20", Clouds.sphere(N, 5, 20, 25), 20, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifolds")
    void estimatesNearTheTrueDimension(String name, float[] x, int d, int m) {
        Map<String, MeasureResult> r = CellAnalyzer.analyze(x, N, d, Estimators.of("twonn", "mle", "phd"),
                MeasureParameters.defaults().withThreads(2), () -> false);
        assertThat(r.get("twonn").value()).as("twonn").isBetween(m * (1 - TWONN_RELATIVE), m * (1 + TWONN_RELATIVE));
        assertThat(r.get("mle").value()).as("mle").isBetween(m * (1 - MLE_RELATIVE), m * (1 + MLE_RELATIVE));
        assertThat(r.get("phd").value()).as("phd").isBetween(m * (1 - PHD_RELATIVE), m * (1 + PHD_RELATIVE));
    }
}

package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The blocked kernels against naive double loops, on sizes that straddle the panel width. */
class GeometryKernelTest {

    /** Gram entries are float partial sums of ≤ 256 terms: relative error well under 1e-5. */
    static final double GRAM_RELATIVE = 1e-5;

    @Test
    void gramMatchesNaiveDouble() {
        for (int count : new int[] {1, 2, 127, 128, 129, 300}) {
            int length = 37;
            float[] y = Clouds.gaussian(count, length, count);
            double[] g = GramMatrix.of(y, count, length, 2, () -> false);
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < count; j++) {
                    double s = 0;
                    for (int k = 0; k < length; k++) {
                        s += (double) y[i * length + k] * y[j * length + k];
                    }
                    assertThat(g[i * count + j]).isCloseTo(s, within(GRAM_RELATIVE * length));
                }
            }
        }
    }

    @Test
    void nearestNeighboursMatchBruteForceInDouble() {
        int n = 333;
        int d = 50;
        int k = 5;
        float[] x = Clouds.gaussian(n, d, 77);
        for (int i = 0; i < x.length; i++) {
            x[i] += 100f; // a large common offset: the float kernel must not lose the order
        }
        NeighbourTable t = NearestNeighbourSearch.of(x, n, d, k, 2, () -> false);
        for (int i = 0; i < n; i++) {
            double[] dist = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                dist[j] = j == i ? Double.POSITIVE_INFINITY : NearestNeighbourSearch.euclidean(x, d, i, j);
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
            for (int j = 0; j < k; j++) {
                assertThat(t.indices()[i * k + j]).isEqualTo(order[j]);
                assertThat(t.distance(i, j)).isEqualTo(dist[order[j]]);
            }
        }
    }
}

package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.blas.BLAS;

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
        assertMatchesBruteForce(x, n, d, k);
    }

    /**
     * A tight cluster (spread 1e-4 of the cloud's) inside a unit Gaussian cloud: within it the
     * float distances of the scan (‖q‖² + ‖j‖² − 2q·j) are rounding noise, so the float order of
     * the cluster's members says nothing, and a fixed margin of extra candidates cannot hold the
     * true neighbours. The search must notice and measure those rows exactly.
     */
    @Test
    void nearestNeighboursInsideATightClusterMatchBruteForce() {
        int n = 400;
        int cluster = 60;
        int d = 50;
        int k = 5;
        float[] x = Clouds.gaussian(n, d, 91);
        float[] tight = Clouds.gaussian(cluster, d, 92);
        for (int i = 0; i < cluster; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = x[j] + 1e-4f * tight[i * d + j]; // around row 0
            }
        }
        assertMatchesBruteForce(x, n, d, k);
        BLAS blas = NativeBlas.orNull();
        if (blas != null) {
            assertMatchesBruteForce(x, n, d, k, NearestNeighbourSearch.of(x, n, d, k, 1, () -> false, blas));
        }
    }

    private static void assertMatchesBruteForce(float[] x, int n, int d, int k) {
        assertMatchesBruteForce(x, n, d, k, NearestNeighbourSearch.of(x, n, d, k, 2, () -> false, null));
    }

    private static void assertMatchesBruteForce(float[] x, int n, int d, int k, NeighbourTable t) {
        for (int i = 0; i < n; i++) {
            double[] dist = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                dist[j] = j == i ? Double.POSITIVE_INFINITY : NearestNeighbourSearch.euclidean(x, d, i, j);
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
            for (int j = 0; j < k; j++) {
                assertThat(t.indices()[i * k + j]).as("row %d, neighbour %d", i, j).isEqualTo(order[j]);
                assertThat(t.distance(i, j)).isEqualTo(dist[order[j]]);
            }
        }
    }
}

package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native-BLAS kernels against the pure-Java ones and naive double loops, on sizes that
 * straddle the ssyrk chunk and the sgemm panel. Skipped where the machine has no native BLAS.
 */
class GeometryNativeBlasTest {

    /**
     * Scatter entries: float32 sums of ≤ {@link ScatterMatrix#CHUNK} products added in double.
     * Standard rounding analysis bounds the error of each chunk by CHUNK·2⁻²⁴ ≈ 3e-5 of Σ|x_ik·x_jk|;
     * the products of independent Gaussian columns are as often negative as positive, so
     * Σ|x_ik·x_jk| ≤ √(G_ii·G_jj) = rows·σ² keeps the bound relative to the diagonal.
     */
    static final double SCATTER_RELATIVE = 3e-5;

    /**
     * Eigenvalues of both paths, relative to λ₁. By Weyl's inequality |Δλᵢ| ≤ ‖ΔG‖₂; the two
     * paths round differently (chunks of 256 vs 512 terms, different summation orders); measured
     * max |Δλᵢ|/λ₁ on the clouds below: 3.1e-7 (n = 2), ≤ 3e-8 otherwise, 1.9e-8 on 4096 × 768.
     * 1e-5 leaves a wide margin yet is 10× tighter than the 1e-4 the reference test allows
     * against numpy's float64 SVD.
     */
    static final double SPECTRUM_RELATIVE = 1e-5;

    private BLAS blas;

    @BeforeEach
    void nativeBlas() {
        blas = NativeBlas.orNull();
        assumeTrue(blas != null, "no native BLAS on this machine");
    }

    @Test
    void scatterMatchesNaiveDoubleInBothOrientations() {
        int d = 40;
        int[] sizes = {1, 2, d - 1, d, d + 1, ScatterMatrix.CHUNK - 1, ScatterMatrix.CHUNK, ScatterMatrix.CHUNK + 1, 1100};
        for (int n : sizes) {
            float[] x = Clouds.gaussian(n, d, n);
            double[] g = ScatterMatrix.of(x, n, d, 1, () -> false, blas);
            boolean columns = d <= n;
            int m = ScatterMatrix.order(n, d);
            int terms = columns ? n : d;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int t = 0; t < terms; t++) {
                        s += columns ? (double) x[t * d + i] * x[t * d + j] : (double) x[i * d + t] * x[j * d + t];
                    }
                    assertThat(g[i * m + j]).as("n=%d (%d, %d)", n, i, j).isCloseTo(s, within(SCATTER_RELATIVE * terms));
                }
            }
        }
    }

    @Test
    void wideCloudUsesGramAcrossChunks() {
        int n = 30;
        int d = ScatterMatrix.CHUNK + 37;
        float[] x = Clouds.gaussian(n, d, 5);
        double[] g = ScatterMatrix.of(x, n, d, 1, () -> false, blas);
        double[] java = ScatterMatrix.of(x, n, d, 1, () -> false, null);
        for (int i = 0; i < g.length; i++) {
            assertThat(g[i]).isCloseTo(java[i], within(SCATTER_RELATIVE * d));
        }
    }

    @Test
    void spectraOfBothPathsAgree() {
        int d = 96;
        for (int n : new int[] {2, d - 1, d, d + 1, 1300}) {
            float[] x = Clouds.gaussian(n, d, 11 + n);
            for (int i = 0; i < x.length; i += d) {
                x[i] *= 5f; // one dominant direction, as in anisotropic hidden states
            }
            CovarianceSpectrum a = CovarianceSpectrum.of(x, n, d, true, 1, () -> false, blas);
            CovarianceSpectrum b = CovarianceSpectrum.of(x, n, d, true, 2, () -> false, null);
            assertThat(a.eigenvalues()).hasSameSizeAs(b.eigenvalues());
            double scale = b.largest();
            for (int i = 0; i < a.eigenvalues().length; i++) {
                assertThat(a.eigenvalues()[i]).as("n=%d λ%d", n, i + 1)
                        .isCloseTo(b.eigenvalues()[i], within(SPECTRUM_RELATIVE * scale));
            }
            assertThat(a.total()).isCloseTo(b.total(), within(SPECTRUM_RELATIVE * b.total()));
        }
    }

    /**
     * LAPACK dsyevd and EJML are both backward-stable double algorithms: each eigenvalue is exact
     * for a matrix within c·m·2⁻⁵³·‖G‖ of G, c a small constant; for m ≤ 200 that is ≲ 1e-12·λ₁.
     */
    static final double EIGEN_RELATIVE = 1e-11;

    @Test
    void lapackEigenvaluesMatchEjml() {
        assumeTrue(NativeLapack.orNull() != null, "no native LAPACK on this machine");
        for (int m : new int[] {1, 2, 3, 50, 200}) {
            float[] y = Clouds.gaussian(m + 7, m, m);
            double[] g = ScatterMatrix.of(y, m + 7, m, 1, () -> false, null);
            double[] lapack = CovarianceSpectrum.symmetricEigenvalues(g, m, NativeLapack.orNull());
            double[] ejml = CovarianceSpectrum.symmetricEigenvalues(g, m);
            for (int i = 0; i < m; i++) {
                assertThat(lapack[i]).as("m=%d λ%d", m, i + 1).isCloseTo(ejml[i], within(EIGEN_RELATIVE * ejml[0]));
            }
        }
    }

    /**
     * Neighbours are re-measured in double from the input values on both paths, so only the float
     * candidate scan differs; the k + 8 candidates absorb its rounding: tables must be identical.
     */
    /**
     * Projection coordinates of the native path (dsyevr, top pairs only) against EJML's full
     * decomposition of the same double scatter: both are backward stable, and with eigengaps of
     * 20 % and more the eigenvectors agree to ~1e-12; 1e-9 of the coordinates' scale leaves room.
     */
    static final double PROJECTION_TOLERANCE = 1e-9;

    @Test
    void projectionsOfBothEigenPathsAgree() {
        assumeTrue(NativeLapack.orNull() != null, "no native LAPACK on this machine");
        int n = 600;
        int d = 60;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (random.nextGaussian() * Math.pow(0.8, j) + 0.3 * j);
            }
        }
        for (int[] shape : new int[][] {{n, d}, {40, d}}) { // scatter (d ≤ n) and Gram (d > n) orientation
            int rows = shape[0];
            float[] cloud = java.util.Arrays.copyOf(x, rows * d);
            PcaProjection lapack = PcaProjection.compute(cloud, rows, d, 2, NativeLapack.orNull());
            PcaProjection ejml = PcaProjection.compute(cloud, rows, d, 2, null);
            double scale = 0;
            for (double v : ejml.coordinates()) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < ejml.coordinates().length; i++) {
                assertThat(lapack.coordinates()[i]).as("%d rows, coordinate %d", rows, i)
                        .isCloseTo(ejml.coordinates()[i], within(PROJECTION_TOLERANCE * scale));
            }
            assertThat(lapack.explainedVarianceRatio()).hasSameSizeAs(ejml.explainedVarianceRatio());
            for (int i = 0; i < ejml.explainedVarianceRatio().length; i++) {
                assertThat(lapack.explainedVarianceRatio()[i]).isCloseTo(ejml.explainedVarianceRatio()[i], within(PROJECTION_TOLERANCE));
            }
        }
    }

    @Test
    void neighbourTablesOfBothPathsAreIdentical() {
        int d = 64;
        int k = 21;
        int panel = NativeDistanceScan.PANEL;
        for (int n : new int[] {k + 1, panel - 1, panel, panel + 1, 2 * panel + 3}) {
            float[] x = Clouds.gaussian(n, d, 100 + n);
            for (int i = 0; i < x.length; i++) {
                x[i] += 50f; // a large common offset, removed by the centring before the float scan
            }
            NeighbourTable a = NearestNeighbourSearch.of(x, n, d, k, 1, () -> false, blas);
            NeighbourTable b = NearestNeighbourSearch.of(x, n, d, k, 2, () -> false, null);
            NeighbourTable c = NearestNeighbourSearch.of(x, n, d, k, 2, () -> false, blas);
            assertThat(a.indices()).as("n=%d", n).isEqualTo(b.indices()).isEqualTo(c.indices());
            assertThat(a.distances()).as("n=%d", n).isEqualTo(b.distances()).isEqualTo(c.distances());
        }
    }

    @Test
    void duplicatedPointsKeepTheirTies() {
        int d = 16;
        int n = 600;
        float[] x = Clouds.gaussian(n, d, 3);
        System.arraycopy(x, 0, x, d, d); // rows 0 and 1 equal: distance 0, ties broken by index
        NeighbourTable a = NearestNeighbourSearch.of(x, n, d, 3, 1, () -> false, blas);
        NeighbourTable b = NearestNeighbourSearch.of(x, n, d, 3, 1, () -> false, null);
        assertThat(a.indices()).isEqualTo(b.indices());
        assertThat(a.distance(0, 0)).isZero();
        assertThat(a.indices()[0]).isEqualTo(1);
    }

    @Test
    void cellValuesDoNotDependOnThreadsOnTheNativePath() {
        int n = 700;
        int d = 48;
        float[] x = Clouds.gaussian(n, d, 9);
        MeasureParameters p = MeasureParameters.defaults();
        Map<String, MeasureResult> one = CellAnalyzer.analyze(x, n, d, Estimators.all(), p, () -> false);
        Map<String, MeasureResult> two = CellAnalyzer.analyze(x, n, d, Estimators.all(), p.withThreads(2), () -> false);
        assertThat(one).isEqualTo(two);
    }
}

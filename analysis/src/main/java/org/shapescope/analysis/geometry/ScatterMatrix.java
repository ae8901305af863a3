package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.blas.BLAS;
import java.util.function.BooleanSupplier;

/**
 * The smaller of the scatter XᵀX (d × d, when d ≤ n) and the Gram matrix XXᵀ (n × n) of a cloud
 * X (n × d, row-major float32), in double; both share their non-zero eigenvalues σᵢ². With a
 * native BLAS it is built by {@code ssyrk} over chunks of {@link #CHUNK} terms, each chunk's
 * float32 products added into a double accumulator in a fixed order (the same scheme as
 * {@link GramMatrix}, whose own kernel runs when there is no native BLAS).
 */
final class ScatterMatrix {

    /**
     * Terms per float32 ssyrk call before accumulating in double. Rounding grows with the chunk
     * (≲ CHUNK·2⁻²⁴ ≈ 3e-5 relative worst case, ~√CHUNK·2⁻²⁴ typical); 512 keeps the calls
     * large enough for the BLAS to run near its peak (d = 768: 0.6 GFLOP per call).
     */
    static final int CHUNK = 512;

    private ScatterMatrix() {
    }

    /** Order of the matrix {@link #of} returns: min(n, d). */
    static int order(int n, int d) {
        return Math.min(n, d);
    }

    /** XᵀX when d ≤ n, else XXᵀ; row-major, symmetric, of order {@link #order}. blas null: pure Java. */
    static double[] of(float[] x, int n, int d, int threads, BooleanSupplier cancelled, BLAS blas) {
        if (blas == null) {
            return d <= n
                    ? GramMatrix.of(GramMatrix.transpose(x, n, d), d, n, threads, cancelled)
                    : GramMatrix.of(x, n, d, threads, cancelled);
        }
        return d <= n ? nativeScatter(blas, x, n, d, cancelled) : nativeGram(blas, x, n, d, cancelled);
    }

    /**
     * XᵀX = Σ_chunks X_cᵀX_c over chunks of rows. Row-major X is the column-major d × n matrix
     * A = Xᵀ (lda = d), so each chunk is ssyrk('U', 'N') of a block of A's columns.
     */
    private static double[] nativeScatter(BLAS blas, float[] x, int n, int d, BooleanSupplier cancelled) {
        double[] g = new double[d * d];
        float[] c = new float[d * d];
        for (int r0 = 0; r0 < n; r0 += CHUNK) {
            BlockWorkers.checkCancelled(cancelled);
            int rows = Math.min(CHUNK, n - r0);
            int offset = r0 * d;
            NativeBlas.call(() -> blas.ssyrk("U", "N", d, rows, 1f, x, offset, d, 0f, c, 0, d));
            addUpper(c, g, d);
        }
        return mirrorLower(g, d);
    }

    /**
     * XXᵀ = Σ_chunks over chunks of columns: ssyrk('U', 'T') of blocks of rows of A = Xᵀ, each
     * copied out contiguously (netlib-java's bounds check rejects a sub-block at an offset).
     */
    private static double[] nativeGram(BLAS blas, float[] x, int n, int d, BooleanSupplier cancelled) {
        double[] g = new double[n * n];
        float[] c = new float[n * n];
        float[] block = new float[n * Math.min(CHUNK, d)];
        for (int k0 = 0; k0 < d; k0 += CHUNK) {
            BlockWorkers.checkCancelled(cancelled);
            int cols = Math.min(CHUNK, d - k0);
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, i * d + k0, block, i * cols, cols);
            }
            NativeBlas.call(() -> blas.ssyrk("U", "T", n, cols, 1f, block, 0, cols, 0f, c, 0, n));
            addUpper(c, g, n);
        }
        return mirrorLower(g, n);
    }

    /**
     * Adds the upper triangle of c (column-major) into g: c(i, j), i ≤ j, lands at row-major
     * g[j·m + i], i.e. in g's lower triangle, so both arrays are walked contiguously.
     */
    private static void addUpper(float[] c, double[] g, int m) {
        for (int j = 0; j < m; j++) {
            int col = j * m;
            for (int i = 0; i <= j; i++) {
                g[col + i] += c[col + i];
            }
        }
    }

    /** Copies g's lower triangle onto its upper one. */
    private static double[] mirrorLower(double[] g, int m) {
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                g[i * m + j] = g[j * m + i];
            }
        }
        return g;
    }
}

package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.blas.BLAS;
import java.util.function.BooleanSupplier;

/**
 * The smaller of the scatter XᵀX (d × d, when d ≤ n) and the Gram matrix XXᵀ (n × n) of a cloud
 * X (n × d, row-major float32), in double; both share their non-zero eigenvalues σᵢ². With a
 * native BLAS it is built by {@code dsyrk} over chunks of {@link #CHUNK} rows (or columns)
 * widened to double and accumulated into the result in a fixed order; without one by
 * {@link GramMatrix}. Double products matter for the small eigenvalues: float32 products leave an
 * error of ~√CHUNK·2⁻²⁴·λ₁ on every eigenvalue, which is nothing for λ₁ (anisotropy) but swamps
 * the small singular values √λ that RankMe and similar spectra-entropy measures sum.
 */
final class ScatterMatrix {

    /**
     * Rows (or columns) widened to double per dsyrk call: large enough for the BLAS to run near its
     * peak (d = 768: 0.3 G multiply-adds per call), small enough that the widened copy stays a few
     * MB (512 × 5120 doubles = 21 MB).
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
            long flops = d <= n ? KernelLedger.Flops.syrk(d, n) : KernelLedger.Flops.syrk(n, d);
            return KernelLedger.call(KernelLedger.Kernel.SCATTER, flops, () -> d <= n
                    ? GramMatrix.of(GramMatrix.transpose(x, n, d), d, n, threads, cancelled)
                    : GramMatrix.of(x, n, d, threads, cancelled));
        }
        return d <= n ? nativeScatter(blas, x, n, d, cancelled) : nativeGram(blas, x, n, d, cancelled);
    }

    /**
     * XᵀX = Σ_chunks X_cᵀX_c over chunks of rows. Row-major X is the column-major d × n matrix
     * A = Xᵀ (lda = d), so each widened chunk is dsyrk('U', 'N') of a block of A's columns, added
     * into g (β = 1). The upper triangle of column-major g is the lower one of row-major g.
     */
    private static double[] nativeScatter(BLAS blas, float[] x, int n, int d, BooleanSupplier cancelled) {
        double[] g = new double[d * d];
        double[] chunk = new double[Math.min(CHUNK, n) * d];
        for (int r0 = 0; r0 < n; r0 += CHUNK) {
            BlockWorkers.checkCancelled(cancelled);
            int rows = Math.min(CHUNK, n - r0);
            int offset = r0 * d;
            for (int i = 0; i < rows * d; i++) {
                chunk[i] = x[offset + i];
            }
            NativeBlas.call(() -> KernelLedger.run(KernelLedger.Kernel.SCATTER, KernelLedger.Flops.syrk(d, rows),
                    () -> blas.dsyrk("U", "N", d, rows, 1.0, chunk, 0, d, 1.0, g, 0, d)));
        }
        return mirrorLower(g, d);
    }

    /**
     * XXᵀ = Σ_chunks over chunks of columns: dsyrk('U', 'T') of blocks of rows of A = Xᵀ, each
     * widened into a contiguous copy (netlib-java's bounds check rejects a sub-block at an offset).
     */
    private static double[] nativeGram(BLAS blas, float[] x, int n, int d, BooleanSupplier cancelled) {
        double[] g = new double[n * n];
        double[] block = new double[n * Math.min(CHUNK, d)];
        for (int k0 = 0; k0 < d; k0 += CHUNK) {
            BlockWorkers.checkCancelled(cancelled);
            int cols = Math.min(CHUNK, d - k0);
            for (int i = 0; i < n; i++) {
                int from = i * d + k0;
                int to = i * cols;
                for (int j = 0; j < cols; j++) {
                    block[to + j] = x[from + j];
                }
            }
            NativeBlas.call(() -> KernelLedger.run(KernelLedger.Kernel.SCATTER, KernelLedger.Flops.syrk(n, cols),
                    () -> blas.dsyrk("U", "T", n, cols, 1.0, block, 0, cols, 1.0, g, 0, n)));
        }
        return mirrorLower(g, n);
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

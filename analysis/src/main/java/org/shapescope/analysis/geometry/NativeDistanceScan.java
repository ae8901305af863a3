package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.blas.BLAS;
import java.util.function.BooleanSupplier;

/**
 * The candidate scan of {@link NearestNeighbourSearch} on a native BLAS: squared distances
 * ‖a‖² + ‖b‖² − 2a·b in float32, the dot products of a panel of {@link #PANEL} rows with every
 * later row from one {@code sgemm} call. Panel P (rows [p0, p1)) is paired with rows [p0, n):
 * pairs inside the panel are offered once per side as its rows come up, pairs with later rows
 * to both sides at once, so every ordered pair is offered exactly once (half of a full distance
 * matrix). Panels are shared out by {@link BlockWorkers}; each worker offers to its own heaps.
 */
final class NativeDistanceScan {

    /**
     * Rows per panel. One sgemm is then n × 512 × d (3.2 GFLOP for n = 4096, d = 768), large
     * enough for the BLAS's own threads, and its float output n × 512 (8 MiB) stays modest.
     */
    static final int PANEL = 512;

    private NativeDistanceScan() {
    }

    /** Offers every ordered pair (q, j), q ≠ j, of the n rows of xc (n × d) to the workers' heaps. */
    static void scan(BLAS blas, float[] xc, int n, int d, float[] norms, CandidateHeaps[] heaps,
                     BooleanSupplier cancelled) {
        int panels = (n + PANEL - 1) / PANEL;
        BlockWorkers.run(panels, heaps.length, cancelled, (panel, worker) ->
                scanPanel(blas, xc, n, d, norms, panel * PANEL, Math.min(n, (panel + 1) * PANEL), heaps[worker]));
    }

    private static void scanPanel(BLAS blas, float[] xc, int n, int d, float[] norms, int p0, int p1,
                                  CandidateHeaps heap) {
        int m = n - p0;
        int width = p1 - p0;
        // column-major view: row-major xc is A = xcᵀ (d × n, lda = d); dots = A[:, p0:]ᵀ · A[:, p0:p1]
        float[] dots = new float[m * width];
        NativeBlas.call(() -> KernelLedger.run(KernelLedger.Kernel.DISTANCE_PRODUCTS, KernelLedger.Flops.gemm(m, width, d),
                () -> blas.sgemm("T", "N", m, width, d, 1f, xc, p0 * d, d, xc, p0 * d, d, 0f, dots, 0, m)));
        long selection = System.nanoTime();
        float[] bounds = heap.bounds();
        for (int q = p0; q < p1; q++) {
            int col = (q - p0) * m - p0;
            float nq = norms[q];
            for (int j = p0; j < n; j++) {
                if (j == q) {
                    continue;
                }
                float d2 = Math.max(0f, nq + norms[j] - 2f * dots[col + j]);
                if (d2 <= bounds[q]) {
                    heap.offer(q, d2, j);
                }
                if (j >= p1 && d2 <= bounds[j]) {
                    heap.offer(j, d2, q);
                }
            }
        }
        KernelLedger.book(KernelLedger.Kernel.NEIGHBOUR_SELECTION, 0, System.nanoTime() - selection);
    }
}

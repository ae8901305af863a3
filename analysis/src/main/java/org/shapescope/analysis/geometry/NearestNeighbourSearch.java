package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.blas.BLAS;
import java.util.function.BooleanSupplier;

/**
 * Exact Euclidean k-nearest-neighbour search by brute force. The cloud is column-centred (a
 * translation, which shrinks the norms and so the cancellation below), then squared distances
 * are formed in float32 as ‖a‖² + ‖b‖² − 2a·b, by {@link NativeDistanceScan} when a native BLAS
 * is present, else from {@link DotProductPanels} over pairs of row blocks I ≤ J (either way each
 * pair serves both sides: half the work of a full distance matrix).
 * Each worker keeps its own k + {@link #RECHECK_MARGIN} best candidates per row; these are
 * merged as sets under the order (distance, index), and finally re-measured exactly in double
 * from the input values and re-sorted, so rounding of the float kernel cannot reorder the k
 * kept neighbours. The result does not depend on the number of threads.
 */
final class NearestNeighbourSearch {

    /** Extra float candidates per row re-measured in double. */
    static final int RECHECK_MARGIN = 8;

    private NearestNeighbourSearch() {
    }

    /** The k nearest neighbours of each of the n rows of x (n × d); needs n > k. */
    static NeighbourTable of(float[] x, int n, int d, int k, int threads, BooleanSupplier cancelled) {
        return of(x, n, d, k, threads, cancelled, NativeBlas.orNull());
    }

    /** As {@link #of(float[], int, int, int, int, BooleanSupplier)}, scanning on the given BLAS (null: pure Java). */
    static NeighbourTable of(float[] x, int n, int d, int k, int threads, BooleanSupplier cancelled, BLAS blas) {
        if (k < 1 || n <= k) {
            throw new IllegalArgumentException("need more rows (" + n + ") than neighbours (" + k + ")");
        }
        int candidates = Math.min(n - 1, k + RECHECK_MARGIN);
        float[] xc = ColumnCentering.centred(x, n, d);
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = xc[i * d + j];
                s += v * v;
            }
            norms[i] = (float) s;
        }
        if (blas != null) {
            CandidateHeaps[] heaps = heaps(Math.max(1, Math.min(threads, (n + NativeDistanceScan.PANEL - 1)
                    / NativeDistanceScan.PANEL)), n, candidates);
            NativeDistanceScan.scan(blas, xc, n, d, norms, heaps, cancelled);
            BlockWorkers.checkCancelled(cancelled);
            return recheck(x, n, d, k, heaps);
        }
        DotProductPanels panels = DotProductPanels.of(xc, n, d);
        int blocks = panels.blocks();
        int pairs = blocks * (blocks + 1) / 2;
        int[] pairI = new int[pairs];
        int[] pairJ = new int[pairs];
        for (int i = 0, p = 0; i < blocks; i++) {
            for (int j = i; j < blocks; j++, p++) {
                pairI[p] = i;
                pairJ[p] = j;
            }
        }
        int workers = Math.max(1, Math.min(threads, pairs));
        CandidateHeaps[] heaps = heaps(workers, n, candidates);
        BlockWorkers.run(pairs, workers, cancelled, (pair, worker) ->
                scanPair(xc, d, norms, panels, pairI[pair], pairJ[pair], heaps[worker]));
        BlockWorkers.checkCancelled(cancelled);
        return recheck(x, n, d, k, heaps);
    }

    private static CandidateHeaps[] heaps(int workers, int n, int candidates) {
        CandidateHeaps[] heaps = new CandidateHeaps[workers];
        for (int w = 0; w < workers; w++) {
            heaps[w] = new CandidateHeaps(n, candidates);
        }
        return heaps;
    }

    private static void scanPair(float[] xc, int d, float[] norms, DotProductPanels panels,
                                 int bi, int bj, CandidateHeaps heap) {
        float[] dots = new float[DotProductPanels.WIDTH];
        int j0 = DotProductPanels.blockStart(bj);
        int jn = panels.blockSize(bj);
        int q0 = DotProductPanels.blockStart(bi);
        int qEnd = q0 + panels.blockSize(bi);
        boolean diagonal = bi == bj;
        long start = System.nanoTime();
        long inProducts = 0;
        for (int q = q0; q < qEnd; q++) {
            long t = System.nanoTime();
            panels.dot(xc, q * d, bj, 0, d, dots);
            inProducts += System.nanoTime() - t;
            float nq = norms[q];
            for (int r = 0; r < jn; r++) {
                int j = j0 + r;
                if (j == q) {
                    continue;
                }
                float d2 = Math.max(0f, nq + norms[j] - 2f * dots[r]);
                heap.offer(q, d2, j);
                if (!diagonal) {
                    heap.offer(j, d2, q);
                }
            }
        }
        KernelLedger.book(KernelLedger.Kernel.DISTANCE_PRODUCTS, KernelLedger.Flops.gemm(qEnd - q0, jn, d), inProducts);
        KernelLedger.book(KernelLedger.Kernel.NEIGHBOUR_SELECTION, 0, System.nanoTime() - start - inProducts);
    }

    private static NeighbourTable recheck(float[] x, int n, int d, int k, CandidateHeaps[] heaps) {
        long start = System.nanoTime();
        long[] distancesComputed = {0};
        try {
            return recheck(x, n, d, k, heaps, distancesComputed);
        } finally {
            // a difference, a product and a sum per coordinate of each exact distance
            KernelLedger.book(KernelLedger.Kernel.NEIGHBOUR_RECHECK, 3L * d * distancesComputed[0], System.nanoTime() - start);
        }
    }

    private static NeighbourTable recheck(float[] x, int n, int d, int k, CandidateHeaps[] heaps, long[] distancesComputed) {
        int total = 0;
        for (CandidateHeaps h : heaps) {
            total = Math.max(total, h.capacity());
        }
        double[] distances = new double[n * k];
        int[] indices = new int[n * k];
        int[] merged = new int[total * heaps.length];
        float[] keys = new float[merged.length];
        double[] exact = new double[merged.length];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (CandidateHeaps h : heaps) {
                m = h.append(i, keys, merged, m);
            }
            for (int c = 0; c < m; c++) {
                exact[c] = keys[c];
            }
            // the same top-`total` set by the float order whatever the number of workers
            sortByDistanceThenIndex(exact, merged, m);
            m = Math.min(m, total);
            distancesComputed[0] += m;
            for (int c = 0; c < m; c++) {
                exact[c] = euclidean(x, d, i, merged[c]);
            }
            sortByDistanceThenIndex(exact, merged, m);
            for (int j = 0; j < k; j++) {
                distances[i * k + j] = exact[j];
                indices[i * k + j] = merged[j];
            }
        }
        return new NeighbourTable(n, k, distances, indices);
    }

    /** ‖x_a − x_b‖ in double. */
    static double euclidean(float[] x, int d, int a, int b) {
        double s = 0;
        int ia = a * d;
        int ib = b * d;
        for (int j = 0; j < d; j++) {
            double diff = (double) x[ia + j] - x[ib + j];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /** Insertion sort of the first m entries by (distance, index); m is a few dozen. */
    private static void sortByDistanceThenIndex(double[] dist, int[] idx, int m) {
        for (int a = 1; a < m; a++) {
            double dv = dist[a];
            int iv = idx[a];
            int b = a - 1;
            while (b >= 0 && (dist[b] > dv || (dist[b] == dv && idx[b] > iv))) {
                dist[b + 1] = dist[b];
                idx[b + 1] = idx[b];
                b--;
            }
            dist[b + 1] = dv;
            idx[b + 1] = iv;
        }
    }
}

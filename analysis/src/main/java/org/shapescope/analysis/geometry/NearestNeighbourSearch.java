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
 * merged as sets under the order (distance, index), and those that a bound on the float
 * kernel's rounding cannot rule out are re-measured exactly in double from the input values and
 * re-sorted; a row whose candidates the bound cannot vouch for is measured against every row.
 * So the k neighbours and their distances are the exact ones (ties by index), whatever the
 * rounding of the float kernel, and do not depend on the number of threads.
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
            return recheck(x, n, d, k, norms, heaps);
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
        return recheck(x, n, d, k, norms, heaps);
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
        float[] bounds = heap.bounds();
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
                if (d2 <= bounds[q]) {
                    heap.offer(q, d2, j);
                }
                if (!diagonal && d2 <= bounds[j]) {
                    heap.offer(j, d2, q);
                }
            }
        }
        KernelLedger.book(KernelLedger.Kernel.DISTANCE_PRODUCTS, KernelLedger.Flops.gemm(qEnd - q0, jn, d), inProducts);
        KernelLedger.book(KernelLedger.Kernel.NEIGHBOUR_SELECTION, 0, System.nanoTime() - start - inProducts);
    }

    private static NeighbourTable recheck(float[] x, int n, int d, int k, float[] norms, CandidateHeaps[] heaps) {
        long start = System.nanoTime();
        long[] counts = {0, 0};
        try {
            return recheck(x, n, d, k, norms, heaps, counts);
        } finally {
            // a difference, a product and a sum per coordinate of each exact distance
            KernelLedger.book(KernelLedger.Kernel.NEIGHBOUR_RECHECK, 3L * d * counts[0], System.nanoTime() - start);
            if (counts[1] > 0) {
                KernelLedger.book(KernelLedger.Kernel.NEIGHBOUR_EXHAUSTIVE_ROWS, counts[1], 3L * d * (n - 1) * counts[1], 0);
            }
        }
    }

    /**
     * Bound on |key − D²| per unit of ‖q‖² + ‖j‖², where key is the scan's float squared distance
     * of rows q, j and D² the exact squared distance of the input rows. With u = 2⁻²⁴: centring
     * rounds each coordinate once, relative u, which moves D² by at most 4u(‖q‖² + ‖j‖²) (a
     * translation itself changes no distance); the float norms carry u each; the float dot
     * product of d terms, in any order, errs by at most γ_d·|q|·|j| ≤ d·u/(1 − d·u)·(‖q‖² + ‖j‖²)/2
     * (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1); forming
     * ‖q‖² + ‖j‖² − 2q·j rounds twice more. Together below (d + 8)·u; twice that is used.
     */
    static double scanErrorFactor(int d) {
        return 2.0 * (d + 8) * 0x1p-24;
    }

    /**
     * Exact k nearest of each row from its float candidates. Only candidates that can be among the
     * exact k are re-measured: with B(j) = {@link #scanErrorFactor}·(‖q‖² + ‖j‖²), the first k
     * candidates in float order have D² ≤ T = max(key + B), so a candidate with key − B &gt; T
     * cannot be among the k and is skipped. Rows outside the candidates have a key at least the
     * last candidate's; when even that key minus the largest B does not clear T, the candidates
     * may not hold the exact k (the float order is rounding noise there, as inside a cluster far
     * tighter than the cloud), and the row is re-measured against every other row instead.
     * {@code counts[0]} gets the exact distances measured, {@code counts[1]} the rows measured against every row.
     */
    private static NeighbourTable recheck(float[] x, int n, int d, int k, float[] norms, CandidateHeaps[] heaps, long[] counts) {
        int total = 0;
        for (CandidateHeaps h : heaps) {
            total = Math.max(total, h.capacity());
        }
        double factor = scanErrorFactor(d);
        // exact distances are summed in double: a skipped row must exceed T by more than their rounding
        double doubleRounding = 1 + 4.0 * d * 0x1p-53;
        double largestNorm = 0;
        for (float v : norms) {
            largestNorm = Math.max(largestNorm, v);
        }
        double[] distances = new double[n * k];
        int[] indices = new int[n * k];
        int[] merged = new int[total * heaps.length];
        float[] keys = new float[merged.length];
        double[] exact = new double[Math.max(merged.length, k + 1)];
        int[] best = new int[k + 1];
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
            double t = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                t = Math.max(t, exact[c] + factor * ((double) norms[i] + norms[merged[c]]));
            }
            double skipAbove = t * doubleRounding;
            boolean everyRow = m == n - 1;
            if (!everyRow && !(exact[m - 1] - factor * (norms[i] + largestNorm) > skipAbove)) {
                counts[1]++;
                againstEveryRow(x, n, d, k, i, exact, best, distances, indices);
                continue;
            }
            int kept = 0;
            for (int c = 0; c < m; c++) {
                int j = merged[c];
                if (exact[c] - factor * ((double) norms[i] + norms[j]) > skipAbove) {
                    continue;
                }
                merged[kept] = j;
                exact[kept] = euclidean(x, d, i, j);
                kept++;
            }
            counts[0] += kept;
            sortByDistanceThenIndex(exact, merged, kept);
            for (int j = 0; j < k; j++) {
                distances[i * k + j] = exact[j];
                indices[i * k + j] = merged[j];
            }
        }
        return new NeighbourTable(n, k, distances, indices);
    }

    /** The exact k nearest of row i among all other rows, by (distance, index); {@code dist}, {@code idx} are scratch of length ≥ k + 1. */
    private static void againstEveryRow(float[] x, int n, int d, int k, int i, double[] dist, int[] idx,
                                        double[] distances, int[] indices) {
        int size = 0;
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double v = euclidean(x, d, i, j);
            if (size == k && !(v < dist[k - 1])) {
                continue; // j ascends: an equal distance loses to the kept, smaller index
            }
            int b = Math.min(size, k - 1);
            size = Math.min(size + 1, k);
            while (b > 0 && dist[b - 1] > v) {
                dist[b] = dist[b - 1];
                idx[b] = idx[b - 1];
                b--;
            }
            dist[b] = v;
            idx[b] = j;
        }
        for (int j = 0; j < k; j++) {
            distances[i * k + j] = dist[j];
            indices[i * k + j] = idx[j];
        }
    }

    /**
     * ‖x_a − x_b‖ in double, summed in four interleaved partial sums (coordinates j mod 4), which
     * keeps four additions in flight instead of one long dependency chain.
     */
    static double euclidean(float[] x, int d, int a, int b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int ia = a * d;
        int ib = b * d;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            double e0 = (double) x[ia + j] - x[ib + j];
            double e1 = (double) x[ia + j + 1] - x[ib + j + 1];
            double e2 = (double) x[ia + j + 2] - x[ib + j + 2];
            double e3 = (double) x[ia + j + 3] - x[ib + j + 3];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
        }
        for (; j < d; j++) {
            double e = (double) x[ia + j] - x[ib + j];
            s0 += e * e;
        }
        return Math.sqrt((s0 + s1) + (s2 + s3));
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

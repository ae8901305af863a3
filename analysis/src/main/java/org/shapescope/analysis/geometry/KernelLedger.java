package org.shapescope.analysis.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where a cell's time goes: for each heavy kernel, how often it ran, the nanoseconds its
 * calling thread spent in it (summed over the threads that ran it, so two workers in parallel
 * count twice) and the floating-point operations it did by the textbook count (a multiply-add is
 * two). {@code bench grid} prints it, so the benchmark can say which kernel runs at what fraction
 * of the machine's SGEMM peak and which part of a cell is not a BLAS call at all.
 *
 * <p>Always on: a {@link System#nanoTime()} pair per call and two {@link LongAdder} updates cost
 * well under a microsecond against calls of milliseconds. Not a profiler: the counts are of the
 * kernels named in {@link Kernel}, nothing else.
 */
public final class KernelLedger {

    /** The kernels that are counted. */
    public enum Kernel {
        /** XᵀX (or XXᵀ) of the centred cloud, double precision (dsyrk, or the Java panels). */
        SCATTER("scatter (dsyrk)"),
        /** Eigenvalues of the scatter (LAPACK dsyevd, or EJML). */
        EIGENVALUES("eigenvalues (dsyevd)"),
        /** λ₁ alone by Lanczos: products with Xᵀ and X. */
        LANCZOS("largest eigenvalue (Lanczos)"),
        /** Dot products of the neighbour scan (sgemm panels, or the Java panels). */
        DISTANCE_PRODUCTS("distance products (sgemm)"),
        /** Turning products into squared distances and keeping the k + margin smallest per row. */
        NEIGHBOUR_SELECTION("neighbour selection (heaps)"),
        /** Exact double distances of the candidates and the final k per row. */
        NEIGHBOUR_RECHECK("neighbour recheck"),
        /**
         * Rows whose float candidates could not be vouched for, re-measured against every row
         * (booked with no time: it is inside {@link #NEIGHBOUR_RECHECK}'s).
         */
        NEIGHBOUR_EXHAUSTIVE_ROWS("rows measured against all");

        private final String label;
        private final LongAdder calls = new LongAdder();
        private final LongAdder nanos = new LongAdder();
        private final LongAdder flops = new LongAdder();

        Kernel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One kernel's totals since the last {@link #reset()}. */
    public record Entry(Kernel kernel, long calls, long nanos, long flops) {
        /** Operations per second of the calling thread, in units of 10⁹; NaN when the kernel did no counted operations. */
        public double gflopsPerThread() {
            return flops == 0 || nanos == 0 ? Double.NaN : flops / (double) nanos;
        }

        public double seconds() {
            return nanos / 1e9;
        }
    }

    private KernelLedger() {
    }

    /** Runs {@code work} and books its time and {@code flops} to {@code kernel}. */
    static void run(Kernel kernel, long flops, Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            book(kernel, flops, System.nanoTime() - start);
        }
    }

    /** As {@link #run}, for work with a result. */
    static <T> T call(Kernel kernel, long flops, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            book(kernel, flops, System.nanoTime() - start);
        }
    }

    /** Books a measured span (for loops that time their own parts). */
    static void book(Kernel kernel, long flops, long nanos) {
        book(kernel, 1, flops, nanos);
    }

    /** Books {@code calls} calls at once. */
    static void book(Kernel kernel, long calls, long flops, long nanos) {
        kernel.calls.add(calls);
        kernel.nanos.add(nanos);
        kernel.flops.add(flops);
    }

    /** Textbook operation counts of the kernels (a multiply-add is two operations). */
    static final class Flops {
        private Flops() {
        }

        /** C (m × m, one triangle) += A·Aᵀ with A m × k: m(m+1)/2 entries of k multiply-adds. */
        static long syrk(long m, long k) {
            return m * (m + 1) * k;
        }

        /** C (m × n) = A·B with inner dimension k. */
        static long gemm(long m, long n, long k) {
            return 2 * m * n * k;
        }

        /**
         * Eigenvalues only of a symmetric m × m matrix: the Householder tridiagonalisation's
         * (4/3)m³ (Golub &amp; Van Loan, Matrix Computations, 4th ed., §8.3.1); the tridiagonal QR
         * that follows is O(m²) and not counted.
         */
        static long symmetricEigenvalues(long m) {
            return 4 * m * m * m / 3;
        }
    }

    /** Every kernel's totals, in {@link Kernel} order. */
    public static List<Entry> snapshot() {
        List<Entry> out = new ArrayList<>();
        for (Kernel k : Kernel.values()) {
            out.add(new Entry(k, k.calls.sum(), k.nanos.sum(), k.flops.sum()));
        }
        return out;
    }

    /** Zeroes every total (a benchmark calls it before the measured run). */
    public static void reset() {
        for (Kernel k : Kernel.values()) {
            k.calls.reset();
            k.nanos.reset();
            k.flops.reset();
        }
    }
}

package org.shapescope.analysis.geometry;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The largest eigenvalue λ₁ of the scatter XᵀX of a cloud X (n × d, row-major float32) without
 * forming the scatter: the Lanczos iteration with full reorthogonalisation (Golub & Van Loan,
 * <i>Matrix Computations</i>, 4th ed., §10.1), each step one product XᵀX·v = Xᵀ(X·v) in double
 * (2·n·d multiply-adds), the Ritz value being the largest eigenvalue of the Lanczos tridiagonal,
 * found by Sturm-sequence bisection. It stops when the Ritz value changes by less than
 * {@link #RELATIVE_TOLERANCE} of itself over two steps, or when the Krylov space is exhausted
 * (then the Ritz value is exact). Anisotropy needs nothing else of the spectrum (λ₁ over the trace
 * ‖X‖²_F), so a grid of anisotropy alone costs O(k·n·d) per cell instead of O(n·d² + d³).
 * The start vector is seeded: the same cloud gives the same value.
 */
final class LargestEigenvalue {
    /** Convergence: successive Ritz values closer than this, relatively (double rounding is ~1e-16). */
    static final double RELATIVE_TOLERANCE = 1e-14;
    /** Most Lanczos steps before giving up (the caller then computes the whole spectrum). */
    static final int MAX_STEPS = 300;
    private static final long START_SEED = 345;

    private LargestEigenvalue() {
    }

    /** λ₁ of XᵀX, or NaN when {@link #MAX_STEPS} steps did not converge. */
    static double of(float[] x, int n, int d, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        long[] flops = {0};
        try {
            return iterate(x, n, d, cancelled, flops);
        } finally {
            KernelLedger.book(KernelLedger.Kernel.LANCZOS, flops[0], System.nanoTime() - start);
        }
    }

    /** The iteration of {@link #of}; adds its operations to {@code flops[0]}. */
    private static double iterate(float[] x, int n, int d, BooleanSupplier cancelled, long[] flops) {
        int steps = Math.min(MAX_STEPS, d);
        double[][] basis = new double[steps + 1][];
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] v = new double[d];
        SplittableRandom random = new SplittableRandom(START_SEED);
        for (int j = 0; j < d; j++) {
            v[j] = random.nextDouble() - 0.5;
        }
        scale(v, 1.0 / norm(v));
        basis[0] = v;
        double previous = Double.NaN;
        double beforePrevious = Double.NaN;
        for (int k = 0; k < steps; k++) {
            BlockWorkers.checkCancelled(cancelled);
            double[] w = scatterTimes(x, n, d, basis[k]);
            // X·v and Xᵀ(X·v): 2·n·d multiply-adds; two reorthogonalisation passes over k + 1 vectors
            flops[0] += 4L * n * d + 8L * (k + 1) * d;
            alpha[k] = dot(w, basis[k]);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= k; i++) {
                    axpy(-dot(w, basis[i]), basis[i], w);
                }
            }
            double ritz = largestOfTridiagonal(alpha, beta, k + 1);
            double b = norm(w);
            beta[k] = b;
            boolean exhausted = k + 1 == d || b <= 1e-15 * Math.max(ritz, Double.MIN_NORMAL);
            if (exhausted || (k >= 2 && Math.abs(ritz - previous) <= RELATIVE_TOLERANCE * ritz
                    && Math.abs(previous - beforePrevious) <= RELATIVE_TOLERANCE * ritz)) {
                return ritz;
            }
            beforePrevious = previous;
            previous = ritz;
            scale(w, 1.0 / b);
            basis[k + 1] = w;
        }
        return Double.NaN;
    }

    /**
     * XᵀX·v = Σᵢ xᵢ (xᵢ·v) in double, one pass over X: each row's dot product (four partial sums, so
     * that the additions do not wait on each other) and its share of the result while the row is in
     * cache.
     */
    private static double[] scatterTimes(float[] x, int n, int d, double[] v) {
        double[] w = new double[d];
        for (int i = 0; i < n; i++) {
            int base = i * d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += x[base + j] * v[j];
                s1 += x[base + j + 1] * v[j + 1];
                s2 += x[base + j + 2] * v[j + 2];
                s3 += x[base + j + 3] * v[j + 3];
            }
            for (; j < d; j++) {
                s0 += x[base + j] * v[j];
            }
            double a = (s0 + s2) + (s1 + s3);
            for (j = 0; j < d; j++) {
                w[j] += x[base + j] * a;
            }
        }
        return w;
    }

    /**
     * The largest eigenvalue of the symmetric tridiagonal matrix with diagonal alpha[0..m) and
     * off-diagonal beta[0..m−1), by bisection on the Sturm count within the Gershgorin bounds.
     */
    static double largestOfTridiagonal(double[] alpha, double[] beta, int m) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double radius = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < m - 1 ? Math.abs(beta[i]) : 0);
            lo = Math.min(lo, alpha[i] - radius);
            hi = Math.max(hi, alpha[i] + radius);
        }
        for (int iteration = 0; iteration < 200 && hi - lo > 2 * Math.ulp(hi); iteration++) {
            double mid = 0.5 * (lo + hi);
            if (countAbove(alpha, beta, m, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** How many eigenvalues of the tridiagonal exceed {@code shift} (Sturm sequence, LDLᵀ of T − shift). */
    private static int countAbove(double[] alpha, double[] beta, int m, double shift) {
        int below = 0;
        double q = 1;
        for (int i = 0; i < m; i++) {
            double off = i > 0 ? beta[i - 1] * beta[i - 1] : 0;
            q = alpha[i] - shift - (i > 0 ? off / q : 0);
            if (q == 0) {
                q = -Double.MIN_NORMAL;
            }
            if (q < 0) {
                below++;
            }
        }
        return m - below;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= s;
        }
    }
}

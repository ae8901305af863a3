package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import org.netlib.util.intW;

/**
 * The system's native LAPACK (e.g. OpenBLAS's liblapack.so.3) through netlib-java's JNI binding
 * ({@code dev.ludovic.netlib:lapack}), used for the eigenvalues of the scatter matrix when the
 * native BLAS path is taken; null without it (EJML then decomposes). Turned off with the same
 * system property as {@link NativeBlas}.
 */
final class NativeLapack {

    private static final LAPACK INSTANCE = load();

    private NativeLapack() {
    }

    /** The native LAPACK, or null when there is none (or native kernels are turned off). */
    static LAPACK orNull() {
        return INSTANCE;
    }

    /**
     * Eigenvalues, ascending, of the symmetric m × m matrix g (row-major; only one triangle is
     * read, the matrix being symmetric), by LAPACK {@code dsyevd} without eigenvectors
     * (Householder tridiagonalisation, then the root-free QR iteration {@code dsterf}).
     * g is overwritten.
     */
    static double[] symmetricEigenvalues(LAPACK lapack, double[] g, int m) {
        double[] w = new double[m];
        intW info = new intW(0);
        double[] size = new double[1];
        int[] isize = new int[1];
        lapack.dsyevd("N", "U", m, g, Math.max(1, m), w, size, -1, isize, -1, info);
        double[] work = new double[Math.max(2 * m + 1, (int) size[0])];
        int[] iwork = new int[Math.max(1, isize[0])];
        NativeBlas.call(() -> KernelLedger.run(KernelLedger.Kernel.EIGENVALUES, KernelLedger.Flops.symmetricEigenvalues(m),
                () -> lapack.dsyevd("N", "U", m, g, Math.max(1, m), w, work, work.length, iwork, iwork.length, info)));
        if (info.val != 0) {
            throw new ArithmeticException("dsyevd failed (info " + info.val + ") on " + m + " x " + m);
        }
        return w;
    }

    /**
     * The {@code top} largest eigenvalues of the symmetric m × m matrix g, descending, and their
     * orthonormal eigenvectors ({@code vectors[c]} belongs to {@code values[c]}), by LAPACK
     * {@code dsyevr} for that index range only (tridiagonalisation, then the MRRR algorithm for the
     * selected pairs): far cheaper than all m eigenvectors. g is overwritten.
     */
    static double[][] topEigenpairs(LAPACK lapack, double[] g, int m, int top, double[] values) {
        int il = m - top + 1;
        intW found = new intW(0);
        intW info = new intW(0);
        double[] w = new double[m];
        double[] z = new double[(long) m * top > Integer.MAX_VALUE ? 0 : m * top];
        int[] support = new int[2 * Math.max(1, m)]; // LAPACK asks 2·max(1, top); the binding checks 2·m
        double[] size = new double[1];
        int[] isize = new int[1];
        lapack.dsyevr("V", "I", "U", m, g, Math.max(1, m), 0, 0, il, m, 0, found, w, z, Math.max(1, m), support,
                size, -1, isize, -1, info);
        double[] work = new double[Math.max(26 * m, (int) size[0])];
        int[] iwork = new int[Math.max(10 * m, isize[0])];
        NativeBlas.call(() -> KernelLedger.run(KernelLedger.Kernel.EIGENVALUES, KernelLedger.Flops.symmetricEigenvalues(m),
                () -> lapack.dsyevr("V", "I", "U", m, g, Math.max(1, m), 0, 0, il, m, 0, found, w, z, Math.max(1, m), support,
                        work, work.length, iwork, iwork.length, info)));
        if (info.val != 0 || found.val != top) {
            throw new ArithmeticException("dsyevr failed (info " + info.val + ", " + found.val + " of " + top
                    + " eigenpairs) on " + m + " x " + m);
        }
        double[][] vectors = new double[top][m];
        for (int c = 0; c < top; c++) {
            int from = top - 1 - c; // ascending in w and z: the largest last
            values[c] = w[from];
            System.arraycopy(z, from * m, vectors[c], 0, m);
        }
        return vectors;
    }

    private static LAPACK load() {
        return NativeBlas.loadNative("dev.ludovic.netlib.lapack.InstanceBuilder", LAPACK::getInstance, NativeLAPACK.class);
    }
}

package org.shapescope.analysis.geometry;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues λ₁ ≥ λ₂ ≥ … ≥ 0 of the scatter matrix XᵀX of a cloud (column-centred or not),
 * i.e. the squared singular values σᵢ² of X. They are found from the smaller of the d × d
 * scatter and the n × n Gram matrix (both share their non-zero eigenvalues), built by
 * {@link ScatterMatrix} in double (native BLAS when present, else {@link GramMatrix}), then
 * a symmetric eigen-decomposition: LAPACK {@code dsyevd} on the native path, else EJML. Eigenvalues are
 * not divided by n − 1: every measure built on them is a ratio.
 *
 * @param eigenvalues descending, length min(n, d), negatives from round-off set to 0
 * @param dimension   d, the dimension of the space
 * @param total       Σλᵢ = ‖X‖²_F (computed from the same matrix's trace)
 */
record CovarianceSpectrum(double[] eigenvalues, int dimension, double total) {

    static CovarianceSpectrum of(float[] x, int n, int d, boolean centred, int threads, BooleanSupplier cancelled) {
        return of(x, n, d, centred, threads, cancelled, NativeBlas.orNull());
    }

    /** As {@link #of(float[], int, int, boolean, int, BooleanSupplier)}, on the given BLAS (null: pure Java). */
    static CovarianceSpectrum of(float[] x, int n, int d, boolean centred, int threads, BooleanSupplier cancelled,
                                 BLAS blas) {
        float[] y = centred ? ColumnCentering.centred(x, n, d) : x;
        int m = ScatterMatrix.order(n, d);
        double[] g = ScatterMatrix.of(y, n, d, threads, cancelled, blas);
        BlockWorkers.checkCancelled(cancelled);
        double trace = 0;
        for (int i = 0; i < m; i++) {
            trace += g[i * m + i];
        }
        double[] lambda = symmetricEigenvalues(g, m, blas == null ? null : NativeLapack.orNull());
        return new CovarianceSpectrum(lambda, d, trace);
    }

    /** As {@link #symmetricEigenvalues(double[], int)}, by LAPACK when lapack is not null. */
    static double[] symmetricEigenvalues(double[] g, int m, LAPACK lapack) {
        if (lapack == null) {
            return KernelLedger.call(KernelLedger.Kernel.EIGENVALUES, KernelLedger.Flops.symmetricEigenvalues(m),
                    () -> symmetricEigenvalues(g, m));
        }
        double[] ascending = NativeLapack.symmetricEigenvalues(lapack, g.clone(), m);
        double[] lambda = new double[m];
        for (int i = 0; i < m; i++) {
            lambda[i] = Math.max(0.0, ascending[m - 1 - i]);
        }
        return lambda;
    }

    /** Eigenvalues of the symmetric m × m matrix g (row-major), descending, clamped at 0. */
    static double[] symmetricEigenvalues(double[] g, int m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false, true);
        if (!eig.decompose(DMatrixRMaj.wrap(m, m, g.clone()))) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge (" + m + " x " + m + ")");
        }
        double[] lambda = new double[m];
        for (int i = 0; i < m; i++) {
            lambda[i] = Math.max(0.0, eig.getEigenvalue(i).getReal());
        }
        Arrays.sort(lambda);
        for (int i = 0, j = m - 1; i < j; i++, j--) {
            double t = lambda[i];
            lambda[i] = lambda[j];
            lambda[j] = t;
        }
        return lambda;
    }

    double largest() {
        return eigenvalues.length == 0 ? 0.0 : eigenvalues[0];
    }
}

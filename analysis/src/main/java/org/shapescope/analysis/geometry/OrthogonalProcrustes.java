package org.shapescope.analysis.geometry;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Orthogonal Procrustes with translation (Schönemann, "A generalized solution of the orthogonal
 * Procrustes problem", Psychometrika 31, 1966): for matched rows A, B (m × k), the orthogonal
 * R (k × k, RᵀR = I, reflections allowed) and translation minimising ‖(A − 1μ_Aᵀ)R − (B − 1μ_Bᵀ)‖²_F,
 * μ the column means over the matched rows. With A_cᵀB_c = UΣVᵀ the minimiser is R = UVᵀ and the
 * residual ‖A_c‖²_F + ‖B_c‖²_F − 2·Σσᵢ; no scaling, so a cloud that grows is still seen to grow.
 * Rows with a NaN in A or B take no part in the fit.
 *
 * @param k          dimension of the coordinates
 * @param rotation   R, row-major k × k
 * @param sourceMean μ_A over the fitted rows
 * @param targetMean μ_B over the fitted rows
 * @param residual   ‖A_c R − B_c‖²_F over the fitted rows
 * @param rows       number of rows fitted
 */
public record OrthogonalProcrustes(int k, double[] rotation, double[] sourceMean, double[] targetMean,
                                   double residual, int rows) {

    /** Fits R mapping {@code a} onto {@code b}: both m × k row-major, row i of a matched with row i of b. */
    public static OrthogonalProcrustes fit(double[] a, double[] b, int m, int k) {
        if (a.length != (long) m * k || b.length != (long) m * k || k < 1) {
            throw new IllegalArgumentException("a holds " + a.length + ", b " + b.length + " numbers, expected " + m + " x " + k);
        }
        boolean[] use = new boolean[m];
        int rows = 0;
        for (int i = 0; i < m; i++) {
            boolean ok = true;
            for (int c = 0; c < k && ok; c++) {
                ok = !Double.isNaN(a[i * k + c]) && !Double.isNaN(b[i * k + c]);
            }
            use[i] = ok;
            rows += ok ? 1 : 0;
        }
        double[] ma = new double[k];
        double[] mb = new double[k];
        if (rows == 0) {
            return new OrthogonalProcrustes(k, identity(k), ma, mb, 0.0, 0);
        }
        for (int i = 0; i < m; i++) {
            if (use[i]) {
                for (int c = 0; c < k; c++) {
                    ma[c] += a[i * k + c];
                    mb[c] += b[i * k + c];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            ma[c] /= rows;
            mb[c] /= rows;
        }
        DMatrixRMaj cross = new DMatrixRMaj(k, k);
        for (int i = 0; i < m; i++) {
            if (!use[i]) {
                continue;
            }
            for (int r = 0; r < k; r++) {
                double ar = a[i * k + r] - ma[r];
                for (int c = 0; c < k; c++) {
                    cross.data[r * k + c] += ar * (b[i * k + c] - mb[c]);
                }
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(k, k, true, true, false);
        if (!svd.decompose(cross.copy())) {
            throw new ArithmeticException("SVD of the " + k + " x " + k + " cross-covariance did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj r = new DMatrixRMaj(k, k);
        CommonOps_DDRM.mult(u, vt, r);
        double residual = 0;
        for (int i = 0; i < m; i++) {
            if (!use[i]) {
                continue;
            }
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += (a[i * k + j] - ma[j]) * r.data[j * k + c];
                }
                double e = s - (b[i * k + c] - mb[c]);
                residual += e * e;
            }
        }
        return new OrthogonalProcrustes(k, r.data, ma, mb, residual, rows);
    }

    /** (x − μ_A)R + μ_B for every row of {@code x} (rows × k, row-major); a row with a NaN stays NaN. */
    public double[] apply(double[] x, int rows) {
        if (x.length != (long) rows * k) {
            throw new IllegalArgumentException("x holds " + x.length + " numbers, expected " + rows + " x " + k);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += (x[i * k + j] - sourceMean[j]) * rotation[j * k + c];
                }
                out[i * k + c] = s + targetMean[c];
            }
        }
        return out;
    }

    /** Entry (row, column) of R. */
    public double rotation(int row, int column) {
        return rotation[row * k + column];
    }

    private static double[] identity(int k) {
        double[] id = new double[k * k];
        for (int i = 0; i < k; i++) {
            id[i * k + i] = 1;
        }
        return id;
    }

    @Override
    public String toString() {
        return "OrthogonalProcrustes[k=" + k + ", rows=" + rows + ", residual=" + residual + ", R="
                + Arrays.toString(rotation) + "]";
    }
}

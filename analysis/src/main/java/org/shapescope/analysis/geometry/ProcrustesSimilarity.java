package org.shapescope.analysis.geometry;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Linearity of the map between two successive layers, LLM-Microscope's {@code procrustes_similarity}
 * (Razzhigaev et al., "Your Transformer is Secretly Linear", 2024): X, Y the two clouds over the
 * same tokens, each column-centred and divided by its Frobenius norm; A = argmin ‖XA − Y‖_F (least
 * squares, Y ≈ XA); similarity = 1 − ‖XA − Y‖²_F. Since ‖Y‖_F = 1 and XA is the projection P_X Y
 * of Y on the column space of X, this is ‖P_X Y‖²_F = Σₖ ‖vₖᵀ XᵀY‖² / λₖ over the eigenpairs
 * (λₖ, vₖ) of XᵀX, computed here in double; directions with λₖ ≤ {@value #RANK_TOLERANCE}·λ₁ are
 * treated as outside the column space (the authors' SVD pseudo-inverse keeps all min(n, d); the
 * two differ only on rank-deficient X). Between 0 and 1; 1 when Y is an exact linear map of X.
 */
final class ProcrustesSimilarity {
    /** Relative size below which an eigenvalue of XᵀX counts as zero. */
    static final double RANK_TOLERANCE = 1e-12;

    private ProcrustesSimilarity() {
    }

    /**
     * The similarity of x (n × dx) and y (n × dy), both float32 row-major, over the rows finite in
     * both; {@code residual}: compare x with y − x instead (the notebook's {@code procrustes_similarity_centered},
     * which needs dx = dy). NaN when either cloud has no variance.
     */
    static double of(float[] x, int dx, float[] y, int dy, int n, boolean residual) {
        boolean[] keep = new boolean[n];
        int rows = 0;
        for (int i = 0; i < n; i++) {
            keep[i] = finite(x, i, dx) && finite(y, i, dy);
            rows += keep[i] ? 1 : 0;
        }
        double[] a = new double[rows * dx];
        double[] b = new double[rows * dy];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                for (int j = 0; j < dx; j++) {
                    a[r * dx + j] = x[i * dx + j];
                }
                for (int j = 0; j < dy; j++) {
                    b[r * dy + j] = residual ? (double) y[i * dy + j] - x[i * dx + j] : y[i * dy + j];
                }
                r++;
            }
        }
        if (!normalise(a, rows, dx) || !normalise(b, rows, dy)) {
            return Double.NaN;
        }
        double[] xtx = new double[dx * dx];
        double[] xty = new double[dx * dy];
        for (int i = 0; i < rows; i++) {
            for (int p = 0; p < dx; p++) {
                double ap = a[i * dx + p];
                if (ap == 0) {
                    continue;
                }
                for (int q = p; q < dx; q++) {
                    xtx[p * dx + q] += ap * a[i * dx + q];
                }
                for (int q = 0; q < dy; q++) {
                    xty[p * dy + q] += ap * b[i * dy + q];
                }
            }
        }
        for (int p = 0; p < dx; p++) {
            for (int q = 0; q < p; q++) {
                xtx[p * dx + q] = xtx[q * dx + p];
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dx, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(dx, dx, xtx))) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge (" + dx + " x " + dx + ")");
        }
        double largest = 0;
        for (int k = 0; k < dx; k++) {
            largest = Math.max(largest, eig.getEigenvalue(k).getReal());
        }
        double explained = 0;
        for (int k = 0; k < dx; k++) {
            double lambda = eig.getEigenvalue(k).getReal();
            if (lambda <= RANK_TOLERANCE * largest) {
                continue;
            }
            DMatrixRMaj v = eig.getEigenVector(k);
            double s = 0;
            for (int q = 0; q < dy; q++) {
                double t = 0;
                for (int p = 0; p < dx; p++) {
                    t += v.data[p] * xty[p * dy + q];
                }
                s += t * t;
            }
            explained += s / lambda;
        }
        return explained;
    }

    /** Rows finite in both clouds. */
    static int finiteInBoth(float[] x, int dx, float[] y, int dy, int n) {
        int rows = 0;
        for (int i = 0; i < n; i++) {
            rows += finite(x, i, dx) && finite(y, i, dy) ? 1 : 0;
        }
        return rows;
    }

    /** Centres the columns and divides by the Frobenius norm; false when nothing is left. */
    private static boolean normalise(double[] m, int rows, int d) {
        if (rows < 2) {
            return false;
        }
        double[] mean = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += m[i * d + j];
            }
        }
        double sq = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                double v = m[i * d + j] - mean[j] / rows;
                m[i * d + j] = v;
                sq += v * v;
            }
        }
        if (!(sq > 0)) {
            return false;
        }
        double norm = Math.sqrt(sq);
        for (int i = 0; i < m.length; i++) {
            m[i] /= norm;
        }
        return true;
    }

    private static boolean finite(float[] x, int i, int d) {
        for (int j = 0; j < d; j++) {
            if (!Float.isFinite(x[i * d + j])) {
                return false;
            }
        }
        return true;
    }
}

package org.shapescope.analysis.geometry;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal-component projection of a cloud for a scatter view: the coordinates of every token
 * on the top principal directions of the column-centred finite rows, and the explained-variance
 * ratios λᵢ/Σλ. With X_c = UΣVᵀ the coordinates are X_c·V_k = U_k·Σ_k; they come from the
 * eigenvectors of the smaller of the d × d scatter and the n × n Gram matrix: on the native path
 * LAPACK {@code dsyevr} computes only the top {@link #SPECTRUM_LENGTH} pairs (Σλ is then the
 * trace), else EJML decomposes the whole matrix (Σλ over the clipped λ ≥ 0). Each component's
 * sign is fixed so that its coordinate of largest magnitude is positive. Rows with NaN/Inf get
 * NaN coordinates and take no part in the fit.
 *
 * @param components             number of components k actually returned
 * @param coordinates            token i, component c at [i·k + c]
 * @param explainedVarianceRatio λᵢ/Σλ, descending, at most {@link #SPECTRUM_LENGTH} entries
 */
public record PcaProjection(int components, double[] coordinates, double[] explainedVarianceRatio) {

    /** Longest explained-variance spectrum returned. */
    public static final int SPECTRUM_LENGTH = 50;

    /** The top {@code components} principal coordinates of the n × d cloud {@code values}. */
    public static PcaProjection compute(float[] values, int n, int d, int components) {
        return compute(values, n, d, components, NativeLapack.orNull());
    }

    /** {@link #compute(float[], int, int, int)} with the given native LAPACK, or EJML when it is null. */
    static PcaProjection compute(float[] values, int n, int d, int components, dev.ludovic.netlib.lapack.LAPACK lapack) {
        if ((long) n * d != values.length || components < 1) {
            throw new IllegalArgumentException("values hold " + values.length + " numbers, expected "
                    + n + " x " + d + "; components " + components);
        }
        BooleanSupplier never = () -> false;
        boolean[] finiteRow = new boolean[n];
        FiniteRows finite = FiniteRows.of(values, n, d);
        for (int i = 0; i < n; i++) {
            finiteRow[i] = true;
            for (int j = 0; j < d && finiteRow[i]; j++) {
                finiteRow[i] = Float.isFinite(values[i * d + j]);
            }
        }
        int rows = finite.rows();
        if (rows == 0) {
            double[] coords = new double[n * components];
            Arrays.fill(coords, Double.NaN);
            return new PcaProjection(components, coords, new double[0]);
        }
        float[] xc = ColumnCentering.centred(finite.values(), rows, d);
        boolean scatter = d <= rows;
        int m = scatter ? d : rows;
        double[] g = ScatterMatrix.of(xc, rows, d, 1, never, NativeBlas.orNull());
        int k = Math.min(components, m);
        int top = Math.min(m, Math.max(k, SPECTRUM_LENGTH));
        double[] eigenvalues = new double[top];
        double[][] vectors;
        double total;
        if (lapack != null) {
            // only the pairs shown: the whole variance is the trace, which the decomposition keeps
            total = 0;
            for (int i = 0; i < m; i++) {
                total += g[i * m + i];
            }
            vectors = NativeLapack.topEigenpairs(lapack, g, m, top, eigenvalues);
        } else {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
            if (!eig.decompose(DMatrixRMaj.wrap(m, m, g))) {
                throw new ArithmeticException("symmetric eigen-decomposition did not converge (" + m + " x " + m + ")");
            }
            Integer[] order = new Integer[m];
            total = 0;
            for (int i = 0; i < m; i++) {
                order[i] = i;
                total += Math.max(0, eig.getEigenvalue(i).getReal());
            }
            Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
            vectors = new double[top][];
            for (int c = 0; c < top; c++) {
                eigenvalues[c] = eig.getEigenvalue(order[c]).getReal();
                vectors[c] = c < k ? eig.getEigenVector(order[c]).data : null;
            }
        }
        double[] fitted = new double[rows * k];
        for (int c = 0; c < k; c++) {
            double[] v = vectors[c];
            double lambda = Math.max(0, eigenvalues[c]);
            for (int i = 0; i < rows; i++) {
                double s;
                if (scatter) {
                    s = 0;
                    for (int j = 0; j < d; j++) {
                        s += xc[i * d + j] * v[j];
                    }
                } else {
                    s = v[i] * Math.sqrt(lambda);
                }
                fitted[i * k + c] = s;
            }
            fixSign(fitted, rows, k, c);
        }
        double[] coords = new double[n * k];
        for (int i = 0, f = 0; i < n; i++) {
            if (finiteRow[i]) {
                System.arraycopy(fitted, f * k, coords, i * k, k);
                f++;
            } else {
                Arrays.fill(coords, i * k, (i + 1) * k, Double.NaN);
            }
        }
        double[] ratio = new double[Math.min(SPECTRUM_LENGTH, m)];
        for (int i = 0; i < ratio.length; i++) {
            ratio[i] = total > 0 ? Math.max(0, eigenvalues[i]) / total : 0.0;
        }
        return new PcaProjection(k, coords, ratio);
    }

    private static void fixSign(double[] coords, int rows, int k, int c) {
        double largest = 0;
        for (int i = 0; i < rows; i++) {
            double v = coords[i * k + c];
            if (Math.abs(v) > Math.abs(largest)) {
                largest = v;
            }
        }
        if (largest < 0) {
            for (int i = 0; i < rows; i++) {
                coords[i * k + c] = -coords[i * k + c];
            }
        }
    }

    /** Coordinate of token i on component c. */
    public double coordinate(int i, int c) {
        return coordinates[i * components + c];
    }
}

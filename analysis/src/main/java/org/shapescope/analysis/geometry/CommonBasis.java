package org.shapescope.analysis.geometry;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * One principal basis for all checkpoints of a layer (docs/MEASURES.md, "Aligned projections"):
 * the top eigenvectors of S = Σ_c X̃_cᵀX̃_c / ‖X̃_c‖²_F, X̃_c checkpoint c's finite rows centred on
 * their own mean, i.e. the right singular vectors of the stacked centred clouds each scaled to unit
 * Frobenius norm, so that every checkpoint weighs the same in the basis (unscaled, the widest
 * cloud, often an early checkpoint, would choose the axes alone). Each checkpoint is then
 * projected, unscaled, on the same axes, X̃_c·V_k, so nothing but the cloud changes between checkpoints.
 * Centring each cloud on its own mean removes its drift as Procrustes does. Clouds are added one
 * at a time (S is d × d), so a layer's checkpoints need not be in memory together. The basis's
 * signs are fixed once (its loading of largest magnitude is positive), which is enough: all
 * checkpoints share them.
 */
public final class CommonBasis {

    private final int d;
    private final double[] scatter;
    private int clouds;

    public CommonBasis(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("hidden size " + d);
        }
        this.d = d;
        this.scatter = new double[d * d];
    }

    /** Adds X̃ᵀX̃ / tr(X̃ᵀX̃) of one checkpoint's n × d cloud (finite rows only, centred on their mean; a cloud of one point adds nothing). */
    public void add(float[] values, int n) {
        check(values, n);
        FiniteRows finite = FiniteRows.of(values, n, d);
        if (finite.rows() == 0) {
            return;
        }
        float[] xc = ColumnCentering.centred(finite.values(), finite.rows(), d);
        BooleanSupplier never = () -> false;
        double[] g;
        if (d <= finite.rows()) {
            g = ScatterMatrix.of(xc, finite.rows(), d, 1, never, NativeBlas.orNull());
        } else {
            g = new double[d * d];
            for (int r = 0; r < finite.rows(); r++) {
                int base = r * d;
                for (int i = 0; i < d; i++) {
                    double xi = xc[base + i];
                    for (int j = 0; j < d; j++) {
                        g[i * d + j] += xi * xc[base + j];
                    }
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += g[i * d + i];
        }
        if (trace <= 0) {
            return;
        }
        for (int i = 0; i < g.length; i++) {
            scatter[i] += g[i] / trace;
        }
        clouds++;
    }

    /** Number of clouds added. */
    public int clouds() {
        return clouds;
    }

    /** The top {@code k} (at most d) eigenvectors of S, descending: axis c's loading on dimension j at [c·d + j]. */
    public double[] basis(int k) {
        int m = Math.min(k, d);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(DMatrixRMaj.wrap(d, d, scatter.clone()))) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge (" + d + " x " + d + ")");
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
        double[] basis = new double[m * d];
        for (int c = 0; c < m; c++) {
            double[] v = eig.getEigenVector(order[c]).data;
            double largest = 0;
            for (double x : v) {
                largest = Math.abs(x) > Math.abs(largest) ? x : largest;
            }
            double sign = largest < 0 ? -1 : 1;
            for (int j = 0; j < d; j++) {
                basis[c * d + j] = sign * v[j];
            }
        }
        return basis;
    }

    /**
     * Coordinates X̃·V of one checkpoint's n × d cloud on {@code basis} (from {@link #basis}), its
     * finite rows centred on their own mean; the share of each axis is vᵀX̃ᵀX̃v / tr(X̃ᵀX̃).
     */
    public AlignedCoordinates project(float[] values, int n, double[] basis) {
        check(values, n);
        int k = basis.length / d;
        double[] mean = new double[d];
        int finite = 0;
        boolean[] ok = new boolean[n];
        for (int i = 0; i < n; i++) {
            ok[i] = true;
            for (int j = 0; j < d && ok[i]; j++) {
                ok[i] = Float.isFinite(values[i * d + j]);
            }
            if (ok[i]) {
                finite++;
                for (int j = 0; j < d; j++) {
                    mean[j] += values[i * d + j];
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = finite == 0 ? 0 : mean[j] / finite;
        }
        double[] coords = new double[n * k];
        double[] share = new double[k];
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!ok[i]) {
                Arrays.fill(coords, i * k, (i + 1) * k, Double.NaN);
                continue;
            }
            for (int j = 0; j < d; j++) {
                double e = values[i * d + j] - mean[j];
                total += e * e;
            }
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (values[i * d + j] - mean[j]) * basis[c * d + j];
                }
                coords[i * k + c] = s;
                share[c] += s * s;
            }
        }
        for (int c = 0; c < k; c++) {
            share[c] = total > 0 ? share[c] / total : 0;
        }
        return new AlignedCoordinates(k, coords, share);
    }

    private void check(float[] values, int n) {
        if (values.length != (long) n * d) {
            throw new IllegalArgumentException("values hold " + values.length + " numbers, expected " + n + " x " + d);
        }
    }
}

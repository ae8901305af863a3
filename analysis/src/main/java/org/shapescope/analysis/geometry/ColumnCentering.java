package org.shapescope.analysis.geometry;

/** Column means in double and the column-centred cloud X_c = X − 1·meanᵀ. */
final class ColumnCentering {

    private ColumnCentering() {
    }

    /** mean_j = (1/n) Σ_i x_ij, summed in double. */
    static double[] means(float[] x, int n, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            int base = i * d;
            for (int j = 0; j < d; j++) {
                mean[j] += x[base + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /** X_c as float32, the subtraction done in double. */
    static float[] centred(float[] x, int n, int d) {
        double[] mean = means(x, n, d);
        float[] c = new float[n * d];
        for (int i = 0; i < n; i++) {
            int base = i * d;
            for (int j = 0; j < d; j++) {
                c[base + j] = (float) (x[base + j] - mean[j]);
            }
        }
        return c;
    }
}

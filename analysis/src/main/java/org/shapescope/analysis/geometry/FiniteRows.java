package org.shapescope.analysis.geometry;

/**
 * The rows of a cloud without any NaN or infinite value.
 *
 * @param values  the kept rows, row-major
 * @param rows    number of kept rows
 * @param dropped number of rows dropped
 */
record FiniteRows(float[] values, int rows, int dropped) {

    /** Keeps the rows whose d values are all finite; returns {@code x} itself when none is dropped. */
    static FiniteRows of(float[] x, int n, int d) {
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean finite = true;
            int base = i * d;
            for (int j = 0; j < d && finite; j++) {
                finite = Float.isFinite(x[base + j]);
            }
            keep[i] = finite;
            if (finite) {
                kept++;
            }
        }
        if (kept == n) {
            return new FiniteRows(x, n, 0);
        }
        float[] out = new float[kept * d];
        int o = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                System.arraycopy(x, i * d, out, o * d, d);
                o++;
            }
        }
        return new FiniteRows(out, kept, n - kept);
    }
}

package org.shapescope.analysis.geometry;

/**
 * Average cosine similarity between distinct tokens (Ethayarajh, "How Contextual are
 * Contextualized Word Representations?", EMNLP 2019), in O(n·d) through the sum of unit vectors:
 * with s = Σᵢ ûᵢ, Σ_{i≠j} ûᵢ·ûⱼ = ‖s‖² − n, so mean = (‖s‖² − n) / (n(n − 1)).
 * Rows of zero length have no direction and are skipped (counted by {@link #zeroRows}).
 *
 * @param value    the mean cosine, NaN when fewer than 2 rows have a direction
 * @param used     rows with non-zero length
 * @param zeroRows rows of zero length
 */
record MeanCosine(double value, int used, int zeroRows) {

    static MeanCosine of(float[] x, int n, int d) {
        double[] s = new double[d];
        int used = 0;
        for (int i = 0; i < n; i++) {
            int base = i * d;
            double norm2 = 0;
            for (int j = 0; j < d; j++) {
                double v = x[base + j];
                norm2 += v * v;
            }
            if (norm2 == 0) {
                continue;
            }
            double inv = 1.0 / Math.sqrt(norm2);
            for (int j = 0; j < d; j++) {
                s[j] += x[base + j] * inv;
            }
            used++;
        }
        if (used < 2) {
            return new MeanCosine(Double.NaN, used, n - used);
        }
        double s2 = 0;
        for (double v : s) {
            s2 += v * v;
        }
        double mean = (s2 - used) / ((double) used * (used - 1));
        return new MeanCosine(Math.max(-1.0, Math.min(1.0, mean)), used, n - used);
    }
}

package org.shapescope.analysis.geometry;

import java.util.Set;

/**
 * Average cosine similarity between distinct tokens (Ethayarajh, "How Contextual are
 * Contextualized Word Representations?", EMNLP 2019), in O(n·d) through the sum of unit vectors:
 * with s = Σᵢ ûᵢ, Σ_{i≠j} ûᵢ·ûⱼ = ‖s‖² − n, so mean = (‖s‖² − n) / (n(n − 1)).
 * Rows of zero length have no direction and are skipped (counted by {@link #zeroRows}).
 */
final class MeanCosine implements Estimator {

    /**
     * The sum's outcome.
     *
     * @param value    the mean cosine, NaN when fewer than 2 rows have a direction
     * @param used     rows with non-zero length
     * @param zeroRows rows of zero length
     */
    record Mean(double value, int used, int zeroRows) {
    }

    @Override
    public String name() {
        return "mean_cosine";
    }

    @Override
    public String description() {
        return "mean cosine similarity between distinct tokens (Ethayarajh 2019)";
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.FINITE_ROWS);
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        BlockWorkers.checkCancelled(cell.cancelled());
        FiniteRows finite = cell.finite();
        Mean c = of(finite.values(), finite.rows(), cell.dimension());
        int lost = finite.dropped() + c.zeroRows();
        String note = c.zeroRows() == 0 ? cell.finiteNote()
                : CellInputs.join(cell.finiteNote(), "skipped " + c.zeroRows() + " zero-length rows");
        return Double.isNaN(c.value())
                ? MeasureResult.refused(c.used(), lost, CellInputs.join("needs at least 2 non-zero finite tokens", note))
                : new MeasureResult(c.value(), c.used(), lost, note);
    }

    static Mean of(float[] x, int n, int d) {
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
            return new Mean(Double.NaN, used, n - used);
        }
        double s2 = 0;
        for (double v : s) {
            s2 += v * v;
        }
        double mean = (s2 - used) / ((double) used * (used - 1));
        return new Mean(Math.max(-1.0, Math.min(1.0, mean)), used, n - used);
    }
}

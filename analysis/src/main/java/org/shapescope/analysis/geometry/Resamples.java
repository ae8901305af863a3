package org.shapescope.analysis.geometry;

import java.util.List;

/**
 * The value of a resampled measure over R seeded token samples: the mean and the sample standard
 * deviation, the convention of Lee et al., ACL 2025 ("mean ± std over 5 resamples"). Draw r is the
 * measure computed exactly as a single run with seed {@code seed + r}, so draw 0 is the value a
 * single run reports.
 */
final class Resamples {
    private Resamples() {
    }

    /**
     * mean = (1/R) Σ vᵣ (summed in draw order), spread = √(Σ (vᵣ − mean)² / (R − 1)); tokens and
     * note from draw 0. A refused draw refuses the whole: draw 0's refusal as it is, a later one's
     * with the seed it failed on.
     *
     * @param draws  the R ≥ 2 results, draw r computed with seed {@code seed + r}
     * @param whole  true when every draw's token sample held all distinct tokens (so only the
     *               estimator's own seeded choices, if any, vary)
     */
    static MeasureResult combine(List<MeasureResult> draws, long seed, boolean whole) {
        int count = draws.size();
        if (count < 2) {
            throw new IllegalArgumentException("needs at least 2 draws, got " + count);
        }
        MeasureResult first = draws.get(0);
        if (first.isRefused()) {
            return first;
        }
        double sum = 0;
        for (int r = 0; r < count; r++) {
            MeasureResult draw = draws.get(r);
            if (draw.isRefused()) {
                return MeasureResult.refused(draw.tokensUsed(), draw.tokensDropped(),
                        CellInputs.join(draw.note(), "on resample " + (r + 1) + " of " + count + " (seed " + (seed + r) + ")"));
            }
            sum += draw.value();
        }
        double mean = sum / count;
        double squares = 0;
        for (MeasureResult draw : draws) {
            double deviation = draw.value() - mean;
            squares += deviation * deviation;
        }
        double spread = Math.sqrt(squares / (count - 1));
        String note = "mean ± std over " + count + " resamples (seeds " + seed + "–" + (seed + count - 1) + ")";
        if (whole) {
            note += ", each holding every distinct token";
        }
        return new MeasureResult(mean, first.tokensUsed(), first.tokensDropped(), CellInputs.join(first.note(), note), spread);
    }
}

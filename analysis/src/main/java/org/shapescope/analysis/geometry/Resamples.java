package org.shapescope.analysis.geometry;

import java.util.List;

/**
 * The value of a resampled measure over R seeded token samples: the mean and the sample standard
 * deviation, the convention of Lee et al., ACL 2025 ("mean ± std over 5 resamples"). Draw r is the
 * measure computed exactly as a single run with seed {@code seed + r}, so draw 0 is the value a
 * single run reports. The measures that read every finite token get a bootstrap spread instead
 * ({@link #bootstrap}).
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

    /**
     * The bootstrap spread of an estimator that reads every finite token: value, tokens and note of
     * {@code full} (its value on all rows), spread = √(Σ (vᵣ − v̄)² / (R − 1)) over the R replicates, replicate
     * r computed on n rows drawn with replacement with seed {@code seed + r} ({@link #bootstrapRows}). A
     * refused {@code full} stays as it is; a refused replicate leaves no spread (NaN) and says so.
     */
    static MeasureResult bootstrap(MeasureResult full, List<MeasureResult> replicates, long seed) {
        int count = replicates.size();
        if (count < 2) {
            throw new IllegalArgumentException("needs at least 2 replicates, got " + count);
        }
        if (full.isRefused()) {
            return full;
        }
        double sum = 0;
        for (int r = 0; r < count; r++) {
            if (replicates.get(r).isRefused()) {
                return new MeasureResult(full.value(), full.tokensUsed(), full.tokensDropped(), CellInputs.join(full.note(),
                        "no bootstrap spread: replicate " + (r + 1) + " (seed " + (seed + r) + ") refused: "
                                + replicates.get(r).note()));
            }
            sum += replicates.get(r).value();
        }
        double mean = sum / count;
        double squares = 0;
        for (MeasureResult replicate : replicates) {
            double deviation = replicate.value() - mean;
            squares += deviation * deviation;
        }
        String note = "± bootstrap std over " + count + " row resamples with replacement (seeds " + seed + "–" + (seed + count - 1) + ")";
        return new MeasureResult(full.value(), full.tokensUsed(), full.tokensDropped(), CellInputs.join(full.note(), note),
                Math.sqrt(squares / (count - 1)));
    }

    /** n rows of the n × d cloud {@code rows} drawn uniformly with replacement, seeded (SplittableRandom). */
    static float[] bootstrapRows(float[] rows, int n, int d, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, random.nextInt(n) * d, out, i * d, d);
        }
        return out;
    }
}

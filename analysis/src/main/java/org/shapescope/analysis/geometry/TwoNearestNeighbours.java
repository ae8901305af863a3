package org.shapescope.analysis.geometry;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * TwoNN intrinsic dimension, Facco, d'Errico, Rodriguez and Laio, "Estimating the intrinsic
 * dimension of datasets by a minimal neighborhood information", Scientific Reports 7, 12140 (2017).
 * With μᵢ = r₂(i)/r₁(i) (second over first neighbour distance), μ is Pareto distributed with
 * F(μ) = 1 − μ^(−m), so −ln(1 − F(μ)) = m·ln μ. Sorting μ ascending and taking the empirical
 * F(μ₍ᵢ₎) = i/N, the dimension is the slope of the least-squares line through the origin,
 * m = Σ xᵢyᵢ / Σ xᵢ², xᵢ = ln μ₍ᵢ₎, yᵢ = −ln(1 − i/N), i = 1 … ⌊N(1 − f)⌋, discarding the
 * largest fraction f of μ (Facco et al. and scikit-dimension: f = 0.1).
 * <p>
 * {@link #authorsPreset} follows {@code intrinsic_dimension(emb[:4096], reduction_factor=5)} of
 * AIRI-Institute/LLM-Microscope exactly: it works on the first {@code neighbourTokens} finite rows
 * in their order, duplicates kept ({@link CellInputs.TokenPrefix}), not on the seeded distinct
 * sample. The neighbours of a row are searched over all other rows, so a row with a copy has
 * r₁ = 0; rows with r₁ below 1e-8 (in units of the mean centred norm) get μ = −1. After sorting,
 * the u ratios μ ≤ 1 + 1e-8 (those, and ties r₂ = r₁) are cut but still count in the empirical
 * F: over the n kept, F = (u + i)/(n + u), i = 1 … n, and only the smallest
 * min(⌊n/5⌋, n − 1) are fitted. With duplicates this is not the standard estimate: each duplicate
 * shifts F up by 1/N without adding a ratio, which inflates the slope (on a tiny decoder's
 * embedding layer with 171 duplicates, 156.1 against 36.0).
 */
final class TwoNearestNeighbours implements Estimator {

    /** LLM-Microscope's ε for r₁ and for μ ≈ 1. */
    static final double AUTHORS_EPSILON = 1e-8;
    /** LLM-Microscope's {@code reduction_factor}: fit the smallest 1/5 of μ. */
    static final int AUTHORS_REDUCTION_FACTOR = 5;
    /** Fewest points for a fit. */
    static final int MIN_POINTS = 3;

    @Override
    public String name() {
        return "twonn";
    }

    @Override
    public String description() {
        return "TwoNN intrinsic dimension from second-to-first neighbour distance ratios (Facco et al. 2017)";
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.NEIGHBOUR_SAMPLE, CellInput.NEIGHBOUR_TABLE, CellInput.TOKEN_PREFIX);
    }

    @Override
    public List<MeasureParameter> parameters() {
        return List.of(MeasureParameter.NEIGHBOUR_TOKENS, MeasureParameter.SEED, MeasureParameter.TWONN_DISCARD,
                MeasureParameter.TWONN_AUTHORS);
    }

    /** 2: the authors' preset keeps duplicates and takes the first tokens (version 1 sampled distinct rows). */
    @Override
    public int version() {
        return 2;
    }

    /** Not with the authors' preset: its tokens (the first N) do not depend on the seed, every resample would be the same. */
    @Override
    public boolean resampled(MeasureParameters parameters) {
        return !parameters.twonnAuthorsPreset();
    }

    /** The shared table of the distinct sample; the authors' preset reads its own (the token prefix). */
    @Override
    public int neighbours(MeasureParameters parameters) {
        return parameters.twonnAuthorsPreset() ? 0 : 2;
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        if (parameters.twonnAuthorsPreset()) {
            return authors(cell);
        }
        NeighbourSample sample = cell.sample();
        int rows = sample.rows();
        NeighbourTable table = cell.neighbourTable();
        if (table == null) {
            return MeasureResult.refused(rows, cell.sampleDropped(), CellInputs.join(
                    "TwoNN needs at least " + MIN_POINTS + " distinct finite tokens, got " + rows, cell.sampleNote()));
        }
        double v = facco(table, parameters.twonnDiscardFraction());
        return CellInputs.finiteOrRefused(v, rows, cell.sampleDropped(), cell.sampleNote(), "TwoNN fit degenerate");
    }

    private static MeasureResult authors(CellInputs cell) {
        CellInputs.TokenPrefix prefix = cell.prefix();
        int rows = prefix.rows();
        int dropped = cell.finite().dropped();
        if (prefix.twoNearest() == null) {
            return MeasureResult.refused(rows, dropped, CellInputs.join(
                    "TwoNN needs at least " + MIN_POINTS + " finite tokens, got " + rows, prefix.note()));
        }
        double[] mu = authorsRatios(prefix.twoNearest(), meanCentredNorm(prefix.values(), rows, cell.dimension()));
        int cut = authorsCut(mu);
        String note = cut == 0 ? prefix.note()
                : CellInputs.join(prefix.note(), cut + " ratios <= 1+1e-8 cut (duplicates, ties) but counted in F");
        return CellInputs.finiteOrRefused(authorsFit(mu, cut), rows, dropped, note, "TwoNN fit degenerate");
    }

    /** Mean Euclidean length of the column-centred rows (LLM-Microscope's scale for its ε). */
    static double meanCentredNorm(float[] x, int n, int d) {
        double[] mean = ColumnCentering.means(x, n, d);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j] - mean[j];
                s += v * v;
            }
            sum += Math.sqrt(s);
        }
        return sum / n;
    }

    /** Facco's estimate discarding the largest fraction f of μ; needs k ≥ 2 neighbours per row. */
    static double facco(NeighbourTable table, double discardFraction) {
        int n = table.rows();
        double[] mu = ratios(table);
        Arrays.sort(mu);
        int fitted = Math.min(n - 1, (int) Math.floor(n * (1.0 - discardFraction)));
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < fitted; i++) {
            double xv = Math.log(mu[i]);
            double yv = -Math.log(1.0 - (i + 1.0) / n);
            sxy += xv * yv;
            sxx += xv * xv;
        }
        return sxy / sxx;
    }

    /** LLM-Microscope's estimate on a table over all rows (duplicates kept); see the class comment. */
    static double authorsPreset(NeighbourTable table, double meanCentredNorm) {
        double[] mu = authorsRatios(table, meanCentredNorm);
        return authorsFit(mu, authorsCut(mu));
    }

    /** Sorted μ = r₂/r₁, and −1 where r₁ &lt; 1e-8 · {@code meanCentredNorm}. */
    static double[] authorsRatios(NeighbourTable table, double meanCentredNorm) {
        int n = table.rows();
        double eps = AUTHORS_EPSILON * meanCentredNorm;
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            double r1 = table.distance(i, 0);
            mu[i] = r1 < eps ? -1.0 : table.distance(i, 1) / r1;
        }
        Arrays.sort(mu);
        return mu;
    }

    /** u: how many sorted ratios are ≤ 1 + 1e-8. */
    static int authorsCut(double[] sortedMu) {
        int u = 0;
        while (u < sortedMu.length && sortedMu[u] <= 1.0 + AUTHORS_EPSILON) {
            u++;
        }
        return u;
    }

    /** Slope through the origin of −ln(1 − (u + i)/(n + u)) on ln μ₍ᵤ₊ᵢ₎, i = 1 … min(⌊n/5⌋, n − 1), n kept. */
    static double authorsFit(double[] sortedMu, int u) {
        int total = sortedMu.length;
        int kept = total - u;
        int fitted = Math.min(kept / AUTHORS_REDUCTION_FACTOR, kept - 1);
        double sxy = 0;
        double sxx = 0;
        for (int j = 0; j < fitted; j++) {
            double xv = Math.log(sortedMu[u + j]);
            double yv = -Math.log(1.0 - (double) (u + j + 1) / total);
            sxy += xv * yv;
            sxx += xv * xv;
        }
        return sxy / sxx;
    }

    private static double[] ratios(NeighbourTable table) {
        double[] mu = new double[table.rows()];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = table.distance(i, 1) / table.distance(i, 0);
        }
        return mu;
    }
}

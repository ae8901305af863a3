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
 * {@link #authorsPreset} reproduces {@code intrinsic_dimension(emb, reduction_factor=5)} of
 * AIRI-Institute/LLM-Microscope: points with r₁ below 1e-8 (in units of the mean centred norm)
 * and points with μ ≤ 1 + 1e-8 are set aside but still count in F; of the M remaining sorted μ,
 * F = (u + j)/N for j = 1 … M with u set aside, and only the first min(⌊M/5⌋, M − 1) are fitted.
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
        return Set.of(CellInput.NEIGHBOUR_SAMPLE, CellInput.NEIGHBOUR_TABLE);
    }

    @Override
    public List<MeasureParameter> parameters() {
        return List.of(MeasureParameter.NEIGHBOUR_TOKENS, MeasureParameter.SEED, MeasureParameter.TWONN_DISCARD,
                MeasureParameter.TWONN_AUTHORS);
    }

    @Override
    public int neighbours(MeasureParameters parameters) {
        return 2;
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        NeighbourSample sample = cell.sample();
        int rows = sample.rows();
        NeighbourTable table = cell.neighbourTable();
        if (table == null) {
            return MeasureResult.refused(rows, cell.sampleDropped(), CellInputs.join(
                    "TwoNN needs at least " + MIN_POINTS + " distinct finite tokens, got " + rows, cell.sampleNote()));
        }
        double v = parameters.twonnAuthorsPreset()
                ? authorsPreset(table, meanCentredNorm(sample.values(), rows, cell.dimension()))
                : facco(table, parameters.twonnDiscardFraction());
        return CellInputs.finiteOrRefused(v, rows, cell.sampleDropped(), cell.sampleNote(), "TwoNN fit degenerate");
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

    /** LLM-Microscope's variant; {@code meanCentredNorm} is the mean length of the centred rows. */
    static double authorsPreset(NeighbourTable table, double meanCentredNorm) {
        int n = table.rows();
        double eps = AUTHORS_EPSILON * meanCentredNorm;
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            double r1 = table.distance(i, 0);
            mu[i] = r1 < eps ? -1.0 : table.distance(i, 1) / r1;
        }
        Arrays.sort(mu);
        int setAside = 0;
        while (setAside < n && mu[setAside] <= 1.0 + AUTHORS_EPSILON) {
            setAside++;
        }
        int remaining = n - setAside;
        int fitted = Math.min(remaining / AUTHORS_REDUCTION_FACTOR, remaining - 1);
        double sxy = 0;
        double sxx = 0;
        for (int j = 0; j < fitted; j++) {
            double xv = Math.log(mu[setAside + j]);
            double yv = -Math.log(1.0 - (double) (setAside + j + 1) / n);
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

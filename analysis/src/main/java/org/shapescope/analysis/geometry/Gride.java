package org.shapescope.analysis.geometry;

import java.util.List;
import java.util.Set;

/**
 * GRIDE, the generalised-ratio intrinsic dimension estimator of Denti, Doimo, Laio and Mira,
 * "The generalized ratios intrinsic dimension estimator", Scientific Reports 12, 20005 (2022),
 * at the scale n₁ = {@value #SCALE_N1}, n₂ = 2n₁. With μᵢ = r_{n₂}(i)/r_{n₁}(i), the ratio of the
 * distances to the n₂-th and n₁-th neighbours, the paper's density of μ is
 * f(μ) = d (μ^d − 1)^{n₂−n₁−1} / (B(n₂ − n₁, n₁) μ^{(n₂−1)d+1}); the estimate is its maximum
 * likelihood over the sample (see {@link #maximumLikelihood}). n₁ = 1, n₂ = 2 is TwoNN's MLE;
 * larger n₁ measure the dimension at a larger scale and are less sensitive to noise.
 * {@link GrideScaling} gives the whole curve n₁ = 1, 2, 4, … of a cell.
 */
final class Gride implements Estimator {
    /** The scale of the scalar metric: n₁ = 8 (n₂ = 16), DADApy's range_max = 16 step. */
    static final int SCALE_N1 = 8;
    /** Search interval of the likelihood's maximum (DADApy: d0 = 0.001, d1 = 1000). */
    static final double MIN_DIMENSION = 1e-3;
    static final double MAX_DIMENSION = 1e3;

    @Override
    public String name() {
        return "gride";
    }

    @Override
    public String description() {
        return "GRIDE intrinsic dimension at scale n1 = " + SCALE_N1 + ", n2 = " + 2 * SCALE_N1
                + " neighbours: generalised-ratio likelihood (Denti et al. 2022)";
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.NEIGHBOUR_SAMPLE, CellInput.NEIGHBOUR_TABLE);
    }

    @Override
    public List<MeasureParameter> parameters() {
        return List.of(MeasureParameter.NEIGHBOUR_TOKENS, MeasureParameter.SEED);
    }

    @Override
    public int neighbours(MeasureParameters parameters) {
        return 2 * SCALE_N1;
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        int rows = cell.sample().rows();
        NeighbourTable table = cell.neighbourTable();
        if (table == null || table.k() < 2 * SCALE_N1) {
            return MeasureResult.refused(rows, cell.sampleDropped(), CellInputs.join("GRIDE at n2 = " + 2 * SCALE_N1
                    + " needs more than " + 2 * SCALE_N1 + " distinct finite tokens, got " + rows, cell.sampleNote()));
        }
        double v = maximumLikelihood(table, SCALE_N1, 2 * SCALE_N1);
        return CellInputs.finiteOrRefused(v, rows, cell.sampleDropped(), cell.sampleNote(), "GRIDE likelihood degenerate");
    }

    /**
     * The root of the likelihood's derivative, which falls with d, by bisection on
     * [{@value #MIN_DIMENSION}, {@value #MAX_DIMENSION}]:
     * ∂ln L/∂d = N/d + Σᵢ [(n₂ − n₁ − 1) ln μᵢ / (1 − μᵢ^{−d}) − (n₂ − 1) ln μᵢ] = 0
     * (the term tends to 1/d as μᵢ → 1). NaN when every μᵢ is 1.
     */
    static double maximumLikelihood(NeighbourTable table, int n1, int n2) {
        double[] logMu = logRatios(table, n1, n2);
        double lo = MIN_DIMENSION;
        double hi = MAX_DIMENSION;
        if (slope(logMu, n1, n2, hi) > 0) {
            return Double.NaN;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (slope(logMu, n1, n2, mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Asymptotic standard error 1/√I(d), I(d) = N/d² + (n₂ − n₁ − 1) Σ (ln μ)² μ^{−d} / (1 − μ^{−d})² (Fisher information). */
    static double standardError(NeighbourTable table, int n1, int n2, double d) {
        double[] logMu = logRatios(table, n1, n2);
        double info = logMu.length / (d * d);
        for (double l : logMu) {
            double q = Math.exp(-d * l);
            double t = l * d < 1e-9 ? 1.0 / (d * d) : l * l * q / ((1 - q) * (1 - q));
            info += (n2 - n1 - 1) * t;
        }
        return 1 / Math.sqrt(info);
    }

    /** ln(r_{n₂}/r_{n₁}) of every row; neighbour ranks count from 1. */
    static double[] logRatios(NeighbourTable table, int n1, int n2) {
        double[] out = new double[table.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(table.distance(i, n2 - 1) / table.distance(i, n1 - 1));
        }
        return out;
    }

    private static double slope(double[] logMu, int n1, int n2, double d) {
        double s = logMu.length / d;
        for (double l : logMu) {
            double ratio = l * d < 1e-12 ? 1.0 / d : l / -Math.expm1(-d * l);
            s += (n2 - n1 - 1) * ratio - (n2 - 1) * l;
        }
        return s;
    }
}

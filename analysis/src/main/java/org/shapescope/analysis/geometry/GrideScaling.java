package org.shapescope.analysis.geometry;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * GRIDE as a function of scale for one cell: the estimate at n₁ = 1, 2, 4, … with n₂ = 2n₁ up to
 * n₂ = {@code maxRank}, on the same seeded distinct neighbour sample as {@code gride} and the
 * other neighbour estimators (Denti et al., Sci. Rep. 2022; DADApy's {@code return_id_scaling_gride}
 * with {@code range_max = maxRank}). A dimension that stays flat over scales is trustworthy; one
 * that falls with n₁ shows noise at the small scales, one that rises shows curvature.
 */
public final class GrideScaling {
    /** DADApy's default range_max: n₂ up to 64. */
    public static final int DEFAULT_MAX_RANK = 64;

    /**
     * @param n1            the smaller neighbour rank of each estimate
     * @param dimension     the estimate at that scale
     * @param standardError its asymptotic error from the Fisher information
     * @param meanDistance  mean distance to the n₂-th neighbour: the scale in the cloud's units
     * @param tokens        tokens of the sample
     * @param note          what the sample dropped or sampled ("" when nothing)
     */
    public record Curve(int[] n1, double[] dimension, double[] standardError, double[] meanDistance, int tokens,
                        String note) {
    }

    private GrideScaling() {
    }

    /** The curve of the cloud {@code values} (n × d float32 row-major); empty when it has fewer than 3 distinct rows. */
    public static Curve of(float[] values, int n, int d, MeasureParameters parameters, int maxRank,
                           BooleanSupplier cancelled) {
        Objects.requireNonNull(parameters, "parameters");
        CellInputs cell = new CellInputs(values, n, d, java.util.List.of(), parameters, cancelled);
        NeighbourSample sample = cell.sample();
        int rows = sample.rows();
        int steps = 0;
        while ((2 << steps) <= Math.min(maxRank, rows - 1)) {
            steps++;
        }
        if (steps == 0 || rows < TwoNearestNeighbours.MIN_POINTS) {
            return new Curve(new int[0], new double[0], new double[0], new double[0], rows, cell.sampleNote());
        }
        int k = 1 << steps;
        NeighbourTable table = NearestNeighbourSearch.of(sample.values(), rows, d, k, parameters.threads(), cancelled);
        int[] n1 = new int[steps];
        double[] dim = new double[steps];
        double[] err = new double[steps];
        double[] scale = new double[steps];
        for (int s = 0; s < steps; s++) {
            n1[s] = 1 << s;
            dim[s] = Gride.maximumLikelihood(table, n1[s], 2 * n1[s]);
            err[s] = Gride.standardError(table, n1[s], 2 * n1[s], dim[s]);
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += table.distance(i, 2 * n1[s] - 1);
            }
            scale[s] = sum / rows;
        }
        return new Curve(n1, dim, err, scale, rows, cell.sampleNote());
    }
}

package org.shapescope.viewer.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric measured on every (checkpoint, layer) cell of a training run, as the viewer sees it.
 *
 * <p>Immutable. {@code values[layerIdx][stepIdx]} holds the metric value, {@link Double#NaN} for a
 * cell that has not been computed yet; {@code tokensUsed[layerIdx][stepIdx]} the number of
 * tokens the value was estimated from (0 when not computed); {@code spread[layerIdx][stepIdx]} the
 * sample standard deviation of the value over {@link #resamples()} seeded resamples (the value is
 * then their mean), NaN where there is none (a single estimate, a metric that is not resampled, or
 * a cell not computed yet). Updates make copies with {@link #with(int, int, double, int)} or
 * {@link #withBatch(int[], int[], double[], int[], double[])}, so a view can hold on to the grid it
 * is drawing while producers publish new ones.
 */
public final class MetricGrid {

    private final String metric;
    private final long[] steps;
    private final int[] layers;
    private final double[][] values;
    private final int[][] tokensUsed;
    private final double[][] spread;
    private final int resamples;

    /** A grid without spreads (one estimate per cell). */
    public MetricGrid(String metric, long[] steps, int[] layers, double[][] values, int[][] tokensUsed) {
        this(metric, steps, layers, values, tokensUsed, null, 1);
    }

    /**
     * @param metric     the metric's display name, e.g. "anisotropy"; used as axis label
     * @param steps      training step of each checkpoint, ascending
     * @param layers     layer number of each row (0 = embeddings is allowed)
     * @param values     {@code [layers.length][steps.length]}, NaN where not computed
     * @param tokensUsed {@code [layers.length][steps.length]}, or null for all zeros
     * @param spread     {@code [layers.length][steps.length]} standard deviations over the resamples,
     *                   NaN where none; or null for none at all
     * @param resamples  R, the number of resamples a spread is taken over (1: single estimates)
     */
    public MetricGrid(String metric, long[] steps, int[] layers, double[][] values, int[][] tokensUsed,
            double[][] spread, int resamples) {
        this.metric = Objects.requireNonNull(metric, "metric");
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive: " + resamples);
        }
        this.resamples = resamples;
        this.steps = steps.clone();
        this.layers = layers.clone();
        if (values.length != layers.length) {
            throw new IllegalArgumentException("values has " + values.length + " rows, expected " + layers.length);
        }
        this.values = new double[layers.length][];
        this.tokensUsed = new int[layers.length][];
        this.spread = new double[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            if (values[l].length != steps.length) {
                throw new IllegalArgumentException("values row " + l + " has " + values[l].length
                        + " columns, expected " + steps.length);
            }
            this.values[l] = values[l].clone();
            this.tokensUsed[l] = tokensUsed == null ? new int[steps.length] : tokensUsed[l].clone();
            if (this.tokensUsed[l].length != steps.length) {
                throw new IllegalArgumentException("tokensUsed row " + l + " has wrong length");
            }
            if (spread == null) {
                this.spread[l] = new double[steps.length];
                Arrays.fill(this.spread[l], Double.NaN);
            } else {
                this.spread[l] = spread[l].clone();
            }
            if (this.spread[l].length != steps.length) {
                throw new IllegalArgumentException("spread row " + l + " has wrong length");
            }
        }
    }

    /** A grid with every cell not computed yet (NaN, 0 tokens). */
    public static MetricGrid empty(String metric, long[] steps, int[] layers) {
        return empty(metric, steps, layers, 1);
    }

    /** A grid with every cell not computed yet whose values will be means over {@code resamples} resamples. */
    public static MetricGrid empty(String metric, long[] steps, int[] layers, int resamples) {
        double[][] v = new double[layers.length][steps.length];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        return new MetricGrid(metric, steps, layers, v, null, null, resamples);
    }

    public String metric() {
        return metric;
    }

    public int stepCount() {
        return steps.length;
    }

    public int layerCount() {
        return layers.length;
    }

    public long step(int stepIdx) {
        return steps[stepIdx];
    }

    public int layer(int layerIdx) {
        return layers[layerIdx];
    }

    /** A copy of the checkpoint steps. */
    public long[] steps() {
        return steps.clone();
    }

    /** A copy of the layer numbers. */
    public int[] layers() {
        return layers.clone();
    }

    public double value(int layerIdx, int stepIdx) {
        return values[layerIdx][stepIdx];
    }

    public int tokensUsed(int layerIdx, int stepIdx) {
        return tokensUsed[layerIdx][stepIdx];
    }

    /** Sample standard deviation of the cell's value over {@link #resamples()} resamples; NaN when none. */
    public double spread(int layerIdx, int stepIdx) {
        return spread[layerIdx][stepIdx];
    }

    public boolean hasSpread(int layerIdx, int stepIdx) {
        return !Double.isNaN(spread[layerIdx][stepIdx]);
    }

    /** True when any cell has a spread (then figures draw mean ± std). */
    public boolean hasAnySpread() {
        for (double[] row : spread) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** R, the number of seeded resamples a spread is taken over; 1 for single estimates. */
    public int resamples() {
        return resamples;
    }

    public boolean isComputed(int layerIdx, int stepIdx) {
        return !Double.isNaN(values[layerIdx][stepIdx]);
    }

    /** Smallest and largest computed value as {min, max}; {NaN, NaN} when nothing is computed. */
    public double[] valueRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
    }

    /** A copy with one cell set. */
    public MetricGrid with(int stepIdx, int layerIdx, double value, int tokens) {
        return withBatch(new int[] {stepIdx}, new int[] {layerIdx}, new double[] {value}, new int[] {tokens});
    }

    /** A copy with a batch of cells set, without spreads; one copy for the whole batch. */
    public MetricGrid withBatch(int[] stepIdx, int[] layerIdx, double[] value, int[] tokens) {
        double[] none = new double[stepIdx.length];
        Arrays.fill(none, Double.NaN);
        return withBatch(stepIdx, layerIdx, value, tokens, none);
    }

    /** A copy with a batch of cells set, each with its spread (NaN for none); one copy for the whole batch. */
    public MetricGrid withBatch(int[] stepIdx, int[] layerIdx, double[] value, int[] tokens, double[] spreads) {
        if (stepIdx.length != layerIdx.length || stepIdx.length != value.length || stepIdx.length != tokens.length
                || stepIdx.length != spreads.length) {
            throw new IllegalArgumentException("batch arrays differ in length");
        }
        MetricGrid copy = new MetricGrid(metric, steps, layers, values, tokensUsed, spread, resamples);
        for (int i = 0; i < stepIdx.length; i++) {
            copy.values[layerIdx[i]][stepIdx[i]] = value[i];
            copy.tokensUsed[layerIdx[i]][stepIdx[i]] = tokens[i];
            copy.spread[layerIdx[i]][stepIdx[i]] = spreads[i];
        }
        return copy;
    }

    /** Index of the checkpoint whose step is {@code step}, or -1. */
    public int indexOfStep(long step) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == step) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the checkpoint nearest to {@code step} on a log scale (|log(1 + s) − log(1 + step)|
     * smallest; the exact step when the grid has it, the earlier one on a tie); -1 for an empty grid.
     */
    public int nearestStepIndex(long step) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < steps.length; i++) {
            double d = Math.abs(Math.log1p(steps[i]) - Math.log1p(step));
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Relative depth of layer row {@code layerIdx}: layer / last layer, in [0, 1] (0 for a one-layer grid at 0). */
    public double relativeDepth(int layerIdx) {
        int last = layers[layers.length - 1];
        return last == 0 ? 0 : layers[layerIdx] / (double) last;
    }

    /** Index of the layer row whose {@linkplain #relativeDepth relative depth} is nearest to {@code depth} (the shallower on a tie). */
    public int nearestDepthIndex(double depth) {
        int best = 0;
        for (int l = 1; l < layers.length; l++) {
            if (Math.abs(relativeDepth(l) - depth) < Math.abs(relativeDepth(best) - depth)) {
                best = l;
            }
        }
        return best;
    }
}

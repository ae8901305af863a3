package org.shapescope.viewer.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric measured on every (checkpoint, layer) cell of a training run, as the viewer sees it.
 *
 * <p>Immutable. {@code values[layerIdx][stepIdx]} holds the metric value, {@link Double#NaN} for a
 * cell that has not been computed yet; {@code tokensUsed[layerIdx][stepIdx]} the number of
 * tokens the value was estimated from (0 when not computed). Updates make copies with
 * {@link #with(int, int, double, int)} or {@link #withBatch(int[], int[], double[], int[])}, so a
 * view can hold on to the grid it is drawing while producers publish new ones.
 */
public final class MetricGrid {

    private final String metric;
    private final long[] steps;
    private final int[] layers;
    private final double[][] values;
    private final int[][] tokensUsed;

    /**
     * @param metric     the metric's display name, e.g. "anisotropy"; used as axis label
     * @param steps      training step of each checkpoint, ascending
     * @param layers     layer number of each row (0 = embeddings is allowed)
     * @param values     {@code [layers.length][steps.length]}, NaN where not computed
     * @param tokensUsed {@code [layers.length][steps.length]}, or null for all zeros
     */
    public MetricGrid(String metric, long[] steps, int[] layers, double[][] values, int[][] tokensUsed) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.steps = steps.clone();
        this.layers = layers.clone();
        if (values.length != layers.length) {
            throw new IllegalArgumentException("values has " + values.length + " rows, expected " + layers.length);
        }
        this.values = new double[layers.length][];
        this.tokensUsed = new int[layers.length][];
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
        }
    }

    /** A grid with every cell not computed yet (NaN, 0 tokens). */
    public static MetricGrid empty(String metric, long[] steps, int[] layers) {
        double[][] v = new double[layers.length][steps.length];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        return new MetricGrid(metric, steps, layers, v, null);
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

    /** A copy with a batch of cells set; one copy for the whole batch. */
    public MetricGrid withBatch(int[] stepIdx, int[] layerIdx, double[] value, int[] tokens) {
        if (stepIdx.length != layerIdx.length || stepIdx.length != value.length || stepIdx.length != tokens.length) {
            throw new IllegalArgumentException("batch arrays differ in length");
        }
        MetricGrid copy = new MetricGrid(metric, steps, layers, values, tokensUsed);
        for (int i = 0; i < stepIdx.length; i++) {
            copy.values[layerIdx[i]][stepIdx[i]] = value[i];
            copy.tokensUsed[layerIdx[i]][stepIdx[i]] = tokens[i];
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
}

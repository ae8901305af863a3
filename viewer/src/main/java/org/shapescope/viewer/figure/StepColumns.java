package org.shapescope.viewer.figure;

import java.util.Arrays;

/**
 * Where the heatmap's checkpoint columns lie on the x axis: column {@code i} spans
 * {@code [left(i), right(i)]} around its position {@code x(i)}, and neighbouring columns share
 * an edge, so the columns tile the axis without gaps.
 *
 * <ul>
 * <li>{@link #index(int)}: x = checkpoint index, every column one unit wide.</li>
 * <li>{@link #logStep(long[])}: x = {@link LogStepAxis#position(long)}, i.e. log10(step) with
 * step 0 at the symbolic zero position. Between two positive steps the edge is the midpoint of
 * their logarithms, so a column holds the log positions nearer to its step than to any other;
 * the outermost columns extend as far outwards as they do inwards. Step 0 has no logarithm, so
 * a midpoint to it would mean nothing (and would put the step-0 column over real step ticks
 * such as "1"): its column is the symbolic zone {@code zero ± 0.25} decade, whose right edge is
 * where {@link LogStepAxis} starts labelling steps, and the first positive step's column
 * reaches left to that edge, being the nearest checkpoint to everything there. That column is
 * therefore wider than its neighbours when the first positive step is far above 1.</li>
 * </ul>
 */
public final class StepColumns {

    /** Half-width, in decades, of the step-0 column and of a lone checkpoint's column. */
    static final double SYMBOLIC_HALF_WIDTH = 0.25;

    private final double[] x;
    private final double[] edges;

    private StepColumns(double[] x, double[] edges) {
        this.x = x;
        this.edges = edges;
    }

    /** One unit-wide column per checkpoint index 0..n-1. */
    public static StepColumns index(int n) {
        double[] x = new double[n];
        double[] edges = new double[n + 1];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            edges[i] = i - 0.5;
        }
        edges[n] = n - 0.5;
        return new StepColumns(x, edges);
    }

    /** Columns on {@link LogStepAxis} positions for strictly increasing, non-negative steps. */
    public static StepColumns logStep(long[] steps) {
        int n = steps.length;
        double zero = LogStepAxis.zeroPositionFor(steps);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = steps[i] <= 0 ? zero : Math.log10(steps[i]);
        }
        double[] edges = new double[n + 1];
        for (int i = 1; i < n; i++) {
            edges[i] = steps[i - 1] <= 0 ? zero + SYMBOLIC_HALF_WIDTH : (x[i - 1] + x[i]) / 2;
        }
        if (n == 1) {
            edges[0] = x[0] - SYMBOLIC_HALF_WIDTH;
            edges[1] = x[0] + SYMBOLIC_HALF_WIDTH;
        } else if (n > 1) {
            edges[0] = steps[0] <= 0 ? zero - SYMBOLIC_HALF_WIDTH : x[0] - (edges[1] - x[0]);
            edges[n] = x[n - 1] + (x[n - 1] - edges[n - 1]);
        }
        return new StepColumns(x, edges);
    }

    public int size() {
        return x.length;
    }

    /** The x value at which checkpoint {@code i} is plotted. */
    public double x(int i) {
        return x[i];
    }

    public double left(int i) {
        return edges[i];
    }

    public double right(int i) {
        return edges[i + 1];
    }

    /** Middle of column {@code i}; for log steps not the same as {@link #x(int)}. */
    public double centre(int i) {
        return (edges[i] + edges[i + 1]) / 2;
    }

    /** Left edge of the first column and right edge of the last. */
    public double lower() {
        return edges[0];
    }

    public double upper() {
        return edges[x.length];
    }

    /** The column containing {@code value} (a shared edge belongs to the right column); -1 outside. */
    public int columnAt(double value) {
        if (x.length == 0 || !(value >= edges[0] && value <= edges[x.length])) {
            return -1;
        }
        int i = Arrays.binarySearch(edges, value);
        int column = i >= 0 ? i : -i - 2;
        return Math.min(column, x.length - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepColumns c && Arrays.equals(x, c.x) && Arrays.equals(edges, c.edges);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(edges);
    }
}

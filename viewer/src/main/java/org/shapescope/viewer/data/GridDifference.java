package org.shapescope.viewer.data;

/**
 * Run A minus run B, cell by cell, where both runs have the cell: the grid has A's checkpoints and
 * layers; a cell is <em>matched</em> when B has a checkpoint at the same training step and a layer
 * with the same number, and its value is then A − B (NaN until both are computed). Unmatched cells
 * are NaN and {@link #matched} says which they are, so a figure can leave them blank rather than
 * draw them as "not computed yet". When both cells have a spread over resamples the difference
 * carries √(σ_A² + σ_B²), the standard deviation of a difference of independent estimates (the two
 * runs' resamples are drawn independently).
 */
public final class GridDifference {

    private final MetricGrid difference;
    private final boolean[][] matched;
    private final int matchedCount;
    private final String metric;
    private final String nameA;
    private final String nameB;

    private GridDifference(String metric, MetricGrid difference, boolean[][] matched, int matchedCount, String nameA,
            String nameB) {
        this.metric = metric;
        this.difference = difference;
        this.matched = matched;
        this.matchedCount = matchedCount;
        this.nameA = nameA;
        this.nameB = nameB;
    }

    /** A − B over A's cells; the grid's metric reads "metric (A − B)". */
    public static GridDifference of(RunGrid a, RunGrid b) {
        MetricGrid ga = a.grid();
        MetricGrid gb = b.grid();
        int layers = ga.layerCount();
        int steps = ga.stepCount();
        double[][] values = new double[layers][steps];
        double[][] spread = new double[layers][steps];
        int[][] tokens = new int[layers][steps];
        boolean[][] matched = new boolean[layers][steps];
        int[] layersB = gb.layers();
        int count = 0;
        for (int l = 0; l < layers; l++) {
            int lb = java.util.Arrays.binarySearch(layersB, ga.layer(l));
            for (int s = 0; s < steps; s++) {
                int sb = lb < 0 ? -1 : gb.indexOfStep(ga.step(s));
                values[l][s] = Double.NaN;
                spread[l][s] = Double.NaN;
                if (sb < 0) {
                    continue;
                }
                matched[l][s] = true;
                count++;
                values[l][s] = ga.value(l, s) - gb.value(lb, sb);
                tokens[l][s] = Math.min(ga.tokensUsed(l, s), gb.tokensUsed(lb, sb));
                if (ga.hasSpread(l, s) && gb.hasSpread(lb, sb)) {
                    spread[l][s] = Math.hypot(ga.spread(l, s), gb.spread(lb, sb));
                }
            }
        }
        String metric = ga.metric() + " (" + a.name() + " − " + b.name() + ")";
        MetricGrid grid = new MetricGrid(metric, ga.steps(), ga.layers(), values, tokens, spread,
                Math.min(ga.resamples(), gb.resamples()));
        return new GridDifference(ga.metric(), grid, matched, count, a.name(), b.name());
    }

    /** The difference A − B on A's cells, NaN where unmatched or not computed yet. */
    public MetricGrid grid() {
        return difference;
    }

    /** True when B has a cell at this cell's step and layer number. */
    public boolean matched(int layerIdx, int stepIdx) {
        return matched[layerIdx][stepIdx];
    }

    /** Number of matched cells. */
    public int matchedCount() {
        return matchedCount;
    }

    /** The compared metric's name, as in A's grid. */
    public String metric() {
        return metric;
    }

    public String nameA() {
        return nameA;
    }

    public String nameB() {
        return nameB;
    }

    /** One line for a caption: how many of A's cells B matches, and what blank means. */
    public String caption() {
        int all = difference.layerCount() * difference.stepCount();
        return nameA + " − " + nameB + ": " + matchedCount + " of " + all + " cells share step and layer"
                + (matchedCount < all ? "; crossed out: no such cell in " + nameB : "");
    }
}

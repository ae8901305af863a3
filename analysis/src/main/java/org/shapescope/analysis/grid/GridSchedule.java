package org.shapescope.analysis.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a grid's cells are computed, so that a useful picture appears early:
 * coarse to fine by binary subdivision of both axes. Level 0 holds the first and last index of
 * an axis, level 1 the middle, level 2 the quarter points, and so on; a cell's level is the larger
 * of its two axes' levels. So the corners come first, then a 3 × 3 lattice (first, middle, last
 * checkpoint × first, middle, last layer), then 5 × 5, until every cell is done.
 */
public final class GridSchedule {
    private GridSchedule() {
    }

    /** Cells (step index, layer index) in computing order, as {@code int[]{stepIndex, layerIndex}}. */
    public static List<int[]> order(int steps, int layers) {
        int[] stepLevel = levels(steps);
        int[] layerLevel = levels(layers);
        List<int[]> cells = new ArrayList<>(steps * layers);
        for (int s = 0; s < steps; s++) {
            for (int l = 0; l < layers; l++) {
                cells.add(new int[] {s, l});
            }
        }
        cells.sort(Comparator.<int[]>comparingInt(c -> Math.max(stepLevel[c[0]], layerLevel[c[1]]))
                .thenComparingInt(c -> stepLevel[c[0]] + layerLevel[c[1]])
                .thenComparingInt(c -> c[0])
                .thenComparingInt(c -> c[1]));
        return cells;
    }

    /** Subdivision level of each index of an axis of length n. */
    static int[] levels(int n) {
        int[] level = new int[n];
        java.util.Arrays.fill(level, Integer.MAX_VALUE);
        if (n == 0) {
            return level;
        }
        level[0] = 0;
        level[n - 1] = 0;
        for (int depth = 1, parts = 2; parts < 2 * n; depth++, parts *= 2) {
            for (int k = 1; k < parts; k += 2) {
                int index = (int) Math.round((double) k * (n - 1) / parts);
                level[index] = Math.min(level[index], depth);
            }
        }
        for (int i = 0; i < n; i++) {
            if (level[i] == Integer.MAX_VALUE) {
                level[i] = 64;
            }
        }
        return level;
    }
}

package org.shapescope.analysis.geometry;

/** Total edge length of a Euclidean minimum spanning tree by Prim's algorithm, O(m²). */
final class MinimumSpanningTree {

    private MinimumSpanningTree() {
    }

    /**
     * Σ_{e∈MST} |e|^α over the points {@code members} of a cloud whose squared pairwise
     * distances are in {@code squared} (pool × pool, row-major).
     */
    static double totalLength(float[] squared, int pool, int[] members, double alpha) {
        int m = members.length;
        float[] best = new float[m];
        boolean[] inTree = new boolean[m];
        java.util.Arrays.fill(best, Float.POSITIVE_INFINITY);
        int current = 0;
        inTree[0] = true;
        double total = 0;
        for (int added = 1; added < m; added++) {
            int rowBase = members[current] * pool;
            int next = -1;
            float nextKey = Float.POSITIVE_INFINITY;
            for (int v = 0; v < m; v++) {
                if (inTree[v]) {
                    continue;
                }
                float d2 = squared[rowBase + members[v]];
                if (d2 < best[v]) {
                    best[v] = d2;
                }
                if (best[v] < nextKey) {
                    nextKey = best[v];
                    next = v;
                }
            }
            inTree[next] = true;
            double length = Math.sqrt(Math.max(0f, nextKey));
            total += alpha == 1.0 ? length : Math.pow(length, alpha);
            current = next;
        }
        return total;
    }
}

package org.shapescope.analysis.geometry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The tokens the neighbour-based estimators work on: the distinct finite rows (a row equal to
 * an earlier one — zero distance, common in float16 dumps — is dropped and counted), of which a
 * seeded uniform subsample of at most {@code limit} rows is kept in their original order.
 *
 * @param values     kept rows, row-major
 * @param rows       number of kept rows
 * @param duplicates rows dropped as copies of an earlier row
 * @param distinct   distinct rows before subsampling
 */
record NeighbourSample(float[] values, int rows, int duplicates, int distinct) {

    static NeighbourSample of(float[] x, int n, int d, int limit, long seed) {
        int[] unique = distinctRows(x, n, d);
        int distinct = unique.length;
        int[] chosen = unique;
        if (distinct > limit) {
            int[] order = unique.clone();
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < limit; i++) {
                int j = i + random.nextInt(distinct - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            chosen = Arrays.copyOf(order, limit);
            Arrays.sort(chosen);
        }
        float[] out = new float[chosen.length * d];
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(x, chosen[i] * d, out, i * d, d);
        }
        return new NeighbourSample(out, chosen.length, n - distinct, distinct);
    }

    /** Indices of the first occurrence of every distinct row (−0 equals +0), ascending. */
    static int[] distinctRows(float[] x, int n, int d) {
        Map<Integer, int[]> byHash = new HashMap<>();
        int[] keep = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int h = rowHash(x, i, d);
            int[] bucket = byHash.get(h);
            boolean duplicate = false;
            if (bucket != null) {
                for (int c = 1; c <= bucket[0] && !duplicate; c++) {
                    duplicate = sameRow(x, d, bucket[c], i);
                }
            }
            if (!duplicate) {
                keep[kept++] = i;
                if (bucket == null) {
                    bucket = new int[] {0, 0};
                } else if (bucket[0] + 1 == bucket.length) {
                    bucket = Arrays.copyOf(bucket, bucket.length * 2);
                }
                bucket[++bucket[0]] = i;
                byHash.put(h, bucket);
            }
        }
        return Arrays.copyOf(keep, kept);
    }

    private static int rowHash(float[] x, int i, int d) {
        int h = 1;
        int base = i * d;
        for (int j = 0; j < d; j++) {
            h = 31 * h + Float.floatToIntBits(x[base + j] + 0.0f);
        }
        return h;
    }

    private static boolean sameRow(float[] x, int d, int a, int b) {
        for (int j = 0; j < d; j++) {
            if (x[a * d + j] != x[b * d + j]) {
                return false;
            }
        }
        return true;
    }
}

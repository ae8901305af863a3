package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidateHeapsTest {

    /**
     * The scans offer a candidate only when {@code key <= bounds()[row]}; the heaps must then hold
     * exactly what offering every candidate gives, ties (equal keys, broken by index) included:
     * keys are drawn from 6 values so that most candidates tie with the heap's top.
     */
    @Test
    void offeringOnlyWithinTheBoundKeepsExactlyTheSameCandidates() {
        int rows = 50;
        int capacity = 7;
        CandidateHeaps all = new CandidateHeaps(rows, capacity);
        CandidateHeaps filtered = new CandidateHeaps(rows, capacity);
        SplittableRandom random = new SplittableRandom(345);
        int skipped = 0;
        for (int i = 0; i < 20_000; i++) {
            int row = random.nextInt(rows);
            float key = random.nextInt(6);
            int id = random.nextInt(1_000);
            all.offer(row, key, id);
            if (key <= filtered.bounds()[row]) {
                filtered.offer(row, key, id);
            } else {
                skipped++;
            }
        }
        assertThat(skipped).as("the bound rules candidates out").isGreaterThan(10_000);
        for (int row = 0; row < rows; row++) {
            assertThat(contents(filtered, row)).as("row %d", row).isEqualTo(contents(all, row));
        }
    }

    /** A row's candidates as sorted (key, id) pairs. */
    private static long[] contents(CandidateHeaps heaps, int row) {
        float[] keys = new float[heaps.capacity()];
        int[] ids = new int[heaps.capacity()];
        int m = heaps.append(row, keys, ids, 0);
        long[] pairs = new long[m];
        for (int c = 0; c < m; c++) {
            pairs[c] = ((long) keys[c] << 32) | ids[c];
        }
        Arrays.sort(pairs);
        return pairs;
    }
}

package org.shapescope.analysis.geometry;

import java.util.HashMap;
import java.util.Map;

/**
 * Which token each row of a cell is, so that the same tokens can be matched across checkpoints:
 * the key of a row is (sequence, position, token id), each part taken from the file's column when
 * it has one; a file with none of the three is keyed by row index. The sequence is part of the key
 * because a token id at a position repeats across sequences. A key held by more than one row of a
 * cell is ambiguous and matches nothing.
 */
public final class TokenKeys {

    /** The identity of one token: its sequence, its position in it and its id (0 for a column the file lacks). */
    public record Key(long sequence, long position, long tokenId) {
    }

    private final int rows;
    private final Map<Key, Integer> rowOf;
    private final Key[] keys;

    private TokenKeys(int rows, Key[] keys) {
        this.rows = rows;
        this.keys = keys;
        this.rowOf = new HashMap<>(rows * 2);
        Map<Key, Integer> seen = new HashMap<>(rows * 2);
        for (int i = 0; i < rows; i++) {
            Integer before = seen.put(keys[i], i);
            if (before == null) {
                rowOf.put(keys[i], i);
            } else {
                rowOf.remove(keys[i]);
            }
        }
    }

    /**
     * @param sequence sequence of each row, or null
     * @param position position of each row in its sequence, or null
     * @param tokenId  token id of each row, or null
     * @param rows     number of rows
     */
    public static TokenKeys of(long[] sequence, long[] position, long[] tokenId, int rows) {
        boolean byRow = sequence == null && position == null && tokenId == null;
        Key[] keys = new Key[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = byRow ? new Key(0, i, 0)
                    : new Key(sequence == null ? 0 : sequence[i], position == null ? 0 : position[i],
                            tokenId == null ? 0 : tokenId[i]);
        }
        return new TokenKeys(rows, keys);
    }

    public int rows() {
        return rows;
    }

    /** The key of row {@code row}, or null when another row of this cell holds it too. */
    public Key key(int row) {
        Integer unique = rowOf.get(keys[row]);
        return unique != null && unique == row ? keys[row] : null;
    }

    /** Number of rows whose key no other row of this cell holds. */
    public int uniqueRows() {
        return rowOf.size();
    }

    /** The row of this cell holding the key of row {@code row} of {@code other}, or -1 (absent or ambiguous). */
    public int rowOf(TokenKeys other, int row) {
        Integer unique = other.rowOf.get(other.keys[row]);
        Integer here = unique == null || unique != row ? null : rowOf.get(other.keys[row]);
        return here == null ? -1 : here;
    }

    /**
     * The tokens both cells hold unambiguously, as pairs of rows: {@code [0]} rows here, {@code [1]}
     * the same tokens' rows in {@code other}, in this cell's row order.
     */
    public int[][] shared(TokenKeys other) {
        int[] here = new int[rows];
        int[] there = new int[rows];
        int m = 0;
        for (int i = 0; i < rows; i++) {
            if (rowOf.get(keys[i]) == null) {
                continue;
            }
            Integer j = other.rowOf.get(keys[i]);
            if (j != null) {
                here[m] = i;
                there[m] = j;
                m++;
            }
        }
        return new int[][] {java.util.Arrays.copyOf(here, m), java.util.Arrays.copyOf(there, m)};
    }
}

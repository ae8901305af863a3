package org.shapescope.analysis.geometry;

/**
 * For every row, a bounded max-heap of the best (smallest squared distance, then smallest
 * index) candidates seen so far. One instance per worker thread: no locking.
 *
 * <p>{@link #bounds()} holds, per row, the largest key its heap could still take (+∞ until it
 * is full, then the key at its top): the scans test {@code key <= bounds[row]} on that one
 * contiguous array and call {@link #offer} only when it passes, so the heaps' own storage
 * (a cache line per row) is touched only by the few candidates that may enter. The test is
 * conservative (ties pass; {@link #offer} breaks them by index), so the heaps hold exactly
 * what offering every candidate would give.
 */
final class CandidateHeaps {

    private final int capacity;
    private final float[] keys;
    private final int[] ids;
    private final int[] sizes;
    private final float[] bounds;

    CandidateHeaps(int rows, int capacity) {
        this.capacity = capacity;
        this.keys = new float[rows * capacity];
        this.ids = new int[rows * capacity];
        this.sizes = new int[rows];
        this.bounds = new float[rows];
        java.util.Arrays.fill(bounds, Float.POSITIVE_INFINITY);
    }

    /** Per row, the largest key {@link #offer} may still take (see the class comment); read only. */
    float[] bounds() {
        return bounds;
    }

    int capacity() {
        return capacity;
    }

    /** Offers candidate {@code id} at squared distance {@code key} to row {@code row}. */
    void offer(int row, float key, int id) {
        int base = row * capacity;
        int size = sizes[row];
        if (size < capacity) {
            int c = size;
            sizes[row] = size + 1;
            while (c > 0) {
                int parent = (c - 1) >>> 1;
                if (!worse(key, id, keys[base + parent], ids[base + parent])) {
                    break;
                }
                keys[base + c] = keys[base + parent];
                ids[base + c] = ids[base + parent];
                c = parent;
            }
            keys[base + c] = key;
            ids[base + c] = id;
            if (size + 1 == capacity) {
                bounds[row] = keys[base];
            }
            return;
        }
        if (!worse(keys[base], ids[base], key, id)) {
            return;
        }
        int c = 0;
        while (true) {
            int left = 2 * c + 1;
            if (left >= capacity) {
                break;
            }
            int right = left + 1;
            int child = left;
            if (right < capacity && worse(keys[base + right], ids[base + right], keys[base + left], ids[base + left])) {
                child = right;
            }
            if (!worse(keys[base + child], ids[base + child], key, id)) {
                break;
            }
            keys[base + c] = keys[base + child];
            ids[base + c] = ids[base + child];
            c = child;
        }
        keys[base + c] = key;
        ids[base + c] = id;
        bounds[row] = keys[base];
    }

    /**
     * Appends row's candidates (squared float distance, id) at out[m..] and returns the new
     * count. Every ordered pair is offered to exactly one worker, so appends never repeat an id.
     */
    int append(int row, float[] outKeys, int[] outIds, int m) {
        int base = row * capacity;
        for (int c = 0; c < sizes[row]; c++) {
            outKeys[m] = keys[base + c];
            outIds[m] = ids[base + c];
            m++;
        }
        return m;
    }

    private static boolean worse(float ka, int ia, float kb, int ib) {
        return ka > kb || (ka == kb && ia > ib);
    }
}

package org.shapescope.analysis.format;

import java.util.Objects;

/**
 * The point cloud of one layer at one checkpoint: {@code tokens} rows of {@code hiddenSize}
 * float32 values, row-major, with the optional per-token columns of the run-folder format
 * (each {@code null} when the file does not have it).
 *
 * @param layer      the layer index (0 = embedding output)
 * @param tokens     number of rows
 * @param hiddenSize number of columns
 * @param values     row-major values, length {@code tokens * hiddenSize}
 * @param sequence   which input sequence each token came from, or null
 * @param position   position of each token in its sequence, or null
 * @param tokenId    token id of each row, or null
 * @param tokenText  text of each token, or null
 */
public record LayerData(int layer, int tokens, int hiddenSize, float[] values,
                        long[] sequence, long[] position, long[] tokenId, String[] tokenText) {

    public LayerData {
        Objects.requireNonNull(values, "values");
        if ((long) tokens * hiddenSize != values.length) {
            throw new IllegalArgumentException("values hold " + values.length + " numbers, expected "
                    + tokens + " x " + hiddenSize);
        }
        checkLength("sequence", sequence, tokens);
        checkLength("position", position, tokens);
        checkLength("token_id", tokenId, tokens);
        if (tokenText != null && tokenText.length != tokens) {
            throw new IllegalArgumentException("token holds " + tokenText.length + " rows, expected " + tokens);
        }
    }

    /** A layer with values only. */
    public static LayerData ofValues(int layer, int tokens, int hiddenSize, float[] values) {
        return new LayerData(layer, tokens, hiddenSize, values, null, null, null, null);
    }

    private static void checkLength(String name, long[] column, int tokens) {
        if (column != null && column.length != tokens) {
            throw new IllegalArgumentException(name + " holds " + column.length + " rows, expected " + tokens);
        }
    }

    /** Value at (row, column). */
    public float get(int row, int column) {
        return values[row * hiddenSize + column];
    }

    /** Number of values that are NaN or infinite. */
    public long nonFiniteCount() {
        long count = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                count++;
            }
        }
        return count;
    }
}

package org.shapescope.analysis.format;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * Collects the rows of one layer from the record batches that hold them into a {@link LayerData},
 * converting the embedding values to float32. Runs of consecutive rows of the layer whose values lie
 * back to back are copied in bulk from the Arrow data buffer. A null row or a null element becomes
 * NaN; a row whose length differs from the hidden size is an error naming the layer and row.
 */
final class LayerAssembler {
    /** Values converted per bulk copy: 64 Ki values, 128 KiB of halves, small enough to stay in cache. */
    private static final int CHUNK = 1 << 16;
    private final Path path;
    private final CheckpointSchema schema;
    private final int layer;
    private final int expectedRows;
    private final int hiddenSize;
    private final float[] values;
    private final long[] sequence;
    private final long[] position;
    private final long[] tokenId;
    private final String[] tokenText;
    private int filled;

    LayerAssembler(Path path, CheckpointSchema schema, int layer, int rows) {
        this.path = path;
        this.schema = schema;
        this.layer = layer;
        this.expectedRows = rows;
        this.hiddenSize = schema.hiddenSize();
        this.values = new float[Math.multiplyExact(rows, hiddenSize)];
        this.sequence = schema.has(CheckpointSchema.SEQUENCE) ? new long[rows] : null;
        this.position = schema.has(CheckpointSchema.POSITION) ? new long[rows] : null;
        this.tokenId = schema.has(CheckpointSchema.TOKEN_ID) ? new long[rows] : null;
        this.tokenText = schema.has(CheckpointSchema.TOKEN) ? new String[rows] : null;
    }

    /** Copies this layer's rows out of the loaded batch; {@code dictionaries} resolves a dictionary-encoded token column. */
    void take(VectorSchemaRoot root, DictionaryProvider dictionaries) throws CheckpointFormatException {
        CheckpointFile.validate(path, root);
        BaseIntVector layers = (BaseIntVector) root.getVector(CheckpointSchema.LAYER);
        EmbeddingColumn embedding = EmbeddingColumn.of(root);
        TokenColumn tokens = tokenText == null ? null : TokenColumn.of(path, root.getVector(CheckpointSchema.TOKEN), dictionaries);
        int rows = root.getRowCount();
        int row = 0;
        while (row < rows) {
            if (((ValueVector) layers).isNull(row) || layers.getValueAsLong(row) != layer) {
                row++;
                continue;
            }
            int runEnd = row + 1;
            while (runEnd < rows && !((ValueVector) layers).isNull(runEnd) && layers.getValueAsLong(runEnd) == layer) {
                runEnd++;
            }
            copyRun(root, embedding, tokens, row, runEnd);
            row = runEnd;
        }
    }

    /** Copies rows [from, to) of the batch, all of this layer: values in bulk wherever rows lie back to back. */
    private void copyRun(VectorSchemaRoot root, EmbeddingColumn embedding, TokenColumn tokens, int from, int to)
            throws CheckpointFormatException {
        int count = to - from;
        if (filled + count > expectedRows) {
            throw new CheckpointFormatException(path, "layer " + layer + " has more rows than its index says (" + expectedRows + ")");
        }
        int segmentStart = from;
        for (int r = from; r <= to; r++) {
            boolean contiguous = r < to && !embedding.isNull(r)
                    && (r == segmentStart || embedding.start(r) == embedding.start(r - 1) + hiddenSize);
            if (contiguous) {
                checkLength(embedding, r, filled + r - from);
                continue;
            }
            if (r > segmentStart) {
                copyValues(embedding.data(), embedding.start(segmentStart), filled + segmentStart - from, r - segmentStart);
            }
            if (r < to && embedding.isNull(r)) {
                Arrays.fill(values, (filled + r - from) * hiddenSize, (filled + r - from + 1) * hiddenSize, Float.NaN);
                segmentStart = r + 1;
            } else {
                segmentStart = r;
                if (r < to) {
                    checkLength(embedding, r, filled + r - from);
                }
            }
        }
        copyIntegers(root, CheckpointSchema.SEQUENCE, sequence, from, to);
        copyIntegers(root, CheckpointSchema.POSITION, position, from, to);
        copyIntegers(root, CheckpointSchema.TOKEN_ID, tokenId, from, to);
        if (tokens != null) {
            for (int r = from; r < to; r++) {
                tokenText[filled + r - from] = tokens.text(r);
            }
        }
        filled += count;
    }

    private void checkLength(EmbeddingColumn embedding, int row, int rowInLayer) throws CheckpointFormatException {
        long length = embedding.length(row);
        if (length != hiddenSize) {
            throw new CheckpointFormatException(path, "layer " + layer + ", row " + rowInLayer + ": 'embedding' holds " + length
                    + " values, the file's rows hold " + hiddenSize + " (every row must have the same length)");
        }
    }

    /**
     * Converts {@code rows} rows of values, starting at child value {@code firstValue}, into
     * layer rows from {@code targetRow}; a null element becomes NaN (and so the row is dropped
     * by the measures, as a NaN row is).
     */
    private void copyValues(FieldVector data, long firstValue, int targetRow, int rows) throws CheckpointFormatException {
        int valueCount = rows * hiddenSize;
        int target = targetRow * hiddenSize;
        ArrowBuf buffer = data.getDataBuffer();
        long bytes = (long) valueCount * schema.elementType().bytes();
        long offset = firstValue * schema.elementType().bytes();
        if (firstValue < 0 || firstValue + valueCount > data.getValueCount() || offset + bytes > buffer.capacity()) {
            throw new CheckpointFormatException(path, "embedding data buffer is shorter than its row count says");
        }
        ByteBuffer raw = CheckpointFile.littleEndian(buffer, offset, (int) bytes);
        switch (schema.elementType()) {
            case FLOAT32 -> raw.asFloatBuffer().get(values, target, valueCount);
            case FLOAT64 -> {
                var doubles = raw.asDoubleBuffer();
                double[] chunk = new double[Math.min(valueCount, CHUNK)];
                for (int done = 0; done < valueCount; done += chunk.length) {
                    int length = Math.min(chunk.length, valueCount - done);
                    doubles.get(chunk, 0, length);
                    for (int i = 0; i < length; i++) {
                        values[target + done + i] = (float) chunk[i];
                    }
                }
            }
            case FLOAT16 -> {
                // Bulk-copy the halves to the heap in chunks, then convert through the table:
                // element-wise reads of a direct buffer are bounds-checked one by one and far slower.
                ShortBuffer halves = raw.asShortBuffer();
                short[] chunk = new short[Math.min(valueCount, CHUNK)];
                for (int done = 0; done < valueCount; done += chunk.length) {
                    int length = Math.min(chunk.length, valueCount - done);
                    halves.get(chunk, 0, length);
                    Float16.toFloat(chunk, length, values, target + done);
                }
            }
        }
        if (data.getNullCount() > 0) {
            for (int i = 0; i < valueCount; i++) {
                if (data.isNull((int) (firstValue + i))) {
                    values[target + i] = Float.NaN;
                }
            }
        }
    }

    private void copyIntegers(VectorSchemaRoot root, String column, long[] target, int from, int to) {
        if (target == null) {
            return;
        }
        FieldVector vector = root.getVector(column);
        BaseIntVector ints = (BaseIntVector) vector;
        for (int r = from; r < to; r++) {
            target[filled + r - from] = vector.isNull(r) ? -1 : ints.getValueAsLong(r);
        }
    }

    LayerData finish() throws CheckpointFormatException {
        if (filled != expectedRows) {
            throw new CheckpointFormatException(path, "layer " + layer + " has " + filled + " rows, its index says " + expectedRows);
        }
        return new LayerData(layer, expectedRows, hiddenSize, values, sequence, position, tokenId, tokenText);
    }
}

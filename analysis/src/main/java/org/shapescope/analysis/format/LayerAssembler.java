package org.shapescope.analysis.format;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;

/**
 * Collects the rows of one layer from the record batches that hold them into a {@link LayerData},
 * converting the embedding values to float32. Runs of consecutive rows of the layer are copied in
 * bulk from the Arrow data buffer.
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

    /** Copies this layer's rows out of the loaded batch. */
    void take(VectorSchemaRoot root, boolean indexSaysSingleLayer) throws CheckpointFormatException {
        CheckpointFile.validate(path, root);
        BaseIntVector layers = (BaseIntVector) root.getVector(CheckpointSchema.LAYER);
        FixedSizeListVector embedding = (FixedSizeListVector) root.getVector(CheckpointSchema.EMBEDDING);
        FieldVector data = (FieldVector) embedding.getDataVector();
        int rows = root.getRowCount();
        if (embedding.getValueCount() < rows || (long) data.getValueCount() < (long) rows * hiddenSize) {
            throw new CheckpointFormatException(path, "column 'embedding' holds fewer values than the batch has rows");
        }
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
            copyRun(root, embedding, data, row, runEnd);
            row = runEnd;
        }
    }

    private void copyRun(VectorSchemaRoot root, FixedSizeListVector embedding, FieldVector data, int from, int to)
            throws CheckpointFormatException {
        int count = to - from;
        if (filled + count > expectedRows) {
            throw new CheckpointFormatException(path, "layer " + layer + " has more rows than its index says (" + expectedRows + ")");
        }
        int valueCount = count * hiddenSize;
        long firstValue = (long) from * hiddenSize;
        int target = filled * hiddenSize;
        ArrowBuf buffer = data.getDataBuffer();
        long bytes = (long) valueCount * schema.elementType().bytes();
        long offset = firstValue * schema.elementType().bytes();
        if (offset + bytes > buffer.capacity()) {
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
        if (embedding.getNullCount() > 0) {
            for (int r = from; r < to; r++) {
                if (embedding.isNull(r)) {
                    java.util.Arrays.fill(values, (filled + r - from) * hiddenSize, (filled + r - from + 1) * hiddenSize, Float.NaN);
                }
            }
        }
        copyIntegers(root, CheckpointSchema.SEQUENCE, sequence, from, to);
        copyIntegers(root, CheckpointSchema.POSITION, position, from, to);
        copyIntegers(root, CheckpointSchema.TOKEN_ID, tokenId, from, to);
        if (tokenText != null) {
            ValueVector tokens = root.getVector(CheckpointSchema.TOKEN);
            for (int r = from; r < to; r++) {
                tokenText[filled + r - from] = tokens.isNull(r) ? null : text(tokens, r);
            }
        }
        filled += count;
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

    private static String text(ValueVector tokens, int row) {
        byte[] bytes = tokens instanceof VarCharVector v ? v.get(row) : ((LargeVarCharVector) tokens).get(row);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    LayerData finish() throws CheckpointFormatException {
        if (filled != expectedRows) {
            throw new CheckpointFormatException(path, "layer " + layer + " has " + filled + " rows, its index says " + expectedRows);
        }
        return new LayerData(layer, expectedRows, hiddenSize, values, sequence, position, tokenId, tokenText);
    }
}

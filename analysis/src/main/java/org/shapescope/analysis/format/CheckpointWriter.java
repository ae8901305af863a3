package org.shapescope.analysis.format;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes one checkpoint file of a run folder (docs/FORMAT.md): one record batch per layer (or
 * several, when {@link Options#maxBatchRows()} splits a layer), the step in the schema metadata,
 * and in the file format a footer index of which batch holds which layer. The file appears
 * atomically: it is written under a temporary name and moved into place on {@link #close()}.
 */
public final class CheckpointWriter implements AutoCloseable {
    /** How the file is laid out. */
    public enum Container { FILE, STREAM }

    /** Batch compression, as Arrow IPC defines it. */
    public enum Compression { NONE, LZ4_FRAME, ZSTD }

    /**
     * @param elementType   the stored type of the embedding values
     * @param container     IPC file format (.arrow) or stream format (.arrows)
     * @param compression   batch compression
     * @param maxBatchRows  split a layer into batches of at most this many rows (0 = one batch per layer)
     * @param tokenColumns  write the sequence, position, token_id and token columns
     * @param metadata      extra schema metadata (the step is added)
     */
    public record Options(ElementType elementType, Container container, Compression compression, int maxBatchRows,
                          boolean tokenColumns, Map<String, String> metadata) {
        public static Options defaults() {
            return new Options(ElementType.FLOAT16, Container.FILE, Compression.NONE, 0, true, Map.of());
        }

        public Options withElementType(ElementType type) {
            return new Options(type, container, compression, maxBatchRows, tokenColumns, metadata);
        }

        public Options withContainer(Container value) {
            return new Options(elementType, value, compression, maxBatchRows, tokenColumns, metadata);
        }

        public Options withCompression(Compression value) {
            return new Options(elementType, container, value, maxBatchRows, tokenColumns, metadata);
        }

        public Options withMaxBatchRows(int value) {
            return new Options(elementType, container, compression, value, tokenColumns, metadata);
        }

        public Options withTokenColumns(boolean value) {
            return new Options(elementType, container, compression, maxBatchRows, value, metadata);
        }

        public Options withMetadata(Map<String, String> value) {
            return new Options(elementType, container, compression, maxBatchRows, tokenColumns, Map.copyOf(value));
        }
    }

    private final Path target;
    private final Path temporary;
    private final Options options;
    private final int hiddenSize;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final FileChannel channel;
    private final ArrowWriter writer;
    private final Map<String, String> footer = new HashMap<>();
    private final List<SortedMap<Integer, Integer>> batches = new ArrayList<>();
    private boolean closed;

    private CheckpointWriter(Path target, long step, int hiddenSize, Options options) throws IOException {
        this.target = target;
        this.options = options;
        this.hiddenSize = hiddenSize;
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not Files.createTempFile: its owner-only permissions would stay on the finished file.
        this.temporary = parent.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".partial");
        this.allocator = new RootAllocator();
        Map<String, String> metadata = new LinkedHashMap<>(options.metadata());
        metadata.put("step", Long.toString(step));
        metadata.put("shapescope.format", "1");
        this.root = VectorSchemaRoot.create(schema(hiddenSize, options, metadata), allocator);
        this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        CompressionUtil.CodecType codec = switch (options.compression()) {
            case NONE -> CompressionUtil.CodecType.NO_COMPRESSION;
            case LZ4_FRAME -> CompressionUtil.CodecType.LZ4_FRAME;
            case ZSTD -> CompressionUtil.CodecType.ZSTD;
        };
        org.apache.arrow.vector.compression.CompressionCodec.Factory factory = options.compression() == Compression.NONE
                ? org.apache.arrow.vector.compression.NoCompressionCodec.Factory.INSTANCE : CommonsCompressionFactory.INSTANCE;
        // The footer map is read when the file is closed, so the batch index added later lands in it.
        this.writer = options.container() == Container.FILE
                ? new ArrowFileWriter(root, null, channel, footer, IpcOption.DEFAULT, factory, codec, Optional.empty())
                : new ArrowStreamWriter(root, null, channel, IpcOption.DEFAULT, factory, codec, Optional.empty());
        writer.start();
    }

    /** Starts a checkpoint file at {@code target} for the given step and hidden size. */
    public static CheckpointWriter create(Path target, long step, int hiddenSize, Options options) throws IOException {
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("hidden size must be positive, was " + hiddenSize);
        }
        return new CheckpointWriter(target, step, hiddenSize, options);
    }

    /** Writes one layer; with token columns enabled, missing ones are written as nulls. */
    public void writeLayer(LayerData layer) throws IOException {
        if (layer.hiddenSize() != hiddenSize) {
            throw new IllegalArgumentException("layer " + layer.layer() + " has hidden size " + layer.hiddenSize()
                    + ", the file has " + hiddenSize);
        }
        int step = options.maxBatchRows() > 0 ? options.maxBatchRows() : Math.max(1, layer.tokens());
        for (int from = 0; from < layer.tokens() || (from == 0 && layer.tokens() == 0); from += step) {
            int to = Math.min(layer.tokens(), from + step);
            writeBatch(layer, from, to);
            if (layer.tokens() == 0) {
                break;
            }
        }
    }

    private void writeBatch(LayerData layer, int from, int to) throws IOException {
        int rows = to - from;
        root.allocateNew();
        IntVector layers = (IntVector) root.getVector(CheckpointSchema.LAYER);
        FixedSizeListVector embedding = (FixedSizeListVector) root.getVector(CheckpointSchema.EMBEDDING);
        for (int r = 0; r < rows; r++) {
            layers.setSafe(r, layer.layer());
            embedding.setNotNull(r);
        }
        int valueCount = rows * hiddenSize;
        int first = from * hiddenSize;
        float[] values = layer.values();
        switch (options.elementType()) {
            case FLOAT16 -> {
                Float2Vector data = (Float2Vector) embedding.getDataVector();
                data.allocateNew(valueCount);
                for (int i = 0; i < valueCount; i++) {
                    data.set(i, Float16.fromFloat(values[first + i]));
                }
                data.setValueCount(valueCount);
            }
            case FLOAT32 -> {
                Float4Vector data = (Float4Vector) embedding.getDataVector();
                data.allocateNew(valueCount);
                for (int i = 0; i < valueCount; i++) {
                    data.set(i, values[first + i]);
                }
                data.setValueCount(valueCount);
            }
            case FLOAT64 -> {
                Float8Vector data = (Float8Vector) embedding.getDataVector();
                data.allocateNew(valueCount);
                for (int i = 0; i < valueCount; i++) {
                    data.set(i, values[first + i]);
                }
                data.setValueCount(valueCount);
            }
        }
        if (options.tokenColumns()) {
            fillIntegers((IntVector) root.getVector(CheckpointSchema.SEQUENCE), layer.sequence(), from, rows);
            fillIntegers((IntVector) root.getVector(CheckpointSchema.POSITION), layer.position(), from, rows);
            BigIntVector ids = (BigIntVector) root.getVector(CheckpointSchema.TOKEN_ID);
            VarCharVector tokens = (VarCharVector) root.getVector(CheckpointSchema.TOKEN);
            for (int r = 0; r < rows; r++) {
                if (layer.tokenId() != null) {
                    ids.setSafe(r, layer.tokenId()[from + r]);
                } else {
                    ids.setNull(r);
                }
                String text = layer.tokenText() == null ? null : layer.tokenText()[from + r];
                if (text != null) {
                    tokens.setSafe(r, text.getBytes(StandardCharsets.UTF_8));
                } else {
                    tokens.setNull(r);
                }
            }
        }
        root.setRowCount(rows);
        writer.writeBatch();
        SortedMap<Integer, Integer> entry = new TreeMap<>();
        if (rows > 0) {
            entry.put(layer.layer(), rows);
        }
        batches.add(entry);
    }

    private static void fillIntegers(IntVector vector, long[] source, int from, int rows) {
        for (int r = 0; r < rows; r++) {
            if (source != null) {
                vector.setSafe(r, Math.toIntExact(source[from + r]));
            } else {
                vector.setNull(r);
            }
        }
    }

    /** Finishes the file and moves it into place. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            footer.put(CheckpointFile.BATCH_INDEX_KEY, BatchIndex.format(batches));
            writer.end();
            writer.close();
            channel.close();
            root.close();
            allocator.close();
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static Schema schema(int hiddenSize, Options options, Map<String, String> metadata) {
        FloatingPointPrecision precision = switch (options.elementType()) {
            case FLOAT16 -> FloatingPointPrecision.HALF;
            case FLOAT32 -> FloatingPointPrecision.SINGLE;
            case FLOAT64 -> FloatingPointPrecision.DOUBLE;
        };
        Field value = new Field("item", FieldType.nullable(new ArrowType.FloatingPoint(precision)), null);
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(CheckpointSchema.LAYER, FieldType.notNullable(new ArrowType.Int(32, true)), null));
        fields.add(new Field(CheckpointSchema.EMBEDDING, FieldType.notNullable(new ArrowType.FixedSizeList(hiddenSize)), List.of(value)));
        if (options.tokenColumns()) {
            fields.add(new Field(CheckpointSchema.SEQUENCE, FieldType.nullable(new ArrowType.Int(32, true)), null));
            fields.add(new Field(CheckpointSchema.POSITION, FieldType.nullable(new ArrowType.Int(32, true)), null));
            fields.add(new Field(CheckpointSchema.TOKEN_ID, FieldType.nullable(new ArrowType.Int(64, true)), null));
            fields.add(new Field(CheckpointSchema.TOKEN, FieldType.nullable(new ArrowType.Utf8()), null));
        }
        return new Schema(fields, metadata);
    }
}

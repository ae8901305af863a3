package org.shapescope.analysis.format;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.arrow.memory.ArrowBuf;
import org.shapescope.analysis.ErrorText;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Schema;
import org.shapescope.analysis.storage.Storage;

/**
 * One checkpoint file of a run folder (see docs/FORMAT.md), opened for reading.
 *
 * <p>Opening reads the schema and builds the layer index (which record batches hold which layer,
 * and how many rows): from the footer metadata written by {@link CheckpointWriter} when present,
 * otherwise by one pass over the batches. {@link #readLayer(int)} then loads only the batches that
 * hold the layer, one at a time, so that memory in use stays proportional to one layer (heap) and
 * one record batch (off-heap), whatever the file's size. Both Arrow IPC formats are read: the file
 * format (random access to batches) and the stream format (one sequential pass per read).
 * Compressed batches (LZ4 frame, ZSTD) are decompressed by arrow-compression.
 *
 * <p>The layouts other writers produce by default are read too (docs/FORMAT.md, "Accepted column
 * types"): List and LargeList embeddings (the hidden size is then learnt, and every row's length
 * checked, in the indexing pass), utf8 / large utf8 / utf8 view tokens, dictionary-encoded or not.
 * An optional column of another type is left out, with a line in {@link #warnings()}.
 *
 * <p>Every failure, whatever its cause inside Arrow, surfaces as a
 * {@link CheckpointFormatException} that names the file and the reason.
 */
public final class CheckpointFile implements AutoCloseable {
    /** Footer metadata key under which {@link CheckpointWriter} stores "layer:rows" per batch. */
    public static final String BATCH_INDEX_KEY = "shapescope.batch_layers";
    /** Schema metadata key of the training step. */
    public static final String STEP_KEY = "step";
    private static final byte[] FILE_MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};
    /** Off-heap budget: generous for real data, small enough that corrupt sizes fail at once. */
    private static final long ALLOCATION_HEADROOM = 64L << 20;
    private static final long ALLOCATION_FACTOR = 16;

    private final Storage storage;
    private final Path path;
    private final boolean streamFormat;
    private final BufferAllocator allocator;
    private final SeekableByteChannel channel;
    private final ArrowFileReader fileReader;
    private final BlockReader blockReader;
    private final List<ArrowBlock> blocks;
    private final CheckpointSchema schema;
    private final Map<String, String> schemaMetadata;
    /** Per batch (in file order): layer → rows of that layer in the batch. */
    private final List<SortedMap<Integer, Integer>> batchLayers;
    private final SortedMap<Integer, Integer> tokensPerLayer;

    private CheckpointFile(Storage storage, Path path, String knownLayout) throws CheckpointFormatException {
        this.storage = storage;
        this.path = path;
        long size = checkReadable(storage, path);
        this.streamFormat = !startsWithFileMagic(storage, path);
        this.allocator = new RootAllocator(ALLOCATION_HEADROOM + ALLOCATION_FACTOR * size);
        SeekableByteChannel openedChannel = null;
        ArrowFileReader openedReader = null;
        BlockReader openedBlocks = null;
        List<ArrowBlock> recordBlocks = List.of();
        try {
            CheckpointSchema checked;
            List<SortedMap<Integer, Integer>> indexed;
            Map<String, String> metadata;
            if (streamFormat) {
                IpcStructure.checkStream(storage, path);
                try (InputStream in = Channels.newInputStream(storage.open(path));
                     ArrowStreamReader reader = new ArrowStreamReader(in, allocator, BoundedDecompression.INSTANCE)) {
                    Schema arrowSchema = reader.getVectorSchemaRoot().getSchema();
                    checked = CheckpointSchema.of(path, arrowSchema, reader);
                    metadata = copy(arrowSchema.getCustomMetadata());
                    KnownLayout known = KnownLayout.parse(knownLayout, -1);
                    if (known != null) {
                        checked = checked.withHiddenSize(known.hiddenSize());
                        indexed = known.batches();
                    } else {
                        LayerScan scan = new LayerScan(path, checked);
                        while (reader.loadNextBatch()) {
                            scan.add(reader.getVectorSchemaRoot());
                        }
                        checked = checked.withHiddenSize(scan.hiddenSize());
                        indexed = scan.batches();
                    }
                }
            } else {
                openedChannel = storage.open(path);
                openedReader = new ArrowFileReader(openedChannel, allocator, BoundedDecompression.INSTANCE);
                Schema arrowSchema = openedReader.getVectorSchemaRoot().getSchema();
                checked = CheckpointSchema.of(path, arrowSchema, openedReader);
                metadata = copy(arrowSchema.getCustomMetadata());
                recordBlocks = List.copyOf(openedReader.getRecordBlocks());
                IpcStructure.checkBlocks(path, openedChannel, recordBlocks);
                openedBlocks = new BlockReader(path, openedChannel, arrowSchema, allocator);
                indexed = checked.layout() == CheckpointSchema.EmbeddingLayout.FIXED_SIZE_LIST
                        ? BatchIndex.parse(openedReader.getMetaData().get(BATCH_INDEX_KEY), recordBlocks.size()) : null;
                KnownLayout known = indexed == null ? KnownLayout.parse(knownLayout, recordBlocks.size()) : null;
                if (known != null) {
                    checked = checked.withHiddenSize(known.hiddenSize());
                    indexed = known.batches();
                }
                if (indexed == null) {
                    LayerScan scan = new LayerScan(path, checked);
                    for (ArrowBlock block : recordBlocks) {
                        scan.add(openedBlocks.load(block));
                    }
                    checked = checked.withHiddenSize(scan.hiddenSize());
                    indexed = scan.batches();
                }
            }
            this.schema = checked;
            this.schemaMetadata = metadata;
            this.batchLayers = indexed;
            this.channel = openedChannel;
            this.fileReader = openedReader;
            this.blockReader = openedBlocks;
            this.blocks = recordBlocks;
            this.tokensPerLayer = Collections.unmodifiableSortedMap(sumRows(batchLayers));
            checkNotOneTensorPerLayer(path, tokensPerLayer, schema.hiddenSize());
        } catch (CheckpointFormatException e) {
            closeQuietly(openedBlocks, openedReader, openedChannel);
            closeAllocatorAfterFailure();
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            closeQuietly(openedBlocks, openedReader, openedChannel);
            closeAllocatorAfterFailure();
            throw corrupt(path, e);
        }
    }

    /**
     * Opens a checkpoint file and indexes its layers.
     *
     * @throws CheckpointFormatException naming the file and the problem: missing, unreadable,
     *                                   empty, truncated or corrupt, or of another schema
     */
    public static CheckpointFile open(Path path) throws CheckpointFormatException {
        return new CheckpointFile(Storage.local(), path, null);
    }

    /**
     * Opens a checkpoint file whose layout is already known ({@link #layout()} of an earlier opening
     * of the same content): nothing is scanned. A layout that does not fit the file (another batch
     * count, unreadable text) is ignored and the file is indexed as by {@link #open(Path)}.
     */
    public static CheckpointFile open(Path path, String knownLayout) throws CheckpointFormatException {
        return new CheckpointFile(Storage.local(), path, knownLayout);
    }

    /**
     * Opens a checkpoint file of any {@link Storage}, as {@link #open(Path, String)}: the footer and
     * schema are read at opening, each layer's record batches by {@link #readLayer}, by positioned reads.
     */
    public static CheckpointFile open(Storage storage, Path path, String knownLayout) throws CheckpointFormatException {
        return new CheckpointFile(storage, path, knownLayout);
    }

    /** What opening learnt of the file's layout (hidden size and batch index), for {@link #open(Path, String)}. */
    public String layout() {
        return schema.hiddenSize() + "|" + BatchIndex.format(batchLayers);
    }

    /** A layout learnt before: the hidden size (from the data, for list embeddings) and the batch index. */
    private record KnownLayout(int hiddenSize, List<SortedMap<Integer, Integer>> batches) {
        /** The layout in {@code text}, or null when there is none or it does not fit {@code batchCount} (−1: any). */
        static KnownLayout parse(String text, int batchCount) {
            int bar = text == null ? -1 : text.indexOf('|');
            if (bar < 1) {
                return null;
            }
            try {
                int hidden = Integer.parseInt(text.substring(0, bar));
                String index = text.substring(bar + 1);
                List<SortedMap<Integer, Integer>> batches = batchCount < 0 ? BatchIndex.parse(index)
                        : BatchIndex.parse(index, batchCount);
                return hidden > 0 && batches != null ? new KnownLayout(hidden, batches) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    public Path path() {
        return path;
    }

    /** True for the Arrow IPC stream format (.arrows), false for the file format (.arrow/.feather). */
    public boolean isStreamFormat() {
        return streamFormat;
    }

    public ElementType elementType() {
        return schema.elementType();
    }

    public int hiddenSize() {
        return schema.hiddenSize();
    }

    /** The optional per-token columns this file has, by name (sequence, position, token_id, token). */
    public List<String> tokenColumns() {
        return schema.tokenColumns();
    }

    /** Custom metadata of the Arrow schema (empty map when there is none). */
    public Map<String, String> schemaMetadata() {
        return schemaMetadata;
    }

    /**
     * The training step from the schema metadata key {@code step}, if it is there and a whole
     * number ({@link #parseStep}); empty when it is absent or not a whole number (the caller
     * then takes the step from the file name and says so).
     */
    public OptionalLong stepFromMetadata() throws CheckpointFormatException {
        String step = schemaMetadata.get(STEP_KEY);
        return step == null ? OptionalLong.empty() : parseStep(step);
    }

    /**
     * A step written as text: a whole number from 0 to {@link Long#MAX_VALUE}, also when written as
     * a decimal with a zero fraction or an exponent ("512", "512.0", "5.12e2", as writers that store
     * numbers as floats do); anything else (a fraction, "step512", "abc", a 21-digit number) is empty.
     */
    public static OptionalLong parseStep(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() < 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(value.toBigIntegerExact().longValueExact());
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return OptionalLong.empty();
        }
    }

    /**
     * What a user should know about this file although it is usable: one line per optional column
     * of a type that cannot be used (left out).
     */
    public List<String> warnings() {
        return schema.warnings();
    }

    /** Layer index → number of tokens (rows) of that layer, in layer order. */
    public SortedMap<Integer, Integer> tokensPerLayer() {
        return tokensPerLayer;
    }

    /** The layers present, ascending. */
    public List<Integer> layers() {
        return List.copyOf(tokensPerLayer.keySet());
    }

    /** Number of record batches. */
    public int batchCount() {
        return batchLayers.size();
    }

    /**
     * Loads one layer as float32, reading only the record batches that hold it.
     *
     * @throws CheckpointFormatException if the layer is absent or the data cannot be read
     */
    public LayerData readLayer(int layer) throws CheckpointFormatException {
        Integer rows = tokensPerLayer.get(layer);
        if (rows == null) {
            throw new CheckpointFormatException(path, "has no layer " + layer + " (layers: " + layers() + ")");
        }
        if ((long) rows * hiddenSize() > Integer.MAX_VALUE - 8) {
            throw new CheckpointFormatException(path, "layer " + layer + " has " + rows + " x " + hiddenSize()
                    + " values, more than one Java array holds");
        }
        LayerAssembler assembler = new LayerAssembler(path, schema, layer, rows);
        try {
            if (streamFormat) {
                try (InputStream in = Channels.newInputStream(storage.open(path));
                     ArrowStreamReader reader = new ArrowStreamReader(in, allocator, BoundedDecompression.INSTANCE)) {
                    int batch = 0;
                    while (reader.loadNextBatch()) {
                        if (batch < batchLayers.size() && batchLayers.get(batch).containsKey(layer)) {
                            assembler.take(reader.getVectorSchemaRoot(), reader);
                        }
                        batch++;
                    }
                }
            } else {
                for (int batch = 0; batch < blocks.size(); batch++) {
                    if (batchLayers.get(batch).containsKey(layer)) {
                        assembler.take(blockReader.load(blocks.get(batch)), fileReader);
                    }
                }
            }
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw corrupt(path, e);
        }
        return assembler.finish();
    }

    @Override
    public void close() {
        closeQuietly(blockReader, fileReader, channel);
        closeAllocatorAfterFailure();
    }

    /**
     * A whole [tokens, hidden] tensor stored in one row per layer reads as one token of
     * tokens·hidden values: refused with what was found and what is expected.
     */
    private static void checkNotOneTensorPerLayer(Path path, SortedMap<Integer, Integer> rows, int hiddenSize)
            throws CheckpointFormatException {
        if (!rows.isEmpty() && rows.values().stream().allMatch(r -> r == 1)) {
            throw new CheckpointFormatException(path, "every layer is a single row of " + hiddenSize + " values: this looks like one"
                    + " whole [tokens, hidden] tensor per layer; Shapescope expects one row per token and layer, 'embedding' holding"
                    + " that token's hidden state (e.g. pa.array(list(X)) for a tokens x hidden matrix X; docs/FORMAT.md)");
        }
    }

    private static SortedMap<Integer, Integer> sumRows(List<SortedMap<Integer, Integer>> batches) {
        SortedMap<Integer, Integer> total = new TreeMap<>();
        for (SortedMap<Integer, Integer> batch : batches) {
            batch.forEach((layer, rows) -> total.merge(layer, rows, Math::addExact));
        }
        return total;
    }

    private static long checkReadable(Storage storage, Path path) throws CheckpointFormatException {
        try {
            if (storage.isDirectory(path)) {
                throw new CheckpointFormatException(path, "is a folder, not an Arrow file");
            }
            long size = storage.size(path);
            if (size == 0) {
                throw new CheckpointFormatException(path, "is empty (0 bytes)");
            }
            if (storage.isLocal() && !Files.isReadable(path)) {
                throw new CheckpointFormatException(path, "cannot be read (permission denied)");
            }
            return size;
        } catch (NoSuchFileException e) {
            throw new CheckpointFormatException(path, "does not exist");
        } catch (AccessDeniedException e) {
            throw new CheckpointFormatException(path, "cannot be read (permission denied)");
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointFormatException(path, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean startsWithFileMagic(Storage storage, Path path) throws CheckpointFormatException {
        byte[] head = new byte[FILE_MAGIC.length];
        try (InputStream in = Channels.newInputStream(storage.open(path))) {
            int read = in.readNBytes(head, 0, head.length);
            if (read < head.length) {
                return false;
            }
        } catch (AccessDeniedException e) {
            throw new CheckpointFormatException(path, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw new CheckpointFormatException(path, "cannot be read (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < FILE_MAGIC.length; i++) {
            if (head[i] != FILE_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a loaded batch's buffers against its row count and offsets,
     * so that corrupt offsets fail here instead of as huge allocations later.
     */
    static void validate(Path path, VectorSchemaRoot root) throws CheckpointFormatException {
        BatchValidation.check(path, root);
    }

    static CheckpointFormatException corrupt(Path path, Throwable cause) {
        String firstLine = ErrorText.firstLine(cause);
        if (firstLine.length() > 200) {
            firstLine = firstLine.substring(0, 200) + "…";
        }
        return new CheckpointFormatException(path, "not a readable Arrow file: truncated or corrupt (" + firstLine + ")", cause);
    }

    private void closeAllocatorAfterFailure() {
        try {
            allocator.close();
        } catch (IllegalStateException leaked) {
            // A failure half-way through Arrow's loading can leave buffers it did not release;
            // the allocator's memory is freed with it either way, and the failure is reported.
        }
    }

    private static void closeQuietly(BlockReader blockLoader, ArrowFileReader reader, SeekableByteChannel channel) {
        try {
            if (blockLoader != null) {
                blockLoader.close();
            }
            if (reader != null) {
                reader.close();
            } else if (channel != null) {
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            // Closing readers over a read-only channel frees memory only; nothing to report.
        }
    }

    private static Map<String, String> copy(Map<String, String> metadata) {
        return metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Little-endian view helper: Arrow buffers are little-endian on every supported platform. */
    static java.nio.ByteBuffer littleEndian(ArrowBuf buffer, long offset, int length) {
        return buffer.nioBuffer(offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }

}

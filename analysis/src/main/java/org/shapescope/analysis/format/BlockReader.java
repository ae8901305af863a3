package org.shapescope.analysis.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Loads record batches of an IPC file-format file into one {@link VectorSchemaRoot}, reading each
 * batch body into one reused off-heap buffer. Arrow Java's own {@code loadRecordBatch} allocates a
 * fresh buffer per batch, and first-touch page faults of fresh memory cost more than the read
 * itself (measured in docs/benchmarks.md). Uncompressed vectors are slices of the reused buffer;
 * compressed ones are decompressed into buffers of their own by the codec.
 *
 * <p>Framing (Arrow columnar format, "IPC File Format"): a block holds an encapsulated message
 * (optional 0xFFFFFFFF continuation, int32 length, flatbuffer {@code Message}, padding) of
 * {@code metadataLength} bytes, followed by the body of {@code bodyLength} bytes.
 */
final class BlockReader implements AutoCloseable {
    private static final int CONTINUATION = 0xFFFFFFFF;

    private final Path path;
    private final SeekableByteChannel channel;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final VectorLoader loader;
    private ArrowBuf body;

    BlockReader(Path path, SeekableByteChannel channel, Schema schema, BufferAllocator allocator) {
        this.path = path;
        this.channel = channel;
        this.allocator = allocator;
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.loader = new VectorLoader(root, BoundedDecompression.INSTANCE);
    }

    /** Loads one record batch (its framing already checked against the file by {@link IpcStructure}). */
    VectorSchemaRoot load(ArrowBlock block) throws IOException {
        ByteBuffer metadata = ByteBuffer.allocate(block.getMetadataLength()).order(ByteOrder.LITTLE_ENDIAN);
        readFully(metadata, block.getOffset());
        metadata.flip();
        int length = metadata.getInt(0);
        int start = 4;
        if (length == CONTINUATION) {
            length = metadata.getInt(4);
            start = 8;
        }
        if (length <= 0 || start + (long) length > block.getMetadataLength()) {
            throw new CheckpointFormatException(path, "not a readable Arrow file: truncated or corrupt (record batch header of "
                    + length + " bytes in a block of " + block.getMetadataLength() + ")");
        }
        ByteBuffer message = metadata.slice(start, length).order(ByteOrder.LITTLE_ENDIAN);
        MessageMetadataResult result = MessageMetadataResult.create(message, length);
        if (result.headerType() != MessageHeader.RecordBatch) {
            throw new CheckpointFormatException(path, "not a readable Arrow file: truncated or corrupt (block is not a record batch)");
        }
        long bodyLength = result.getMessageBodyLength();
        if (bodyLength < 0 || bodyLength > block.getBodyLength() || bodyLength > Integer.MAX_VALUE - 8) {
            throw new CheckpointFormatException(path, "not a readable Arrow file: truncated or corrupt (record batch body of "
                    + bodyLength + " bytes in a block of " + block.getBodyLength() + ")");
        }
        ArrowBuf reused = bodyBuffer(bodyLength);
        ByteBuffer target = reused.nioBuffer(0, (int) bodyLength);
        readFully(target, block.getOffset() + block.getMetadataLength());
        ArrowBuf slice = reused.slice(0, bodyLength);
        // deserializeRecordBatch releases the body it is given once its batch holds the slices;
        // retain it so that the reused buffer outlives this batch.
        slice.getReferenceManager().retain();
        try (ArrowRecordBatch batch = MessageSerializer.deserializeRecordBatch(result, slice)) {
            loader.load(batch);
        }
        return root;
    }

    private ArrowBuf bodyBuffer(long length) {
        if (body == null || body.capacity() < length) {
            if (body != null) {
                root.clear();
                body.close();
            }
            body = allocator.buffer(Math.max(length, 1));
        }
        return body;
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = IpcStructure.readAt(channel, buffer, at);
            if (read < 0) {
                throw new CheckpointFormatException(path, "not a readable Arrow file: truncated (ends inside a record batch)");
            }
            at += read;
        }
    }

    @Override
    public void close() {
        root.close();
        if (body != null) {
            body.close();
        }
    }
}

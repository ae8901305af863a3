package org.shapescope.analysis.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.shapescope.analysis.storage.Storage;

/**
 * Checks the message framing of an Arrow IPC file before Arrow Java reads it, because Arrow Java
 * allocates a heap buffer of whatever length a message header declares: a corrupt length would
 * ask for gigabytes. Framing (Arrow columnar format, "Encapsulated message format"): an optional
 * continuation marker 0xFFFFFFFF, an int32 metadata length, a flatbuffer {@code Message} with
 * the body length, then the body; a zero length ends a stream.
 */
final class IpcStructure {
    private static final int CONTINUATION = 0xFFFFFFFF;
    private static final int MAX_METADATA = 64 << 20;
    private static final byte[] FILE_MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};

    private IpcStructure() {
    }

    /** Walks every message of a stream-format file, checking each declared length against the file. */
    static void checkStream(Storage storage, Path path) throws CheckpointFormatException {
        try (SeekableByteChannel channel = storage.open(path)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            while (position < size) {
                int length = readInt(channel, position, word, path);
                position += 4;
                if (length == CONTINUATION) {
                    length = readInt(channel, position, word, path);
                    position += 4;
                }
                if (length == 0) {
                    return;
                }
                position = checkMessage(path, channel, position, length, size);
            }
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw CheckpointFile.corrupt(path, e);
        }
    }

    /** Checks that every record block of a file-format file lies inside the file, with a sane header. */
    static void checkBlocks(Path path, SeekableByteChannel channel, List<ArrowBlock> blocks) throws CheckpointFormatException {
        try {
            long size = channel.size();
            for (ArrowBlock block : blocks) {
                long end = block.getOffset() + block.getMetadataLength() + block.getBodyLength();
                if (block.getOffset() < 0 || block.getMetadataLength() <= 0 || block.getMetadataLength() > MAX_METADATA
                        || block.getBodyLength() < 0 || end < 0 || end > size) {
                    throw new CheckpointFormatException(path, "not a readable Arrow file: truncated or corrupt (a record batch lies outside the file)");
                }
            }
        } catch (CheckpointFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw CheckpointFile.corrupt(path, e);
        }
    }

    /**
     * True when a file ends as a finished IPC file does: the file format with "ARROW1" at both ends
     * and a footer length that fits between them, or the stream format as a chain of whole messages
     * up to the end-of-stream marker (continuation, then length 0). A file still being written has
     * neither; a false answer says nothing about corruption.
     */
    static boolean isWhole(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(FILE_MAGIC.length);
            if (size < FILE_MAGIC.length || !readAll(channel, head, 0)) {
                return false;
            }
            if (Arrays.equals(head.array(), FILE_MAGIC)) {
                ByteBuffer tail = ByteBuffer.allocate(4 + FILE_MAGIC.length).order(ByteOrder.LITTLE_ENDIAN);
                if (size < 2L * FILE_MAGIC.length + 4 || !readAll(channel, tail, size - tail.capacity())) {
                    return false;
                }
                byte[] magic = Arrays.copyOfRange(tail.array(), 4, tail.capacity());
                int footer = tail.getInt(0);
                return Arrays.equals(magic, FILE_MAGIC) && footer > 0 && footer <= size - 2L * FILE_MAGIC.length - 4;
            }
            return endsWithEndOfStream(channel, size);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean endsWithEndOfStream(SeekableByteChannel channel, long size) throws IOException {
        ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        long position = 0;
        while (position + 4 <= size) {
            word.clear();
            readAll(channel, word, position);
            int length = word.getInt(0);
            position += 4;
            if (length == CONTINUATION) {
                if (position + 4 > size) {
                    return false;
                }
                word.clear();
                readAll(channel, word, position);
                length = word.getInt(0);
                position += 4;
            }
            if (length == 0) {
                return true;
            }
            if (length < 0 || length > MAX_METADATA || position + length > size) {
                return false;
            }
            ByteBuffer metadata = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            readAll(channel, metadata, position);
            metadata.flip();
            long bodyLength = Message.getRootAsMessage(metadata).bodyLength();
            position += length + bodyLength;
            if (bodyLength < 0 || position < 0) {
                return false;
            }
        }
        return false;
    }

    /** Fills the buffer from {@code position}; false when the file ends first. */
    private static boolean readAll(SeekableByteChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = readAt(channel, buffer, at);
            if (read < 0) {
                return false;
            }
            at += read;
        }
        return true;
    }

    private static long checkMessage(Path path, SeekableByteChannel channel, long position, int length, long size) throws IOException {
        if (length < 0 || length > MAX_METADATA || position + length > size) {
            throw new CheckpointFormatException(path, "not a readable Arrow file: truncated or corrupt (a message header declares "
                    + (length & 0xffffffffL) + " bytes, the file has " + (size - position) + " left)");
        }
        ByteBuffer metadata = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, metadata, position, path);
        metadata.flip();
        long bodyLength = Message.getRootAsMessage(metadata).bodyLength();
        long end = position + length + bodyLength;
        if (bodyLength < 0 || end > size || end < 0) {
            throw new CheckpointFormatException(path, "not a readable Arrow file: truncated or corrupt (a message body of "
                    + bodyLength + " bytes runs past the end of the file)");
        }
        return end;
    }

    private static int readInt(SeekableByteChannel channel, long position, ByteBuffer word, Path path) throws IOException {
        word.clear();
        readFully(channel, word, position, path);
        return word.getInt(0);
    }

    private static void readFully(SeekableByteChannel channel, ByteBuffer buffer, long position, Path path) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = readAt(channel, buffer, at);
            if (read < 0) {
                throw new CheckpointFormatException(path, "not a readable Arrow file: truncated (ends inside a message)");
            }
            at += read;
        }
    }

    /**
     * One positioned read: {@code channel.read(buffer, position)} of a file channel, else
     * {@code position(position)} then {@code read} (the channel is not shared between threads).
     */
    static int readAt(SeekableByteChannel channel, ByteBuffer buffer, long position) throws IOException {
        if (channel instanceof FileChannel file) {
            return file.read(buffer, position);
        }
        return channel.position(position).read(buffer);
    }
}

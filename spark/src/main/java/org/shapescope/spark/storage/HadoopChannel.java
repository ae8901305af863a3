package org.shapescope.spark.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A Hadoop input stream as the read-only {@link SeekableByteChannel} Shapescope's Arrow reader
 * takes: each {@code read} is one positioned read ({@link org.apache.hadoop.fs.PositionedReadable},
 * which on HDFS fetches just that byte range from the DataNodes; no read-ahead of the whole file),
 * at most {@value #CHUNK} bytes at a time through one reused heap array when the target is off-heap.
 */
final class HadoopChannel implements SeekableByteChannel {
    static final int CHUNK = 1 << 20;

    private final FSDataInputStream in;
    private final long size;
    private long position;
    private byte[] chunk;
    private boolean open = true;

    HadoopChannel(FSDataInputStream in, long size) {
        this.in = in;
        this.size = size;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        checkOpen();
        if (!target.hasRemaining()) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int wanted = (int) Math.min(target.remaining(), Math.min(size - position, CHUNK));
        int read;
        if (target.hasArray()) {
            read = in.read(position, target.array(), target.arrayOffset() + target.position(), wanted);
            if (read > 0) {
                target.position(target.position() + read);
            }
        } else {
            if (chunk == null || chunk.length < wanted) {
                chunk = new byte[Math.max(wanted, 64 * 1024)];
            }
            read = in.read(position, chunk, 0, wanted);
            if (read > 0) {
                target.put(chunk, 0, read);
            }
        }
        if (read < 0) {
            return -1;
        }
        position += read;
        return read;
    }

    @Override
    public long position() throws IOException {
        checkOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        checkOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            in.close();
        }
    }

    private void checkOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}

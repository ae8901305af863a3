package org.shapescope.analysis.storage;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a run's files are stored: the storage backend seam. Everything Shapescope reads of a run —
 * listing its folder, run.json and loss.csv, a checkpoint's size and modification time for its
 * {@link org.shapescope.analysis.store.FileIdentity}, and the checkpoint's bytes — goes through
 * one. Checkpoints are read by positioned reads ({@link #open}): an Arrow IPC file is its footer
 * plus record batches, and a cell reads the footer and its own layer's batches only, never the
 * whole file.
 *
 * <p>Files are named by {@link Path}s of the storage's own namespace (for a Hadoop file system: the
 * path part of its URIs); {@link #describe} turns one into the name a user knows (a URI).
 * {@link #local()} is this machine's file system; {@code spark/}'s {@code HadoopStorage} reads any
 * Hadoop {@code FileSystem} ({@code hdfs://}, {@code s3a://}, …). A storage is a small value shipped
 * to executors with each checkpoint, so an implementation keeps its connections transient.
 * Adding a backend is one class implementing this (docs/ARCHITECTURE.md).
 */
public interface Storage extends Serializable {

    /** This machine's file system, read through java.nio. */
    static Storage local() {
        return LocalStorage.INSTANCE;
    }

    /** True for the local file system: formats that memory-map files or follow a growing run need it. */
    boolean isLocal();

    /** How a user names the file: the path itself locally, else the URI. */
    String describe(Path file);

    boolean exists(Path file);

    boolean isDirectory(Path file);

    /**
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws java.nio.file.AccessDeniedException when it may not be read
     */
    long size(Path file) throws IOException;

    /** Milliseconds since the epoch. */
    long modifiedMillis(Path file) throws IOException;

    /** The entries of a folder (files and folders, not recursive), in name order. */
    List<Path> list(Path folder) throws IOException;

    /**
     * Opens a file for positioned reads ({@link SeekableByteChannel#position(long)} then
     * {@code read}); read-only.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws java.nio.file.AccessDeniedException when it may not be read
     */
    SeekableByteChannel open(Path file) throws IOException;

    /** A small text file (run.json, loss.csv) as UTF-8. */
    default String readString(Path file) throws IOException {
        try (SeekableByteChannel channel = open(file)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(describe(file) + " is too large for a text file (" + size + " bytes)");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) size);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // until full or at the end
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        }
    }
}

package org.shapescope.analysis.store;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.shapescope.analysis.storage.Storage;

/**
 * What identifies a checkpoint's content for the result store: name, size, modification time and
 * a content fingerprint (SHA-256 of the first and last {@value #SAMPLE_BYTES} bytes and the size).
 * The fingerprint catches a file rewritten with the same size and a restored modification time;
 * reading only its ends keeps it cheap for files of gigabytes. A checkpoint that is a folder of
 * files (a numpy dump) is identified by all its files together.
 */
public record FileIdentity(String name, long size, long modifiedMillis, String fingerprint) implements Serializable {
    static final int SAMPLE_BYTES = 64 * 1024;

    /** The identity of one local file. */
    public static FileIdentity of(Path file) throws IOException {
        return of(Storage.local(), file);
    }

    /**
     * The identity of one file of any storage: size and modification time as the storage reports
     * them (a Hadoop {@code FileStatus}, in milliseconds as java.nio gives them), the fingerprint by
     * two positioned reads. The same file gives the same identity locally and through Hadoop's
     * {@code file://} file system, so their results in the store are interchangeable.
     */
    public static FileIdentity of(Storage storage, Path file) throws IOException {
        MessageDigest digest = sha256();
        long size = storage.size(file);
        try (SeekableByteChannel channel = storage.open(file)) {
            update(digest, channel, size);
        }
        return new FileIdentity(file.getFileName().toString(), size, storage.modifiedMillis(file),
                HexFormat.of().formatHex(digest.digest()).substring(0, 24));
    }

    /** The identity of a folder's regular files (not recursive), by name order. */
    public static FileIdentity ofFolder(Path folder) throws IOException {
        MessageDigest digest = sha256();
        long total = 0;
        long modified = Files.getLastModifiedTime(folder).toMillis();
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            long size = Files.size(file);
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                update(digest, channel, size);
            }
            total += size;
            modified = Math.max(modified, Files.getLastModifiedTime(file).toMillis());
        }
        return new FileIdentity(folder.getFileName().toString() + "/", total, modified,
                HexFormat.of().formatHex(digest.digest()).substring(0, 24));
    }

    private static void update(MessageDigest digest, SeekableByteChannel channel, long size) throws IOException {
        digest.update(read(channel, 0, (int) Math.min(SAMPLE_BYTES, size)));
        long tailStart = Math.max(0, size - SAMPLE_BYTES);
        digest.update(read(channel, tailStart, (int) (size - tailStart)));
        digest.update(ByteBuffer.allocate(8).putLong(0, size));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The identity as one stable text key. */
    public String key() {
        return name + "|" + size + "|" + modifiedMillis + "|" + fingerprint;
    }

    private static ByteBuffer read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer;
    }
}

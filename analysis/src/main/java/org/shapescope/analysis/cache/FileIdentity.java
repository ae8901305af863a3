package org.shapescope.analysis.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a checkpoint file's content for the cache: name, size, modification time and
 * a content fingerprint (SHA-256 of the first and last {@value #SAMPLE_BYTES} bytes and the size).
 * The fingerprint catches a file rewritten with the same size and a restored modification time;
 * reading only its ends keeps it cheap for files of gigabytes.
 */
public record FileIdentity(String name, long size, long modifiedMillis, String fingerprint) {
    static final int SAMPLE_BYTES = 64 * 1024;

    public static FileIdentity of(Path file) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            digest.update(read(channel, 0, (int) Math.min(SAMPLE_BYTES, size)));
            long tailStart = Math.max(0, size - SAMPLE_BYTES);
            digest.update(read(channel, tailStart, (int) (size - tailStart)));
        }
        digest.update(ByteBuffer.allocate(8).putLong(0, size));
        String fingerprint = HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        return new FileIdentity(file.getFileName().toString(), size, modified, fingerprint);
    }

    /** The identity as one stable text key. */
    public String key() {
        return name + "|" + size + "|" + modifiedMillis + "|" + fingerprint;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                break;
            }
            at += read;
        }
        buffer.flip();
        return buffer;
    }
}

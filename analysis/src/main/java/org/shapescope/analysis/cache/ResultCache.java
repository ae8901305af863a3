package org.shapescope.analysis.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.shapescope.analysis.geometry.MeasureResult;

/**
 * Measure results on disk, so that reopening a run is instant. One JSON file per run; each entry
 * is keyed by the checkpoint file's {@link FileIdentity}, the layer, the metric and every
 * parameter that affects the metric's value. Writes are atomic: the whole cache is written to a
 * temporary file beside it and moved over the old one, so a crash mid-write leaves the old cache
 * valid. A cache file that cannot be parsed is ignored (and replaced on the next write).
 *
 * <p>Location: {@code RUN/.shapescope-cache/geometry.json}; when the run folder is not writable,
 * {@code $XDG_CACHE_HOME/shapescope/<hash of the run's path>/geometry.json} (default
 * {@code ~/.cache}).
 */
public final class ResultCache {
    static final String FILE_NAME = "geometry.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT_VERSION = 1;

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile boolean dirty;

    /** One stored result (the JSON form of a {@link MeasureResult}). */
    public record Entry(double value, int tokensUsed, int tokensDropped, String note) {
        static Entry of(MeasureResult result) {
            return new Entry(result.value(), result.tokensUsed(), result.tokensDropped(), result.note());
        }

        MeasureResult toResult() {
            return new MeasureResult(value, tokensUsed, tokensDropped, note == null ? "" : note);
        }
    }

    private record Stored(int version, Map<String, Entry> entries) {
    }

    private ResultCache(Path file) {
        this.file = file;
        load();
    }

    /** The cache of a run: in the run folder when writable, else in the user's cache directory. */
    public static ResultCache forRun(Path runFolder) {
        return forRun(runFolder, ResultCache::canWriteIn, userCacheDirectory());
    }

    /** As {@link #forRun(Path)}, with the writability test and user cache directory given (for tests). */
    static ResultCache forRun(Path runFolder, java.util.function.Predicate<Path> writable, Path userCache) {
        Path folder = runFolder.toAbsolutePath().normalize();
        Path inRun = folder.resolve(".shapescope-cache");
        if (writable.test(folder)) {
            return new ResultCache(inRun.resolve(FILE_NAME));
        }
        return new ResultCache(userCache.resolve(hash(folder.toString())).resolve(FILE_NAME));
    }

    /** A cache stored in the given file (for tests and tools). */
    public static ResultCache at(Path file) {
        return new ResultCache(file);
    }

    /** Where this cache is stored. */
    public Path file() {
        return file;
    }

    /** The key of one measure of one layer of one file. */
    public static String key(FileIdentity file, int layer, String metricId, String parameters) {
        return file.key() + "|layer=" + layer + "|" + metricId + "|" + parameters;
    }

    public Optional<MeasureResult> get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.toResult());
    }

    public void put(String key, MeasureResult result) {
        entries.put(key, Entry.of(result));
        dirty = true;
    }

    public int size() {
        return entries.size();
    }

    /** Writes the cache atomically if anything changed since the last write. */
    public void flush() throws IOException {
        synchronized (writeLock) {
            if (!dirty) {
                return;
            }
            dirty = false;
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".partial");
            try {
                Files.writeString(temporary, JSON.writeValueAsString(new Stored(FORMAT_VERSION, new TreeMap<>(entries))),
                        StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                dirty = true;
                throw e;
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Stored stored = JSON.readValue(file.toFile(), new TypeReference<Stored>() { });
            if (stored.version() == FORMAT_VERSION && stored.entries() != null) {
                entries.putAll(stored.entries());
            }
        } catch (IOException | RuntimeException unreadable) {
            // A damaged cache only costs recomputation; it is overwritten on the next flush.
        }
    }

    private static boolean canWriteIn(Path folder) {
        Path cacheFolder = folder.resolve(".shapescope-cache");
        if (Files.isDirectory(cacheFolder)) {
            return Files.isWritable(cacheFolder);
        }
        if (!Files.isWritable(folder)) {
            return false;
        }
        try {
            Files.createDirectories(cacheFolder);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Path userCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("shapescope");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

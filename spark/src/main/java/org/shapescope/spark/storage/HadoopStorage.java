package org.shapescope.spark.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.AccessControlException;
import org.apache.spark.SparkConf;
import org.shapescope.analysis.ErrorText;
import org.shapescope.analysis.storage.Storage;
import scala.Tuple2;

/**
 * A run on any Hadoop {@code FileSystem} as a Shapescope {@link Storage}: {@code hdfs://},
 * {@code file://}, {@code s3a://} (with hadoop-aws on the class path), … The driver lists the run
 * folder through it, and each Spark task opens its checkpoint through it and reads the footer and its
 * layer's record batches by positioned reads ({@link HadoopChannel}); no file is copied.
 *
 * <p>A value of the file system's URI (scheme and authority) and the Hadoop settings the driver was
 * given ({@code spark.hadoop.*}, as Spark passes them to its own Hadoop configuration), so that an
 * executor connects to the same file system with the same credentials. Files are named by the path
 * part of their URIs; {@link #describe} gives the whole URI. The {@code FileSystem} itself is not
 * shipped: each JVM makes one per (URI, settings) and keeps it.
 */
public final class HadoopStorage implements Storage {
    private static final long serialVersionUID = 1L;
    private static final String SPARK_PREFIX = "spark.hadoop.";
    private static final Map<HadoopStorage, FileSystem> OPEN = new ConcurrentHashMap<>();

    private final String scheme;
    private final String authority;
    private final TreeMap<String, String> settings;

    private HadoopStorage(String scheme, String authority, Map<String, String> settings) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.authority = authority;
        this.settings = new TreeMap<>(settings);
    }

    /**
     * The file system of {@code uri} (only its scheme and authority count).
     *
     * @param settings Hadoop settings ({@code fs.s3a.endpoint}, …) on top of Hadoop's defaults
     */
    public static HadoopStorage of(URI uri, Map<String, String> settings) {
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException(uri + " has no scheme (hdfs://, file://, s3a://, …)");
        }
        return new HadoopStorage(uri.getScheme(), uri.getAuthority(), settings);
    }

    /** The Hadoop settings of a Spark configuration: its {@code spark.hadoop.*} entries without the prefix. */
    public static Map<String, String> settingsOf(SparkConf conf) {
        Map<String, String> settings = new TreeMap<>();
        for (Tuple2<String, String> entry : conf.getAllWithPrefix(SPARK_PREFIX)) {
            settings.put(entry._1(), entry._2());
        }
        return settings;
    }

    /** The folder or file of a URI of this storage, as the path the rest of Shapescope names it by. */
    public static Path pathOf(URI uri) {
        String path = uri.getPath();
        return Path.of(path == null || path.isEmpty() ? "/" : path);
    }

    /** The scheme of the file system ({@code hdfs}, {@code file}, …). */
    public String scheme() {
        return scheme;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public String describe(Path file) {
        return uri(file).toString();
    }

    @Override
    public boolean exists(Path file) {
        try {
            return fileSystem().exists(hadoopPath(file));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean isDirectory(Path file) {
        try {
            return fileSystem().getFileStatus(hadoopPath(file)).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long size(Path file) throws IOException {
        return status(file).getLen();
    }

    @Override
    public long modifiedMillis(Path file) throws IOException {
        return status(file).getModificationTime();
    }

    @Override
    public List<Path> list(Path folder) throws IOException {
        try {
            return Arrays.stream(fileSystem().listStatus(hadoopPath(folder)))
                    .map(status -> pathOf(status.getPath().toUri())).sorted().toList();
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(describe(folder));
        } catch (AccessControlException e) {
            throw new AccessDeniedException(describe(folder));
        }
    }

    @Override
    public SeekableByteChannel open(Path file) throws IOException {
        try {
            long length = status(file).getLen();
            return new HadoopChannel(fileSystem().open(hadoopPath(file)), length);
        } catch (AccessControlException e) {
            throw new AccessDeniedException(describe(file));
        }
    }

    /**
     * Asks the file system for {@code file}: a file system that cannot be reached (a NameNode that is
     * down, a wrong port, refused credentials) throws here, where the other queries would answer
     * "does not exist". A file that does not exist is no error here.
     */
    public void checkReachable(Path file) throws IOException {
        try {
            fileSystem().getFileStatus(hadoopPath(file));
        } catch (FileNotFoundException absent) {
            // reachable; opening the run says that it does not exist
        }
    }

    private FileStatus status(Path file) throws IOException {
        try {
            return fileSystem().getFileStatus(hadoopPath(file));
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(describe(file));
        } catch (AccessControlException e) {
            throw new AccessDeniedException(describe(file));
        }
    }

    private org.apache.hadoop.fs.Path hadoopPath(Path file) {
        return new org.apache.hadoop.fs.Path(uri(file));
    }

    private URI uri(Path file) {
        try {
            return new URI(scheme, authority, file.toAbsolutePath().toString(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path of " + scheme + "://" + (authority == null ? "" : authority) + ": " + file, e);
        }
    }

    /** This JVM's file system of this storage, made once (Hadoop's own cache keeps it open). */
    private FileSystem fileSystem() throws IOException {
        FileSystem known = OPEN.get(this);
        if (known != null) {
            return known;
        }
        Configuration conf = new Configuration();
        settings.forEach(conf::set);
        FileSystem made;
        try {
            made = FileSystem.get(URI.create(scheme + "://" + (authority == null ? "" : authority) + "/"), conf);
        } catch (RuntimeException e) {
            // Hadoop's answer when the scheme's FileSystem class is not on the class path (s3a without hadoop-aws).
            throw new IOException("no Hadoop FileSystem for " + scheme + ":// on the class path: " + ErrorText.firstLine(e)
                    + ("s3a".equals(scheme) ? "; add hadoop-aws (docs/SCALING.md)" : ""), e);
        }
        FileSystem raced = OPEN.putIfAbsent(this, made);
        return raced == null ? made : raced;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HadoopStorage that && scheme.equals(that.scheme) && Objects.equals(authority, that.authority)
                && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, authority, settings);
    }

    @Override
    public String toString() {
        return scheme + "://" + (authority == null ? "" : authority);
    }
}

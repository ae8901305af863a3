package org.shapescope.spark.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.shapescope.analysis.storage.Storage;

/**
 * Where a run given on the command line is: a plain path is read through java.nio (the run folder
 * must then be at the same path on every executor: a shared file system), a URI with a scheme
 * ({@code file://}, {@code hdfs://}, {@code s3a://}, …) through its Hadoop {@code FileSystem}.
 *
 * @param storage       what reads it
 * @param folder        the run folder's path in that storage
 * @param onThisMachine true when the folder is on the driver's file system ({@code file://} or a
 *                      path), so its own result store can live in it
 */
public record RunLocation(Storage storage, Path folder, boolean onThisMachine) {
    private static final String URI_START = "^[a-zA-Z][a-zA-Z0-9+.-]*://.*";

    /**
     * @param hadoopSettings Hadoop settings for a URI's file system ({@link HadoopStorage#settingsOf})
     */
    public static RunLocation of(String run, Map<String, String> hadoopSettings) {
        if (!run.matches(URI_START)) {
            return new RunLocation(Storage.local(), Path.of(run).toAbsolutePath().normalize(), true);
        }
        URI uri = URI.create(run);
        HadoopStorage storage = HadoopStorage.of(uri, hadoopSettings);
        return new RunLocation(storage, HadoopStorage.pathOf(uri).normalize(), "file".equals(uri.getScheme()));
    }

    /** Throws when the run's file system cannot be reached at all ({@link HadoopStorage#checkReachable}). */
    public void checkReachable() throws java.io.IOException {
        if (storage instanceof HadoopStorage hadoop) {
            hadoop.checkReachable(folder);
        }
    }

    /** The run as the user named it: a path or a URI. */
    public String describe() {
        return storage.describe(folder);
    }
}

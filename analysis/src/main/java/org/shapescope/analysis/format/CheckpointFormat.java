package org.shapescope.analysis.format;

import java.io.IOException;
import java.nio.file.Path;
import org.shapescope.analysis.store.FileIdentity;
import org.shapescope.analysis.storage.Storage;

/**
 * An input format of run folders: the extension point for new kinds of checkpoint. A format
 * recognises an entry of a run folder (a file or a folder) of a {@link Storage}, identifies its
 * content for the result store, and opens it as a {@link CheckpointSource}; a format that can read
 * only local files (memory-mapped ones) accepts nothing of another storage. Adding one is one class implementing this and
 * one line in {@code org.shapescope.analysis.run.CheckpointFormats} (docs/ARCHITECTURE.md).
 */
public interface CheckpointFormat {

    /** A short stable name ("arrow-ipc", "npy-dump"). */
    String name();

    /** True when this entry of a run folder (a file, or a folder) is a checkpoint of this format. */
    boolean accepts(Storage storage, Path entry);

    /** What identifies the entry's content (name, size, time, fingerprint), for the result store. */
    FileIdentity identify(Storage storage, Path entry) throws IOException;

    /**
     * Opens the entry and learns what it holds.
     *
     * @param knownLayout the {@link CheckpointSource#layout()} of an earlier opening of the same identity
     *                    (then nothing is scanned), or null
     * @throws CheckpointFormatException naming the entry and the problem
     */
    CheckpointSource open(Storage storage, Path entry, String knownLayout) throws CheckpointFormatException;

    /**
     * True when the entry is whole as far as its own structure tells (an Arrow file's footer, a
     * stream's end-of-stream marker, every array's data). Someone following a run while a writer
     * fills it waits for an entry that is not, instead of reporting it as corrupt. This is a cheap
     * check of the ends, not a validation: {@link #open} still checks everything. Only local runs are
     * followed.
     */
    default boolean isComplete(Path entry) {
        return true;
    }
}

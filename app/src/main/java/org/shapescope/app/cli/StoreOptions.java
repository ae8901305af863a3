package org.shapescope.app.cli;

import java.nio.file.Path;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.store.SqliteResultStore;
import picocli.CommandLine.Option;

/** Where a command keeps its results (a picocli mixin): the run's store, another file, or nowhere. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "FILE",
            description = "the result store to use (default: RUN/.shapescope-cache/results.sqlite, or the user cache "
                    + "when the run folder is read-only)")
    Path store;

    @Option(names = "--no-cache", description = "compute afresh and touch no store")
    boolean noCache;

    /** The store of {@code run} these options choose. */
    ResultStore open(Path run) {
        if (noCache) {
            return ResultStore.none();
        }
        return store != null ? SqliteResultStore.at(store) : SqliteResultStore.forRun(run);
    }
}

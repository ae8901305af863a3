package org.shapescope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunFolderException;
import org.shapescope.analysis.store.ResultStore;

/**
 * Opening a run for a command that computes on it ({@code analyze}, {@code render}): every problem
 * is printed as one line naming its file; empty when the run is unusable (no folder, no usable
 * checkpoint), which the command reports as exit status 2.
 */
final class UsableRun {
    private UsableRun() {
    }

    static Optional<RunFolder> open(Path run, ResultStore layouts, PrintWriter err) {
        RunFolder folder;
        try {
            folder = RunFolder.open(run, layouts);
        } catch (RunFolderException e) {
            err.println("shapescope: " + e.getMessage());
            return Optional.empty();
        }
        folder.problems().forEach(problem -> err.println("shapescope: " + problem));
        if (folder.checkpoints().isEmpty()) {
            err.println("shapescope: " + folder.directory() + ": no usable checkpoint");
            return Optional.empty();
        }
        return Optional.of(folder);
    }
}

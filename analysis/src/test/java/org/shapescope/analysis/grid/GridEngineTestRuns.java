package org.shapescope.analysis.grid;

import java.nio.file.Path;

/** The seeded synthetic runs of the grid tests, for tests in other packages. */
public final class GridEngineTestRuns {
    private GridEngineTestRuns() {
    }

    /** Writes {@code checkpoints} float32 checkpoint files of {@code layers} layers (see GridEngineTest). */
    public static void write(Path run, int checkpoints, int layers, int tokens, int hidden) throws Exception {
        GridEngineTest.writeRun(run, checkpoints, layers, tokens, hidden);
    }
}

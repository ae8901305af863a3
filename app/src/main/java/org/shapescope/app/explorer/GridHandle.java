package org.shapescope.app.explorer;

import org.shapescope.analysis.grid.GridEngine;

/** A grid that is about to start or running; cancelling it before it starts stops it as soon as it does. */
final class GridHandle {
    private volatile boolean cancelled;
    private volatile GridEngine.GridJob job;

    void started(GridEngine.GridJob started) {
        job = started;
        if (cancelled) {
            started.cancel();
        }
    }

    void cancel() {
        cancelled = true;
        GridEngine.GridJob running = job;
        if (running != null) {
            running.cancel();
        }
    }

    boolean isCancelled() {
        return cancelled;
    }
}

package org.shapescope.viewer;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Turns many "something changed" notifications into one redraw on the FX thread.
 *
 * <p>{@link #request()} may be called from any thread, any number of times; it sets a dirty flag
 * and, only if no redraw is pending yet, posts a single {@link Platform#runLater}. The redraw
 * clears the flag before it runs, so a change made during the redraw schedules exactly one more.
 * A producer publishing 10 000 results in a burst therefore costs one or two redraws, not 10 000.
 */
public final class RedrawCoalescer {

    private final Runnable redraw;
    private final AtomicBoolean pending = new AtomicBoolean();
    private long redraws;

    public RedrawCoalescer(Runnable redraw) {
        this.redraw = redraw;
    }

    /** Marks the view dirty; schedules a redraw unless one is already scheduled. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            Platform.runLater(this::run);
        }
    }

    /** Whether a redraw is scheduled and has not started yet. */
    public boolean isPending() {
        return pending.get();
    }

    /** Number of redraws run so far (FX thread only); for tests and diagnostics. */
    public long redrawCount() {
        return redraws;
    }

    private void run() {
        pending.set(false);
        redraws++;
        redraw.run();
    }
}

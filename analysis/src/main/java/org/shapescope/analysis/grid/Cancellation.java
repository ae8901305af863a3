package org.shapescope.analysis.grid;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A grid's stop signal, shared by whoever started it and whoever runs its cells: estimators poll
 * it between blocks of work ({@link #getAsBoolean}), executors register what to do at once
 * ({@link #onCancel}: interrupt a pool, kill a cluster job).
 */
public final class Cancellation implements BooleanSupplier {
    private volatile boolean cancelled;
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    /** Stops the grid; safe to call from any thread, more than once. */
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            actions.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled;
    }

    /** Runs {@code action} on cancellation (at once if already cancelled). */
    public void onCancel(Runnable action) {
        actions.add(action);
        if (cancelled) {
            action.run();
        }
    }
}

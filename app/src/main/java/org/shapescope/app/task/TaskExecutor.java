package org.shapescope.app.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its outcome back on the UI thread. The app uses
 * {@link UiTaskExecutor}; tests use {@link CurrentThreadTaskExecutor} so they are deterministic.
 */
public interface TaskExecutor {
    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread.
     */
    <T> void execute(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Stops accepting work and interrupts what runs. */
    void shutdown();
}

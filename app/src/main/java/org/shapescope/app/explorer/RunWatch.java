package org.shapescope.app.explorer;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.shapescope.analysis.run.RunChanges;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunFolderException;
import org.shapescope.analysis.run.RunFollower;
import org.shapescope.analysis.store.ResultStore;

/**
 * Follows an open run on a thread of its own ("shapescope-follow-…", a daemon): a
 * {@link RunFollower} that waits for the folder to change, and each non-empty {@link RunChanges}
 * handed to the UI thread — one hand-over per look that found something, never one per file or
 * cell. Every file access happens on this thread. Stopped by {@link #stop()}.
 */
final class RunWatch {
    private static final Duration LOOK = Duration.ofSeconds(1);

    private final Thread thread;
    private volatile boolean stopped;

    private RunWatch(RunFolder opened, ResultStore layouts, Duration settle, Executor uiThread, Consumer<RunChanges> onChange,
                     Consumer<String> onFailure) {
        this.thread = new Thread(() -> follow(opened, layouts, settle, uiThread, onChange, onFailure),
                "shapescope-follow-" + opened.directory().getFileName());
        thread.setDaemon(true);
    }

    /** Starts following {@code opened} (its checkpoints and files as they are now are known). */
    static RunWatch start(RunFolder opened, ResultStore layouts, Duration settle, Executor uiThread,
                          Consumer<RunChanges> onChange, Consumer<String> onFailure) {
        RunWatch watch = new RunWatch(opened, layouts, settle, uiThread, onChange, onFailure);
        watch.thread.start();
        return watch;
    }

    /** Stops following; returns at once (the thread ends at its next wake-up, at most one look later). */
    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void follow(RunFolder opened, ResultStore layouts, Duration settle, Executor uiThread,
                        Consumer<RunChanges> onChange, Consumer<String> onFailure) {
        try (RunFollower follower = RunFollower.following(opened, layouts, settle, RunFollower.DEFAULT_GIVE_UP)) {
            while (!stopped) {
                RunChanges changes = follower.poll(LOOK);
                if (!changes.isEmpty() && !stopped) {
                    uiThread.execute(() -> onChange.accept(changes));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RunFolderException e) {
            uiThread.execute(() -> onFailure.accept("not followed: " + e.getMessage()));
        }
    }
}

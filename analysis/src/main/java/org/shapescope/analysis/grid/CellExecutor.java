package org.shapescope.analysis.grid;

import java.util.List;

/**
 * Who runs a grid's cell tasks: the extension point for executors. The local one is
 * {@link PoolCellExecutor} (N cells at once on this machine); tests use
 * {@link SameThreadCellExecutor}; the spark/ module ships tasks to a cluster. Adding one is one
 * class implementing this, handed to {@link GridEngine} (docs/ARCHITECTURE.md).
 */
public interface CellExecutor {

    /**
     * Computes every task ({@link CellComputation#compute}), in the order given as far as it can
     * (it is the order of priority), handing each outcome to {@code sink} as it arrives, possibly
     * from other threads and concurrently. Returns when every task has an outcome, or promptly
     * after {@code cancellation} is set (tasks not done then have none).
     */
    void execute(List<CellTask> tasks, Sink sink, Cancellation cancellation) throws InterruptedException;

    /** Receives a grid's progress from the executor. */
    interface Sink {
        /** A task's computation begins. */
        default void started(CellTask task) {
        }

        /** A task is done. */
        void finished(CellTask task, CellOutcome outcome);
    }
}

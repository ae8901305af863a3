package org.shapescope.analysis.grid;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes {@code workers} cells at once on this machine, on named daemon threads that live for
 * one {@link #execute} call; tasks start in the order given. Cancellation interrupts the workers,
 * and the estimators stop between blocks.
 */
public final class PoolCellExecutor implements CellExecutor {
    private final int workers;

    public PoolCellExecutor(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive: " + workers);
        }
        this.workers = workers;
    }

    public int workers() {
        return workers;
    }

    @Override
    public void execute(List<CellTask> tasks, Sink sink, Cancellation cancellation) throws InterruptedException {
        if (tasks.isEmpty() || cancellation.isCancelled()) {
            return;
        }
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, tasks.size()), runnable -> {
            Thread thread = new Thread(runnable, "shapescope-cell-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        cancellation.onCancel(pool::shutdownNow);
        try {
            for (CellTask task : tasks) {
                if (cancellation.isCancelled()) {
                    break;
                }
                try {
                    pool.execute(() -> run(task, sink, cancellation));
                } catch (RejectedExecutionException cancelledMeanwhile) {
                    break;
                }
            }
            pool.shutdown();
            while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    pool.shutdownNow();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void run(CellTask task, Sink sink, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return;
        }
        sink.started(task);
        try {
            CellOutcome outcome = CellComputation.compute(task, cancellation);
            if (!cancellation.isCancelled()) {
                sink.finished(task, outcome);
            }
        } catch (CancellationException stopped) {
            // cancelled between blocks: nothing to hand on
        }
    }
}

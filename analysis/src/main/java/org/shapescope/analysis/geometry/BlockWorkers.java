package org.shapescope.analysis.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs numbered blocks of work on a fixed number of named daemon threads. Workers pull block
 * numbers from a shared counter, so which thread runs a block varies; kernels built on this
 * keep their results independent of that (each block writes its own output, or results are
 * merged as sets). {@code cancelled} is polled before every block.
 */
final class BlockWorkers {

    /** Work on one block, given the worker's index in [0, threads). */
    @FunctionalInterface
    interface Block {
        void run(int block, int worker);
    }

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private BlockWorkers() {
    }

    /** Runs blocks 0..blocks-1 on {@code threads} workers; CancellationException when cancelled. */
    static void run(int blocks, int threads, BooleanSupplier cancelled, Block work) {
        int workers = Math.max(1, Math.min(threads, blocks));
        AtomicInteger next = new AtomicInteger();
        if (workers == 1) {
            drain(blocks, 0, next, cancelled, work);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, namedDaemons());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                futures.add(pool.submit(() -> drain(blocks, worker, next, cancelled, work)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void drain(int blocks, int worker, AtomicInteger next, BooleanSupplier cancelled, Block work) {
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            checkCancelled(cancelled);
            work.run(b, worker);
        }
    }

    static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("geometry computation cancelled");
        }
    }

    private static ThreadFactory namedDaemons() {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "geometry-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

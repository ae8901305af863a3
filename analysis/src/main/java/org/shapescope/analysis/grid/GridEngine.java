package org.shapescope.analysis.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.shapescope.analysis.cache.FileIdentity;
import org.shapescope.analysis.cache.ResultCache;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.CellAnalyzer;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Metric;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.analysis.run.RunFolder;

/**
 * Computes the chosen measures for every (checkpoint, layer) cell of a run. Cached cells are
 * published first, at once; the rest are computed on {@code workers} threads in
 * {@link GridSchedule} order (coarse to fine), each worker reading one layer at a time. Every
 * finished cell is published to the listener as it completes and stored in the cache, which is
 * flushed atomically every few seconds and at the end. {@link GridJob#cancel()} stops the
 * workers promptly (the estimators check between blocks) and leaves the cache valid.
 */
public final class GridEngine {
    private static final long FLUSH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final String ALL_TOKENS_KEY = "geometry-v1;all-tokens";

    private final RunFolder run;
    private final Set<Metric> metrics;
    private final MeasureParameters parameters;
    private final ResultCache cache;
    private final int workers;

    /**
     * @param cache   where results are kept between runs, or null for none
     * @param workers cells computed at once (each also uses {@code parameters.threads()} threads)
     */
    public GridEngine(RunFolder run, Set<Metric> metrics, MeasureParameters parameters, ResultCache cache, int workers) {
        this.run = Objects.requireNonNull(run, "run");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("no metrics requested");
        }
        this.metrics = EnumSet.copyOf(metrics);
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.cache = cache;
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive: " + workers);
        }
        this.workers = workers;
    }

    /** The cells of the run in computing order. */
    public List<CellKey> cells() {
        List<Checkpoint> checkpoints = run.checkpoints();
        List<Integer> layers = run.layers();
        List<CellKey> cells = new ArrayList<>();
        for (int[] index : GridSchedule.order(checkpoints.size(), layers.size())) {
            Checkpoint checkpoint = checkpoints.get(index[0]);
            int layer = layers.get(index[1]);
            if (checkpoint.tokensPerLayer().containsKey(layer)) {
                cells.add(new CellKey(checkpoint.step(), layer));
            }
        }
        return cells;
    }

    /** Starts the grid in the background and returns at once. */
    public GridJob start(GridListener listener) {
        GridJob job = new GridJob(listener);
        Thread coordinator = new Thread(job::runAll, "shapescope-grid");
        coordinator.setDaemon(true);
        coordinator.start();
        return job;
    }

    /** Runs the grid on the calling thread's behalf and returns when it has ended. */
    public GridSummary run(GridListener listener) throws InterruptedException {
        GridJob job = start(listener);
        return job.await();
    }

    /** The parameter text a metric's cached value depends on. */
    String parametersKey(Metric metric) {
        return metric.usesNeighbourSample() ? parameters.cacheKey() : ALL_TOKENS_KEY;
    }

    /** A running grid. */
    public final class GridJob {
        private final GridListener listener;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CountDownLatch ended = new CountDownLatch(1);
        private final AtomicInteger computed = new AtomicInteger();
        private final AtomicInteger fromCache = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final Map<Path, FileIdentity> identities = new HashMap<>();
        private volatile long lastFlush = System.nanoTime();
        private volatile ExecutorService pool;
        private volatile GridSummary summary;

        private GridJob(GridListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        /** Stops the grid promptly; finished cells stay cached. */
        public void cancel() {
            cancelled.set(true);
            ExecutorService running = pool;
            if (running != null) {
                running.shutdownNow();
            }
        }

        public boolean isCancelled() {
            return cancelled.get();
        }

        /** Waits for the grid to end and returns what it did. */
        public GridSummary await() throws InterruptedException {
            ended.await();
            return summary;
        }

        private void runAll() {
            long start = System.nanoTime();
            List<CellKey> cells = cells();
            List<CellKey> toCompute = new ArrayList<>();
            try {
                for (CellKey cell : cells) {
                    if (cancelled.get()) {
                        break;
                    }
                    CellResult cached = cached(cell);
                    if (cached != null) {
                        fromCache.incrementAndGet();
                        listener.cellFinished(cached);
                    } else {
                        toCompute.add(cell);
                    }
                }
                AtomicInteger threadCount = new AtomicInteger();
                pool = Executors.newFixedThreadPool(workers, runnable -> {
                    Thread thread = new Thread(runnable, "shapescope-cell-" + threadCount.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
                if (cancelled.get()) {
                    pool.shutdownNow();
                }
                for (CellKey cell : toCompute) {
                    if (cancelled.get()) {
                        break;
                    }
                    try {
                        pool.execute(() -> computeCell(cell));
                    } catch (java.util.concurrent.RejectedExecutionException cancelledMeanwhile) {
                        break;
                    }
                }
                pool.shutdown();
                while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                    if (cancelled.get()) {
                        pool.shutdownNow();
                    }
                }
            } catch (InterruptedException e) {
                cancelled.set(true);
                Thread.currentThread().interrupt();
            } finally {
                flushCache(true);
                summary = new GridSummary(cells.size(), computed.get(), fromCache.get(), failed.get(), cancelled.get(),
                        Duration.ofNanos(System.nanoTime() - start));
                ended.countDown();
                listener.gridEnded(summary);
            }
        }

        private CellResult cached(CellKey cell) {
            if (cache == null) {
                return null;
            }
            Checkpoint checkpoint = run.checkpoint(cell.step()).orElseThrow();
            FileIdentity identity = identity(checkpoint.file());
            if (identity == null) {
                return null;
            }
            Map<Metric, MeasureResult> found = new EnumMap<>(Metric.class);
            for (Metric metric : metrics) {
                var result = cache.get(ResultCache.key(identity, cell.layer(), metric.id(), parametersKey(metric)));
                if (result.isEmpty()) {
                    return null;
                }
                found.put(metric, result.get());
            }
            return new CellResult(cell, found, true);
        }

        private synchronized FileIdentity identity(Path file) {
            FileIdentity identity = identities.get(file);
            if (identity == null && !identities.containsKey(file)) {
                try {
                    identity = FileIdentity.of(file);
                } catch (IOException e) {
                    identity = null;
                }
                identities.put(file, identity);
            }
            return identity;
        }

        private void computeCell(CellKey cell) {
            if (cancelled.get()) {
                return;
            }
            Checkpoint checkpoint = run.checkpoint(cell.step()).orElseThrow();
            listener.cellStarted(cell);
            try {
                LayerData layer = RunFolder.readLayer(checkpoint, cell.layer());
                Map<Metric, MeasureResult> results = CellAnalyzer.analyze(layer.values(), layer.tokens(), layer.hiddenSize(),
                        metrics, parameters, cancelled::get);
                if (cancelled.get()) {
                    return;
                }
                store(checkpoint, cell, results);
                computed.incrementAndGet();
                listener.cellFinished(new CellResult(cell, results, false));
            } catch (CancellationException e) {
                // cancelled between blocks: nothing to publish
            } catch (CheckpointFormatException e) {
                failed.incrementAndGet();
                listener.cellFailed(new CellFailure(cell, checkpoint.file(), e.reason()));
            } catch (RuntimeException | OutOfMemoryError e) {
                failed.incrementAndGet();
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                listener.cellFailed(new CellFailure(cell, checkpoint.file(), reason));
            }
        }

        private void store(Checkpoint checkpoint, CellKey cell, Map<Metric, MeasureResult> results) {
            if (cache == null) {
                return;
            }
            FileIdentity identity = identity(checkpoint.file());
            if (identity == null) {
                return;
            }
            results.forEach((metric, result) ->
                    cache.put(ResultCache.key(identity, cell.layer(), metric.id(), parametersKey(metric)), result));
            flushCache(false);
        }

        private void flushCache(boolean force) {
            if (cache == null) {
                return;
            }
            long now = System.nanoTime();
            if (!force && now - lastFlush < FLUSH_INTERVAL_NANOS) {
                return;
            }
            lastFlush = now;
            try {
                cache.flush();
            } catch (IOException e) {
                // The cache is an optimisation: a failed write costs recomputation next time, not results.
            }
        }
    }
}

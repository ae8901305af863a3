package org.shapescope.analysis.grid;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.ResultStore;

/**
 * Computes the chosen estimators for every (checkpoint, layer) cell of a run. What the
 * {@link ResultStore} holds is published first, at once; each cell's missing estimators become a
 * {@link CellTask}, handed to the {@link CellExecutor} in {@link GridSchedule} order (coarse to
 * fine). Every finished cell is stored (one small transaction) and published to the listener as
 * it completes. In the {@linkplain #valuesFirst values-first order}, with R &gt; 1 resamples, the
 * values of bootstrapped estimators come first, their spreads in a second pass. The engine owns no thread: {@link #run} works on the caller's, the executor
 * decides where cells are computed, and {@link Cancellation} stops both promptly with every
 * finished cell kept.
 */
public final class GridEngine {
    private final RunFolder run;
    private final List<Estimator> estimators;
    private final MeasureParameters parameters;
    private final ResultStore store;
    private final CellExecutor executor;
    private final Long firstColumn;
    private final boolean valuesFirst;

    /**
     * @param store    where results are kept between runs ({@link ResultStore#none()} for nowhere)
     * @param executor who computes the cells; {@code parameters.threads()} is what each cell may use
     */
    public GridEngine(RunFolder run, List<Estimator> estimators, MeasureParameters parameters, ResultStore store,
                      CellExecutor executor) {
        this.run = Objects.requireNonNull(run, "run");
        if (estimators.isEmpty()) {
            throw new IllegalArgumentException("no metrics requested");
        }
        this.estimators = List.copyOf(estimators);
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.firstColumn = null;
        this.valuesFirst = false;
    }

    private GridEngine(GridEngine other, Long firstColumn, boolean valuesFirst) {
        this.run = other.run;
        this.estimators = other.estimators;
        this.parameters = other.parameters;
        this.store = other.store;
        this.executor = other.executor;
        this.firstColumn = firstColumn;
        this.valuesFirst = valuesFirst;
    }

    /**
     * This engine computing the checkpoint at {@code step} first, every layer of it (the column a
     * user is looking at), then the rest coarse to fine.
     */
    public GridEngine firstColumn(long step) {
        return new GridEngine(this, step, valuesFirst);
    }

    /**
     * This engine in the values-first order (for a screen: every value at once, the error bars
     * after): with R &gt; 1, the bootstrapped estimators' values of every cell are computed and
     * published before any spread ({@link #spreadsAfterValues}). The results are the same as without;
     * the second pass reads each layer again.
     */
    public GridEngine valuesFirst() {
        return new GridEngine(this, firstColumn, true);
    }

    /** The cells of the run in computing order. */
    public List<CellKey> cells() {
        List<CellKey> cells = cells(run);
        if (firstColumn == null) {
            return cells;
        }
        List<CellKey> ordered = new ArrayList<>(cells.stream().filter(c -> c.step() == firstColumn).toList());
        cells.stream().filter(c -> c.step() != firstColumn).forEach(ordered::add);
        return ordered;
    }

    /** The cells of a run in computing order (coarse to fine). */
    public static List<CellKey> cells(RunFolder run) {
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

    /**
     * Every cell of the run with what the store holds for it, computing nothing (the
     * {@code --cached-only} reading): cells in {@link #cells} order, each marked from the cache,
     * estimators the store lacks absent.
     */
    public List<CellResult> storedResults() {
        List<CellResult> rows = new ArrayList<>();
        for (CellKey cell : cells(run)) {
            rows.add(new CellResult(cell, stored(cell), true));
        }
        return rows;
    }

    /** What the store holds for a cell, by estimator name, in column order (missing ones absent). */
    public Map<String, MeasureResult> stored(CellKey cell) {
        Checkpoint checkpoint = run.checkpoint(cell.step()).orElseThrow();
        Map<String, MeasureResult> byName = new LinkedHashMap<>();
        if (checkpoint.identity() == null) {
            return byName;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        estimators.forEach(e -> keys.put(e.storeKey(parameters), e.name()));
        Map<String, MeasureResult> found = store.find(checkpoint.identity(), cell.layer(), keys.keySet());
        keys.forEach((key, name) -> {
            MeasureResult result = found.get(key);
            if (result != null) {
                byName.put(name, result);
            }
        });
        return byName;
    }

    /**
     * Runs the grid on the calling thread and returns when every cell is done, or promptly after
     * {@code cancellation}; the listener hears of every cell, then of the end.
     */
    public GridSummary run(GridListener listener, Cancellation cancellation) throws InterruptedException {
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        List<CellKey> cells = cells();
        AtomicInteger computed = new AtomicInteger();
        AtomicInteger fromStore = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<CellKey, Map<String, MeasureResult>> partly = new java.util.concurrent.ConcurrentHashMap<>();
        List<CellTask> tasks = new ArrayList<>();
        GridSummary summary;
        try {
            for (CellKey cell : cells) {
                if (cancellation.isCancelled()) {
                    break;
                }
                Map<String, MeasureResult> stored = stored(cell);
                if (stored.size() == estimators.size()) {
                    fromStore.incrementAndGet();
                    listener.cellFinished(new CellResult(cell, stored, true));
                    continue;
                }
                List<String> missing = estimators.stream().map(Estimator::name).filter(n -> !stored.containsKey(n)).toList();
                partly.put(cell, stored);
                tasks.add(new CellTask(cell, run.checkpoint(cell.step()).orElseThrow().source(), missing, parameters));
            }
            List<CellTask> last = valuesFirst ? spreadsAfterValues(tasks, partly, listener, failed, cancellation) : tasks;
            executor.execute(last, new CellExecutor.Sink() {
                @Override
                public void started(CellTask task) {
                    listener.cellStarted(task.cell());
                }

                @Override
                public void finished(CellTask task, CellOutcome outcome) {
                    if (outcome instanceof CellResult result) {
                        keep(task, result);
                        computed.incrementAndGet();
                        listener.cellFinished(new CellResult(task.cell(), inColumnOrder(partly.get(task.cell()), result), false));
                    } else if (outcome instanceof CellFailure failure) {
                        failed.incrementAndGet();
                        listener.cellFailed(failure);
                    }
                }
            }, cancellation);
        } finally {
            summary = new GridSummary(cells.size(), computed.get(), fromStore.get(), failed.get(),
                    cancellation.isCancelled(), Duration.ofNanos(System.nanoTime() - start));
            listener.gridEnded(summary);
        }
        return summary;
    }

    /**
     * The values-first order, with R &gt; 1 resamples: a {@linkplain Estimator#bootstrapped bootstrapped}
     * estimator's value is its value on all rows, the same as at R = 1, and only its spread needs the R
     * replicates. So every cell's such values are computed first (one resample, in {@link #cells}
     * order, not stored) and published through {@link GridListener#cellValued}; the returned tasks
     * then compute the spreads (and every other missing estimator) given those values, so nothing is
     * computed twice and each final result is the one a single pass gives (the first pass holds every
     * bootstrapped estimator, so λ₁ is had the same way, by Lanczos or from the whole spectrum, in both
     * orders). A cell that failed in the first pass is not tried again. With R = 1, or no bootstrapped estimator, {@code tasks} as they are.
     */
    private List<CellTask> spreadsAfterValues(List<CellTask> tasks, Map<CellKey, Map<String, MeasureResult>> partly,
                                       GridListener listener, AtomicInteger failed, Cancellation cancellation)
            throws InterruptedException {
        java.util.Set<String> first = new java.util.HashSet<>();
        for (Estimator estimator : estimators) {
            if (parameters.resamples() > 1 && estimator.bootstrapped() && !estimator.resampled(parameters)) {
                first.add(estimator.name());
            }
        }
        // a later estimator asking for the whole centred spectrum would change how the first pass's λ₁ is had
        if (estimators.stream().anyMatch(e -> !first.contains(e.name()) && e.needs().contains(Estimator.CellInput.CENTRED_SPECTRUM))) {
            return tasks;
        }
        MeasureParameters single = parameters.withResamples(1);
        List<CellTask> firstPass = new ArrayList<>();
        for (CellTask task : tasks) {
            List<String> names = task.estimators().stream().filter(first::contains).toList();
            if (!names.isEmpty()) {
                firstPass.add(new CellTask(task.cell(), task.checkpoint(), names, single));
            }
        }
        if (firstPass.isEmpty()) {
            return tasks;
        }
        Map<CellKey, Map<String, MeasureResult>> values = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<CellKey> failedCells = java.util.concurrent.ConcurrentHashMap.newKeySet();
        executor.execute(firstPass, new CellExecutor.Sink() {
            @Override
            public void started(CellTask task) {
                listener.cellStarted(task.cell());
            }

            @Override
            public void finished(CellTask task, CellOutcome outcome) {
                if (outcome instanceof CellResult result) {
                    values.put(task.cell(), result.measures());
                    listener.cellValued(new CellResult(task.cell(), inColumnOrder(partly.get(task.cell()), result), false));
                } else if (outcome instanceof CellFailure failure) {
                    failedCells.add(task.cell());
                    failed.incrementAndGet();
                    listener.cellFailed(failure);
                }
            }
        }, cancellation);
        if (cancellation.isCancelled()) {
            return List.of();
        }
        List<CellTask> spreads = new ArrayList<>();
        for (CellTask task : tasks) {
            if (!failedCells.contains(task.cell())) {
                spreads.add(new CellTask(task.cell(), task.checkpoint(), task.estimators(), task.parameters(),
                        values.getOrDefault(task.cell(), Map.of())));
            }
        }
        return spreads;
    }

    /** Stores a computed cell's results under each estimator's key. */
    private void keep(CellTask task, CellResult result) {
        Checkpoint checkpoint = run.checkpoint(task.cell().step()).orElseThrow();
        if (checkpoint.identity() == null) {
            return;
        }
        Map<String, MeasureResult> byKey = new LinkedHashMap<>();
        for (Estimator estimator : estimators) {
            MeasureResult value = result.measures().get(estimator.name());
            if (value != null) {
                byKey.put(estimator.storeKey(parameters), value);
            }
        }
        store.put(checkpoint.identity(), task.cell().layer(), byKey);
    }

    /** The stored and the computed measures of a cell together, in the engine's column order. */
    private Map<String, MeasureResult> inColumnOrder(Map<String, MeasureResult> stored, CellResult computed) {
        Map<String, MeasureResult> all = new LinkedHashMap<>();
        for (Estimator estimator : estimators) {
            MeasureResult value = computed.measures().get(estimator.name());
            if (value == null && stored != null) {
                value = stored.get(estimator.name());
            }
            if (value != null) {
                all.put(estimator.name(), value);
            }
        }
        return all;
    }
}

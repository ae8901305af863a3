package org.shapescope.app.explorer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.shapescope.analysis.ErrorText;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CoreSplit;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.app.data.MetricGrids;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.RunGrid;

/**
 * The runs compared with the explorer's open run (File ▸ Add run to compare…, or several folders on
 * the command line): each is opened with its own result store and its grid of the explorer's metric
 * and parameters computed through the same {@link GridEngine} and {@link GridEventQueue} as the open
 * run's, in the background. The compared runs' grids are computed one run after another in one
 * background task (so comparing many runs takes one task thread), restarted when the metric or the
 * parameters change; a run whose grid is complete for them is not computed again.
 *
 * <p>Must be used on the UI thread; {@link #grids()} holds one {@link RunGrid} per compared run, in
 * the order they were added, replaced once per batch of results.
 */
final class ComparedRuns {

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Function<Path, ResultStore> stores;
    private final int workers;
    private final BiConsumer<Path, String> notice;
    private final ObservableList<RunGrid> grids = FXCollections.observableArrayList();
    private final ObservableList<RunGrid> gridsView = FXCollections.unmodifiableObservableList(grids);
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final List<Entry> entries = new ArrayList<>();
    private Estimator metric;
    private MeasureParameters parameters;
    private Cancellation handle;
    private int generation;
    private int openGeneration;

    /** One compared run: its folder, store, the results computed so far and its grid. */
    private static final class Entry {
        final RunFolder run;
        final ResultStore store;
        final Map<CellKey, CellResult> results = new LinkedHashMap<>();
        MetricGrid grid;
        boolean complete;

        Entry(RunFolder run, ResultStore store) {
            this.run = run;
            this.store = store;
        }
    }

    /**
     * @param notice told of a run that cannot be opened or a cell that failed (file, one line)
     */
    ComparedRuns(TaskExecutor executor, Executor uiThread, Function<Path, ResultStore> stores, int workers,
            Estimator metric, MeasureParameters parameters, BiConsumer<Path, String> notice) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.stores = stores;
        this.workers = workers;
        this.metric = metric;
        this.parameters = parameters;
        this.notice = notice;
    }

    /** The compared runs' grids (read-only), in the order the runs were added. */
    ObservableList<RunGrid> grids() {
        return gridsView;
    }

    /** True while a compared run's grid is being computed. */
    ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** Opens {@code folder} in the background and computes its grid; a folder already compared is ignored. */
    void add(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (entries.stream().anyMatch(e -> e.run.directory().toAbsolutePath().normalize().equals(absolute))) {
            return;
        }
        int opening = openGeneration;
        executor.execute("Open " + folder + " to compare", () -> {
            ResultStore store = stores.apply(absolute);
            try {
                return new Entry(RunFolder.open(folder, store), store);
            } catch (RuntimeException | java.io.IOException e) {
                store.close();
                throw e;
            }
        }, entry -> {
            if (opening != openGeneration) {
                close(entry.store);
                return;
            }
            entry.grid = MetricGrids.empty(entry.run, metric, parameters);
            entries.add(entry);
            grids.add(runGrid(entry));
            entry.store.warnings().forEach(w -> notice.accept(null, w));
            compute();
        }, failure -> notice.accept(folder, "cannot compare: " + ErrorText.firstLine(failure)));
    }

    /** The explorer's metric or parameters changed: every compared grid starts again (stored cells reappear at once). */
    void follow(Estimator newMetric, MeasureParameters newParameters) {
        if (newMetric == metric && newParameters.equals(parameters)) {
            return;
        }
        metric = newMetric;
        parameters = newParameters;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            entry.results.clear();
            entry.complete = false;
            entry.grid = MetricGrids.empty(entry.run, metric, parameters);
            grids.set(i, runGrid(entry));
        }
        compute();
    }

    /** Stops computing, closes the compared runs' stores (in the background) and forgets them. */
    void clear() {
        cancel();
        ++openGeneration;
        entries.forEach(e -> close(e.store));
        entries.clear();
        grids.clear();
    }

    private void cancel() {
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        ++generation;
        computing.set(false);
    }

    /** Computes, one run after another in one background task, every compared grid not complete yet. */
    private void compute() {
        cancel();
        List<Entry> todo = entries.stream().filter(e -> !e.complete).toList();
        if (todo.isEmpty()) {
            return;
        }
        int current = generation;
        Cancellation cancellation = new Cancellation();
        handle = cancellation;
        computing.set(true);
        Estimator m = metric;
        MeasureParameters p = parameters;
        executor.execute("Compared grids", () -> {
            for (Entry entry : todo) {
                if (cancellation.isCancelled()) {
                    break;
                }
                CoreSplit split = CoreSplit.of(workers, GridEngine.cells(entry.run).size());
                GridEngine engine = new GridEngine(entry.run, List.of(m), p.withThreads(split.threadsPerCell()),
                        entry.store, new PoolCellExecutor(split.workers())).valuesFirst();
                engine.run(new GridEventQueue(uiThread, batch -> apply(current, entry, batch)), cancellation);
            }
            return null;
        }, nothing -> { }, failure -> {
            if (current == generation) {
                computing.set(false);
                notice.accept(null, "comparison stopped: " + ErrorText.firstLine(failure));
            }
        });
    }

    private void apply(int current, Entry entry, List<GridEvent> batch) {
        if (current != generation || !entries.contains(entry)) {
            return;
        }
        List<CellResult> finished = new ArrayList<>();
        for (GridEvent event : batch) {
            if (event instanceof GridEvent.Valued valued) {
                finished.add(valued.values()); // final values, spreads still to come
            } else if (event instanceof GridEvent.Finished done) {
                finished.add(done.result());
                entry.results.put(done.result().cell(), done.result());
            } else if (event instanceof GridEvent.Failed failed) {
                notice.accept(failed.failure().file(), failed.failure().cell() + ": " + failed.failure().reason());
            } else if (event instanceof GridEvent.Ended ended) {
                entry.complete = !ended.summary().cancelled();
            }
        }
        if (!finished.isEmpty()) {
            entry.grid = MetricGrids.with(entry.grid, metric, finished);
            grids.set(entries.indexOf(entry), runGrid(entry));
        }
        if (entries.stream().allMatch(e -> e.complete)) {
            computing.set(false);
            handle = null;
        }
    }

    private static RunGrid runGrid(Entry entry) {
        return new RunGrid(entry.run.metadata().name(), entry.grid,
                entry.run.loss().map(MetricGrids::loss).orElse(null));
    }

    private void close(ResultStore store) {
        if (store != ResultStore.none()) {
            executor.execute("Close " + store.location(), () -> {
                store.close();
                return null;
            }, nothing -> { }, failure -> { });
        }
    }
}

package org.shapescope.app.explorer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.shapescope.analysis.ErrorText;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CoreSplit;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.grid.SameThreadCellExecutor;
import org.shapescope.analysis.store.OpeningResultStore;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.analysis.run.Problem;
import org.shapescope.analysis.run.RunChanges;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.geometry.ProjectionAlignment;
import org.shapescope.app.data.AlignedLayerProjections;
import org.shapescope.app.data.CellProjections;
import org.shapescope.app.data.GrideCurves;
import org.shapescope.app.data.MetricGrids;
import org.shapescope.app.data.MetricsCsv;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.data.RunGrid;
import org.shapescope.viewer.data.ProjectionSeries;
import org.shapescope.viewer.data.ScaleCurve;

/**
 * The state of the explorer window in one place: the open run, the metric and its parameters,
 * the grid of values as it fills, the selected checkpoint and layer, the projection of the
 * selected cell, the grid's progress and the file problems to show. Everything is exposed as
 * read-only properties and changed through the command methods; views only bind and call them.
 *
 * <p>Must be used on the UI thread. Files are read and values computed through the
 * {@link TaskExecutor}; grid results arrive through a {@link GridEventQueue}, one batch per frame.
 */
public final class ExplorerModel {
    /** Projections kept in memory (each is a few MB for 10⁵ tokens). */
    static final int PROJECTION_CACHE_SIZE = 24;
    /**
     * R of the explorer: the neighbour estimators as mean ± std over 5 seeded resamples, the
     * convention of Lee et al. (ACL 2025); the CLI's default stays 1.
     */
    public static final int DEFAULT_RESAMPLES = 5;
    /** Aligned series kept in memory (each holds every checkpoint of a layer). */
    static final int SERIES_CACHE_SIZE = 4;

    /** One layer's checkpoints in one frame. */
    private record SeriesKey(int layer, ProjectionAlignment mode) {
    }

    private final TaskExecutor executor;
    private final Executor uiThread;
    private final Function<Path, ResultStore> stores;
    private final int workers;

    private final ReadOnlyObjectWrapper<RunFolder> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyObjectWrapper<Estimator> metric =
            new ReadOnlyObjectWrapper<>(this, "metric", Estimators.named("anisotropy"));
    private final ReadOnlyObjectWrapper<MeasureParameters> parameters =
            new ReadOnlyObjectWrapper<>(this, "parameters", MeasureParameters.defaults().withResamples(DEFAULT_RESAMPLES));
    private final ReadOnlyObjectWrapper<MetricGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyObjectWrapper<LossCurve> loss = new ReadOnlyObjectWrapper<>(this, "loss");
    private final ReadOnlyObjectWrapper<Projection> projection = new ReadOnlyObjectWrapper<>(this, "projection");
    private final ReadOnlyObjectWrapper<ProjectionAlignment> projectionAlignment =
            new ReadOnlyObjectWrapper<>(this, "projectionAlignment", ProjectionAlignment.INDEPENDENT);
    private final ReadOnlyObjectWrapper<ProjectionSeries> projectionSeries =
            new ReadOnlyObjectWrapper<>(this, "projectionSeries");
    private final ReadOnlyObjectWrapper<ScaleCurve> grideCurve = new ReadOnlyObjectWrapper<>(this, "grideCurve");
    private final ReadOnlyIntegerWrapper selectedCheckpoint = new ReadOnlyIntegerWrapper(this, "selectedCheckpoint", -1);
    private final ReadOnlyIntegerWrapper selectedLayer = new ReadOnlyIntegerWrapper(this, "selectedLayer", -1);
    private final ReadOnlyIntegerWrapper cellsDone = new ReadOnlyIntegerWrapper(this, "cellsDone");
    /** Cells whose value is shown, with or without its spread: cellsDone plus those awaiting their spread. */
    private final ReadOnlyIntegerWrapper cellsValued = new ReadOnlyIntegerWrapper(this, "cellsValued");
    /** Cells of the running grid whose value is shown and whose spread is still computing (values-first order). */
    private final java.util.Set<CellKey> awaitingSpread = new java.util.HashSet<>();
    private final ReadOnlyIntegerWrapper cellsTotal = new ReadOnlyIntegerWrapper(this, "cellsTotal");
    private final ReadOnlyBooleanWrapper gridRunning = new ReadOnlyBooleanWrapper(this, "gridRunning");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No run open");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<FileNotice> notices = FXCollections.observableArrayList();
    // One read-only view each, kept for the model's lifetime: an unmodifiable wrapper forwards
    // changes through a weak listener, so listeners added to a fresh wrapper per call would be
    // lost when that wrapper is garbage-collected (notifications then silently never showed).
    private final ObservableList<FileNotice> noticesView = FXCollections.unmodifiableObservableList(notices);

    private final Map<CellKey, CellResult> results = new LinkedHashMap<>();
    private final Set<Path> noticedFiles = new HashSet<>();
    private final ProjectionCache<CellKey, Projection> projections = new ProjectionCache<>(PROJECTION_CACHE_SIZE);
    private final ProjectionCache<SeriesKey, ProjectionSeries> series = new ProjectionCache<>(SERIES_CACHE_SIZE);
    private final Set<SeriesKey> seriesFailed = new HashSet<>();
    private SeriesKey seriesLoading;
    private ResultStore store = ResultStore.none();
    private Cancellation gridHandle;
    private int gridGeneration;
    private int runGeneration;
    private CellKey projectionLoading;
    private CellKey grideLoading;
    private String currentCell = "";
    /** The running grid publishes values before their spreads (R > 1, a bootstrapped metric). */
    private boolean valuesFirst;
    /**
     * The step whose column a newly opened run computes first; until every cell of it is shown, the
     * selected cell's projection and GRIDE curve wait (computed at once they would take the cores
     * from the first cells). Null: nothing waits.
     */
    private Long firstColumnPending;
    private final java.util.Set<CellKey> firstColumnShown = new java.util.HashSet<>();
    private Duration followSettle;
    private RunWatch watch;
    private final ComparedRuns compared;
    private final LossSpikes spikes;

    /**
     * @param executor runs file reading and computing in the background
     * @param uiThread runs grid batches on the UI thread ({@code Platform::runLater})
     * @param stores   the result store of a run folder (called in the background; {@link ResultStore#none()} for none)
     * @param workers  cores the grid may use (split between cells and their kernels by {@link CoreSplit})
     */
    public ExplorerModel(TaskExecutor executor, Executor uiThread, Function<Path, ResultStore> stores, int workers) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.stores = stores;
        this.workers = Math.max(1, workers);
        this.compared = new ComparedRuns(executor, uiThread, stores, this.workers, metric.get(), parameters.get(),
                this::notice);
        selectedCheckpoint.addListener(x -> requestProjection());
        selectedLayer.addListener(x -> requestProjection());
        selectedCheckpoint.addListener(x -> requestGrideCurve());
        selectedLayer.addListener(x -> requestGrideCurve());
        parameters.addListener(x -> requestGrideCurve());
        spikes = new LossSpikes(executor, grid.getReadOnlyProperty(), loss.getReadOnlyProperty());
    }

    /** The loss spikes of the open run and what the selected metric did before them. */
    public LossSpikes spikes() {
        return spikes;
    }

    // ---- properties

    public ReadOnlyObjectProperty<RunFolder> runProperty() {
        return run.getReadOnlyProperty();
    }

    public RunFolder getRun() {
        return run.get();
    }

    public ReadOnlyObjectProperty<Estimator> metricProperty() {
        return metric.getReadOnlyProperty();
    }

    public Estimator getMetric() {
        return metric.get();
    }

    public ReadOnlyObjectProperty<MeasureParameters> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public MeasureParameters getParameters() {
        return parameters.get();
    }

    /** Values of the metric for every cell; NaN until computed. Replaced once per batch of results. */
    public ReadOnlyObjectProperty<MetricGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public MetricGrid getGrid() {
        return grid.get();
    }

    /** The run's loss.csv, or null. */
    public ReadOnlyObjectProperty<LossCurve> lossProperty() {
        return loss.getReadOnlyProperty();
    }

    /** PCA of the selected cell's tokens; null while it loads or when it cannot be read. */
    public ReadOnlyObjectProperty<Projection> projectionProperty() {
        return projection.getReadOnlyProperty();
    }

    public Projection getProjection() {
        return projection.get();
    }

    /** How projections of successive checkpoints are framed; {@link ProjectionAlignment#INDEPENDENT} by default. */
    public ReadOnlyObjectProperty<ProjectionAlignment> projectionAlignmentProperty() {
        return projectionAlignment.getReadOnlyProperty();
    }

    /**
     * The selected layer's checkpoints in the aligned frame that holds the projection; null when
     * independent, or while the series loads (the independent projection is shown meanwhile).
     */
    public ReadOnlyObjectProperty<ProjectionSeries> projectionSeriesProperty() {
        return projectionSeries.getReadOnlyProperty();
    }

    /** Frames the projections: independent PCAs, Procrustes-aligned or on one common basis per layer. */
    public void setProjectionAlignment(ProjectionAlignment mode) {
        if (mode != projectionAlignment.get()) {
            projectionAlignment.set(mode);
            requestProjection();
        }
    }

    /** GRIDE's intrinsic dimension against scale for the selected cell (the token sample of the parameters); null while none. */
    public ReadOnlyObjectProperty<ScaleCurve> grideCurveProperty() {
        return grideCurve.getReadOnlyProperty();
    }

    /** Index into the run's checkpoints (ascending step), -1 without a run. */
    public ReadOnlyIntegerProperty selectedCheckpointProperty() {
        return selectedCheckpoint.getReadOnlyProperty();
    }

    public int getSelectedCheckpoint() {
        return selectedCheckpoint.get();
    }

    /** Index into the run's layers (ascending), -1 without a run. */
    public ReadOnlyIntegerProperty selectedLayerProperty() {
        return selectedLayer.getReadOnlyProperty();
    }

    public int getSelectedLayer() {
        return selectedLayer.get();
    }

    public ReadOnlyIntegerProperty cellsDoneProperty() {
        return cellsDone.getReadOnlyProperty();
    }

    /**
     * Cells whose value is shown so far: equal to {@link #cellsDoneProperty()} in one pass, ahead
     * of it while the values-first order has shown values whose spreads are still computing.
     */
    public ReadOnlyIntegerProperty cellsValuedProperty() {
        return cellsValued.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty cellsTotalProperty() {
        return cellsTotal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty gridRunningProperty() {
        return gridRunning.getReadOnlyProperty();
    }

    /** One line on what the grid is doing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Problems found when the run was opened, each naming its file (read-only). */
    public ObservableList<Problem> getProblems() {
        return problemsView;
    }

    /** Failures to show the user, one per file, in order (read-only; grows while the run is open). */
    public ObservableList<FileNotice> getNotices() {
        return noticesView;
    }

    /**
     * The runs compared with the open one (read-only), each with its grid of the same metric and
     * parameters as it fills; empty when nothing is compared.
     */
    public ObservableList<RunGrid> getComparedRuns() {
        return compared.grids();
    }

    /** True while a compared run's grid is being computed. */
    public ReadOnlyBooleanProperty comparisonRunningProperty() {
        return compared.computingProperty();
    }

    /** The computed cells of the current grid. */
    public List<CellResult> results() {
        return List.copyOf(results.values());
    }

    /** The metrics table as CSV ({@code step,layer,<metric>,tokens_used,tokens_dropped}). */
    public String metricsCsv() {
        return MetricsCsv.of(List.of(metric.get().name()), results.values());
    }

    // ---- commands

    /**
     * Follows every run opened from now on while a training job writes into it: new checkpoints
     * grow the grid by a column (and the scrubber by a tick) and are computed, loss.csv and run.json
     * are re-read when they change (see {@link org.shapescope.analysis.run.RunFollower}).
     *
     * @param settle how long a file written in place must keep its size before it is read
     */
    public void followRuns(Duration settle) {
        this.followSettle = settle;
    }

    /**
     * Opens a run folder in the background; when it is read, the grid starts at once. Runs compared
     * with the previous one are forgotten.
     */
    public void open(Path folder) {
        int generation = ++runGeneration;
        stopFollowing();
        firstColumnPending = null;
        cancelGrid();
        compared.clear();
        status.set("Opening " + folder + " …");
        Estimator shown = metric.get();
        MeasureParameters asked = parameters.get();
        executor.execute("Open " + folder, () -> {
            // the store opens on its own thread while the folder is listed; the layouts wait for it
            OpeningResultStore opening = OpeningResultStore.start(() -> stores.apply(folder.toAbsolutePath().normalize()));
            try {
                RunFolder read = RunFolder.open(folder, opening);
                ResultStore opened = opening.store();
                return new OpenedRun(read, opened, onlySingleEstimatesStored(read, opened, shown, asked));
            } catch (RuntimeException | java.io.IOException e) {
                try {
                    opening.close();
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        }, opened -> {
            if (generation == runGeneration) {
                show(opened);
            } else {
                closeInBackground(opened.store());
            }
        }, failure -> {
            if (generation == runGeneration) {
                status.set("Cannot open " + folder);
                notices.add(new FileNotice(folder, oneLine(failure)));
            }
        });
    }

    /**
     * Compares {@code folder} with the open run: it is opened in the background and its grid of the
     * same metric and parameters computed like the open run's (profile and trajectory overlay it,
     * the difference heatmap subtracts it). A folder already compared is ignored.
     */
    public void addComparison(Path folder) {
        compared.add(folder);
    }

    /** Forgets the compared runs. */
    public void clearComparison() {
        compared.clear();
    }

    /** Shows {@code m} for every cell; restarts the grid (cached values reappear at once), and the compared runs' grids. */
    public void selectMetric(Estimator m) {
        if (m != null && m != metric.get()) {
            metric.set(m);
            restartGrid();
            compared.follow(m, parameters.get());
        }
    }

    /** New measure parameters; restarts the grid and the compared runs' grids. */
    public void changeParameters(MeasureParameters p) {
        if (p != null && !p.equals(parameters.get())) {
            parameters.set(p);
            restartGrid();
            compared.follow(metric.get(), p);
        }
    }

    /** Selects a checkpoint by index, clamped to the run. */
    public void selectCheckpoint(int index) {
        RunFolder r = run.get();
        if (r != null && !r.checkpoints().isEmpty()) {
            selectedCheckpoint.set(Math.max(0, Math.min(r.checkpoints().size() - 1, index)));
        }
    }

    /** Selects a layer by index, clamped to the run. */
    public void selectLayer(int index) {
        RunFolder r = run.get();
        if (r != null && !r.layers().isEmpty()) {
            selectedLayer.set(Math.max(0, Math.min(r.layers().size() - 1, index)));
        }
    }

    /** Selects the cell (checkpoint index, layer index). */
    public void selectCell(int checkpointIndex, int layerIndex) {
        selectCheckpoint(checkpointIndex);
        selectLayer(layerIndex);
    }

    /** Stops the running grid; finished cells stay (and stay cached). The selected cell's projection and GRIDE curve, if waiting for the first column, are asked for. */
    public void cancelGrid() {
        releaseSideViews();
        if (gridHandle != null) {
            gridHandle.cancel();
            gridHandle = null;
            gridGeneration++;
            gridRunning.set(false);
            status.set("Cancelled: " + cellsDone.get() + " of " + cellsTotal.get() + " cells");
        }
    }

    /** Stops everything in the background and closes the run's store. */
    public void dispose() {
        stopFollowing();
        firstColumnPending = null; // nothing more to ask for
        cancelGrid();
        compared.clear();
        closeInBackground(store);
        store = ResultStore.none();
    }

    // ---- internals

    /**
     * @param singleEstimates the store holds the shown metric of the last checkpoint with one
     *                        estimate per cell (Resamples 1) and none with the asked R: a run
     *                        analysed by {@code analyze} or on a cluster with their default R = 1
     */
    private record OpenedRun(RunFolder run, ResultStore store, boolean singleEstimates) {
    }

    /**
     * Whether the store has the last checkpoint's cells of {@code shown} as single estimates only,
     * none with {@code asked}'s R (runs the command line or a cluster analysed, whose default R
     * is 1). Read in the background, from the store alone.
     */
    private static boolean onlySingleEstimatesStored(RunFolder r, ResultStore store, Estimator shown, MeasureParameters asked) {
        if (asked.resamples() == 1 || store == ResultStore.none() || r.checkpoints().isEmpty()) {
            return false;
        }
        long last = r.checkpoints().get(r.checkpoints().size() - 1).step();
        GridEngine withR = new GridEngine(r, List.of(shown), asked, store, new SameThreadCellExecutor());
        GridEngine single = new GridEngine(r, List.of(shown), asked.withResamples(1), store, new SameThreadCellExecutor());
        int found = 0;
        for (CellKey cell : GridEngine.cells(r)) {
            if (cell.step() != last) {
                continue;
            }
            if (!withR.stored(cell).isEmpty()) {
                return false;
            }
            if (!single.stored(cell).isEmpty()) {
                found++;
            }
        }
        return found > 0;
    }

    private void closeInBackground(ResultStore done) {
        if (done != ResultStore.none()) {
            executor.execute("Close " + done.location(), () -> {
                done.close();
                return null;
            }, nothing -> { }, failure -> { });
        }
    }

    private void show(OpenedRun opened) {
        RunFolder r = opened.run();
        closeInBackground(store);
        store = opened.store();
        projections.clear();
        projectionLoading = null;
        series.clear();
        seriesFailed.clear();
        seriesLoading = null;
        projectionSeries.set(null);
        grideLoading = null;
        noticedFiles.clear();
        notices.clear();
        problems.setAll(r.problems());
        for (Problem problem : r.problems()) {
            if (problem.severity() == Problem.Severity.ERROR) {
                notice(problem.file(), problem.message());
            }
        }
        store.warnings().forEach(warning -> notice(null, warning));
        loss.set(r.loss().map(MetricGrids::loss).orElse(null));
        projection.set(null);
        grideCurve.set(null);
        if (opened.singleEstimates() && parameters.get().resamples() > 1) {
            parameters.set(parameters.get().withResamples(1));
            notice(r.directory(), "the store holds single estimates of " + metric.get().name()
                    + " for this run (Resamples 1, as analyze and the cluster job write them): shown without recomputing;"
                    + " raise Resamples for error bars");
        }
        firstColumnPending = r.checkpoints().isEmpty() ? null : r.checkpoints().get(r.checkpoints().size() - 1).step();
        firstColumnShown.clear();
        run.set(r);
        selectedCheckpoint.set(r.checkpoints().isEmpty() ? -1 : r.checkpoints().size() - 1);
        selectedLayer.set(r.layers().isEmpty() ? -1 : r.layers().size() - 1);
        restartGrid();
        if (r.checkpoints().isEmpty()) {
            requestProjection();
            requestGrideCurve();
        } else if (gridHandle == null) {
            releaseSideViews(); // the grid has ended already (it runs on this thread in tests)
        }
        if (followSettle != null) {
            int generation = runGeneration;
            watch = RunWatch.start(r, store, followSettle, uiThread, changes -> grow(generation, changes),
                    reason -> notice(r.directory(), reason));
        }
    }

    private void stopFollowing() {
        if (watch != null) {
            watch.stop();
            watch = null;
        }
    }

    /**
     * The open run has changed on disk: the new run replaces the old one, the grid keeps its values
     * and gains the new checkpoints' columns, which are computed (or the whole grid restarted when
     * it is still running). A selection at the last checkpoint moves on to the newest.
     */
    private void grow(int generation, RunChanges changes) {
        RunFolder before = run.get();
        if (generation != runGeneration || before == null) {
            return;
        }
        RunFolder r = changes.run();
        boolean atNewest = selectedCheckpoint.get() == before.checkpoints().size() - 1;
        long selectedStep = selectedCheckpoint.get() >= 0 ? before.checkpoints().get(selectedCheckpoint.get()).step() : -1;
        problems.setAll(r.problems());
        for (Problem problem : changes.problems()) {
            if (problem.severity() == Problem.Severity.ERROR) {
                notice(problem.file(), problem.message());
            }
        }
        if (changes.lossChanged()) {
            loss.set(r.loss().map(MetricGrids::loss).orElse(null));
        }
        run.set(r);
        if (changes.added().isEmpty()) {
            return;
        }
        grid.set(MetricGrids.of(r, metric.get(), parameters.get(), results.values()));
        long[] steps = r.steps();
        int keep = java.util.Arrays.binarySearch(steps, selectedStep);
        selectedCheckpoint.set(atNewest || keep < 0 ? steps.length - 1 : keep);
        selectedLayer.set(Math.min(Math.max(selectedLayer.get(), 0), r.layers().size() - 1));
        if (gridHandle != null) {
            restartGrid();
        } else {
            computeCells(r.withCheckpoints(changes.added()), results.size());
        }
    }

    private void restartGrid() {
        RunFolder r = run.get();
        if (r == null) {
            return;
        }
        if (gridHandle != null) {
            gridHandle.cancel();
        }
        ++gridGeneration;
        results.clear();
        currentCell = "";
        valuesFirst = false;
        firstColumnShown.clear();
        grid.set(MetricGrids.empty(r, metric.get(), parameters.get()));
        if (r.checkpoints().isEmpty()) {
            gridHandle = null;
            status.set("No usable checkpoint");
            return;
        }
        computeCells(r, 0);
    }

    /** Computes the cells of {@code columns} (all of the run, or new checkpoints), {@code done} cells already shown. */
    private void computeCells(RunFolder columns, int done) {
        RunFolder r = run.get();
        int generation = ++gridGeneration;
        List<CellKey> cells = GridEngine.cells(columns);
        CoreSplit split = CoreSplit.of(workers, cells.size());
        GridEngine everyCell = new GridEngine(columns, List.of(metric.get()), parameters.get().withThreads(split.threadsPerCell()),
                store, new PoolCellExecutor(split.workers())).valuesFirst();
        int selected = selectedCheckpoint.get();
        GridEngine engine = selected >= 0 && selected < r.checkpoints().size()
                && columns.checkpoint(r.checkpoints().get(selected).step()).isPresent()
                ? everyCell.firstColumn(r.checkpoints().get(selected).step()) : everyCell;
        cellsDone.set(done);
        awaitingSpread.clear();
        cellsValued.set(done);
        cellsTotal.set(done + cells.size());
        gridRunning.set(true);
        status.set("Computing " + metric.get().name());
        Cancellation handle = new Cancellation();
        gridHandle = handle;
        GridEventQueue queue = new GridEventQueue(uiThread, batch -> apply(generation, batch));
        executor.execute("Grid " + metric.get().name(), () -> engine.run(queue, handle), summary -> {
        }, failure -> {
            if (generation == gridGeneration) {
                gridRunning.set(false);
                releaseSideViews();
                notice(r.directory(), "grid stopped: " + oneLine(failure));
            }
        });
    }

    private void apply(int generation, List<GridEvent> batch) {
        if (generation != gridGeneration) {
            return;
        }
        List<CellResult> finished = new ArrayList<>();
        boolean gridEnded = false;
        for (GridEvent event : batch) {
            if (event instanceof GridEvent.Started started) {
                currentCell = started.cell().toString();
            } else if (event instanceof GridEvent.Valued valued) {
                // the value as it will be final, its spread still NaN (error bars and tooltips show none yet)
                finished.add(valued.values());
                valuesFirst = true;
                firstColumnShown.add(valued.values().cell());
                awaitingSpread.add(valued.values().cell());
            } else if (event instanceof GridEvent.Finished done) {
                finished.add(done.result());
                results.put(done.result().cell(), done.result());
                firstColumnShown.add(done.result().cell());
                awaitingSpread.remove(done.result().cell());
            } else if (event instanceof GridEvent.Failed failed) {
                firstColumnShown.add(failed.failure().cell());
                awaitingSpread.remove(failed.failure().cell());
                cellsDone.set(cellsDone.get() + 1);
                notice(failed.failure().file(), failed.failure().cell() + ": " + failed.failure().reason());
            } else if (event instanceof GridEvent.Ended ended) {
                gridRunning.set(false);
                gridHandle = null;
                currentCell = "";
                gridEnded = true;
                var s = ended.summary();
                status.set(String.format("%s: %d cells (%d computed, %d from cache, %d failed) in %.1f s",
                        s.cancelled() ? "Cancelled" : "Done", s.cells(), s.computed(), s.fromCache(), s.failed(),
                        s.elapsed().toMillis() / 1000.0));
            }
        }
        if (!finished.isEmpty()) {
            cellsDone.set(cellsDone.get() + (int) batch.stream().filter(e -> e instanceof GridEvent.Finished).count());
            cellsValued.set(cellsDone.get() + awaitingSpread.size());
            grid.set(MetricGrids.with(grid.get(), metric.get(), finished));
        }
        cellsValued.set(cellsDone.get() + awaitingSpread.size()); // also after a batch of failures only
        if (firstColumnPending != null) {
            RunFolder r = run.get();
            long step = firstColumnPending;
            int cells = r == null ? 0 : r.checkpoint(step).map(c -> c.tokensPerLayer().size()).orElse(0);
            if (gridEnded || firstColumnShown.stream().filter(c -> c.step() == step).count() >= cells) {
                releaseSideViews();
            }
        }
        if (gridRunning.get()) {
            status.set("Computing " + metric.get().name() + (valuesFirst ? " (values first, then ± spreads)" : "")
                    + (currentCell.isEmpty() ? "" : " · " + currentCell));
        }
    }

    /** The first column of a newly opened run is all shown (or its grid has stopped): the projection and GRIDE curve follow. */
    private void releaseSideViews() {
        if (firstColumnPending == null) {
            return;
        }
        firstColumnPending = null;
        requestProjection();
        requestGrideCurve();
    }

    private void requestProjection() {
        if (firstColumnPending != null) {
            return; // asked again when the first column is shown
        }
        RunFolder r = run.get();
        CellKey cell = selectedCell();
        if (r == null || cell == null) {
            projectionSeries.set(null);
            projection.set(null);
            return;
        }
        if (showFromSeries(r, cell)) {
            return;
        }
        projectionSeries.set(null);
        Projection cached = projections.get(cell);
        if (cached != null) {
            projection.set(cached);
            return;
        }
        if (projectionLoading != null) {
            return; // the one in flight asks again for the selection of its time when it ends
        }
        Checkpoint checkpoint = r.checkpoint(cell.step()).orElseThrow();
        projectionLoading = cell;
        int generation = runGeneration;
        executor.execute("Projection " + cell, () -> CellProjections.of(checkpoint.readLayer(cell.layer())),
                computed -> {
                    if (generation != runGeneration) {
                        return;
                    }
                    projectionLoading = null;
                    projections.put(cell, computed);
                    requestProjection();
                }, failure -> {
                    if (generation != runGeneration) {
                        return;
                    }
                    projectionLoading = null;
                    notice(checkpoint.file(), "projection of " + cell + ": " + oneLine(failure));
                    if (cell.equals(selectedCell())) {
                        projection.set(null);
                    } else {
                        requestProjection();
                    }
                });
    }

    /**
     * Shows the selected cell from its aligned series when the alignment asks for one and it is
     * loaded (true); otherwise starts loading it (once per layer and mode) and returns false.
     */
    private boolean showFromSeries(RunFolder r, CellKey cell) {
        ProjectionAlignment mode = projectionAlignment.get();
        if (mode == ProjectionAlignment.INDEPENDENT) {
            return false;
        }
        SeriesKey key = new SeriesKey(cell.layer(), mode);
        ProjectionSeries loaded = series.get(key);
        if (loaded != null) {
            for (int c = 0; c < loaded.size(); c++) {
                if (loaded.step(c) == cell.step()) {
                    projectionSeries.set(loaded);
                    projection.set(loaded.projection(c));
                    return true;
                }
            }
            series.remove(key); // the run has grown since: align again
        }
        if (seriesLoading == null && !seriesFailed.contains(key)) {
            List<Checkpoint> holding = r.checkpoints().stream()
                    .filter(c -> c.tokensPerLayer().containsKey(cell.layer())).toList();
            seriesLoading = key;
            int generation = runGeneration;
            List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
            executor.execute(mode.label() + " projections of layer " + cell.layer(),
                    () -> AlignedLayerProjections.of(holding, cell.layer(), mode, () -> false, notes::add),
                    computed -> {
                        if (generation != runGeneration) {
                            return;
                        }
                        seriesLoading = null;
                        series.put(key, computed);
                        notes.forEach(note -> notice(null, note));
                        requestProjection();
                    }, failure -> {
                        if (generation != runGeneration) {
                            return;
                        }
                        seriesLoading = null;
                        seriesFailed.add(key);
                        notice(null, mode.label() + " projections of layer " + cell.layer() + ": " + oneLine(failure));
                        requestProjection();
                    });
            // an executor on the calling thread has finished already, and the callback showed the outcome
            return series.get(key) != null || seriesFailed.contains(key);
        }
        return false;
    }

    private void requestGrideCurve() {
        if (firstColumnPending != null) {
            return; // asked again when the first column is shown
        }
        RunFolder r = run.get();
        CellKey cell = selectedCell();
        if (r == null || cell == null) {
            grideCurve.set(null);
            return;
        }
        if (grideLoading != null) {
            return; // the one in flight asks again for the selection of its time when it ends
        }
        Checkpoint checkpoint = r.checkpoint(cell.step()).orElseThrow();
        MeasureParameters p = parameters.get();
        grideLoading = cell;
        int generation = runGeneration;
        executor.execute("GRIDE " + cell, () -> GrideCurves.of(checkpoint.readLayer(cell.layer()), cell.step(), p),
                computed -> {
                    if (generation != runGeneration) {
                        return;
                    }
                    grideLoading = null;
                    if (cell.equals(selectedCell()) && p.equals(parameters.get())) {
                        grideCurve.set(computed);
                    } else {
                        requestGrideCurve();
                    }
                }, failure -> {
                    if (generation != runGeneration) {
                        return;
                    }
                    grideLoading = null;
                    notice(checkpoint.file(), "GRIDE of " + cell + ": " + oneLine(failure));
                    grideCurve.set(null);
                });
    }

    /** The selected cell, or null when it is not in the run (a layer missing from that checkpoint). */
    private CellKey selectedCell() {
        RunFolder r = run.get();
        int c = selectedCheckpoint.get();
        int l = selectedLayer.get();
        if (r == null || c < 0 || l < 0 || c >= r.checkpoints().size() || l >= r.layers().size()) {
            return null;
        }
        Checkpoint checkpoint = r.checkpoints().get(c);
        int layer = r.layers().get(l);
        return checkpoint.tokensPerLayer().containsKey(layer) ? new CellKey(checkpoint.step(), layer) : null;
    }

    private void notice(Path file, String reason) {
        if (file == null || noticedFiles.add(file)) {
            notices.add(new FileNotice(file, reason));
        }
    }

    /** Number of projections held in memory (for tests). */
    int cachedProjections() {
        return projections.size();
    }

    static String oneLine(Throwable failure) {
        return ErrorText.firstLine(failure);
    }

}

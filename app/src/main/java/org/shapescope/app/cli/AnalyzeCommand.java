package org.shapescope.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.MeasureParameter;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.grid.CoreSplit;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.GridSummary;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.run.Problem;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunInspection;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.app.data.MetricsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shapescope analyze RUN}: the geometry of every (checkpoint, layer) cell, as CSV or JSON. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Computes geometry measures for every (checkpoint, layer) cell of a run.%n"
                + "CSV columns: step, layer, one per metric, tokens_used (most tokens any measure of the cell used), "
                + "tokens_dropped (most any measure dropped: NaN/Inf rows, duplicate tokens).%n"
                + "Results are kept in the run's result store (SQLite, shared safely by several processes); "
                + "only what it lacks is computed.%n"
                + "Exit status: 0 every cell has every value, 1 problems, failed or empty cells (or, with --cached-only, "
                + "cells the store lacks), 2 unusable run.")
final class AnalyzeCommand implements Callable<Integer> {
    static final String DEFAULT_METRICS = GridOptions.DEFAULT_METRICS;

    @Parameters(paramLabel = "RUN", description = "the run folder")
    Path run;

    @Mixin
    GridOptions grid;

    @Mixin
    MeasureOptions measure;

    @Mixin
    StoreOptions storeOptions;

    @picocli.CommandLine.Mixin
    CachedOnlyOption cachedOnly;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "output format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Estimator> estimators = grid.estimators();
        if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
        }
        cachedOnly.check(storeOptions);
        PrintWriter err = spec.commandLine().getErr();
        try (ResultStore store = storeOptions.open(run)) {
            Optional<RunFolder> usable = UsableRun.open(run, store, err);
            if (usable.isEmpty()) {
                return RunInspection.UNUSABLE;
            }
            RunFolder folder = usable.get();
            int cores = grid.cores();
            List<CellKey> cells = GridEngine.cells(folder);
            CoreSplit split = CoreSplit.of(cores, cells.size());
            MeasureParameters parameters = measure.parameters().withThreads(split.threadsPerCell());
            GridEngine engine = new GridEngine(folder, estimators, parameters, store, new PoolCellExecutor(split.workers()));
            List<CellResult> rows;
            List<CellFailure> failures;
            GridSummary summary;
            if (cachedOnly.requested()) {
                rows = engine.storedResults();
                failures = List.of();
                int complete = (int) rows.stream().filter(r -> r.measures().size() == estimators.size()).count();
                summary = new GridSummary(cells.size(), 0, complete, 0, false, java.time.Duration.ZERO);
            } else {
                ProgressBar progress = new ProgressBar(System.console() != null ? err : null, cells.size());
                CollectingListener collected = new CollectingListener(progress::advance);
                summary = engine.run(collected, new Cancellation());
                progress.finish();
                rows = collected.results();
                failures = collected.failures();
            }
            for (CellFailure failure : failures) {
                err.println("shapescope: " + failure);
            }
            store.warnings().forEach(warning -> err.println("shapescope: " + warning));
            List<String> columns = estimators.stream().map(Estimator::name).toList();
            Set<String> withSpread = withSpread(estimators, parameters);
            String text = format.equals("csv") ? MetricsCsv.of(columns, withSpread, rows)
                    : json(folder, parameters, estimators, withSpread, rows, failures, summary);
            if (out == null) {
                PrintWriter writer = spec.commandLine().getOut();
                writer.print(text);
                writer.flush();
            } else {
                try (OutputStream stream = Files.newOutputStream(out)) {
                    stream.write(text.getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean complete = cachedOnly.requested() ? reportMissing(rows, estimators.size(), err) : reportEmpty(folder, estimators, rows, err);
            return complete && failures.isEmpty() && folder.problems().isEmpty()
                    ? RunInspection.USABLE : RunInspection.PARTLY_USABLE;
        }
    }

    /** With --cached-only: says how many cells the store lacks; true when it has every value. */
    private static boolean reportMissing(List<CellResult> rows, int columns, PrintWriter err) {
        long missing = rows.stream().filter(r -> r.measures().size() < columns).count();
        if (missing > 0) {
            err.println("shapescope: the store lacks values of " + missing + " of " + rows.size() + " cells (left empty)");
        }
        return missing == 0;
    }

    /**
     * Says how many values are empty (refused, NaN) and why, for the first; true when none is. The
     * last layer of an estimator that compares a layer with the next one has no value by definition
     * and does not count.
     */
    private static boolean reportEmpty(RunFolder folder, List<Estimator> estimators, List<CellResult> rows, PrintWriter err) {
        long empty = 0;
        String first = null;
        Set<String> comparesWithNext = estimators.stream().filter(e -> e.needs().contains(Estimator.CellInput.NEXT_LAYER))
                .map(Estimator::name).collect(Collectors.toSet());
        for (CellResult row : rows) {
            boolean lastLayer = folder.checkpoint(row.cell().step()).map(c -> c.tokensPerLayer().lastKey() == row.cell().layer())
                    .orElse(false);
            for (var measure : row.measures().entrySet()) {
                if (lastLayer && comparesWithNext.contains(measure.getKey())) {
                    continue;
                }
                if (measure.getValue().isRefused()) {
                    empty++;
                    if (first == null) {
                        first = row.cell() + ", " + measure.getKey() + ": " + measure.getValue().note();
                    }
                }
            }
        }
        if (empty > 0) {
            err.println("shapescope: " + empty + " values are empty (NaN), e.g. " + first);
        }
        return empty == 0;
    }

    /** The metrics reported with a spread: the resampled and the bootstrapped ones, when there is more than one resample. */
    static Set<String> withSpread(List<Estimator> estimators, MeasureParameters parameters) {
        return parameters.resamples() == 1 ? Set.of()
                : estimators.stream().filter(e -> e.resampled(parameters) || e.bootstrapped()).map(Estimator::name)
                        .collect(Collectors.toSet());
    }

    private static String json(RunFolder folder, MeasureParameters parameters, List<Estimator> columns, Set<String> withSpread,
                               List<CellResult> rows, java.util.Collection<CellFailure> failures, GridSummary summary)
            throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("run", folder.metadata().name());
        report.put("folder", folder.directory().toString());
        report.put("metrics", columns.stream().map(Estimator::name).toList());
        Map<String, Object> params = new LinkedHashMap<>();
        for (MeasureParameter parameter : MeasureParameter.values()) {
            params.put(parameter.id(), parameter.valueIn(parameters));
        }
        if (parameters.resamples() > 1) {
            params.put("resamples", parameters.resamples());
        }
        report.put("parameters", params);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellResult row : rows) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("step", row.cell().step());
            cell.put("layer", row.cell().layer());
            for (Estimator metric : columns) {
                MeasureResult result = row.measures().get(metric.name());
                cell.put(metric.name(), result != null && Double.isFinite(result.value()) ? result.value() : null);
                if (withSpread.contains(metric.name())) {
                    cell.put(metric.name() + MetricsCsv.SPREAD_SUFFIX,
                            result != null && Double.isFinite(result.spread()) ? result.spread() : null);
                }
            }
            cell.put("tokens_used", row.tokensUsed());
            cell.put("tokens_dropped", row.tokensDropped());
            Map<String, String> notes = new LinkedHashMap<>();
            row.measures().forEach((metric, result) -> {
                if (!result.note().isEmpty()) {
                    notes.put(metric, result.note());
                }
            });
            if (!notes.isEmpty()) {
                cell.put("notes", notes);
            }
            cells.add(cell);
        }
        report.put("cells", cells);
        report.put("failures", failures.stream().map(f -> Map.of("file", f.file().toString(), "step", f.cell().step(),
                "layer", f.cell().layer(), "reason", f.reason())).toList());
        report.put("problems", folder.problems().stream().map(Problem::toString).toList());
        report.put("computed", summary.computed());
        report.put("from_cache", summary.fromCache());
        return InspectCommand.jsonWriter().writeValueAsString(report) + "\n";
    }

    /** A one-line progress bar on a terminal; silent otherwise. */
    private static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        ProgressBar(PrintWriter err, int total) {
            this.err = err;
            this.total = Math.max(1, total);
        }

        void advance() {
            int now = done.incrementAndGet();
            if (err != null) {
                synchronized (this) {
                    int filled = WIDTH * now / total;
                    err.printf("\r[%s%s] %d/%d cells", "#".repeat(filled), " ".repeat(WIDTH - filled), now, total);
                    err.flush();
                }
            }
        }

        void finish() {
            if (err != null) {
                err.println();
            }
        }
    }
}

package org.shapescope.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.shapescope.analysis.cache.ResultCache;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Metric;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.grid.GridSummary;
import org.shapescope.analysis.run.Problem;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunFolderException;
import org.shapescope.analysis.run.RunInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shapescope analyze RUN}: the geometry of every (checkpoint, layer) cell, as CSV or JSON. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Computes geometry measures for every (checkpoint, layer) cell of a run.%n"
                + "CSV columns: step, layer, one per metric, tokens_used (most tokens any measure of the cell used), "
                + "tokens_dropped (most any measure dropped: NaN/Inf rows, duplicate tokens).%n"
                + "Exit status: 0 all cells computed, 1 problems or failed cells, 2 unusable run.")
final class AnalyzeCommand implements Callable<Integer> {
    static final String DEFAULT_METRICS = "anisotropy,twonn,mle,pca_dim";

    @Parameters(paramLabel = "RUN", description = "the run folder")
    Path run;

    @Option(names = "--metrics", split = ",", paramLabel = "M", defaultValue = DEFAULT_METRICS,
            description = "comma-separated: anisotropy, anisotropy_uncentered, mean_cosine, isoscore, twonn, mle, phd, "
                    + "pca_dim, participation_ratio (default: ${DEFAULT-VALUE})")
    List<String> metricIds;

    @Mixin
    MeasureOptions measure;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--no-cache", description = "compute afresh and touch no cache")
    boolean noCache;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "output format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<Metric> metrics = parseMetrics();
        if (!format.equals("csv") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
        }
        RunFolder folder;
        try {
            folder = RunFolder.open(run);
        } catch (RunFolderException e) {
            spec.commandLine().getErr().println("shapescope: " + e.getMessage());
            return RunInspection.UNUSABLE;
        }
        for (Problem problem : folder.problems()) {
            spec.commandLine().getErr().println("shapescope: " + problem);
        }
        if (folder.checkpoints().isEmpty()) {
            spec.commandLine().getErr().println("shapescope: " + folder.directory() + ": no usable checkpoint");
            return RunInspection.UNUSABLE;
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        MeasureParameters parameters = measure.parameters();
        GridEngine probe = new GridEngine(folder, metrics, parameters, null, 1);
        int cellCount = probe.cells().size();
        int workers = Math.max(1, Math.min(threadCount, cellCount));
        parameters = parameters.withThreads(Math.max(1, threadCount / workers));
        ResultCache cache = noCache ? null : ResultCache.forRun(folder.directory());
        GridEngine engine = new GridEngine(folder, metrics, parameters, cache, workers);

        ProgressBar progress = new ProgressBar(System.console() != null ? spec.commandLine().getErr() : null, cellCount);
        CollectingListener collected = new CollectingListener(progress::advance);
        GridSummary summary = engine.run(collected);
        progress.finish();
        List<CellFailure> failures = collected.failures();
        for (CellFailure failure : failures) {
            spec.commandLine().getErr().println("shapescope: " + failure);
        }
        List<CellResult> sorted = collected.results();
        List<Metric> columns = new ArrayList<>(metrics);
        String text = format.equals("csv") ? csv(columns, sorted) : json(folder, parameters, columns, sorted, failures, summary);
        if (out == null) {
            PrintWriter writer = spec.commandLine().getOut();
            writer.print(text);
            writer.flush();
        } else {
            try (OutputStream stream = Files.newOutputStream(out)) {
                stream.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return failures.isEmpty() && folder.problems().isEmpty() ? RunInspection.USABLE : RunInspection.PARTLY_USABLE;
    }

    private Set<Metric> parseMetrics() {
        Set<Metric> metrics = EnumSet.noneOf(Metric.class);
        for (String id : metricIds) {
            metrics.add(Metric.parse(id.trim().toLowerCase(Locale.ROOT)));
        }
        return metrics;
    }

    static String csv(List<Metric> columns, List<CellResult> rows) {
        StringBuilder text = new StringBuilder("step,layer");
        columns.forEach(metric -> text.append(',').append(metric.id()));
        text.append(",tokens_used,tokens_dropped\n");
        for (CellResult row : rows) {
            text.append(row.cell().step()).append(',').append(row.cell().layer());
            for (Metric metric : columns) {
                text.append(',').append(number(row.measures().get(metric).value()));
            }
            text.append(',').append(row.tokensUsed()).append(',').append(row.tokensDropped()).append('\n');
        }
        return text.toString();
    }

    private static String json(RunFolder folder, MeasureParameters parameters, List<Metric> columns, List<CellResult> rows,
                               java.util.Collection<CellFailure> failures, GridSummary summary) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("run", folder.metadata().name());
        report.put("folder", folder.directory().toString());
        report.put("metrics", columns.stream().map(Metric::id).toList());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tokens", parameters.neighbourTokens());
        params.put("seed", parameters.seed());
        params.put("twonn_discard_fraction", parameters.twonnDiscardFraction());
        params.put("twonn_authors_preset", parameters.twonnAuthorsPreset());
        params.put("mle_neighbours", parameters.mleNeighbours());
        report.put("parameters", params);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellResult row : rows) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("step", row.cell().step());
            cell.put("layer", row.cell().layer());
            for (Metric metric : columns) {
                MeasureResult result = row.measures().get(metric);
                cell.put(metric.id(), Double.isFinite(result.value()) ? result.value() : null);
            }
            cell.put("tokens_used", row.tokensUsed());
            cell.put("tokens_dropped", row.tokensDropped());
            Map<String, String> notes = new LinkedHashMap<>();
            row.measures().forEach((metric, result) -> {
                if (!result.note().isEmpty()) {
                    notes.put(metric.id(), result.note());
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

    /** Shortest text that reads back as the same double; whole numbers without ".0"; NaN as "NaN". */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
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

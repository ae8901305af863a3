package org.shapescope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.grid.CoreSplit;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.run.LossCurve;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunInspection;
import org.shapescope.analysis.spikes.SpikeDetection;
import org.shapescope.analysis.spikes.SpikePrecursors;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.app.data.MetricGrids;
import org.shapescope.app.data.SpikeReport;
import org.shapescope.viewer.data.MetricGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shapescope spikes RUN}: the loss spikes of loss.csv and, per spike and layer, how a metric
 * changed over the checkpoints before it (docs/MEASURES.md, "Loss spikes"). The metric's grid
 * comes through the run's result store like {@code analyze}: only what the store lacks is computed,
 * nothing with {@code --cached-only}.
 */
@Command(name = "spikes", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Finds loss spikes in the run's loss.csv (loss above a trailing rolling median by k robust deviations, "
                + "1.4826 × MAD) and shows, per spike and layer, how a metric changed at the last checkpoint before it: the "
                + "change, its robust z against the checkpoint-to-checkpoint differences before, and the lead (steps since "
                + "the unusual change began).%n"
                + "Exit status: 0 done, 1 done but some values are missing, 2 unusable run, no loss.csv or bad arguments.")
final class SpikesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "the run folder")
    Path run;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "twonn", completionCandidates = EstimatorNames.class,
            description = "the measure to follow, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String metricId;

    @Option(names = "--window", paramLabel = "W", defaultValue = "" + SpikeDetection.DEFAULT_WINDOW,
            description = "rows of loss.csv in the trailing window of the rolling median and MAD (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--k", paramLabel = "K", defaultValue = "" + SpikeDetection.DEFAULT_K,
            description = "a row is a spike when its loss exceeds the median by K × 1.4826 × MAD (default: ${DEFAULT-VALUE})")
    double k;

    @Option(names = "--merge-gap", paramLabel = "G", defaultValue = "" + SpikeDetection.DEFAULT_MERGE_GAP,
            description = "flagged rows at most G unflagged rows apart are one spike (default: ${DEFAULT-VALUE})")
    int mergeGap;

    @Option(names = "--baseline", paramLabel = "B", defaultValue = "" + SpikePrecursors.DEFAULT_BASELINE,
            description = "checkpoint-to-checkpoint differences before the last one that give its usual variation (default: ${DEFAULT-VALUE})")
    int baseline;

    @Option(names = "--z", paramLabel = "Z", defaultValue = "" + SpikePrecursors.DEFAULT_Z,
            description = "|robust z| at which a change counts as a rise or a fall (default: ${DEFAULT-VALUE})")
    double z;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "output format (default: ${DEFAULT-VALUE})")
    String format;

    @Mixin
    CachedOnlyOption cachedOnly;

    @Mixin
    MeasureOptions measure;

    @Mixin
    StoreOptions storeOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be text or json, not '" + format + "'");
        }
        cachedOnly.check(storeOptions);
        Estimator metric = Estimators.named(metricId);
        SpikeDetection detection = new SpikeDetection(window, k, mergeGap);
        SpikePrecursors precursors = new SpikePrecursors(baseline, z);
        PrintWriter err = spec.commandLine().getErr();
        try (ResultStore store = storeOptions.open(run)) {
            Optional<RunFolder> usable = UsableRun.open(run, store, err);
            if (usable.isEmpty()) {
                return RunInspection.UNUSABLE;
            }
            RunFolder folder = usable.get();
            Optional<LossCurve> loss = folder.loss();
            if (loss.isEmpty()) {
                err.println("shapescope: " + folder.directory().resolve("loss.csv")
                        + ": no training loss (missing or unreadable); spikes are found in it");
                return RunInspection.UNUSABLE;
            }
            MetricGrid grid = grid(folder, metric, store);
            store.warnings().forEach(warning -> err.println("shapescope: " + warning));
            SpikeReport report = SpikeReport.of(loss.get(), grid, detection, precursors);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
                json.put("run", folder.metadata().name());
                json.put("folder", folder.directory().toString());
                json.putAll(report.json());
                out.println(InspectCommand.jsonWriter().writeValueAsString(json));
            } else {
                out.print(report.text());
            }
            out.flush();
            long missing = countMissing(grid);
            if (missing > 0) {
                err.println("shapescope: " + missing + " of " + grid.stepCount() * grid.layerCount() + " cells have no "
                        + metric.name() + " value" + (cachedOnly.requested() ? " in the store" : ""));
            }
            return missing == 0 && folder.problems().isEmpty() ? RunInspection.USABLE : RunInspection.PARTLY_USABLE;
        }
    }

    private MetricGrid grid(RunFolder folder, Estimator metric, ResultStore store) throws InterruptedException {
        List<CellKey> cells = GridEngine.cells(folder);
        CoreSplit split = CoreSplit.ofMachine(cells.size());
        MeasureParameters parameters = measure.parameters().withThreads(split.threadsPerCell());
        GridEngine engine = new GridEngine(folder, List.of(metric), parameters, store, new PoolCellExecutor(split.workers()));
        if (cachedOnly.requested()) {
            return MetricGrids.of(folder, metric, parameters, engine.storedResults());
        }
        CollectingListener collected = new CollectingListener();
        engine.run(collected, new Cancellation());
        collected.failures().forEach(f -> spec.commandLine().getErr().println("shapescope: " + f));
        return MetricGrids.of(folder, metric, parameters, collected.results());
    }

    private static long countMissing(MetricGrid grid) {
        long missing = 0;
        for (int l = 0; l < grid.layerCount(); l++) {
            for (int s = 0; s < grid.stepCount(); s++) {
                if (!grid.isComputed(l, s)) {
                    missing++;
                }
            }
        }
        return missing;
    }
}

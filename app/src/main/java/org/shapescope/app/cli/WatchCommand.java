package org.shapescope.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CoreSplit;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.GridListener;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.run.Problem;
import org.shapescope.analysis.run.RunChanges;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunFolderException;
import org.shapescope.analysis.run.RunFollower;
import org.shapescope.analysis.run.RunInspection;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.app.data.MetricsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shapescope watch RUN}: follows a run folder while a training job writes into it
 * ({@link RunFollower}) and prints the cells of every checkpoint, present or new, as JSON lines.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Follows a run folder while training writes into it: computes the cells of every checkpoint "
                + "present and of each new one once it is complete (written and renamed, or its size settled and its "
                + "Arrow footer / end-of-stream marker present), and prints one JSON object per line per finished cell, "
                + "e.g. {\"step\":512,\"layer\":3,\"anisotropy\":0.41} (NaN as null).%n"
                + "A half-written file is waited for, never reported as corrupt. Results go to the run's result store; "
                + "what it holds is printed without computing.%n"
                + "Ends after --idle-exit seconds without a new checkpoint and none being written (0: once what is there "
                + "is printed), else on Ctrl-C. "
                + "Exit status: 0, 1 when cells failed or files were unusable, 2 when the folder cannot be followed.")
final class WatchCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofSeconds(1);

    @Parameters(paramLabel = "RUN", description = "the run folder (it may hold no checkpoint yet)")
    Path run;

    @Option(names = "--idle-exit", paramLabel = "SECONDS",
            description = "end after this many seconds without a new checkpoint (default: run until Ctrl-C)")
    Double idleExit;

    @Mixin
    GridOptions grid;

    @Mixin
    MeasureOptions measure;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--settle", paramLabel = "MILLIS", defaultValue = "500",
            description = "how long a file written in place must keep its size before it is read (default: ${DEFAULT-VALUE})")
    long settleMillis;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Estimator> estimators = grid.estimators();
        int cores = grid.cores();
        if (idleExit != null && !(idleExit >= 0)) {
            throw new IllegalArgumentException("--idle-exit must be a number of seconds, at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean troubled = false;
        Duration settle = Duration.ofMillis(Math.max(1, settleMillis));
        try (ResultStore store = storeOptions.open(run);
             RunFollower follower = RunFollower.follow(run, store, settle, RunFollower.DEFAULT_GIVE_UP)) {
            CellLines lines = new CellLines(out, err, estimators);
            long idleSince = System.nanoTime();
            while (true) {
                long idleLeft = idleExit == null ? Long.MAX_VALUE
                        : (long) (idleExit * 1e9) - (System.nanoTime() - idleSince);
                Duration wait = idleLeft <= 0 ? settle : idleLeft < POLL.toNanos() ? Duration.ofNanos(idleLeft) : POLL;
                RunChanges changes = follower.poll(wait);
                for (Problem problem : changes.problems()) {
                    err.println("shapescope: " + problem);
                    troubled |= problem.severity() == Problem.Severity.ERROR;
                }
                if (!changes.added().isEmpty()) {
                    RunFolder columns = changes.run().withCheckpoints(changes.added());
                    CoreSplit split = CoreSplit.of(cores, GridEngine.cells(columns).size());
                    MeasureParameters parameters = measure.parameters().withThreads(split.threadsPerCell());
                    new GridEngine(columns, estimators, parameters, store, new PoolCellExecutor(split.workers()))
                            .run(lines, new Cancellation());
                    store.warnings().forEach(warning -> err.println("shapescope: " + warning));
                    idleSince = System.nanoTime();
                } else if (idleExit != null && System.nanoTime() - idleSince >= (long) (idleExit * 1e9)
                        && !follower.isWaiting()) {
                    break; // a file still being written is not idleness: it is waited for
                }
            }
            troubled |= lines.failures.get() > 0;
        } catch (RunFolderException e) {
            err.println("shapescope: " + e.getMessage());
            return RunInspection.UNUSABLE;
        }
        return troubled ? RunInspection.PARTLY_USABLE : RunInspection.USABLE;
    }

    /** Prints each finished cell as one JSON line, flushed at once; failures go to standard error. */
    private static final class CellLines implements GridListener {
        private final ObjectMapper json = new ObjectMapper();
        private final PrintWriter out;
        private final PrintWriter err;
        private final List<Estimator> estimators;
        final AtomicInteger failures = new AtomicInteger();

        CellLines(PrintWriter out, PrintWriter err, List<Estimator> estimators) {
            this.out = out;
            this.err = err;
            this.estimators = estimators;
        }

        @Override
        public void cellFinished(CellResult result) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("step", result.cell().step());
            cell.put("layer", result.cell().layer());
            for (Estimator metric : estimators) {
                MeasureResult value = result.measures().get(metric.name());
                cell.put(metric.name(), value != null && Double.isFinite(value.value()) ? value.value() : null);
                if (value != null && value.hasSpread()) {
                    cell.put(metric.name() + MetricsCsv.SPREAD_SUFFIX, Double.isFinite(value.spread()) ? value.spread() : null);
                }
            }
            String line;
            try {
                line = json.writeValueAsString(cell);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a map of numbers is always JSON", e);
            }
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }

        @Override
        public void cellFailed(CellFailure failure) {
            failures.incrementAndGet();
            synchronized (err) {
                err.println("shapescope: " + failure);
                err.flush();
            }
        }
    }
}

package org.shapescope.spark.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.shapescope.analysis.ErrorText;
import org.apache.spark.api.java.JavaSparkContext;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.GridListener;
import org.shapescope.analysis.grid.GridSummary;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.run.RunFolderException;
import org.shapescope.analysis.storage.Storage;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.store.SqliteResultStore;
import org.shapescope.spark.ClusterUnavailableException;
import org.shapescope.spark.DriverSettings;
import org.shapescope.spark.SparkCellExecutor;
import org.shapescope.spark.storage.HadoopStorage;
import org.shapescope.spark.storage.RunLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shapescope-spark analyze RUN}: the grid engine of {@code shapescope analyze} with the
 * {@link SparkCellExecutor}; results go into the same SQLite store under the same keys, so
 * {@code shapescope analyze RUN --cached-only} and the desktop app show them without computing.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Computes the geometry of every (checkpoint, layer) cell of a run on Spark, one task per cell; each "
                + "result goes into the result store as it arrives, so a rerun computes only what is missing.%n"
                + "Exit status: 0 every cell done, 1 failed cells or run problems, 2 unusable run, "
                + "3 the cluster failed or vanished (finished cells are kept).")
final class AnalyzeOnSpark implements Callable<Integer> {
    static final String DEFAULT_METRICS = "anisotropy,twonn,mle,pca_dim";
    static final int CLUSTER_FAILED = 3;

    @Parameters(paramLabel = "RUN", description = "the run folder: a Hadoop FileSystem URI (hdfs://…, file://…, s3a://… with "
            + "hadoop-aws), or a path that every executor reads at the same place")
    String run;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://… (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--metrics", split = ",", paramLabel = "M", defaultValue = DEFAULT_METRICS,
            description = "comma-separated estimator names, as shapescope analyze (default: ${DEFAULT-VALUE})")
    List<String> metrics;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "4096",
            description = "tokens sampled (seeded) for twonn, mle and phd (default: ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of the token sample (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--store", paramLabel = "PATH",
            description = "the result store, a SQLite file on the driver (default: RUN/.shapescope-cache/results.sqlite, or "
                    + "the user cache when the run folder is read-only; required when the run is not on this machine)")
    Path store;

    @Option(names = "--executor-wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "fail when no executor is alive for this long (default: ${DEFAULT-VALUE})")
    long executorWaitSeconds;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        List<Estimator> estimators = Estimators.named(metrics);
        PrintStream err = System.err;
        Path scratch = Path.of(System.getProperty("shapescope.spark.scratch", System.getProperty("java.io.tmpdir")));
        SparkConf sparkConf = DriverSettings.of(master, "shapescope analyze " + run, scratch, conf);
        RunLocation location = RunLocation.of(run, HadoopStorage.settingsOf(sparkConf));
        Storage storage = location.storage();
        if (store == null && !location.onThisMachine()) {
            err.println("shapescope-spark: " + location.describe() + " is not on this machine: give --store PATH, a local SQLite "
                    + "file for the results");
            return 2;
        }
        try {
            location.checkReachable();
        } catch (IOException e) {
            err.println("shapescope-spark: " + location.describe() + ": cannot be reached (" + ErrorText.firstLine(e) + ")");
            return 2;
        }
        MeasureParameters parameters = MeasureParameters.defaults().withNeighbourTokens(Math.max(1, tokens)).withSeed(seed)
                .withThreads(1);
        try (ResultStore results = store != null ? SqliteResultStore.at(store) : SqliteResultStore.forRun(location.folder())) {
            RunFolder folder;
            try {
                folder = RunFolder.open(storage, location.folder(), results);
            } catch (RunFolderException e) {
                err.println("shapescope-spark: " + location.describe() + ": " + e.reason());
                return 2;
            }
            folder.problems().forEach(problem -> err.println("shapescope-spark: " + problem.severity().name().toLowerCase(Locale.ROOT)
                    + ": " + storage.describe(problem.file()) + ": " + problem.message()));
            if (folder.checkpoints().isEmpty()) {
                err.println("shapescope-spark: " + location.describe() + ": no usable checkpoint");
                return 2;
            }
            GridSummary summary;
            Progress progress = new Progress(err, GridEngine.cells(folder).size(), storage);
            try (JavaSparkContext spark = new JavaSparkContext(sparkConf)) {
                SparkCellExecutor executor = new SparkCellExecutor(spark, Duration.ofSeconds(executorWaitSeconds));
                GridEngine engine = new GridEngine(folder, estimators, parameters, results, executor);
                Cancellation cancellation = new Cancellation();
                Thread onInterrupt = new Thread(cancellation::cancel, "shapescope-spark-cancel");
                Runtime.getRuntime().addShutdownHook(onInterrupt);
                try {
                    summary = engine.run(progress, cancellation);
                } catch (ClusterUnavailableException e) {
                    err.println("shapescope-spark: " + e.getMessage());
                    return CLUSTER_FAILED;
                } finally {
                    removeHook(onInterrupt);
                }
                err.printf("shapescope-spark: %d cells: %d computed on %s, %d from the store, %d failed, in %.1f s%n",
                        summary.cells(), summary.computed(), spark.master(), summary.fromCache(), summary.failed(),
                        summary.elapsed().toMillis() / 1000.0);
            }
            results.warnings().forEach(warning -> err.println("shapescope-spark: " + warning));
            String print = " --metrics " + String.join(",", metrics) + " --tokens " + tokens + " --seed " + seed
                    + (store != null ? " --store " + store.toAbsolutePath() : "") + " --cached-only";
            err.println("shapescope-spark: results in " + results.location() + (location.onThisMachine()
                    ? "; to print them: shapescope analyze " + folder.directory() + print
                    : "; to print them, copy the run keeping its modification times (hdfs dfs -get -p " + location.describe()
                            + " COPY) and run: shapescope analyze COPY" + print));
            return summary.failed() == 0 && folder.problems().isEmpty() ? 0 : 1;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook has run or is running
        }
    }

    /** One line per tenth of the grid on standard error, failures as they come. */
    private static final class Progress implements GridListener {
        private final PrintStream err;
        private final int total;
        private final Storage storage;
        private final AtomicInteger done = new AtomicInteger();

        Progress(PrintStream err, int total, Storage storage) {
            this.err = err;
            this.total = Math.max(1, total);
            this.storage = storage;
        }

        @Override
        public void cellFinished(CellResult result) {
            advance();
        }

        @Override
        public void cellFailed(CellFailure failure) {
            err.println("shapescope-spark: " + storage.describe(failure.file()) + ": " + failure.cell() + ": " + failure.reason());
            advance();
        }

        private void advance() {
            int now = done.incrementAndGet();
            if (now * 10 / total != (now - 1) * 10 / total || now == total) {
                err.printf("shapescope-spark: %d/%d cells%n", now, total);
            }
        }
    }
}

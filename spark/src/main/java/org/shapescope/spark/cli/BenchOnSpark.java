package org.shapescope.spark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.shapescope.analysis.format.CheckpointFile;
import org.shapescope.analysis.format.CheckpointSource;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellExecutor;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.GridSummary;
import org.shapescope.analysis.grid.PoolCellExecutor;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.spark.DriverSettings;
import org.shapescope.spark.SameNumbers;
import org.shapescope.spark.SparkCellExecutor;
import org.shapescope.spark.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code shapescope-spark bench RUN}: cells per second of the local engine (1 and 2 cells at once)
 * and of a loopback standalone cluster with 1 and 2 one-core workers on the same run, no store, as
 * ratios to the local engine on one core; and what reading costs per cell against per checkpoint
 * (the choice of task granularity). Not a test: run it on a quiet machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Cells per second: local engine against a loopback Spark cluster of 1 and 2 one-core workers, "
                + "same run, no store; and the read cost of a task per cell against a task per checkpoint.")
final class BenchOnSpark implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "the run folder")
    Path run;

    @Option(names = "--metrics", split = ",", paramLabel = "M", defaultValue = AnalyzeOnSpark.DEFAULT_METRICS)
    List<String> metrics;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "4096")
    int tokens;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${sys:shapescope.spark.cluster:-target/local-cluster}-bench",
            description = "the bench cluster's PIDs, logs and scratch (default: ${DEFAULT-VALUE})")
    Path home;

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(run);
        List<Estimator> estimators = Estimators.named(metrics);
        MeasureParameters parameters = MeasureParameters.defaults().withNeighbourTokens(tokens).withThreads(1);
        readCost(folder);
        Timed local1 = grid(folder, estimators, parameters, new PoolCellExecutor(1));
        report("local engine, 1 cell at once", local1, local1);
        Timed local2 = grid(folder, estimators, parameters, new PoolCellExecutor(2));
        report("local engine, 2 cells at once", local2, local1);
        for (int workers = 1; workers <= 2; workers++) {
            Timed spark = onCluster(workers, folder, estimators, parameters);
            report("Spark standalone, " + workers + " one-core worker" + (workers > 1 ? "s" : ""), spark, local1);
            System.out.printf("  worst relative difference to the local engine: %.1e (tolerance %.0e)%n",
                    worstDifference(spark.results(), local1.results()), SameNumbers.RELATIVE_TOLERANCE);
        }
        return 0;
    }

    /** Reading every layer of each checkpoint as per-cell tasks do (one opening per layer) against one opening per checkpoint. */
    private static void readCost(RunFolder folder) throws Exception {
        long perCellNanos = 0;
        long perCheckpointNanos = 0;
        long perCellBytes = 0;
        long perCheckpointBytes = 0;
        int layers = 0;
        for (Checkpoint checkpoint : folder.checkpoints()) {
            CheckpointSource source = checkpoint.source();
            long bytes = readBytes();
            long start = System.nanoTime();
            for (int layer : source.tokensPerLayer().keySet()) {
                source.readLayer(layer);
                layers++;
            }
            perCellNanos += System.nanoTime() - start;
            perCellBytes += readBytes() - bytes;
            bytes = readBytes();
            start = System.nanoTime();
            try (CheckpointFile file = CheckpointFile.open(source.location(), source.layout())) {
                for (int layer : source.tokensPerLayer().keySet()) {
                    file.readLayer(layer);
                }
            }
            perCheckpointNanos += System.nanoTime() - start;
            perCheckpointBytes += readBytes() - bytes;
        }
        System.out.printf("reading %d layers (warm page cache): a task per cell %.1f ms and %.2f MB per layer; "
                        + "a task per checkpoint %.1f ms and %.2f MB per layer%n", layers,
                perCellNanos / 1e6 / layers, perCellBytes / 1e6 / layers,
                perCheckpointNanos / 1e6 / layers, perCheckpointBytes / 1e6 / layers);
    }

    /** Bytes this process has read through system calls ({@code rchar} of /proc/self/io), 0 elsewhere. */
    private static long readBytes() throws IOException {
        Path io = Path.of("/proc/self/io");
        if (!Files.exists(io)) {
            return 0;
        }
        for (String line : Files.readAllLines(io)) {
            if (line.startsWith("rchar:")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        return 0;
    }

    private Timed onCluster(int workers, RunFolder folder, List<Estimator> estimators, MeasureParameters parameters)
            throws Exception {
        LocalCluster cluster = new LocalCluster(home, DriverSettings.classPath());
        String url = cluster.start(workers, Duration.ofSeconds(90));
        try (JavaSparkContext spark = new JavaSparkContext(DriverSettings.of(url, "shapescope-spark bench",
                cluster.home().resolve("driver"), Map.of()))) {
            waitForExecutors(spark, workers);
            return grid(folder, estimators, parameters, new SparkCellExecutor(spark));
        } finally {
            cluster.stop(Duration.ofSeconds(15));
        }
    }

    private static void waitForExecutors(JavaSparkContext spark, int executors) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (spark.sc().statusTracker().getExecutorInfos().length < executors + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static Timed grid(RunFolder folder, List<Estimator> estimators, MeasureParameters parameters, CellExecutor executor)
            throws InterruptedException {
        CollectingListener collected = new CollectingListener();
        GridSummary summary = new GridEngine(folder, estimators, parameters, ResultStore.none(), executor)
                .run(collected, new Cancellation());
        Map<CellKey, CellResult> byCell = new HashMap<>();
        collected.results().forEach(r -> byCell.put(r.cell(), r));
        if (!collected.failures().isEmpty()) {
            throw new IllegalStateException("cells failed: " + collected.failures());
        }
        return new Timed(summary, byCell);
    }

    private static void report(String what, Timed timed, Timed reference) {
        System.out.printf("%-42s %4d cells in %6.1f s = %5.2f cells/s, ratio to the local engine on 1 core %.2f%n", what,
                timed.summary().computed(), timed.seconds(), timed.cellsPerSecond(),
                timed.cellsPerSecond() / reference.cellsPerSecond());
    }

    private static double worstDifference(Map<CellKey, CellResult> a, Map<CellKey, CellResult> b) {
        double worst = 0;
        for (var cell : b.entrySet()) {
            for (var measure : cell.getValue().measures().entrySet()) {
                worst = Math.max(worst, SameNumbers.difference(a.get(cell.getKey()).measures().get(measure.getKey()),
                        measure.getValue()));
            }
        }
        return worst;
    }

    private record Timed(GridSummary summary, Map<CellKey, CellResult> results) {
        double seconds() {
            return summary.elapsed().toNanos() / 1e9;
        }

        double cellsPerSecond() {
            return summary.computed() / seconds();
        }
    }
}

package org.shapescope.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellExecutor;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellOutcome;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CellTask;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.SameThreadCellExecutor;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.SqliteResultStore;
import org.shapescope.spark.cli.ShapescopeSpark;
import org.shapescope.spark.cluster.LocalCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real standalone cluster as {@code spark/bin/local-cluster} starts it (Master and Worker JVMs of
 * their own, ports on 127.0.0.1): the job of {@code shapescope-spark analyze} fills a store that
 * {@code shapescope analyze --cached-only} reads back whole; then the cluster vanishes (every daemon
 * and executor killed with SIGKILL) under a running job, which fails with a clear message in time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(240)
class SparkStandaloneClusterTest {
    private static LocalCluster cluster;
    private static String master;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster(SparkTestScratch.path().resolve("standalone-cluster"), DriverSettings.classPath());
        cluster.stop(Duration.ofSeconds(5)); // a cluster left by an aborted earlier run of this test
        master = cluster.start(1, Duration.ofSeconds(150));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.stop(Duration.ofSeconds(15));
        }
    }

    @Test
    @Order(1)
    void theJobFillsAStoreThatCachedOnlyReadsBack() throws Exception {
        Path run = dir.resolve("run");
        SparkTestRuns.write(run, 2, 3, 240, 12);
        Path store = dir.resolve("elsewhere").resolve("results.sqlite");
        int status = ShapescopeSpark.run("analyze", run.toString(), "--master", master, "--store", store.toString(),
                "--metrics", String.join(",", SparkTestRuns.ESTIMATORS.stream().map(Estimator::name).toList()),
                "--tokens", Integer.toString(SparkTestRuns.PARAMETERS.neighbourTokens()),
                "--seed", Long.toString(SparkTestRuns.PARAMETERS.seed()), "--executor-wait", "100");
        assertThat(status).isZero();
        // What `shapescope analyze RUN --cached-only --store PATH` prints: the store's values, nothing computed.
        Map<CellKey, CellResult> here = SparkTestRuns.computedHere(run);
        try (SqliteResultStore stored = SqliteResultStore.at(store)) {
            GridEngine engine = new GridEngine(RunFolder.open(run, stored), SparkTestRuns.ESTIMATORS, SparkTestRuns.PARAMETERS,
                    stored, new SameThreadCellExecutor());
            Map<CellKey, CellResult> fromStore = new java.util.LinkedHashMap<>();
            for (CellKey cell : here.keySet()) {
                fromStore.put(cell, new CellResult(cell, engine.stored(cell), true));
            }
            SparkTestRuns.assertSameNumbers(fromStore, here);
        }
    }

    @Test
    @Order(2)
    void aDriverWhoseClusterVanishesFailsInTime() throws Exception {
        Path run = dir.resolve("vanishing");
        SparkTestRuns.write(run, 2, 6, 1500, 32);
        List<ProcessHandle> daemons = new ArrayList<>();
        cluster.status().forEach(d -> ProcessHandle.of(d.pid()).ifPresent(daemons::add));
        AtomicBoolean vanished = new AtomicBoolean();
        List<CellKey> delivered = new ArrayList<>();
        try (JavaSparkContext spark = new JavaSparkContext(DriverSettings.of(master, "vanishing cluster", SparkTestScratch.path(),
                Map.of()))) {
            awaitExecutor(spark);
            CellExecutor executor = new SparkCellExecutor(spark, Duration.ofSeconds(10));
            CellExecutor.Sink sink = new CellExecutor.Sink() {
                @Override
                public void finished(CellTask task, CellOutcome outcome) {
                    delivered.add(task.cell());
                    if (vanished.compareAndSet(false, true)) {
                        for (ProcessHandle daemon : daemons) {
                            daemon.descendants().forEach(ProcessHandle::destroyForcibly); // its executor JVM
                            daemon.destroyForcibly();
                        }
                    }
                }
            };
            List<CellTask> tasks = new ArrayList<>();
            RunFolder folder = RunFolder.open(run);
            for (CellKey cell : GridEngine.cells(folder)) {
                tasks.add(new CellTask(cell, folder.checkpoint(cell.step()).orElseThrow().source(),
                        SparkTestRuns.ESTIMATORS.stream().map(Estimator::name).toList(), SparkTestRuns.PARAMETERS));
            }
            long start = System.nanoTime();
            assertThatThrownBy(() -> executor.execute(tasks, sink, new Cancellation()))
                    .isInstanceOf(ClusterUnavailableException.class)
                    .hasMessageContaining("no Spark executor for 10 s at " + master)
                    .hasMessageContaining("a rerun computes the rest");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(vanished).isTrue();
            assertThat(delivered.size()).isLessThan(tasks.size());
            System.out.printf("vanished cluster: the driver gave up %.1f s after the job started, %d of %d cells delivered%n",
                    seconds, delivered.size(), tasks.size());
        }
    }

    /** Waits until the cluster has given this application an executor (a new JVM: seconds on a loaded machine). */
    private static void awaitExecutor(JavaSparkContext spark) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (spark.sc().statusTracker().getExecutorInfos().length < 2) {
            assertThat(System.nanoTime()).as("an executor within 120 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}

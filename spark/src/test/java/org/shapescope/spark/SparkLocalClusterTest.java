package org.shapescope.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellExecutor;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellOutcome;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CellTask;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.spark.cluster.JvmProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark executor on {@code local-cluster[2,1,1024]}: a real Master and two Workers inside this
 * JVM, and two executor JVMs of one core each, launched by the Workers from the test class path
 * (SPARK_HOME, SPARK_SCALA_VERSION and SPARK_LOCAL_IP come from the pom's Surefire settings).
 */
@Timeout(180)
class SparkLocalClusterTest {
    private static JavaSparkContext spark;
    private static final AtomicInteger LOST_TASKS = new AtomicInteger();

    @TempDir
    static Path dir;

    @BeforeAll
    static void startCluster() {
        spark = new JavaSparkContext(DriverSettings.of("local-cluster[2,1,1024]", "SparkLocalClusterTest",
                SparkTestScratch.path(), Map.of("spark.executor.memory", "512m")));
        spark.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExecutorLostFailure) {
                    LOST_TASKS.incrementAndGet();
                }
            }
        });
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyCellEqualsTheLocalEngine() throws Exception {
        Path run = dir.resolve("equal");
        SparkTestRuns.write(run, 2, 3, 240, 12);
        SparkTestRuns.Grid onCluster = SparkTestRuns.grid(RunFolder.open(run), ResultStore.none(), new SparkCellExecutor(spark));
        assertThat(onCluster.summary().computed()).isEqualTo(6);
        double worst = SparkTestRuns.assertSameNumbers(onCluster.results(), SparkTestRuns.computedHere(run));
        System.out.printf("local-cluster[2,1,1024]: 6 cells, worst relative difference to the local engine %.1e%n", worst);
    }

    /**
     * Kills one executor JVM with SIGKILL when the first cell has arrived; Spark reruns its lost
     * task on the other executor (or on the one its Worker starts instead), and every cell still
     * arrives, equal to the local engine's.
     */
    @Test
    void aKilledExecutorLosesNoCell() throws Exception {
        Path run = dir.resolve("fault");
        SparkTestRuns.write(run, 2, 4, 1500, 48);
        long start = System.nanoTime();
        Map<CellKey, CellResult> here = SparkTestRuns.computedHere(run);
        System.out.printf("local engine: 8 cells in %.2f s%n", (System.nanoTime() - start) / 1e9);
        List<ProcessHandle> executors = executorJvms();
        assertThat(executors).as("executor JVMs started by the workers").hasSizeGreaterThanOrEqualTo(1);
        AtomicBoolean killed = new AtomicBoolean();
        int lostBefore = LOST_TASKS.get();
        CellExecutor killing = new CellExecutor() {
            private final CellExecutor inner = new SparkCellExecutor(spark);

            @Override
            public void execute(List<CellTask> tasks, Sink sink, Cancellation cancellation) throws InterruptedException {
                inner.execute(tasks, new Sink() {
                    @Override
                    public void finished(CellTask task, CellOutcome outcome) {
                        if (killed.compareAndSet(false, true)) {
                            executors.get(0).destroyForcibly(); // SIGKILL, by PID
                        }
                        sink.finished(task, outcome);
                    }
                }, cancellation);
            }
        };
        SparkTestRuns.Grid onCluster = SparkTestRuns.grid(RunFolder.open(run), ResultStore.none(), killing);
        assertThat(killed).isTrue();
        assertThat(executors.get(0).isAlive()).isFalse();
        assertThat(onCluster.summary().computed()).isEqualTo(8);
        SparkTestRuns.assertSameNumbers(onCluster.results(), here);
        System.out.printf("local-cluster fault: executor %d killed after the first cell, %d task(s) lost and rerun, 8 of 8 cells%n",
                executors.get(0).pid(), LOST_TASKS.get() - lostBefore);
    }

    /** The executor JVMs of this test's cluster: children of its in-process Workers, so of this JVM. */
    static List<ProcessHandle> executorJvms() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<ProcessHandle> found = List.of();
        while (System.nanoTime() < deadline) {
            found = ProcessHandle.current().descendants()
                    .filter(p -> JvmProcess.runs(p, "CoarseGrainedExecutorBackend"))
                    .toList();
            if (found.size() >= 2) {
                break;
            }
            Thread.sleep(200);
        }
        return found;
    }

}

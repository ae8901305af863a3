package org.shapescope.spark;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.grid.CellExecutor;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.SqliteResultStore;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spark executor in local[2] (two task threads in this JVM) against the local engine. */
class SparkLocalModeTest {
    private static JavaSparkContext spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(DriverSettings.of("local[2]", "SparkLocalModeTest", SparkTestScratch.path(), Map.of()));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void everyCellEqualsTheLocalEngine() throws Exception {
        Path run = dir.resolve("run");
        SparkTestRuns.write(run, 3, 3, 240, 12);
        Map<CellKey, CellResult> here = SparkTestRuns.computedHere(run);
        try (SqliteResultStore store = SqliteResultStore.forRun(run)) {
            SparkTestRuns.Grid onSpark = SparkTestRuns.grid(RunFolder.open(run, store), store, new SparkCellExecutor(spark));
            assertThat(onSpark.summary().computed()).isEqualTo(9);
            double worst = SparkTestRuns.assertSameNumbers(onSpark.results(), here);
            System.out.printf("local[2]: 9 cells, worst relative difference to the local engine %.1e%n", worst);
        }
        try (SqliteResultStore store = SqliteResultStore.forRun(run)) {
            SparkTestRuns.Grid again = SparkTestRuns.grid(RunFolder.open(run, store), store, new SparkCellExecutor(spark));
            assertThat(again.summary().computed()).as("a second run computes nothing").isZero();
            assertThat(again.summary().fromCache()).isEqualTo(9);
            SparkTestRuns.assertSameNumbers(again.results(), here);
        }
    }

    @Test
    void aRerunAfterAnInterruptedJobComputesOnlyTheRest() throws Exception {
        Path run = dir.resolve("run");
        SparkTestRuns.write(run, 2, 3, 200, 8);
        try (SqliteResultStore store = SqliteResultStore.forRun(run)) {
            // A job that dies after two cells: the two it finished are in the store.
            SparkTestRuns.grid(RunFolder.open(run, store), store, firstTasksOnly(2, new SparkCellExecutor(spark)));
        }
        try (SqliteResultStore store = SqliteResultStore.forRun(run)) {
            SparkTestRuns.Grid rerun = SparkTestRuns.grid(RunFolder.open(run, store), store, new SparkCellExecutor(spark));
            assertThat(rerun.summary().fromCache()).isEqualTo(2);
            assertThat(rerun.summary().computed()).isEqualTo(4);
            SparkTestRuns.assertSameNumbers(rerun.results(), SparkTestRuns.computedHere(run));
        }
    }

    /** An executor that gives only the first {@code n} tasks to {@code inner}: a job that died after n cells. */
    private static CellExecutor firstTasksOnly(int n, CellExecutor inner) {
        return (tasks, sink, cancellation) -> inner.execute(tasks.subList(0, Math.min(n, tasks.size())), sink, cancellation);
    }
}

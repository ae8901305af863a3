package org.shapescope.analysis.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.CellAnalyzer;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.store.SqliteResultStore;

class GridEngineTest {
    private static final List<Estimator> METRICS = Estimators.of("anisotropy", "twonn", "mle", "pca_dim");
    private static final MeasureParameters PARAMETERS = MeasureParameters.defaults().withNeighbourTokens(150);

    @TempDir
    Path dir;

    static void writeRun(Path run, int checkpoints, int layers, int tokens, int hidden) throws Exception {
        Random random = new Random(345);
        for (int c = 0; c < checkpoints; c++) {
            try (CheckpointWriter writer = CheckpointWriter.create(run.resolve("step-" + (c * 10) + ".arrow"), c * 10L, hidden,
                    CheckpointWriter.Options.defaults().withElementType(org.shapescope.analysis.format.ElementType.FLOAT32))) {
                for (int layer = 0; layer < layers; layer++) {
                    float[] values = new float[tokens * hidden];
                    for (int i = 0; i < tokens; i++) {
                        double dominant = random.nextGaussian() * (1 + layer + c);
                        for (int j = 0; j < hidden; j++) {
                            values[i * hidden + j] = (float) (random.nextGaussian() + (j < 2 ? dominant : 0));
                        }
                    }
                    writer.writeLayer(LayerData.ofValues(layer, tokens, hidden, values));
                }
            }
        }
    }

    /** Collects what a grid publishes. */
    static class Recorder extends CollectingListener {
    }

    private static GridSummary runGrid(RunFolder run, List<Estimator> estimators, MeasureParameters parameters, ResultStore store,
                                       CellExecutor executor, GridListener listener) throws InterruptedException {
        return new GridEngine(run, estimators, parameters, store, executor).run(listener, new Cancellation());
    }

    private SqliteResultStore store() {
        return SqliteResultStore.forRun(dir);
    }

    @Test
    void everyCellEqualsTheAnalyzerOnItsLayer() throws Exception {
        writeRun(dir, 3, 4, 200, 12);
        RunFolder run = RunFolder.open(dir);
        Recorder recorder = new Recorder();
        GridSummary summary = runGrid(run, METRICS, PARAMETERS, ResultStore.none(), new PoolCellExecutor(2), recorder);
        assertThat(summary.cells()).isEqualTo(12);
        assertThat(summary.computed()).isEqualTo(12);
        assertThat(recorder.failures()).isEmpty();
        for (CellResult result : recorder.results()) {
            LayerData layer = run.checkpoint(result.cell().step()).orElseThrow().readLayer(result.cell().layer());
            Map<String, MeasureResult> direct = CellAnalyzer.analyze(layer.values(), layer.tokens(), layer.hiddenSize(), METRICS,
                    PARAMETERS, () -> false);
            assertThat(result.measures()).isEqualTo(direct);
            assertThat(List.copyOf(result.measures().keySet())).containsExactly("anisotropy", "twonn", "mle", "pca_dim");
            assertThat(result.tokensUsed()).isEqualTo(200);
        }
    }

    @Test
    void theSameThreadExecutorComputesTheSameGridAsThePool() throws Exception {
        writeRun(dir, 3, 3, 150, 10);
        RunFolder run = RunFolder.open(dir);
        Recorder pool = new Recorder();
        runGrid(run, METRICS, PARAMETERS, ResultStore.none(), new PoolCellExecutor(2), pool);
        Recorder sameThread = new Recorder();
        List<CellKey> started = new java.util.ArrayList<>();
        GridSummary summary = runGrid(run, METRICS, PARAMETERS, ResultStore.none(), new SameThreadCellExecutor(), new Recorder() {
            @Override
            public void cellStarted(CellKey cell) {
                started.add(cell);
            }

            @Override
            public void cellFinished(CellResult result) {
                sameThread.cellFinished(result);
            }
        });
        assertThat(summary.computed()).isEqualTo(9);
        assertThat(started).as("the same-thread executor keeps the schedule's order").isEqualTo(GridEngine.cells(run));
        assertThat(sameThread.results()).extracting(CellResult::measures)
                .as("same values whoever runs the cells (one code path, same threads per cell)")
                .isEqualTo(pool.results().stream().map(CellResult::measures).toList());
    }

    @Test
    void reopeningServesEveryCellFromTheStoreWithTheSameValues() throws Exception {
        writeRun(dir, 2, 3, 120, 8);
        Recorder first = new Recorder();
        try (SqliteResultStore store = store()) {
            runGrid(RunFolder.open(dir, store), METRICS, PARAMETERS, store, new PoolCellExecutor(1), first);
        }
        Recorder second = new Recorder();
        GridSummary again;
        try (SqliteResultStore store = store()) {
            again = runGrid(RunFolder.open(dir, store), METRICS, PARAMETERS, store, new SameThreadCellExecutor(), second);
        }
        assertThat(again.fromCache()).isEqualTo(6);
        assertThat(again.computed()).isZero();
        assertThat(second.results()).allMatch(CellResult::fromCache);
        for (CellResult cached : second.results()) {
            CellResult computed = first.results().stream().filter(r -> r.cell().equals(cached.cell())).findFirst().orElseThrow();
            assertThat(cached.measures()).as("a lossless round trip through SQLite REAL").isEqualTo(computed.measures());
        }
    }

    @Test
    void onlyTheMissingEstimatorsOfACellAreComputed() throws Exception {
        writeRun(dir, 2, 2, 120, 8);
        try (SqliteResultStore store = store()) {
            RunFolder run = RunFolder.open(dir, store);
            runGrid(run, Estimators.of("anisotropy", "pca_dim"), PARAMETERS, store, new SameThreadCellExecutor(), new Recorder());
            runGrid(run, Estimators.of("twonn"), PARAMETERS, store, new SameThreadCellExecutor(), new Recorder());
            Recorder all = new Recorder();
            GridSummary both = runGrid(run, METRICS, PARAMETERS, store, new SameThreadCellExecutor(), all);
            assertThat(both.fromCache()).isZero();
            assertThat(both.computed()).as("each cell lacks mle only").isEqualTo(4);
            assertThat(all.results()).allSatisfy(r -> assertThat(List.copyOf(r.measures().keySet()))
                    .containsExactly("anisotropy", "twonn", "mle", "pca_dim"));
            GridSummary third = runGrid(run, METRICS, PARAMETERS, store, new SameThreadCellExecutor(), new Recorder());
            assertThat(third.computed()).isZero();
            assertThat(third.fromCache()).isEqualTo(4);
        }
    }

    @Test
    void anotherSeedOrARewrittenFileIsNotServedFromTheStore() throws Exception {
        writeRun(dir, 2, 2, 120, 8);
        try (SqliteResultStore store = store()) {
            runGrid(RunFolder.open(dir, store), METRICS, PARAMETERS, store, new SameThreadCellExecutor(), new Recorder());
            GridSummary otherSeed = runGrid(RunFolder.open(dir, store), METRICS, PARAMETERS.withSeed(9), store,
                    new SameThreadCellExecutor(), new Recorder());
            assertThat(otherSeed.computed()).isEqualTo(4);
            GridSummary anisotropyOnly = runGrid(RunFolder.open(dir, store), Estimators.of("anisotropy"),
                    PARAMETERS.withSeed(5), store, new SameThreadCellExecutor(), new Recorder());
            assertThat(anisotropyOnly.fromCache()).as("anisotropy does not depend on the seed").isEqualTo(4);
            Path rewritten = dir.resolve("step-10.arrow");
            Files.setLastModifiedTime(rewritten, java.nio.file.attribute.FileTime.fromMillis(12345));
            GridSummary afterTouch = runGrid(RunFolder.open(dir, store), METRICS, PARAMETERS, store,
                    new SameThreadCellExecutor(), new Recorder());
            assertThat(afterTouch.fromCache()).isEqualTo(2);
            assertThat(afterTouch.computed()).isEqualTo(2);
        }
    }

    /**
     * Promptness is asserted by counts (the cancelled run computed fewer than all 16 cells); the
     * timeout only guards against a hang. It covers the rerun of every estimator on the rest too,
     * which took over 30 s on a 2-core machine under load 12, hence the wide bound.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void cancellingStopsPromptlyAndKeepsWhatFinished() throws Exception {
        writeRun(dir, 4, 4, 1500, 64);
        Cancellation cancellation = new Cancellation();
        java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger();
        GridSummary summary;
        try (SqliteResultStore store = store()) {
            RunFolder run = RunFolder.open(dir, store);
            Recorder recorder = new Recorder() {
                @Override
                public void cellFinished(CellResult result) {
                    published.incrementAndGet();
                    cancellation.cancel();
                }
            };
            summary = new GridEngine(run, Estimators.all(), MeasureParameters.defaults(), store, new PoolCellExecutor(2))
                    .run(recorder, cancellation);
        }
        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.computed()).isLessThan(16).isGreaterThanOrEqualTo(1);
        try (SqliteResultStore reopened = store()) {
            GridSummary rest = runGrid(RunFolder.open(dir, reopened), Estimators.all(), MeasureParameters.defaults(), reopened,
                    new PoolCellExecutor(2), new Recorder());
            assertThat(rest.fromCache()).as("every cell finished before the cancel is kept").isGreaterThanOrEqualTo(summary.computed());
            assertThat(rest.fromCache() + rest.computed()).isEqualTo(16);
        }
    }

    @Test
    void aFileDamagedAfterOpeningFailsItsCellsAndTheRestComplete() throws Exception {
        writeRun(dir, 3, 2, 100, 8);
        RunFolder run = RunFolder.open(dir);
        Path damaged = dir.resolve("step-10.arrow");
        Files.writeString(damaged, "overwritten by a crashed job");
        Recorder recorder = new Recorder();
        GridSummary summary = runGrid(run, METRICS, PARAMETERS, ResultStore.none(), new PoolCellExecutor(2), recorder);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.computed()).isEqualTo(4);
        assertThat(recorder.failures()).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(damaged);
            assertThat(f.reason()).isNotBlank();
        });
    }

    @Test
    void theChosenColumnComesFirstThenCoarseToFine() throws Exception {
        writeRun(dir, 5, 4, 60, 6);
        RunFolder run = RunFolder.open(dir);
        GridEngine engine = new GridEngine(run, Estimators.of("anisotropy"), PARAMETERS, ResultStore.none(),
                new SameThreadCellExecutor()).firstColumn(20);
        List<CellKey> order = engine.cells();
        assertThat(order.subList(0, 4)).extracting(CellKey::step).containsOnly(20L);
        assertThat(order.subList(4, order.size())).isEqualTo(GridEngine.cells(run).stream().filter(c -> c.step() != 20).toList());
        List<CellKey> started = new java.util.ArrayList<>();
        engine.run(new Recorder() {
            @Override
            public void cellStarted(CellKey cell) {
                started.add(cell);
            }
        }, new Cancellation());
        assertThat(started).isEqualTo(order);
    }
}

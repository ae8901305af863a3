package org.shapescope.analysis.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.cache.ResultCache;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.CellAnalyzer;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Metric;
import org.shapescope.analysis.run.RunFolder;

class GridEngineTest {
    private static final Set<Metric> METRICS = EnumSet.of(Metric.ANISOTROPY, Metric.TWONN, Metric.MLE, Metric.PCA_DIM);
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
    static final class Recorder extends CollectingListener {
    }

    @Test
    void everyCellEqualsTheAnalyzerOnItsLayer() throws Exception {
        writeRun(dir, 3, 4, 200, 12);
        RunFolder run = RunFolder.open(dir);
        Recorder recorder = new Recorder();
        GridSummary summary = new GridEngine(run, METRICS, PARAMETERS, null, 2).run(recorder);
        assertThat(summary.cells()).isEqualTo(12);
        assertThat(summary.computed()).isEqualTo(12);
        assertThat(recorder.failures()).isEmpty();
        for (CellResult result : recorder.results()) {
            LayerData layer = RunFolder.readLayer(run.checkpoint(result.cell().step()).orElseThrow(), result.cell().layer());
            Map<Metric, MeasureResult> direct = CellAnalyzer.analyze(layer.values(), layer.tokens(), layer.hiddenSize(), METRICS,
                    PARAMETERS, () -> false);
            assertThat(result.measures()).isEqualTo(direct);
            assertThat(result.tokensUsed()).isEqualTo(200);
        }
    }

    @Test
    void reopeningServesEveryCellFromTheCacheWithTheSameValues() throws Exception {
        writeRun(dir, 2, 3, 120, 8);
        RunFolder run = RunFolder.open(dir);
        Recorder first = new Recorder();
        new GridEngine(run, METRICS, PARAMETERS, ResultCache.forRun(dir), 1).run(first);
        Recorder second = new Recorder();
        GridSummary again = new GridEngine(RunFolder.open(dir), METRICS, PARAMETERS, ResultCache.forRun(dir), 1).run(second);
        assertThat(again.fromCache()).isEqualTo(6);
        assertThat(again.computed()).isZero();
        assertThat(second.results()).allMatch(CellResult::fromCache);
        for (CellResult cached : second.results()) {
            CellResult computed = first.results().stream().filter(r -> r.cell().equals(cached.cell())).findFirst().orElseThrow();
            assertThat(cached.measures()).isEqualTo(computed.measures());
        }
    }

    @Test
    void anotherSeedOrARewrittenFileIsNotServedFromTheCache() throws Exception {
        writeRun(dir, 2, 2, 120, 8);
        new GridEngine(RunFolder.open(dir), METRICS, PARAMETERS, ResultCache.forRun(dir), 1).run(new Recorder());
        GridSummary otherSeed = new GridEngine(RunFolder.open(dir), METRICS, PARAMETERS.withSeed(9), ResultCache.forRun(dir), 1)
                .run(new Recorder());
        assertThat(otherSeed.computed()).isEqualTo(4);
        GridSummary anisotropyOnly = new GridEngine(RunFolder.open(dir), EnumSet.of(Metric.ANISOTROPY), PARAMETERS.withSeed(5),
                ResultCache.forRun(dir), 1).run(new Recorder());
        assertThat(anisotropyOnly.fromCache()).as("anisotropy does not depend on the seed").isEqualTo(4);
        Path rewritten = dir.resolve("step-10.arrow");
        Files.setLastModifiedTime(rewritten, java.nio.file.attribute.FileTime.fromMillis(12345));
        GridSummary afterTouch = new GridEngine(RunFolder.open(dir), METRICS, PARAMETERS, ResultCache.forRun(dir), 1)
                .run(new Recorder());
        assertThat(afterTouch.fromCache()).isEqualTo(2);
        assertThat(afterTouch.computed()).isEqualTo(2);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void cancellingStopsPromptlyAndLeavesAValidCache() throws Exception {
        writeRun(dir, 4, 4, 1500, 64);
        RunFolder run = RunFolder.open(dir);
        Recorder recorder = new Recorder();
        GridEngine engine = new GridEngine(run, EnumSet.allOf(Metric.class), MeasureParameters.defaults(), ResultCache.forRun(dir), 2);
        GridEngine.GridJob job = engine.start(recorder);
        while (recorder.results().isEmpty()) {
            Thread.sleep(5);
        }
        job.cancel();
        GridSummary summary = job.await();
        assertThat(summary.cancelled()).isTrue();
        assertThat(summary.computed()).isLessThan(16);
        Path cacheFile = ResultCache.forRun(dir).file();
        assertThat(cacheFile).exists();
        assertThat(ResultCache.at(cacheFile).size()).isGreaterThanOrEqualTo(summary.computed() * Metric.values().length);
    }

    @Test
    void aFileDamagedAfterOpeningFailsItsCellsAndTheRestComplete() throws Exception {
        writeRun(dir, 3, 2, 100, 8);
        RunFolder run = RunFolder.open(dir);
        Path damaged = dir.resolve("step-10.arrow");
        Files.writeString(damaged, "overwritten by a crashed job");
        Recorder recorder = new Recorder();
        GridSummary summary = new GridEngine(run, METRICS, PARAMETERS, null, 2).run(recorder);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.computed()).isEqualTo(4);
        assertThat(recorder.failures()).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(damaged);
            assertThat(f.reason()).isNotBlank();
        });
    }
}

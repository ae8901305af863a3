package org.shapescope.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.format.TestLayers;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.SameThreadCellExecutor;
import org.shapescope.analysis.npy.NpyImporter;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.store.SqliteResultStore;

/** The input-format seam: every registered format opens its checkpoints, and layouts are learnt once. */
class CheckpointFormatsTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(CheckpointFormatsTest.class.getResource("/npy/" + name).toURI());
    }

    private static List<CellResult> grid(RunFolder run) throws InterruptedException {
        CollectingListener results = new CollectingListener();
        new GridEngine(run, Estimators.of("anisotropy", "twonn", "pca_dim"), MeasureParameters.defaults(), ResultStore.none(),
                new SameThreadCellExecutor()).run(results, new Cancellation());
        return results.results();
    }

    @Test
    void numpyDumpsAreReadInPlaceWithTheNumbersOfTheirArrowImport() throws Exception {
        Path dumps = dir.resolve("dumps");
        for (String step : List.of("step_0", "step_100")) {
            Path folder = Files.createDirectories(dumps.resolve(step));
            Files.copy(fixture("f2_le_c.npy"), folder.resolve("layer_0.npy"));
            Files.copy(fixture("f2_be_fortran.npy"), folder.resolve("layer_1.npy"));
            Files.copy(fixture("i8_tokens.npy"), folder.resolve("tokens.npy"));
        }
        RunFolder inPlace = RunFolder.open(dumps);
        assertThat(inPlace.problems()).isEmpty();
        assertThat(inPlace.steps()).containsExactly(0, 100);
        assertThat(inPlace.checkpoints()).allSatisfy(c -> assertThat(c.source().format()).isEqualTo("npy-dump"));
        LayerData layer = inPlace.checkpoints().get(1).readLayer(1);
        assertThat(layer.get(4, 2)).isEqualTo(42.25f);
        assertThat(layer.tokenId()).containsExactly(5, -1, 70000, 3, 1L << 40);

        Path imported = dir.resolve("imported");
        NpyImporter.importRun(dumps, imported, line -> { });
        // float16 dumps stay float16 in Arrow: both paths decode the same bits, so the numbers are equal
        assertThat(grid(inPlace)).extracting(CellResult::measures)
                .isEqualTo(grid(RunFolder.open(imported)).stream().map(CellResult::measures).toList());
    }

    @Test
    void aStreamFilesLayoutIsLearntOnceAndKeptInTheStore() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path file = run.resolve("step-7.arrows");
        try (CheckpointWriter writer = CheckpointWriter.create(file, 7, 6, CheckpointWriter.Options.defaults()
                .withContainer(CheckpointWriter.Container.STREAM))) {
            writer.writeLayer(TestLayers.gaussian(0, 10, 6, 1));
            writer.writeLayer(TestLayers.gaussian(1, 10, 6, 1));
        }
        try (SqliteResultStore store = SqliteResultStore.forRun(run)) {
            Checkpoint first = RunFolder.open(run, store).checkpoints().get(0);
            assertThat(store.layout(first.identity())).contains(first.source().layout());
            assertThat(first.tokensPerLayer()).isEqualTo(Map.of(0, 10, 1, 10));
            // A kept layout is used as it is: this one (a made-up count) proves the stream was not scanned again.
            store.putLayout(first.identity(), first.source().layout().replace("1:10", "1:9"));
            Checkpoint again = RunFolder.open(run, store).checkpoints().get(0);
            assertThat(again.tokensPerLayer()).isEqualTo(Map.of(0, 10, 1, 9));
        }
    }

    @Test
    void everyRegisteredFormatHasItsOwnName() {
        assertThat(CheckpointFormats.all()).extracting(f -> f.name()).doesNotHaveDuplicates()
                .containsExactly("arrow-ipc", "npy-dump");
        assertThat(Set.copyOf(CheckpointFormats.all().stream().map(Object::getClass).toList())).hasSize(2);
    }
}

package org.shapescope.analysis.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.ElementType;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.run.RunFolder;

class NpyImporterTest {
    @TempDir
    Path dir;

    private Path dumps() throws Exception {
        Path source = dir.resolve("dumps");
        for (String step : List.of("step_0", "step_100")) {
            Path folder = Files.createDirectories(source.resolve(step));
            Files.copy(NpyArrayTest.fixture("f2_le_c.npy"), folder.resolve("layer_0.npy"));
            Files.copy(NpyArrayTest.fixture("f2_be_fortran.npy"), folder.resolve("layer_1.npy"));
            Files.copy(NpyArrayTest.fixture("i8_tokens.npy"), folder.resolve("tokens.npy"));
            Files.write(folder.resolve("tokens.txt"), List.of("\"a\"", "\"\\n\"", "\" the\"", "\"é\"", "\"z\""));
        }
        Files.writeString(source.resolve("run.json"), "{\"name\": \"dumped\", \"architecture\": \"decoder\"}");
        Files.writeString(source.resolve("loss.csv"), "step,loss\n0,5.5\n100,2.25\n");
        return source;
    }

    @Test
    void importedRunOpensWithEveryColumn() throws Exception {
        Path run = dir.resolve("run");
        List<String> progress = new ArrayList<>();
        NpyImporter.Summary summary = NpyImporter.importRun(dumps(), run, progress::add);
        assertThat(summary.checkpoints()).isEqualTo(2);
        assertThat(progress).hasSize(2);
        RunFolder folder = RunFolder.open(run);
        assertThat(folder.problems()).isEmpty();
        assertThat(folder.steps()).containsExactly(0, 100);
        assertThat(folder.metadata().name()).isEqualTo("dumped");
        assertThat(folder.loss()).isPresent();
        assertThat(folder.checkpoints().get(0).elementType()).isEqualTo(ElementType.FLOAT16);
        LayerData layer = folder.checkpoints().get(1).readLayer(1);
        assertThat(layer.tokens()).isEqualTo(5);
        assertThat(layer.get(4, 2)).isEqualTo(42.25f);
        assertThat(layer.tokenId()).containsExactly(5, -1, 70000, 3, 1L << 40);
        assertThat(layer.tokenText()).containsExactly("a", "\n", " the", "é", "z");
    }

    @Test
    void mismatchedShapesNameTheFile() throws Exception {
        Path source = dumps();
        Path bad = source.resolve("step_100").resolve("layer_2.npy");
        Files.copy(NpyArrayTest.fixture("i4_matrix.npy"), bad);
        assertThatThrownBy(() -> NpyImporter.importRun(source, dir.resolve("run"), line -> { }))
                .isInstanceOf(NpyFormatException.class).hasMessageStartingWith(bad.toString());
    }

    @Test
    void tokenFileOfWrongLengthNamesTheFile() throws Exception {
        Path source = dumps();
        Path tokens = source.resolve("step_0").resolve("tokens.npy");
        Files.copy(NpyArrayTest.fixture("u2_be_tokens.npy"), tokens, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(source.resolve("step_0").resolve("tokens.txt"), List.of("\"a\""));
        assertThatThrownBy(() -> NpyImporter.importRun(source, dir.resolve("run"), line -> { }))
                .hasMessageContaining("tokens.txt: has 1 lines, the layers have 5 tokens");
    }

    @Test
    void folderWithoutStepsIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        assertThatThrownBy(() -> NpyImporter.importRun(empty, dir.resolve("run"), line -> { }))
                .hasMessageContaining("has no step_<N> folders");
    }
}

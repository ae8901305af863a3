package org.shapescope.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.format.TestLayers;

class RunFolderTest {
    @TempDir
    Path dir;

    static void writeCheckpoint(Path file, long metadataStep, int hidden, List<Integer> layers, Float poison) throws Exception {
        CheckpointWriter.Options options = CheckpointWriter.Options.defaults();
        try (CheckpointWriter writer = CheckpointWriter.create(file, metadataStep, hidden, options)) {
            for (int layer : layers) {
                LayerData data = TestLayers.gaussian(layer, 12, hidden, 5);
                if (poison != null) {
                    data.values()[3] = poison;
                }
                writer.writeLayer(data);
            }
        }
    }

    @Test
    void stepsFromFileNames() {
        assertThat(RunFolder.stepFromFileName("step-000512.arrow")).hasValue(512);
        assertThat(RunFolder.stepFromFileName("checkpoint-512.arrow")).hasValue(512);
        assertThat(RunFolder.stepFromFileName("step_512.feather")).hasValue(512);
        assertThat(RunFolder.stepFromFileName("pythia-160m-step1000.arrows")).hasValue(1000);
        assertThat(RunFolder.stepFromFileName("model2-ckpt_30.arrow")).hasValue(30);
        assertThat(RunFolder.stepFromFileName("final.arrow")).isEmpty();
    }

    @Test
    void wellFormedRunWithMetadataLossAndSubfolder() throws Exception {
        Path checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        writeCheckpoint(checkpoints.resolve("step-000100.arrow"), 100, 8, List.of(0, 1, 2), null);
        writeCheckpoint(checkpoints.resolve("step-000000.arrow"), 0, 8, List.of(0, 1, 2), null);
        Files.writeString(dir.resolve("run.json"), "{\"name\": \"toy\", \"model\": \"gpt-toy\", \"architecture\": \"decoder\", "
                + "\"hidden_size\": 8, \"layers\": 3, \"lr\": 0.001}");
        Files.writeString(dir.resolve("loss.csv"), "step,loss,lr\n0,5.5,1e-3\n1,5.25,1e-3\n");
        RunFolder run = RunFolder.open(dir);
        assertThat(run.problems()).isEmpty();
        assertThat(run.steps()).containsExactly(0, 100);
        assertThat(run.layers()).containsExactly(0, 1, 2);
        assertThat(run.hiddenSize()).isEqualTo(8);
        assertThat(run.metadata().architecture()).isEqualTo(Architecture.DECODER);
        assertThat(run.metadata().entries()).containsEntry("lr", 0.001);
        assertThat(run.loss().orElseThrow().losses()).containsExactly(5.5, 5.25);
        assertThat(RunInspection.of(run, true).exitStatus()).isEqualTo(RunInspection.USABLE);
    }

    @Test
    void problemsNameTheirFilesAndTheRestLoads() throws Exception {
        writeCheckpoint(dir.resolve("step-0.arrow"), 0, 8, List.of(0, 1, 2), null);
        writeCheckpoint(dir.resolve("step-10.arrow"), 10, 8, List.of(0, 1), null);
        writeCheckpoint(dir.resolve("step-10b.arrow"), 10, 8, List.of(0, 1, 2), null);
        writeCheckpoint(dir.resolve("step-20.arrow"), 20, 6, List.of(0, 1, 2), null);
        writeCheckpoint(dir.resolve("step-30.arrow"), 30, 8, List.of(0, 1, 2), Float.POSITIVE_INFINITY);
        Files.writeString(dir.resolve("step-40.arrow"), "garbage");
        Files.writeString(dir.resolve("run.json"), "{not json");
        Files.writeString(dir.resolve("loss.csv"), "epoch,value\n1,2\n");
        RunFolder run = RunFolder.open(dir);
        assertThat(run.steps()).containsExactly(0, 10, 30);
        Map<String, String> byFile = new java.util.HashMap<>();
        RunInspection inspection = RunInspection.of(run, true);
        inspection.problems().forEach(p -> byFile.merge(p.file().getFileName().toString(), p.message(), (a, b) -> a + " | " + b));
        assertThat(byFile.get("step-10b.arrow")).contains("duplicate step 10");
        assertThat(byFile.get("step-10.arrow")).contains("missing layers [2]");
        assertThat(byFile.get("step-20.arrow")).contains("hidden size 6 differs from the run's 8");
        assertThat(byFile.get("step-30.arrow")).contains("1 infinite value in 1 of 12 tokens");
        assertThat(byFile.get("step-40.arrow")).contains("not a readable Arrow file");
        assertThat(byFile.get("run.json")).contains("is not valid JSON");
        assertThat(byFile.get("loss.csv")).contains("header must name columns 'step' and 'loss'");
        assertThat(inspection.exitStatus()).isEqualTo(RunInspection.PARTLY_USABLE);
    }

    @Test
    void notARunFolder() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "hello");
        assertThatThrownBy(() -> RunFolder.open(dir)).isInstanceOf(RunFolderException.class)
                .hasMessageContaining("is not a run folder");
        assertThatThrownBy(() -> RunFolder.open(dir.resolve("readme.txt"))).hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> RunFolder.open(dir.resolve("nope"))).hasMessageContaining("does not exist");
    }

    @Test
    void runOfOnlyBrokenFilesIsUnusable() throws Exception {
        Files.writeString(dir.resolve("step-1.arrow"), "");
        RunFolder run = RunFolder.open(dir);
        assertThat(run.checkpoints()).isEmpty();
        assertThat(run.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("is empty"));
        assertThat(RunInspection.of(run, true).exitStatus()).isEqualTo(RunInspection.UNUSABLE);
    }

    @Test
    void lossRowsAreSortedByStepAndARepeatedStepKeepsItsLastRow() {
        LossCurve curve = LossCurve.parse("step,loss,lr\n10,2.0,1\n0,3.0,1\n10,1.5,1\n20,1.25,1\n");
        assertThat(curve.steps()).containsExactly(0, 10, 20);
        assertThat(curve.losses()).containsExactly(3.0, 1.5, 1.25);
        assertThatThrownBy(() -> LossCurve.parse("step,loss\n1,x\n")).hasMessageContaining("line 2");
    }
}

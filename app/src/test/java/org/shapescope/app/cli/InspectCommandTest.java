package org.shapescope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;

class InspectCommandTest {
    @TempDir
    Path dir;

    static void writeRun(Path run, int checkpoints, int layers, int tokens, int hidden) throws Exception {
        Files.createDirectories(run);
        Random random = new Random(11);
        for (int c = 0; c < checkpoints; c++) {
            long step = c == 0 ? 0 : 1L << (c + 3);
            try (CheckpointWriter writer = CheckpointWriter.create(run.resolve(String.format("step-%06d.arrow", step)), step, hidden,
                    CheckpointWriter.Options.defaults())) {
                for (int layer = 0; layer < layers; layer++) {
                    float[] values = new float[tokens * hidden];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) random.nextGaussian();
                    }
                    writer.writeLayer(LayerData.ofValues(layer, tokens, hidden, values));
                }
            }
        }
        Files.writeString(run.resolve("run.json"), "{\"name\": \"cli-run\", \"model\": \"toy\", \"architecture\": \"encoder\", \"seed\": 3}");
    }

    @Test
    void textReportOfAUsableRun() throws Exception {
        writeRun(dir, 3, 4, 20, 16);
        CliRunner result = CliRunner.run("inspect", dir.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("cli-run").contains("encoder").contains("steps 0, 16, 32")
                .contains("4: 0-3").contains("20 per layer").contains("Hidden size   16").contains("float16")
                .contains("seed").contains("Problems      none").contains("usable");
    }

    @Test
    void jsonReportWithAProblemExitsOne() throws Exception {
        writeRun(dir, 2, 3, 10, 8);
        Path broken = Files.writeString(dir.resolve("step-000099.arrow"), "truncated");
        CliRunner result = CliRunner.run("inspect", "--json", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("name").asText()).isEqualTo("cli-run");
        assertThat(report.get("steps")).hasSize(2);
        assertThat(report.get("hidden_size").asInt()).isEqualTo(8);
        assertThat(report.get("problems")).hasSize(1);
        assertThat(report.get("problems").get(0).get("file").asText()).isEqualTo(broken.toString());
        assertThat(report.get("exit_status").asInt()).isEqualTo(1);
    }

    @Test
    void notARunFolderExitsTwoWithOneLine() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "x");
        CliRunner result = CliRunner.run("inspect", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("shapescope: " + dir).contains("is not a run folder").doesNotContain("\n");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void importNpyErrorIsOneLine() {
        CliRunner result = CliRunner.run("import-npy", dir.resolve("missing").toString(), dir.resolve("out").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("missing").contains("is not a folder").doesNotContain("\n");
    }

    @Test
    void versionNamesTheProgram() {
        CliRunner result = CliRunner.run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("shapescope ");
    }
}

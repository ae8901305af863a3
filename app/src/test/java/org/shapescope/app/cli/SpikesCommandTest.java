package org.shapescope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;

/**
 * {@code shapescope spikes} on a fixture: checkpoints every 10 steps (0–100), two layers of
 * Gaussian tokens; layer 1 gets a shared offset that grows slowly and jumps at step 70, so its
 * mean cosine jumps there. loss.csv (steps 0–99) is the noise pattern 2, 2.125, 1.875
 * with a spike at steps 75–76.
 */
class SpikesCommandTest {
    /** Slack for recomputing z from analyze's printed (shortest exact) values. */
    private static final double REPRINTED = 1e-9;
    private static final double[] OFFSET = {0, 0.1, 0.25, 0.3, 0.45, 0.5, 0.6, 3.0, 3.0, 3.0, 3.0};
    private static final int TOKENS = 60;
    private static final int HIDDEN = 8;

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void writeRun() throws Exception {
        run = dir.resolve("run");
        Files.createDirectories(run);
        Random random = new Random(17);
        for (int c = 0; c < OFFSET.length; c++) {
            long step = 10L * c;
            try (CheckpointWriter writer = CheckpointWriter.create(run.resolve(String.format("step-%06d.arrow", step)), step,
                    HIDDEN, CheckpointWriter.Options.defaults())) {
                for (int layer = 0; layer < 2; layer++) {
                    float[] values = new float[TOKENS * HIDDEN];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (random.nextGaussian() + (layer == 1 && i % HIDDEN == 0 ? OFFSET[c] : 0));
                    }
                    writer.writeLayer(LayerData.ofValues(layer, TOKENS, HIDDEN, values));
                }
            }
        }
        StringBuilder loss = new StringBuilder("step,loss\n");
        double[] pattern = {2.0, 2.125, 1.875};
        for (int step = 0; step < 100; step++) {
            double value = step == 75 ? 4.0 : step == 76 ? 3.5 : pattern[step % 3];
            loss.append(step).append(',').append(value).append('\n');
        }
        Files.writeString(run.resolve("loss.csv"), loss);
    }

    @Test
    void jsonFindsTheSpikeAndTheJumpBeforeIt() throws Exception {
        CliRunner result = CliRunner.run("spikes", run.toString(), "--metric", "mean_cosine", "--format", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("metric").asText()).isEqualTo("mean_cosine");
        assertThat(report.get("parameters").get("window").asInt()).isEqualTo(50);
        JsonNode spikes = report.get("spikes");
        assertThat(spikes).hasSize(1);
        JsonNode spike = spikes.get(0);
        assertThat(spike.get("onset").asLong()).isEqualTo(75);
        assertThat(spike.get("peak").asLong()).isEqualTo(75);
        assertThat(spike.get("end").asLong()).isEqualTo(76);
        assertThat(spike.get("peak_loss").asDouble()).isEqualTo(4.0);
        assertThat(spike.get("baseline").asDouble()).isEqualTo(2.0);
        JsonNode layer1 = spike.get("layers").get(1);
        assertThat(layer1.get("layer").asInt()).isEqualTo(1);
        assertThat(layer1.get("from_step").asLong()).isEqualTo(60);
        assertThat(layer1.get("to_step").asLong()).isEqualTo(70);
        assertThat(layer1.get("reads").asText()).isEqualTo("rises");
        assertThat(layer1.get("lead").asLong()).isEqualTo(75 - 60);
        assertThat(layer1.get("after_step").asLong()).isEqualTo(80);

        // z recomputed independently from analyze's values of layer 1
        CliRunner analyze = CliRunner.run("analyze", run.toString(), "--metrics", "mean_cosine", "--format", "json");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        double[] values = new double[8];
        for (JsonNode cell : new ObjectMapper().readTree(analyze.out()).get("cells")) {
            if (cell.get("layer").asInt() == 1 && cell.get("step").asLong() < 75) {
                values[(int) (cell.get("step").asLong() / 10)] = cell.get("mean_cosine").asDouble();
            }
        }
        double[] d = new double[7];
        for (int i = 1; i <= 7; i++) {
            d[i - 1] = values[i] - values[i - 1];
        }
        double[] baseline = Arrays.copyOf(d, 6);
        double median = median(baseline);
        double[] deviations = Arrays.stream(baseline).map(x -> Math.abs(x - median)).toArray();
        double z = (d[6] - median) / (1.4826 * median(deviations));
        assertThat(layer1.get("change").asDouble()).isCloseTo(d[6], offset(REPRINTED));
        assertThat(layer1.get("z").asDouble()).isCloseTo(z, offset(REPRINTED * Math.abs(z)));
        assertThat(z).isGreaterThan(3);
    }

    @Test
    void textNamesTheSpikeAndTheParameters() {
        CliRunner result = CliRunner.run("spikes", run.toString(), "--metric", "mean_cosine", "--window", "20", "--k", "4");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("window 20 rows, k 4, merge gap 3").contains("spike at step 75 (peak 75, until 76)")
                .contains("60 → 70").contains("rises");
    }

    @Test
    void cachedOnlyUsesTheStoreAndSaysWhatIsMissing() {
        CliRunner result = CliRunner.run("spikes", run.toString(), "--metric", "pca_dim", "--cached-only", "--store",
                dir.resolve("empty.sqlite").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("spike at step 75");
        assertThat(result.err()).contains("22 of 22 cells have no pca_dim value in the store");
    }

    @Test
    void aRunWithoutLossCsvIsOneLineNamingTheFile() throws Exception {
        Path noLoss = dir.resolve("no-loss");
        Files.createDirectories(noLoss);
        Files.copy(run.resolve("step-000000.arrow"), noLoss.resolve("step-000000.arrow"));
        CliRunner result = CliRunner.run("spikes", noLoss.toString(), "--no-cache");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines().toList()).hasSize(1);
        assertThat(result.err()).contains(noLoss.resolve("loss.csv").toString()).contains("no training loss");
    }

    @Test
    void badParametersAreOneLine() {
        CliRunner result = CliRunner.run("spikes", run.toString(), "--window", "2");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("at least 3");
        assertThat(CliRunner.run("spikes", run.toString(), "--format", "csv").err()).contains("text or json");
    }

    private static double median(double[] values) {
        List<Double> sorted = new ArrayList<>(Arrays.stream(values).boxed().toList());
        sorted.sort(null);
        int m = sorted.size();
        return m % 2 == 1 ? sorted.get(m / 2) : 0.5 * (sorted.get(m / 2 - 1) + sorted.get(m / 2));
    }
}

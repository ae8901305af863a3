package org.shapescope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;

/**
 * A seeded synthetic run folder with the token columns, run.json and loss.csv: token clouds on a
 * low-dimensional subspace (dimension growing with depth) plus noise that shrinks over training,
 * so the figures have structure. {@code main(folder)} writes one for looking at the app.
 */
public final class SyntheticRun {
    private SyntheticRun() {
    }

    /** Steps 0, 16, 32, 64, … (doubling). */
    public static long step(int checkpoint) {
        return checkpoint == 0 ? 0 : 1L << (checkpoint + 3);
    }

    public static void write(Path run, int checkpoints, int layers, int tokens, int hidden) throws Exception {
        Files.createDirectories(run);
        Random random = new Random(345);
        StringBuilder loss = new StringBuilder("step,loss\n");
        for (int c = 0; c < checkpoints; c++) {
            long step = step(c);
            double progress = (c + 1.0) / checkpoints;
            loss.append(step).append(',').append(String.format(Locale.ROOT, "%.4f", 6.0 * Math.exp(-2.5 * progress) + 0.8)).append('\n');
            try (CheckpointWriter writer = CheckpointWriter.create(run.resolve(String.format("step-%06d.arrow", step)), step, hidden,
                    CheckpointWriter.Options.defaults().withTokenColumns(true))) {
                for (int layer = 0; layer < layers; layer++) {
                    int dim = Math.min(hidden, 2 + layer);
                    float[] values = new float[tokens * hidden];
                    long[] sequence = new long[tokens];
                    long[] position = new long[tokens];
                    long[] tokenId = new long[tokens];
                    String[] text = new String[tokens];
                    for (int i = 0; i < tokens; i++) {
                        sequence[i] = i / 50;
                        position[i] = i % 50;
                        tokenId[i] = random.nextInt(500);
                        text[i] = "tok" + tokenId[i];
                        for (int j = 0; j < hidden; j++) {
                            double signal = j < dim ? random.nextGaussian() * (1 + j * 0.3) : 0;
                            double drift = j == 0 ? 2.0 * progress * layer / Math.max(1, layers - 1) : 0;
                            values[i * hidden + j] = (float) (signal + drift + random.nextGaussian() * (1.2 - progress));
                        }
                    }
                    writer.writeLayer(new LayerData(layer, tokens, hidden, values, sequence, position, tokenId, text));
                }
            }
        }
        Files.writeString(run.resolve("loss.csv"), loss.toString());
        Files.writeString(run.resolve("run.json"),
                "{\"name\": \"synthetic-decoder\", \"model\": \"toy-7L\", \"architecture\": \"decoder\", \"seed\": 345}");
    }

    public static void main(String[] args) throws Exception {
        write(Path.of(args[0]), 10, 7, 400, 32);
    }
}

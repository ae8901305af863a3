package org.shapescope.app.live;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;

/**
 * A training job's writer, as a process of its own for the live-run tests: writes checkpoints into
 * a run folder one by one and appends to loss.csv after each. Even steps go through
 * {@link CheckpointWriter} (a temporary name, then a rename); odd steps are written in place in
 * chunks with pauses between them, the file format at step 1 and the stream format at step 3, so a
 * follower sees them half-written for longer than its settle interval.
 *
 * <p>Arguments: RUN CHECKPOINTS LAYERS TOKENS HIDDEN PAUSE_MILLIS. Prints "wrote STEP" after each.
 */
public final class LiveRunWriter {
    private static final int CHUNKS = 4;

    private LiveRunWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        int checkpoints = Integer.parseInt(args[1]);
        int layers = Integer.parseInt(args[2]);
        int tokens = Integer.parseInt(args[3]);
        int hidden = Integer.parseInt(args[4]);
        long pause = Long.parseLong(args[5]);
        Path scratch = Files.createTempDirectory("live-run-writer");
        Files.createDirectories(run);
        for (int step = 0; step < checkpoints; step++) {
            boolean slow = step % 2 == 1;
            CheckpointWriter.Container container = step % 4 == 3 ? CheckpointWriter.Container.STREAM
                    : CheckpointWriter.Container.FILE;
            String name = String.format("step-%06d.%s", step, container == CheckpointWriter.Container.FILE ? "arrow" : "arrows");
            Path target = slow ? scratch.resolve(name) : run.resolve(name);
            try (CheckpointWriter writer = CheckpointWriter.create(target, step, hidden,
                    CheckpointWriter.Options.defaults().withContainer(container))) {
                for (int layer = 0; layer < layers; layer++) {
                    writer.writeLayer(layer(step, layer, tokens, hidden));
                }
            }
            if (slow) {
                writeInChunks(Files.readAllBytes(target), run.resolve(name), pause);
            }
            Files.writeString(run.resolve("loss.csv"), (step == 0 ? "step,loss\n" : "") + step + "," + (5.0 / (step + 1)) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("wrote " + step);
            System.out.flush();
            Thread.sleep(pause);
        }
    }

    private static void writeInChunks(byte[] bytes, Path file, long pause) throws Exception {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            int chunk = (bytes.length + CHUNKS - 1) / CHUNKS;
            for (int at = 0; at < bytes.length; at += chunk) {
                out.write(bytes, at, Math.min(chunk, bytes.length - at));
                out.flush();
                if (at + chunk < bytes.length) {
                    Thread.sleep(pause);
                }
            }
        }
    }

    /** Seeded Gaussian values stretched along one direction that grows with the step. */
    static LayerData layer(long step, int layer, int tokens, int hidden) {
        Random random = new Random(step * 1000 + layer);
        float[] values = new float[tokens * hidden];
        for (int r = 0; r < tokens; r++) {
            double along = random.nextGaussian() * (1 + step + layer);
            for (int c = 0; c < hidden; c++) {
                values[r * hidden + c] = (float) (random.nextGaussian() + (c == 0 ? along : 0));
            }
        }
        return LayerData.ofValues(layer, tokens, hidden, values);
    }
}

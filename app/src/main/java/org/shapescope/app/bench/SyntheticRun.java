package org.shapescope.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.Float16;
import org.shapescope.analysis.format.LayerData;

/**
 * A synthetic run with the structure benchmarks need (issue: "a few dominant directions plus
 * noise, so that anisotropy varies by layer"). For checkpoint c of C (training progress
 * p = c/(C-1)) and layer l of L, every token is
 * <pre>  x = tanh(z W1) W2 + a(l, p) g u + σ ε,   z ~ N(0, I_m(p)),  g, ε ~ N(0, 1)</pre>
 * a curved manifold of intrinsic dimension m(p) = 4 + round(16·4p(1−p)) (grows, then shrinks),
 * plus one dominant direction u of strength a(l, p) = 1 + 12·p·sin²(π l/(L−1)) (a dome over
 * layers that rises with training), plus isotropic noise σ = 0.05. Seeded: the same arguments
 * give the same files.
 */
public final class SyntheticRun {
    private static final int FEATURES = 64;
    private static final double NOISE = 0.05;

    private SyntheticRun() {
    }

    /**
     * The training step of checkpoint {@code c}: 0, then doubling from 32 up to 2^24, then every
     * 2^20 steps (a doubling alone would overflow a long past checkpoint 58 and repeat steps).
     */
    static long step(int c) {
        if (c == 0) {
            return 0;
        }
        return c <= 20 ? 1L << (c + 4) : (1L << 24) + (long) (c - 20) * (1L << 20);
    }

    /** Writes the run (Arrow, float16) and, when {@code npyFolder} is not null, the same values as .npy dumps. */
    public static void write(Path runFolder, Path npyFolder, int checkpoints, int layers, int tokens, int hidden, long seed)
            throws IOException {
        Files.createDirectories(runFolder);
        Random random = new Random(seed);
        float[] w2 = gaussian(random, FEATURES * hidden, 1.0 / Math.sqrt(FEATURES));
        float[] direction = gaussian(random, hidden, 1.0);
        normalise(direction);
        for (int c = 0; c < checkpoints; c++) {
            double progress = checkpoints == 1 ? 1 : (double) c / (checkpoints - 1);
            int latent = 4 + (int) Math.round(16 * 4 * progress * (1 - progress));
            long step = step(c);
            Path file = runFolder.resolve(String.format("step-%06d.arrow", step));
            try (CheckpointWriter writer = CheckpointWriter.create(file, step, hidden, CheckpointWriter.Options.defaults()
                    .withTokenColumns(false))) {
                for (int layer = 0; layer < layers; layer++) {
                    double dome = Math.pow(Math.sin(Math.PI * layer / Math.max(1, layers - 1)), 2);
                    double strength = 1 + 12 * progress * dome;
                    float[] w1 = gaussian(random, latent * FEATURES, 1.0);
                    float[] values = cell(random, tokens, hidden, latent, w1, w2, direction, strength);
                    writer.writeLayer(LayerData.ofValues(layer, tokens, hidden, values));
                    if (npyFolder != null) {
                        Path stepFolder = Files.createDirectories(npyFolder.resolve("step_" + step));
                        writeFloat16Npy(stepFolder.resolve("layer_" + layer + ".npy"), values, tokens, hidden);
                    }
                }
            }
        }
        Files.writeString(runFolder.resolve("run.json"), "{\"name\": \"synthetic-gpt2-small\", \"architecture\": \"decoder\", "
                + "\"hidden_size\": " + hidden + ", \"layers\": " + (layers - 1) + ", \"description\": \"Synthetic benchmark run "
                + "(SyntheticRun, seed " + seed + ")\"}\n");
    }

    private static float[] cell(Random random, int tokens, int hidden, int latent, float[] w1, float[] w2, float[] direction,
                                double strength) {
        float[] values = new float[tokens * hidden];
        float[] z = new float[latent];
        float[] h = new float[FEATURES];
        for (int t = 0; t < tokens; t++) {
            for (int i = 0; i < latent; i++) {
                z[i] = (float) random.nextGaussian();
            }
            for (int f = 0; f < FEATURES; f++) {
                double sum = 0;
                for (int i = 0; i < latent; i++) {
                    sum += z[i] * w1[i * FEATURES + f];
                }
                h[f] = (float) Math.tanh(sum / Math.sqrt(latent));
            }
            float g = (float) (random.nextGaussian() * strength);
            int row = t * hidden;
            for (int j = 0; j < hidden; j++) {
                values[row + j] = g * direction[j] + (float) (NOISE * random.nextGaussian());
            }
            for (int f = 0; f < FEATURES; f++) {
                float hf = h[f];
                int base = f * hidden;
                for (int j = 0; j < hidden; j++) {
                    values[row + j] += hf * w2[base + j];
                }
            }
        }
        return values;
    }

    private static float[] gaussian(Random random, int count, double scale) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) (random.nextGaussian() * scale);
        }
        return out;
    }

    private static void normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverse;
        }
    }

    /** A 2-D little-endian float16 .npy file (format 1.0), as numpy.save writes it. */
    static void writeFloat16Npy(Path file, float[] values, int rows, int cols) throws IOException {
        String dict = "{'descr': '<f2', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer data = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putShort(Float16.fromFloat(v));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xff);
            out.write(header.length() >>> 8);
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            out.write(data.array());
        }
    }
}

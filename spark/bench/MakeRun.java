import java.nio.file.*;
import java.util.*;
import org.shapescope.analysis.format.*;

/** A seeded float16 run: checkpoints x layers x tokens x hidden (noise plus one dominant direction). */
public class MakeRun {
    public static void main(String[] a) throws Exception {
        Path run = Path.of(a[0]); int checkpoints = Integer.parseInt(a[1]), layers = Integer.parseInt(a[2]);
        int tokens = Integer.parseInt(a[3]), hidden = Integer.parseInt(a[4]);
        Files.createDirectories(run);
        Random random = new Random(345);
        for (int c = 0; c < checkpoints; c++) {
            try (CheckpointWriter w = CheckpointWriter.create(run.resolve(String.format("step-%06d.arrow", 1 << c)), 1L << c, hidden,
                    CheckpointWriter.Options.defaults())) {
                for (int layer = 0; layer < layers; layer++) {
                    float[] v = new float[tokens * hidden];
                    for (int i = 0; i < tokens; i++) { double dom = random.nextGaussian() * (1 + layer + c);
                        for (int j = 0; j < hidden; j++) v[i * hidden + j] = (float) (random.nextGaussian() + (j < 2 ? dom : 0)); }
                    w.writeLayer(LayerData.ofValues(layer, tokens, hidden, v));
                }
            }
        }
    }
}

import java.nio.file.*;
import java.util.*;
import org.shapescope.analysis.format.*;
import org.shapescope.analysis.geometry.*;
import org.shapescope.analysis.grid.*;
import org.shapescope.analysis.run.*;

/** One Pythia-12B-shaped cell (4096 tokens x 5120 dims, float16): read time, compute time on one thread. */
public class CellCost {
    public static void main(String[] a) throws Exception {
        Path run = Path.of(a[0]); int tokens = 4096, hidden = Integer.parseInt(a[1]), layers = 2;
        Files.createDirectories(run);
        Path file = run.resolve("step-000001.arrow");
        if (!Files.exists(file)) {
            Random random = new Random(345);
            try (CheckpointWriter w = CheckpointWriter.create(file, 1, hidden, CheckpointWriter.Options.defaults())) {
                for (int layer = 0; layer < layers; layer++) {
                    float[] v = new float[tokens * hidden];
                    for (int i = 0; i < tokens; i++) { double dom = random.nextGaussian() * 3;
                        for (int j = 0; j < hidden; j++) v[i * hidden + j] = (float) (random.nextGaussian() + (j < 2 ? dom : 0)); }
                    w.writeLayer(LayerData.ofValues(layer, tokens, hidden, v));
                }
            }
        }
        RunFolder folder = RunFolder.open(run);
        CheckpointSource source = folder.checkpoints().get(0).source();
        MeasureParameters p = MeasureParameters.defaults().withThreads(1);
        List<String> names = List.of("anisotropy", "twonn", "mle", "pca_dim");
        for (int layer = 0; layer < layers; layer++) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean(); long c0 = mx.getCurrentThreadCpuTime(); long t0 = System.nanoTime();
            source.readLayer(layer);
            long t1 = System.nanoTime(); long c1 = mx.getCurrentThreadCpuTime();
            CellOutcome o = CellComputation.compute(new CellTask(new CellKey(1, layer), source, names, p), () -> false);
            long t2 = System.nanoTime(); long c2 = mx.getCurrentThreadCpuTime();
            System.out.printf("layer %d: read %.3f s wall %.3f s cpu; compute %.2f s wall %.2f s cpu; %s%n", layer, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, o);
        }
        System.out.printf("file %.1f MB%n", Files.size(file) / 1e6);
    }
}

package org.shapescope.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.ElementType;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.CellExecutor;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CollectingListener;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.GridSummary;
import org.shapescope.analysis.grid.SameThreadCellExecutor;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.ResultStore;

import static org.assertj.core.api.Assertions.assertThat;

/** Tiny seeded runs for the Spark tests, and the same grid computed here for comparison. */
final class SparkTestRuns {
    /** Every estimator that reads the spectrum or the neighbour table, and one of each kind. */
    static final List<Estimator> ESTIMATORS = Estimators.named(List.of("anisotropy", "twonn", "mle", "pca_dim", "rankme"));
    static final MeasureParameters PARAMETERS = MeasureParameters.defaults().withNeighbourTokens(200).withSeed(7);

    private SparkTestRuns() {
    }

    /**
     * Writes {@code checkpoints} float16 ZSTD-compressed checkpoint files (Arrow 19 decompression
     * inside Spark tasks) of {@code layers} layers, {@code tokens} × {@code hidden} each: Gaussian
     * noise plus one dominant direction growing with layer and checkpoint (seeded, Random(345)).
     */
    static void write(Path run, int checkpoints, int layers, int tokens, int hidden) throws Exception {
        Random random = new Random(345);
        CheckpointWriter.Options options = CheckpointWriter.Options.defaults().withElementType(ElementType.FLOAT16)
                .withCompression(CheckpointWriter.Compression.ZSTD);
        for (int c = 0; c < checkpoints; c++) {
            long step = 1L << c;
            try (CheckpointWriter writer = CheckpointWriter.create(run.resolve(String.format("step-%06d.arrow", step)), step,
                    hidden, options)) {
                for (int layer = 0; layer < layers; layer++) {
                    float[] values = new float[tokens * hidden];
                    for (int i = 0; i < tokens; i++) {
                        double dominant = random.nextGaussian() * (1 + layer + c);
                        for (int j = 0; j < hidden; j++) {
                            values[i * hidden + j] = (float) (random.nextGaussian() + (j < 2 ? dominant : 0));
                        }
                    }
                    writer.writeLayer(LayerData.ofValues(layer, tokens, hidden, values));
                }
            }
        }
    }

    /** The grid of {@code run}, computed here on the calling thread with no store. */
    static Map<CellKey, CellResult> computedHere(Path run) throws Exception {
        return grid(RunFolder.open(run), ResultStore.none(), new SameThreadCellExecutor()).results;
    }

    /** What a grid gave: its summary and every cell's result. */
    record Grid(GridSummary summary, Map<CellKey, CellResult> results) {
    }

    static Grid grid(RunFolder run, ResultStore store, CellExecutor executor) throws InterruptedException {
        CollectingListener collected = new CollectingListener();
        GridSummary summary = new GridEngine(run, ESTIMATORS, PARAMETERS, store, executor).run(collected, new Cancellation());
        assertThat(collected.failures()).isEmpty();
        Map<CellKey, CellResult> byCell = new TreeMap<>(java.util.Comparator.comparingLong(CellKey::step).thenComparingInt(CellKey::layer));
        collected.results().forEach(r -> byCell.put(r.cell(), r));
        return new Grid(summary, byCell);
    }

    /** Asserts that both grids have the same cells, each with the same numbers ({@link SameNumbers}); returns the worst difference. */
    static double assertSameNumbers(Map<CellKey, CellResult> actual, Map<CellKey, CellResult> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        double worst = 0;
        for (CellKey cell : expected.keySet()) {
            Map<String, org.shapescope.analysis.geometry.MeasureResult> a = actual.get(cell).measures();
            Map<String, org.shapescope.analysis.geometry.MeasureResult> e = expected.get(cell).measures();
            assertThat(SameNumbers.agree(a, e)).as("%s: %s against %s", cell, a, e).isTrue();
            for (String name : e.keySet()) {
                worst = Math.max(worst, SameNumbers.difference(a.get(name), e.get(name)));
            }
        }
        return worst;
    }
}

package org.shapescope.analysis.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.CellAnalyzer;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.store.SqliteResultStore;

/**
 * The values-first order of {@link GridEngine} with R &gt; 1: a bootstrapped estimator's values of
 * every cell are published before any spread, and the final results are those of one pass.
 */
class ValuesFirstOrderTest {
    /**
     * anisotropy and pca_dim are bootstrapped (value on all rows ± bootstrap spread; with pca_dim, λ₁ comes
     * from the whole spectrum, alone by Lanczos), twonn is resampled (a mean over R).
     */
    private static final List<Estimator> METRICS = Estimators.of("anisotropy", "pca_dim", "twonn");
    private static final MeasureParameters R5 = MeasureParameters.defaults().withNeighbourTokens(120).withResamples(5);

    @TempDir
    Path dir;

    /** Every event of a grid in arrival order, as "valued", "finished" or "failed" with the cell. */
    static final class Events implements GridListener {
        final List<String> order = Collections.synchronizedList(new ArrayList<>());
        final Map<CellKey, CellResult> valued = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<CellKey, CellResult> finished = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void cellValued(CellResult values) {
            order.add("valued " + values.cell());
            valued.put(values.cell(), values);
        }

        @Override
        public void cellFinished(CellResult result) {
            order.add("finished " + result.cell());
            finished.put(result.cell(), result);
        }

        @Override
        public void cellFailed(CellFailure failure) {
            order.add("failed " + failure.cell());
        }
    }

    @Test
    void everyValueComesBeforeAnySpreadAndTheFinalCellsAreThoseOfOnePass() throws Exception {
        GridEngineTest.writeRun(dir, 3, 3, 150, 10);
        RunFolder run = RunFolder.open(dir);
        Events events = new Events();
        GridEngine engine = new GridEngine(run, METRICS, R5, ResultStore.none(), new SameThreadCellExecutor()).firstColumn(20)
                .valuesFirst();
        GridSummary summary = engine.run(events, new Cancellation());

        assertThat(summary.computed()).isEqualTo(9);
        List<String> expected = new ArrayList<>();
        engine.cells().forEach(cell -> expected.add("valued " + cell));
        engine.cells().forEach(cell -> expected.add("finished " + cell));
        assertThat(events.order).containsExactlyElementsOf(expected);
        for (CellKey cell : engine.cells()) {
            LayerData layer = run.checkpoint(cell.step()).orElseThrow().readLayer(cell.layer());
            Map<String, MeasureResult> onePass = CellAnalyzer.analyze(layer.values(), layer.tokens(), layer.hiddenSize(), METRICS,
                    R5, () -> false);
            CellResult last = events.finished.get(cell);
            assertThat(last.measures()).isEqualTo(onePass);
            assertThat(last.measures().get("anisotropy").hasSpread()).isTrue();
            for (String name : List.of("anisotropy", "pca_dim")) {
                MeasureResult shown = events.valued.get(cell).measures().get(name);
                // the value shown first is the final number, bit for bit; only the spread is still missing
                assertThat(shown.value()).as(name).isEqualTo(onePass.get(name).value());
                assertThat(shown.hasSpread()).as(name).isFalse();
            }
            // a resampled estimator's value with R = 5 is a mean over resamples: it is not shown early
            assertThat(events.valued.get(cell).measures()).containsOnlyKeys("anisotropy", "pca_dim");
        }
    }

    @Test
    void theFirstPassIsNotStoredAndAStoredGridPublishesNoValuesFirst() throws Exception {
        GridEngineTest.writeRun(dir, 2, 2, 120, 8);
        RunFolder run = RunFolder.open(dir);
        List<Estimator> anisotropy = Estimators.of("anisotropy");
        try (SqliteResultStore store = SqliteResultStore.forRun(dir)) {
            new GridEngine(run, anisotropy, R5, store, new SameThreadCellExecutor()).valuesFirst().run(new Events(), new Cancellation());
            GridEngine single = new GridEngine(run, anisotropy, R5.withResamples(1), store, new SameThreadCellExecutor());
            for (CellKey cell : GridEngine.cells(run)) {
                assertThat(single.stored(cell)).as("nothing kept under the R = 1 key").isEmpty();
            }
            Events again = new Events();
            GridSummary cached = new GridEngine(run, anisotropy, R5, store, new SameThreadCellExecutor()).valuesFirst()
                    .run(again, new Cancellation());
            assertThat(cached.fromCache()).isEqualTo(4);
            assertThat(again.valued).isEmpty();
            again.finished.values().forEach(r -> assertThat(r.measures().get("anisotropy").hasSpread()).isTrue());
        }
    }

    @Test
    void withOneResampleNoBootstrappedEstimatorOrOutsideTheOrderThereIsOnePass() throws Exception {
        GridEngineTest.writeRun(dir, 2, 2, 120, 8);
        RunFolder run = RunFolder.open(dir);
        Events single = new Events();
        new GridEngine(run, METRICS, R5.withResamples(1), ResultStore.none(), new SameThreadCellExecutor()).valuesFirst()
                .run(single, new Cancellation());
        Events resampledOnly = new Events();
        new GridEngine(run, Estimators.of("twonn"), R5, ResultStore.none(), new SameThreadCellExecutor()).valuesFirst()
                .run(resampledOnly, new Cancellation());
        Events plain = new Events();
        new GridEngine(run, METRICS, R5, ResultStore.none(), new SameThreadCellExecutor()).run(plain, new Cancellation());
        Events ordered = new Events();
        new GridEngine(run, METRICS, R5, ResultStore.none(), new SameThreadCellExecutor()).valuesFirst().run(ordered, new Cancellation());
        assertThat(single.valued).isEmpty();
        assertThat(resampledOnly.valued).isEmpty();
        assertThat(plain.valued).as("the command line's grid: one pass").isEmpty();
        assertThat(single.finished).hasSize(4);
        assertThat(resampledOnly.finished).hasSize(4);
        assertThat(ordered.finished).isEqualTo(plain.finished);
    }
}

package org.shapescope.analysis.grid;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.shapescope.analysis.ErrorText;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.CellAnalyzer;
import org.shapescope.analysis.geometry.Estimator;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.geometry.NextLayer;
import org.shapescope.analysis.geometry.MeasureResult;

/**
 * How a {@link CellTask} is computed: read its layer from its checkpoint, run its estimators.
 * A pure function of the task (and the data it names): no thread, store or listener of its own.
 */
public final class CellComputation {
    private CellComputation() {
    }

    /**
     * The task's results, or its failure as one line naming the file.
     *
     * @throws CancellationException when {@code cancelled} turns true between blocks of work
     */
    public static CellOutcome compute(CellTask task, BooleanSupplier cancelled) {
        try {
            LayerData layer = task.checkpoint().readLayer(task.cell().layer());
            List<Estimator> estimators = Estimators.named(task.estimators());
            Map<String, MeasureResult> results = CellAnalyzer.analyze(layer.values(), layer.tokens(), layer.hiddenSize(),
                    nextLayer(task, estimators), estimators, task.parameters(), task.values(), cancelled);
            return new CellResult(task.cell(), results, false);
        } catch (CancellationException e) {
            throw e;
        } catch (CheckpointFormatException e) {
            return new CellFailure(task.cell(), task.checkpoint().location(), e.reason());
        } catch (RuntimeException | OutOfMemoryError e) {
            return new CellFailure(task.cell(), task.checkpoint().location(), ErrorText.firstLine(e));
        }
    }

    /** The checkpoint's next layer, read only when an estimator needs it; null at the last layer. */
    private static NextLayer nextLayer(CellTask task, List<Estimator> estimators) throws CheckpointFormatException {
        if (estimators.stream().noneMatch(e -> e.needs().contains(Estimator.CellInput.NEXT_LAYER))) {
            return null;
        }
        java.util.SortedMap<Integer, Integer> later = task.checkpoint().tokensPerLayer().tailMap(task.cell().layer() + 1);
        if (later.isEmpty()) {
            return null;
        }
        int after = later.firstKey();
        LayerData next = task.checkpoint().readLayer(after);
        return new NextLayer(after, next.values(), next.tokens(), next.hiddenSize());
    }
}

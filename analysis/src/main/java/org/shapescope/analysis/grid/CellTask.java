package org.shapescope.analysis.grid;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shapescope.analysis.format.CheckpointSource;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;

/**
 * The unit of work of a grid, as a value: which cell (a layer of a checkpoint), read from where,
 * and which estimators (by registered name) with which parameters. It holds no data, thread or
 * store, so any {@link CellExecutor} can run it — a pool here, the calling thread in tests, a
 * cluster — through the pure function {@link CellComputation#compute}.
 *
 * @param cell       the cell's (step, layer)
 * @param checkpoint where the layer is read from
 * @param estimators names of registered estimators, in column order
 * @param parameters their parameters (threads: how many threads this one cell may use)
 * @param values     values already computed on all rows (with these parameters at one resample), by
 *                   estimator name, for the {@linkplain org.shapescope.analysis.geometry.Estimator#bootstrapped
 *                   bootstrapped} estimators whose bootstrap spread is still to come: the second pass of
 *                   {@link GridEngine}'s values-first order; empty for none
 */
public record CellTask(CellKey cell, CheckpointSource checkpoint, List<String> estimators, MeasureParameters parameters,
                       Map<String, MeasureResult> values) implements Serializable {

    public CellTask {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(checkpoint, "checkpoint");
        estimators = List.copyOf(estimators);
        Objects.requireNonNull(parameters, "parameters");
        values = Map.copyOf(values);
        if (estimators.isEmpty()) {
            throw new IllegalArgumentException("a cell task needs at least one estimator");
        }
    }

    /** A task computing everything it names. */
    public CellTask(CellKey cell, CheckpointSource checkpoint, List<String> estimators, MeasureParameters parameters) {
        this(cell, checkpoint, estimators, parameters, Map.of());
    }
}

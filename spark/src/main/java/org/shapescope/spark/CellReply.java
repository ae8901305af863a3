package org.shapescope.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellOutcome;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.CellTask;

/**
 * What one Spark task sends back to the driver: a cell's measures, or the one-line reason it
 * failed — tens of bytes, never the layer. It exists because a {@link CellFailure} names its file
 * as a {@link java.nio.file.Path}, which Java cannot serialise; the driver turns a reply back into
 * the {@link CellOutcome} of its own task.
 *
 * @param measures      by estimator name, in column order (empty for a failure)
 * @param failure       the reason the cell failed, or null
 * @param executorNanos how long the task computed on its executor (reading included)
 */
record CellReply(LinkedHashMap<String, MeasureResult> measures, String failure, long executorNanos) implements Serializable {

    static CellReply of(CellOutcome outcome, long executorNanos) {
        if (outcome instanceof CellResult result) {
            return new CellReply(new LinkedHashMap<>(result.measures()), null, executorNanos);
        }
        return new CellReply(new LinkedHashMap<>(), ((CellFailure) outcome).reason(), executorNanos);
    }

    /** The outcome of {@code task} this reply carries. */
    CellOutcome outcomeOf(CellTask task) {
        return failure == null ? new CellResult(task.cell(), measures, false)
                : new CellFailure(task.cell(), task.checkpoint().location(), failure);
    }
}

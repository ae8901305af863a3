package org.shapescope.spark;

import java.io.Serializable;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.spark.TaskContext;
import org.shapescope.analysis.grid.CellComputation;
import org.shapescope.analysis.grid.CellTask;
import scala.Function1;
import scala.collection.Iterator;

/**
 * The function a Spark task runs on its executor: {@link CellComputation#compute} of the one
 * {@link CellTask} in its partition. The estimators stop between blocks of work when Spark kills the
 * task (a cancelled job, a speculative copy no longer needed).
 */
final class ComputeCell implements Function1<Iterator<CellTask>, CellReply>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public CellReply apply(Iterator<CellTask> partition) {
        CellTask task = partition.next();
        if (partition.hasNext()) {
            throw new IllegalStateException("a partition holds one cell task, this one more: " + task.cell());
        }
        TaskContext context = TaskContext.get();
        BooleanSupplier killed = () -> context != null && context.isInterrupted();
        long start = System.nanoTime();
        try {
            return CellReply.of(CellComputation.compute(task, killed), System.nanoTime() - start);
        } catch (CancellationException stopped) {
            throw new org.apache.spark.TaskKilledException("cancelled: " + task.cell());
        }
    }
}

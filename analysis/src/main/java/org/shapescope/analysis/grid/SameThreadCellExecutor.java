package org.shapescope.analysis.grid;

import java.util.List;
import java.util.concurrent.CancellationException;

/** Runs the tasks one after another on the calling thread: deterministic, for tests and scripts. */
public final class SameThreadCellExecutor implements CellExecutor {

    @Override
    public void execute(List<CellTask> tasks, Sink sink, Cancellation cancellation) {
        for (CellTask task : tasks) {
            if (cancellation.isCancelled()) {
                return;
            }
            sink.started(task);
            try {
                sink.finished(task, CellComputation.compute(task, cancellation));
            } catch (CancellationException stopped) {
                return;
            }
        }
    }
}

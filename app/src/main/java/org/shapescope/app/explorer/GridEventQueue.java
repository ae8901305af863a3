package org.shapescope.app.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.GridListener;
import org.shapescope.analysis.grid.GridSummary;

/**
 * A {@link GridListener} for a UI: worker threads only append to a concurrent queue; the first
 * event after a drain posts one task to the UI thread, which takes everything queued by then and
 * hands it over as one batch. However many cells finish within a frame, the UI sees one batch
 * (never one {@code Platform.runLater} per cell).
 */
final class GridEventQueue implements GridListener {
    private final Queue<GridEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPosted = new AtomicBoolean();
    private final Executor uiThread;
    private final Consumer<List<GridEvent>> onBatch;

    /**
     * @param uiThread runs the drain (Platform::runLater in the app)
     * @param onBatch  receives each batch on the UI thread, in arrival order
     */
    GridEventQueue(Executor uiThread, Consumer<List<GridEvent>> onBatch) {
        this.uiThread = uiThread;
        this.onBatch = onBatch;
    }

    @Override
    public void cellStarted(CellKey cell) {
        offer(new GridEvent.Started(cell));
    }

    @Override
    public void cellValued(CellResult values) {
        offer(new GridEvent.Valued(values));
    }

    @Override
    public void cellFinished(CellResult result) {
        offer(new GridEvent.Finished(result));
    }

    @Override
    public void cellFailed(CellFailure failure) {
        offer(new GridEvent.Failed(failure));
    }

    @Override
    public void gridEnded(GridSummary summary) {
        offer(new GridEvent.Ended(summary));
    }

    private void offer(GridEvent event) {
        events.add(event);
        if (drainPosted.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        // Clear the flag before polling: an event added while we poll posts the next drain.
        drainPosted.set(false);
        List<GridEvent> batch = new ArrayList<>();
        for (GridEvent event = events.poll(); event != null; event = events.poll()) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch);
        }
    }
}

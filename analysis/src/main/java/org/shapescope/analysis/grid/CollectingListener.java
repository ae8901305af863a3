package org.shapescope.analysis.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link GridListener} that keeps every result and failure (thread-safe), for callers that want
 * the whole grid at the end: the command line, benchmarks, tests. An optional callback sees each
 * finished or failed cell as it arrives (e.g. to advance a progress bar).
 */
public class CollectingListener implements GridListener {
    private final List<CellResult> results = Collections.synchronizedList(new ArrayList<>());
    private final List<CellFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final Runnable onCell;

    public CollectingListener() {
        this(() -> { });
    }

    /** @param onCell called once per finished or failed cell, from the worker thread */
    public CollectingListener(Runnable onCell) {
        this.onCell = onCell;
    }

    @Override
    public void cellFinished(CellResult result) {
        results.add(result);
        onCell.run();
    }

    @Override
    public void cellFailed(CellFailure failure) {
        failures.add(failure);
        onCell.run();
    }

    /** The results so far, ordered by step, then layer. */
    public List<CellResult> results() {
        List<CellResult> sorted;
        synchronized (results) {
            sorted = new ArrayList<>(results);
        }
        sorted.sort(Comparator.comparingLong((CellResult r) -> r.cell().step()).thenComparingInt(r -> r.cell().layer()));
        return sorted;
    }

    /** The failures so far, in arrival order. */
    public List<CellFailure> failures() {
        synchronized (failures) {
            return new ArrayList<>(failures);
        }
    }
}

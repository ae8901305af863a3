package org.shapescope.analysis.grid;

/**
 * Receives a grid's progress. Called from worker threads, possibly concurrently: implementations
 * hand results to their own thread (a UI coalesces them and redraws once per frame).
 */
public interface GridListener {
    /** A cell's computation begins (not called for cached cells). */
    default void cellStarted(CellKey cell) {
    }

    /** A cell is done, computed or from the cache. */
    void cellFinished(CellResult result);

    /** A cell failed; the rest of the grid goes on. */
    void cellFailed(CellFailure failure);

    /** The grid ended: all cells done, or cancelled. */
    default void gridEnded(GridSummary summary) {
    }
}

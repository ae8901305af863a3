package org.shapescope.analysis.grid;

/**
 * Receives a grid's progress. Called from worker threads, possibly concurrently: implementations
 * hand results to their own thread (a UI coalesces them and redraws once per frame).
 */
public interface GridListener {
    /** A cell's computation begins (not called for cached cells). */
    default void cellStarted(CellKey cell) {
    }

    /**
     * A cell's values are known, their spreads are not yet: the first pass of the values-first order
     * ({@link GridEngine#valuesFirst}), with measures that hold each value exactly as it will be final and a
     * NaN spread. The same cell's {@link #cellFinished} follows with the same values and their spreads
     * (or its {@link #cellFailed}). Not called for cached cells.
     */
    default void cellValued(CellResult values) {
    }

    /** A cell is done, computed or from the cache. */
    void cellFinished(CellResult result);

    /** A cell failed; the rest of the grid goes on. */
    void cellFailed(CellFailure failure);

    /** The grid ended: all cells done, or cancelled. */
    default void gridEnded(GridSummary summary) {
    }
}

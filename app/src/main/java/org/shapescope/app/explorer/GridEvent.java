package org.shapescope.app.explorer;

import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.GridSummary;

/** What a running grid reported, as queued for the UI thread. */
sealed interface GridEvent {
    record Started(CellKey cell) implements GridEvent {
    }

    /** A cell's values before their spreads ({@link org.shapescope.analysis.grid.GridListener#cellValued}). */
    record Valued(CellResult values) implements GridEvent {
    }

    record Finished(CellResult result) implements GridEvent {
    }

    record Failed(CellFailure failure) implements GridEvent {
    }

    record Ended(GridSummary summary) implements GridEvent {
    }
}

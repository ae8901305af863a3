package org.shapescope.analysis.grid;

/** What computing a cell gave: its results, or why it failed. */
public sealed interface CellOutcome permits CellResult, CellFailure {
    CellKey cell();
}

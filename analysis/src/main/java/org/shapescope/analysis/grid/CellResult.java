package org.shapescope.analysis.grid;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.shapescope.analysis.geometry.MeasureResult;

/**
 * The measures of one cell.
 *
 * @param cell      which cell
 * @param measures  one result per requested estimator, by name, in column order
 * @param fromCache true when every measure came from the result store
 */
public record CellResult(CellKey cell, Map<String, MeasureResult> measures, boolean fromCache)
        implements CellOutcome, Serializable {
    public CellResult {
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    /** Most tokens any measure of this cell used. */
    public int tokensUsed() {
        return measures.values().stream().mapToInt(MeasureResult::tokensUsed).max().orElse(0);
    }

    /** Most tokens any measure of this cell dropped (NaN/Inf rows, duplicates). */
    public int tokensDropped() {
        return measures.values().stream().mapToInt(MeasureResult::tokensDropped).max().orElse(0);
    }
}

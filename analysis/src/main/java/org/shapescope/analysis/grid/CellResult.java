package org.shapescope.analysis.grid;

import java.util.Map;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Metric;

/**
 * The measures of one cell.
 *
 * @param cell      which cell
 * @param measures  one result per requested metric
 * @param fromCache true when every measure came from the cache
 */
public record CellResult(CellKey cell, Map<Metric, MeasureResult> measures, boolean fromCache) {
    public CellResult {
        measures = Map.copyOf(measures);
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

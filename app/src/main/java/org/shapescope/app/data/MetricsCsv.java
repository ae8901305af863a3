package org.shapescope.app.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.grid.CellResult;

/**
 * The metrics table as CSV, as {@code shapescope analyze} prints it and the app exports it:
 * {@code step,layer,<metric…>,tokens_used,tokens_dropped} (with resamples, {@code <metric>_std} after each
 * resampled metric), rows by step then layer; numbers in
 * their shortest exact form, whole numbers without ".0", refused values as NaN, values the row
 * does not have (cells not in the store) empty.
 */
public final class MetricsCsv {
    /** Appended to a metric's name for the column of its spread over resamples. */
    public static final String SPREAD_SUFFIX = "_std";

    private MetricsCsv() {
    }

    /** The table of {@code rows} with one column per estimator name in {@code columns}. */
    public static String of(List<String> columns, Collection<CellResult> rows) {
        return of(columns, Set.of(), rows);
    }

    /**
     * As above, and a column {@code <metric>_std} (the standard deviation over resamples, NaN where
     * the value has none) right after each metric named in {@code withSpread}.
     */
    public static String of(List<String> columns, Set<String> withSpread, Collection<CellResult> rows) {
        List<CellResult> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong((CellResult r) -> r.cell().step()).thenComparingInt(r -> r.cell().layer()));
        StringBuilder text = new StringBuilder("step,layer");
        for (String name : columns) {
            text.append(',').append(name);
            if (withSpread.contains(name)) {
                text.append(',').append(name).append(SPREAD_SUFFIX);
            }
        }
        text.append(",tokens_used,tokens_dropped\n");
        for (CellResult row : sorted) {
            text.append(row.cell().step()).append(',').append(row.cell().layer());
            for (String name : columns) {
                MeasureResult measure = row.measures().get(name);
                text.append(',').append(measure == null ? "" : number(measure.value()));
                if (withSpread.contains(name)) {
                    text.append(',').append(measure == null ? "" : number(measure.spread()));
                }
            }
            text.append(',').append(row.tokensUsed()).append(',').append(row.tokensDropped()).append('\n');
        }
        return text.toString();
    }

    /** Shortest text that reads back as the same double; whole numbers without ".0"; NaN as "NaN". */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}

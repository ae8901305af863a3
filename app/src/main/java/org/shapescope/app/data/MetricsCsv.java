package org.shapescope.app.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.grid.CellResult;

/**
 * The metrics table as CSV, as {@code shapescope analyze} prints it and the app exports it:
 * {@code step,layer,<metric…>,tokens_used,tokens_dropped}, rows by step then layer; numbers in
 * their shortest exact form, whole numbers without ".0", refused values as NaN, values the row
 * does not have (cells not in the store) empty.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    /** The table of {@code rows} with one column per estimator name in {@code columns}. */
    public static String of(List<String> columns, Collection<CellResult> rows) {
        List<CellResult> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong((CellResult r) -> r.cell().step()).thenComparingInt(r -> r.cell().layer()));
        StringBuilder text = new StringBuilder("step,layer");
        columns.forEach(name -> text.append(',').append(name));
        text.append(",tokens_used,tokens_dropped\n");
        for (CellResult row : sorted) {
            text.append(row.cell().step()).append(',').append(row.cell().layer());
            for (String name : columns) {
                MeasureResult measure = row.measures().get(name);
                text.append(',').append(measure == null ? "" : number(measure.value()));
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

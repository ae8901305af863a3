package org.shapescope.app.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Metric;
import org.shapescope.analysis.grid.CellResult;

/**
 * The metrics table as CSV, in the columns of {@code shapescope analyze}:
 * {@code step,layer,<metric>,tokens_used,tokens_dropped}, rows by step then layer; numbers in
 * their shortest exact form, whole numbers without ".0", missing values as NaN.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static String of(Metric metric, Collection<CellResult> results) {
        List<CellResult> rows = new ArrayList<>(results);
        rows.sort(Comparator.comparingLong((CellResult r) -> r.cell().step()).thenComparingInt(r -> r.cell().layer()));
        StringBuilder text = new StringBuilder("step,layer,").append(metric.id()).append(",tokens_used,tokens_dropped\n");
        for (CellResult row : rows) {
            MeasureResult measure = row.measures().get(metric);
            if (measure == null) {
                continue;
            }
            text.append(row.cell().step()).append(',').append(row.cell().layer()).append(',')
                    .append(number(measure.value())).append(',').append(row.tokensUsed()).append(',')
                    .append(row.tokensDropped()).append('\n');
        }
        return text.toString();
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}

package org.shapescope.analysis.geometry;

/**
 * The value of one measure on one cell.
 *
 * @param value         the measure; NaN only when the measure was refused
 * @param tokensUsed    rows that entered the computation
 * @param tokensDropped rows dropped as non-finite or duplicate
 * @param note          why the value was refused, or what was dropped; "" otherwise
 */
public record MeasureResult(double value, int tokensUsed, int tokensDropped, String note) implements java.io.Serializable {

    public MeasureResult {
        note = note == null ? "" : note;
    }

    /** A refused measure: value NaN, with the reason. */
    public static MeasureResult refused(int tokensUsed, int tokensDropped, String reason) {
        return new MeasureResult(Double.NaN, tokensUsed, tokensDropped, reason);
    }

    public boolean isRefused() {
        return Double.isNaN(value);
    }
}

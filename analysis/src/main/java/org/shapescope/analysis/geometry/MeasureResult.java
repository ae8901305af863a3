package org.shapescope.analysis.geometry;

/**
 * The value of one measure on one cell.
 *
 * @param value         the measure (with resamples: the mean over them); NaN only when the measure was refused
 * @param tokensUsed    rows that entered the computation (of one sample)
 * @param tokensDropped rows dropped as non-finite or duplicate
 * @param note          why the value was refused, or what was dropped; "" otherwise
 * @param spread        the sample standard deviation over the resamples
 *                      ({@link MeasureParameters#resamples()}); NaN when not computed
 */
public record MeasureResult(double value, int tokensUsed, int tokensDropped, String note, double spread)
        implements java.io.Serializable {

    public MeasureResult {
        note = note == null ? "" : note;
    }

    /** A value without a spread. */
    public MeasureResult(double value, int tokensUsed, int tokensDropped, String note) {
        this(value, tokensUsed, tokensDropped, note, Double.NaN);
    }

    /** A refused measure: value NaN, with the reason. */
    public static MeasureResult refused(int tokensUsed, int tokensDropped, String reason) {
        return new MeasureResult(Double.NaN, tokensUsed, tokensDropped, reason);
    }

    public boolean isRefused() {
        return Double.isNaN(value);
    }

    /** True when a spread over resamples was computed. */
    public boolean hasSpread() {
        return !Double.isNaN(spread);
    }
}

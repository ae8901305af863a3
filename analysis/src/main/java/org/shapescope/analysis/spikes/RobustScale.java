package org.shapescope.analysis.spikes;

import java.util.Arrays;

/**
 * Median and median absolute deviation (MAD), the robust location and scale the spike measures
 * use. {@link #SIGMA_PER_MAD} turns a MAD into a standard-deviation estimate: for Gaussian data
 * the MAD is Φ⁻¹(3/4)·σ ≈ 0.6745·σ, so σ ≈ 1.4826·MAD (Rousseeuw and Croux 1993).
 */
public final class RobustScale {
    /** 1 / Φ⁻¹(3/4): the MAD of a Gaussian times this is its standard deviation. */
    public static final double SIGMA_PER_MAD = 1.4826;

    private RobustScale() {
    }

    /** The median of {@code values[from, to)}: the middle value, or the mean of the two middle ones. */
    public static double median(double[] values, int from, int to) {
        if (to <= from) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] v = Arrays.copyOfRange(values, from, to);
        Arrays.sort(v);
        int m = v.length;
        return m % 2 == 1 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
    }

    /** median(|x − median(x)|) over {@code values[from, to)}. */
    public static double mad(double[] values, int from, int to, double median) {
        double[] deviations = new double[to - from];
        for (int i = from; i < to; i++) {
            deviations[i - from] = Math.abs(values[i] - median);
        }
        return median(deviations, 0, deviations.length);
    }
}

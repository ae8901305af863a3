package org.shapescope.spark;

import java.util.Map;
import org.shapescope.analysis.geometry.MeasureResult;

/**
 * When a cell computed on Spark agrees with the same cell computed on one machine. The estimators
 * are deterministic given their parameters, but the number of BLAS threads changes the order of
 * the sums in the covariance and distance kernels, which moves the last bits of a double.
 */
public final class SameNumbers {
    /**
     * Relative tolerance between two values of one measure (absolute below 1): far above what a
     * reordered double sum changes, far below anything an estimator's accuracy would notice.
     */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    private SameNumbers() {
    }

    /** True when both are refused, or both are finite and within {@link #RELATIVE_TOLERANCE}, with the same token counts. */
    public static boolean agree(MeasureResult a, MeasureResult b) {
        if (a.tokensUsed() != b.tokensUsed() || a.tokensDropped() != b.tokensDropped()) {
            return false;
        }
        if (a.isRefused() || b.isRefused()) {
            return a.isRefused() && b.isRefused();
        }
        return difference(a, b) <= RELATIVE_TOLERANCE;
    }

    /** How far apart two values are, relative to the larger (absolute below 1); 0 for two refusals. */
    public static double difference(MeasureResult a, MeasureResult b) {
        if (a.isRefused() && b.isRefused()) {
            return 0;
        }
        double scale = Math.max(1.0, Math.max(Math.abs(a.value()), Math.abs(b.value())));
        return Math.abs(a.value() - b.value()) / scale;
    }

    /** True when both cells have the same measures and each pair {@link #agree agrees}. */
    public static boolean agree(Map<String, MeasureResult> a, Map<String, MeasureResult> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(name -> agree(a.get(name), b.get(name)));
    }
}

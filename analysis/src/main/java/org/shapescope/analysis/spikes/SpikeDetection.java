package org.shapescope.analysis.spikes;

import java.util.ArrayList;
import java.util.List;
import org.shapescope.analysis.run.LossCurve;

/**
 * Finds loss spikes in a training curve with a trailing rolling median and MAD (a Hampel-type
 * filter, one-sided so that it only uses the past, as a warning during training would).
 *
 * <p>Row i of loss.csv (i ≥ window) is <em>flagged</em> when
 * {@code loss[i] > median(W) + k · 1.4826 · MAD(W)}, where W = rows i−window … i−1. The first
 * {@code window} rows are never flagged (no past to compare with). A loss that only falls, or stays
 * flat, is never flagged: it never exceeds its own past median. Flagged rows separated by at most
 * {@code mergeGap} unflagged rows form one {@link LossSpike}. Window and gap count rows of
 * loss.csv (logged steps), not training steps. docs/MEASURES.md, "Loss spikes", states the same.
 *
 * @param window   rows in the trailing window, ≥ 3
 * @param k        robust deviations above the median that flag a row, &gt; 0
 * @param mergeGap unflagged rows allowed inside one spike, ≥ 0
 */
public record SpikeDetection(int window, double k, int mergeGap) {
    public static final int DEFAULT_WINDOW = 50;
    public static final double DEFAULT_K = 5.0;
    public static final int DEFAULT_MERGE_GAP = 3;

    public SpikeDetection {
        if (window < 3) {
            throw new IllegalArgumentException("spike window must be at least 3 rows, not " + window);
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("spike threshold k must be a positive number, not " + k);
        }
        if (mergeGap < 0) {
            throw new IllegalArgumentException("spike merge gap must be at least 0, not " + mergeGap);
        }
    }

    public static SpikeDetection defaults() {
        return new SpikeDetection(DEFAULT_WINDOW, DEFAULT_K, DEFAULT_MERGE_GAP);
    }

    /** Which rows of the curve are flagged (see the class comment); non-finite losses are never flagged nor used. */
    public boolean[] flagged(LossCurve curve) {
        double[] loss = curve.losses();
        boolean[] flagged = new boolean[loss.length];
        for (int i = window; i < loss.length; i++) {
            Threshold t = threshold(loss, i);
            flagged[i] = t != null && Double.isFinite(loss[i]) && loss[i] > t.median + k * t.scale;
        }
        return flagged;
    }

    /** The spikes of the curve, in step order. */
    public List<LossSpike> detect(LossCurve curve) {
        long[] steps = curve.steps();
        double[] loss = curve.losses();
        boolean[] flagged = flagged(curve);
        List<LossSpike> spikes = new ArrayList<>();
        int i = 0;
        while (i < flagged.length) {
            if (!flagged[i]) {
                i++;
                continue;
            }
            int onset = i;
            int end = i;
            int count = 0;
            int gap = 0;
            for (int j = i; j < flagged.length && gap <= mergeGap; j++) {
                if (flagged[j]) {
                    end = j;
                    count++;
                    gap = 0;
                } else {
                    gap++;
                }
            }
            int peak = onset;
            for (int j = onset; j <= end; j++) {
                if (loss[j] > loss[peak]) {
                    peak = j;
                }
            }
            Threshold t = threshold(loss, onset);
            spikes.add(new LossSpike(steps[onset], steps[end], steps[peak], loss[peak], t.median, t.scale, count));
            i = end + 1;
        }
        return spikes;
    }

    private record Threshold(double median, double scale) {
    }

    /** Median and 1.4826·MAD of the finite losses of rows row−window … row−1; null when none is finite. */
    private Threshold threshold(double[] loss, int row) {
        double[] past = new double[window];
        int n = 0;
        for (int j = row - window; j < row; j++) {
            if (Double.isFinite(loss[j])) {
                past[n++] = loss[j];
            }
        }
        if (n == 0) {
            return null;
        }
        double median = RobustScale.median(past, 0, n);
        return new Threshold(median, RobustScale.SIGMA_PER_MAD * RobustScale.mad(past, 0, n, median));
    }
}

package org.shapescope.analysis.spikes;

/**
 * One loss spike: a run of loss.csv rows flagged by {@link SpikeDetection}, merged across gaps of
 * at most {@link SpikeDetection#mergeGap()} unflagged rows.
 *
 * @param onsetStep the step of the first flagged row
 * @param endStep   the step of the last flagged row
 * @param peakStep  the step of the highest loss between onset and end
 * @param peakLoss  that loss
 * @param baseline  the rolling median of the rows before the onset (what the loss was)
 * @param scale     1.4826 × the rolling MAD before the onset (the loss's usual step-to-step noise)
 * @param flaggedRows how many rows between onset and end were flagged
 */
public record LossSpike(long onsetStep, long endStep, long peakStep, double peakLoss, double baseline, double scale,
                        int flaggedRows) {

    /** peakLoss − baseline. */
    public double height() {
        return peakLoss - baseline;
    }

    /** height / scale: how many robust deviations the peak stands above the baseline (infinite when scale is 0). */
    public double heightInScales() {
        return height() / scale;
    }
}

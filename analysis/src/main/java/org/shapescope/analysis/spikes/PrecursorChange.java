package org.shapescope.analysis.spikes;

/**
 * What one layer's metric did over the checkpoints before one loss spike ({@link SpikePrecursors}).
 * Steps are training steps; values are NaN and steps -1 where {@link #note()} says why there is none.
 *
 * @param layer          the layer
 * @param previousStep   c(n−1), the checkpoint before the last one before the onset
 * @param lastStep       c(n), the last checkpoint before the onset
 * @param change         Δ = m(c(n)) − m(c(n−1))
 * @param baselineMedian median of the B checkpoint-to-checkpoint differences before Δ
 * @param baselineScale  1.4826 × their MAD
 * @param baselineCount  how many differences the baseline has (≤ B)
 * @param z              (Δ − baselineMedian) / baselineScale
 * @param leadSteps      onset − the checkpoint where the run of same-signed |z| ≥ threshold
 *                       differences ending at Δ began; -1 when |z| &lt; threshold
 * @param afterStep      the first checkpoint at or after the onset, -1 if none
 * @param afterChange    m(afterStep) − m(c(n)): the change across the onset
 * @param afterZ         (afterChange − baselineMedian) / baselineScale
 * @param note           empty, or why a value is missing
 */
public record PrecursorChange(int layer, long previousStep, long lastStep, double change, double baselineMedian,
                              double baselineScale, int baselineCount, double z, long leadSteps,
                              long afterStep, double afterChange, double afterZ, String note) {

    /** How the change before the spike reads at threshold {@code zThreshold}. */
    public Direction direction(double zThreshold) {
        if (Double.isNaN(z)) {
            return Direction.UNKNOWN;
        }
        return z >= zThreshold ? Direction.RISES : z <= -zThreshold ? Direction.FALLS : Direction.USUAL;
    }

    /** What the metric did at the last checkpoint before a spike, against its usual variation. */
    public enum Direction {
        RISES("rises"), FALLS("falls"), USUAL("usual"), UNKNOWN("-");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

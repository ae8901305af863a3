package org.shapescope.analysis.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.shapescope.analysis.run.LossCurve;

/**
 * Spike detection on synthetic curves whose medians and MADs are worked out by hand. The noise
 * pattern 1, 1.125, 0.875 (repeating) has, in every window of 5 rows, median 1 and MAD 0.125
 * (all values exact in binary), so the threshold at k = 3 is 1 + 3 · 1.4826 · 0.125 = 1.555975.
 */
class SpikeDetectionTest {
    /** Floating-point slack for values computed from exact binary fractions and the constant 1.4826. */
    private static final double EXACT = 1e-12;
    private static final double[] PATTERN = {1.0, 1.125, 0.875};

    private static double[] noise(int rows) {
        return IntStream.range(0, rows).mapToDouble(i -> PATTERN[i % 3]).toArray();
    }

    /** Steps are 10 × row, so that a mix-up of rows and steps shows. */
    private static LossCurve curve(double[] loss) {
        return new LossCurve(IntStream.range(0, loss.length).mapToLong(i -> 10L * i).toArray(), loss);
    }

    private static List<Integer> flaggedRows(SpikeDetection detection, double[] loss) {
        boolean[] flagged = detection.flagged(curve(loss));
        return IntStream.range(0, flagged.length).filter(i -> flagged[i]).boxed().toList();
    }

    @Test
    void flagsExactlyTheSpikeRows() {
        double[] loss = noise(40);
        loss[20] = 3.0;   // window rows 15..19: median 1, MAD 0.125 -> threshold 1.555975
        loss[21] = 2.0;   // window 16..20 = 1.125, .875, 1, 1.125, 3: median 1.125, MAD .125 -> 1.680975
        // row 22 (1.125): window .875, 1, 1.125, 3, 2: median 1.125, MAD .25 -> 2.23695, not flagged
        SpikeDetection detection = new SpikeDetection(5, 3.0, 0);
        assertThat(flaggedRows(detection, loss)).containsExactly(20, 21);
        List<LossSpike> spikes = detection.detect(curve(loss));
        assertThat(spikes).hasSize(1);
        LossSpike spike = spikes.get(0);
        assertThat(spike.onsetStep()).isEqualTo(200);
        assertThat(spike.endStep()).isEqualTo(210);
        assertThat(spike.peakStep()).isEqualTo(200);
        assertThat(spike.peakLoss()).isEqualTo(3.0);
        assertThat(spike.baseline()).isEqualTo(1.0);
        assertThat(spike.scale()).isCloseTo(1.4826 * 0.125, org.assertj.core.data.Offset.offset(EXACT));
        assertThat(spike.height()).isEqualTo(2.0);
        assertThat(spike.heightInScales()).isCloseTo(2.0 / (1.4826 * 0.125), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(spike.flaggedRows()).isEqualTo(2);
    }

    @Test
    void theThresholdIsStrictAndUsesTheScaledMad() {
        double[] loss = noise(30);
        loss[20] = 1.0 + 3 * 1.4826 * 0.125;          // exactly the threshold: not above it
        assertThat(flaggedRows(new SpikeDetection(5, 3.0, 0), loss)).isEmpty();
        loss[20] = 1.0 + 3 * 1.4826 * 0.125 + 1e-9;   // just above
        assertThat(flaggedRows(new SpikeDetection(5, 3.0, 0), loss)).containsExactly(20);
        loss[20] = 1.0 + 3 * 0.125 + 0.01;            // above 3 raw MADs but below 3 scaled ones
        assertThat(flaggedRows(new SpikeDetection(5, 3.0, 0), loss)).isEmpty();
    }

    @Test
    void theNoiseItselfIsNotFlagged() {
        // the pattern deviates at most 0.125 = 1 MAD from the median: not flagged at k = 1 (1.4826 MADs)
        assertThat(flaggedRows(new SpikeDetection(5, 1.0, 0), noise(200))).isEmpty();
    }

    @Test
    void aFallingCurveAndAPlateauAreNoSpikes() {
        double[] loss = new double[300];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = i < 150 ? 5.0 - 0.02 * i : 2.0;   // linear descent, then flat at exactly 2
        }
        assertThat(flaggedRows(SpikeDetection.defaults(), loss)).isEmpty();
        double[] noisyPlateau = noise(300);
        for (int i = 0; i < 100; i++) {
            noisyPlateau[i] += 0.03 * (100 - i);        // a descent onto a noisy plateau
        }
        assertThat(flaggedRows(new SpikeDetection(5, 3.0, 0), noisyPlateau)).isEmpty();
    }

    @Test
    void theFirstWindowIsNeverFlagged() {
        double[] loss = noise(30);
        loss[4] = 100;   // row 4 < window 5: no past to compare with
        assertThat(flaggedRows(new SpikeDetection(5, 3.0, 0), loss)).isEmpty();
    }

    @Test
    void gapsUpToTheMergeGapJoinOneSpike() {
        double[] loss = noise(60);
        loss[20] = 3.0;
        loss[23] = 3.0;   // two unflagged rows (21, 22) between
        // rows 21, 22 (1.125, 0.875) stay unflagged: their windows hold one 3.0, median 1 or 1.125, MAD 0.125
        assertThat(flaggedRows(new SpikeDetection(5, 3.0, 0), loss)).containsExactly(20, 23);
        assertThat(new SpikeDetection(5, 3.0, 1).detect(curve(loss))).extracting(LossSpike::onsetStep)
                .containsExactly(200L, 230L);
        List<LossSpike> merged = new SpikeDetection(5, 3.0, 2).detect(curve(loss));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).onsetStep()).isEqualTo(200);
        assertThat(merged.get(0).endStep()).isEqualTo(230);
        assertThat(merged.get(0).flaggedRows()).isEqualTo(2);
    }

    /**
     * Calibration on seeded Gaussian noise: with σ̂ = 1.4826·MAD ≈ σ, a row exceeds the median by
     * 2σ̂ with probability 1 − Φ(2) = 0.0228 if median and σ̂ were exact. A 50-row window estimates
     * them with error (SE of the median 0.18σ, of σ̂ about 0.16σ; the MAD is biased low at n = 50),
     * which by the delta method raises the rate to about 0.03. Without the 1.4826 the threshold
     * would be 1.35σ, rate about 0.09; with 2σ̂ read as 2 raw standard deviations of the whole
     * series, 0.0228. The band [0.022, 0.045] separates the right scale from the unscaled MAD.
     */
    @Test
    void gaussianNoiseIsFlaggedAtTheGaussianRate() {
        Random random = new Random(345);
        double[] loss = new double[20_050];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = 2.0 + 0.01 * random.nextGaussian();
        }
        long flagged = flaggedRows(new SpikeDetection(50, 2.0, 0), loss).size();
        double rate = flagged / 20_000.0;
        assertThat(rate).as("flag rate at k = 2").isBetween(0.022, 0.045);
        assertThat(flaggedRows(new SpikeDetection(50, 5.0, 0), loss)).as("flags at k = 5").hasSizeLessThan(3);
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new SpikeDetection(2, 3, 0)).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> new SpikeDetection(5, 0, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new SpikeDetection(5, Double.NaN, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new SpikeDetection(5, 3, -1)).hasMessageContaining("at least 0");
    }
}

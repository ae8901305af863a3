package org.shapescope.analysis.spikes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lead/size table on a constructed grid. Checkpoints every 10 steps from 0 to 110, spike onset
 * at 105. Layer 2's differences d(1..10) are 2, 1, 1.5, 0.5, 1.25, 0.75, 1, 1.5, 4, 8 (values are
 * their running sums, exact in binary). The baseline (B = 8) is d(2..9): sorted 0.5, 0.75, 1, 1,
 * 1.25, 1.5, 1.5, 4, median 1.125; absolute deviations sorted 0.125, 0.125, 0.125, 0.375, 0.375,
 * 0.375, 0.625, 2.875, MAD 0.375.
 */
class SpikePrecursorsTest {
    /** Slack for quotients of exact binary values by 1.4826 · 0.375. */
    private static final double EXACT = 1e-12;
    private static final long[] STEPS = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110};
    private static final double[] RISING = {0, 2, 3, 4.5, 5, 6.25, 7, 8, 9.5, 13.5, 21.5, 30};
    private static final double SIGMA = 1.4826 * 0.375;
    private static final LossSpike SPIKE = new LossSpike(105, 107, 106, 9, 2, 0.1, 3);

    @Test
    void aRiseBeforeTheSpike() {
        PrecursorChange row = SpikePrecursors.defaults().layer(105, 2, STEPS, RISING);
        assertThat(row.layer()).isEqualTo(2);
        assertThat(row.lastStep()).isEqualTo(100);
        assertThat(row.previousStep()).isEqualTo(90);
        assertThat(row.change()).isEqualTo(8.0);
        assertThat(row.baselineMedian()).isEqualTo(1.125);
        assertThat(row.baselineScale()).isCloseTo(SIGMA, offset(EXACT));
        assertThat(row.baselineCount()).isEqualTo(8);
        assertThat(row.z()).isCloseTo((8 - 1.125) / SIGMA, offset(EXACT));
        // d(9) = 4 has z = 5.17 >= 3 too, d(8) = 1.5 has z = 0.67: the rise began at c(8) = 80
        assertThat(row.leadSteps()).isEqualTo(105 - 80);
        assertThat(row.afterStep()).isEqualTo(110);
        assertThat(row.afterChange()).isEqualTo(8.5);
        assertThat(row.afterZ()).isCloseTo((8.5 - 1.125) / SIGMA, offset(EXACT));
        assertThat(row.direction(3.0)).isEqualTo(PrecursorChange.Direction.RISES);
        assertThat(row.note()).isEmpty();
    }

    @Test
    void aFallIsTheMirrorImage() {
        double[] falling = new double[RISING.length];
        for (int i = 0; i < falling.length; i++) {
            falling[i] = -RISING[i];
        }
        PrecursorChange row = SpikePrecursors.defaults().layer(105, 0, STEPS, falling);
        assertThat(row.z()).isCloseTo(-(8 - 1.125) / SIGMA, offset(EXACT));
        assertThat(row.leadSteps()).isEqualTo(25);
        assertThat(row.direction(3.0)).isEqualTo(PrecursorChange.Direction.FALLS);
    }

    @Test
    void aUsualChangeHasNoLead() {
        double[] usual = RISING.clone();
        usual[10] = usual[9] + 1.0;    // d(10) = 1: z = (1 - 1.125) / σ
        usual[11] = usual[10] + 1.0;
        PrecursorChange row = SpikePrecursors.defaults().layer(105, 1, STEPS, usual);
        assertThat(row.z()).isCloseTo(-0.125 / SIGMA, offset(EXACT));
        assertThat(row.leadSteps()).isEqualTo(-1);
        assertThat(row.direction(3.0)).isEqualTo(PrecursorChange.Direction.USUAL);
    }

    @Test
    void aCheckpointAtTheOnsetIsAfterIt() {
        PrecursorChange row = SpikePrecursors.defaults().layer(100, 2, STEPS, RISING);
        assertThat(row.lastStep()).isEqualTo(90);
        assertThat(row.change()).isEqualTo(4.0);
        assertThat(row.afterStep()).isEqualTo(100);
        // baseline d(1..8) = 2, 1, 1.5, .5, 1.25, .75, 1, 1.5: median 1.125, deviations
        // .875 .125 .375 .625 .125 .375 .125 .375 -> MAD (.375 + .375) / 2 = .375
        assertThat(row.z()).isCloseTo((4 - 1.125) / SIGMA, offset(EXACT));
        assertThat(row.leadSteps()).isEqualTo(100 - 80);
    }

    @Test
    void missingValuesAreSkippedAndTooFewCheckpointsSaySo() {
        double[] gappy = RISING.clone();
        gappy[5] = Double.NaN;   // c(5) = 50 is not computed: 10 checkpoints before the onset remain
        PrecursorChange row = SpikePrecursors.defaults().layer(105, 2, STEPS, gappy);
        assertThat(row.lastStep()).isEqualTo(100);
        assertThat(row.baselineCount()).isEqualTo(8);
        double[] few = {0, 1, 2, 3, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 9};
        PrecursorChange none = SpikePrecursors.defaults().layer(105, 2, STEPS, few);
        assertThat(none.z()).isNaN();
        assertThat(none.direction(3.0)).isEqualTo(PrecursorChange.Direction.UNKNOWN);
        assertThat(none.note()).contains("4 checkpoints").contains("need 5");
    }

    @Test
    void aConstantBaselineHasNoZ() {
        double[] linear = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 30};
        PrecursorChange row = SpikePrecursors.defaults().layer(105, 2, STEPS, linear);
        assertThat(row.change()).isEqualTo(11.0);
        assertThat(row.z()).isNaN();
        assertThat(row.note()).contains("MAD 0");
    }

    @Test
    void oneRowPerLayer() {
        List<PrecursorChange> rows = SpikePrecursors.defaults().of(SPIKE, STEPS, new int[] {3, 5},
                new double[][] {RISING, RISING});
        assertThat(rows).extracting(PrecursorChange::layer).containsExactly(3, 5);
        assertThat(new SpikePrecursors(4, 3.0).layer(105, 2, STEPS, RISING).baselineCount()).isEqualTo(4);
    }
}

package org.shapescope.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntheticRunTest {

    /** A Pythia-shaped run has 154 checkpoints; a step that doubles for each would overflow and repeat. */
    @Test
    void stepsIncreaseStrictlyForAPythiaShapedRun() {
        assertThat(SyntheticRun.step(0)).isZero();
        assertThat(SyntheticRun.step(1)).isEqualTo(32);
        assertThat(SyntheticRun.step(20)).isEqualTo(1L << 24);
        for (int c = 1; c < 154; c++) {
            assertThat(SyntheticRun.step(c)).as("checkpoint %d", c).isGreaterThan(SyntheticRun.step(c - 1));
        }
    }
}

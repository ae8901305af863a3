package org.shapescope.analysis.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected bit patterns are from IEEE 754-2008, table 3.5 (binary16) and its worked examples. */
class Float16Test {
    @Test
    void knownValuesDecode() {
        assertThat(Float16.toFloat((short) 0x3c00)).isEqualTo(1.0f);
        assertThat(Float16.toFloat((short) 0xc000)).isEqualTo(-2.0f);
        assertThat(Float16.toFloat((short) 0x7bff)).isEqualTo(65504.0f);
        assertThat(Float16.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(Float16.toFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(Float16.toFloat((short) 0x3555)).isEqualTo(0.333251953125f);
        assertThat(Float16.toFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Float16.toFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Float16.toFloat((short) 0x7e00)).isNaN();
        assertThat(Float.floatToRawIntBits(Float16.toFloat((short) 0x8000))).isEqualTo(0x80000000);
    }

    @Test
    void everyHalfRoundTripsThroughFloat() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            float value = Float16.toFloat((short) bits);
            if (Float.isNaN(value)) {
                assertThat(Float16.toFloat(Float16.fromFloat(value))).isNaN();
            } else {
                assertThat(Float16.fromFloat(value) & 0xffff).as("bits %04x", bits).isEqualTo(bits);
            }
        }
    }

    @Test
    void encodingRoundsToNearestEven() {
        // 1 + 2^-11 lies halfway between 1 and the next half 1 + 2^-10: ties go to the even pattern 0x3c00.
        assertThat(Float16.fromFloat(1f + 0x1p-11f) & 0xffff).isEqualTo(0x3c00);
        // 1 + 3*2^-11 lies halfway between 0x3c01 and 0x3c02: ties go to 0x3c02.
        assertThat(Float16.fromFloat(1f + 3 * 0x1p-11f) & 0xffff).isEqualTo(0x3c02);
        assertThat(Float16.fromFloat(65520f) & 0xffff).isEqualTo(0x7c00);
        assertThat(Float16.fromFloat(1e-9f) & 0xffff).isEqualTo(0);
    }
}

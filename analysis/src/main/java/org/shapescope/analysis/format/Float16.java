package org.shapescope.analysis.format;

/**
 * IEEE 754 binary16 ("half precision") conversions. Java 17 has no {@code Float.float16ToFloat},
 * so this is the textbook bit manipulation: sign, 5-bit exponent with bias 15, 10-bit fraction;
 * exponent 0 holds subnormals (fraction × 2⁻²⁴), exponent 31 holds ±Inf and NaN.
 */
public final class Float16 {
    private Float16() {
    }

    /** All 65536 half values, so that bulk conversion is one table look-up per value. */
    private static final float[] TABLE = new float[1 << 16];

    static {
        for (int bits = 0; bits < TABLE.length; bits++) {
            TABLE[bits] = convert((short) bits);
        }
    }

    /** The float32 value of one half-precision bit pattern (exact: every half is a float). */
    public static float toFloat(short bits) {
        return TABLE[bits & 0xffff];
    }

    /** Converts {@code count} half bit patterns from {@code halves} into {@code out} starting at {@code offset}. */
    public static void toFloat(short[] halves, int count, float[] out, int offset) {
        float[] table = TABLE;
        for (int i = 0; i < count; i++) {
            out[offset + i] = table[halves[i] & 0xffff];
        }
    }

    private static float convert(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int fraction = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (fraction << 13));
        }
        if (exponent == 0) {
            float magnitude = fraction * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (fraction << 13));
    }

    /**
     * The half-precision bit pattern nearest to {@code value} (round to nearest, ties to even),
     * with overflow to ±Inf and NaN kept NaN.
     */
    public static short fromFloat(float value) {
        int f = Float.floatToRawIntBits(value);
        int sign = (f >>> 16) & 0x8000;
        int exponent = (f >>> 23) & 0xff;
        int mantissa = f & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (halfExponent <= 0) {
            if (halfExponent < -10) {
                return (short) sign;
            }
            int m = mantissa | 0x800000;
            int shift = 14 - halfExponent;
            int half = m >>> shift;
            int remainder = m & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (remainder > halfway || (remainder == halfway && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (halfExponent << 10) | (mantissa >>> 13);
        int remainder = mantissa & 0x1fff;
        if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) {
            half++;
        }
        return (short) (sign | half);
    }
}

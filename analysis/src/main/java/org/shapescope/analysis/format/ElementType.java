package org.shapescope.analysis.format;

/** The floating-point type of the {@code embedding} values in a checkpoint file. */
public enum ElementType {
    FLOAT16(2, "float16"),
    FLOAT32(4, "float32"),
    FLOAT64(8, "float64");

    private final int bytes;
    private final String label;

    ElementType(int bytes, String label) {
        this.bytes = bytes;
        this.label = label;
    }

    /** Bytes per value. */
    public int bytes() {
        return bytes;
    }

    /** The numpy-style name: float16, float32, float64. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}

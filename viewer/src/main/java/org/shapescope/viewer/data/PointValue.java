package org.shapescope.viewer.data;

/** A per-point quantity a projection scatter can be coloured by. */
public enum PointValue {
    /** Position of the token in its sequence. */
    POSITION("position"),
    /** Index of the sequence the token came from. */
    SEQUENCE("sequence"),
    /** Vocabulary id of the token. */
    TOKEN_ID("token id"),
    /** Euclidean norm of the hidden state before projection. */
    NORM("norm");

    private final String label;

    PointValue(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}

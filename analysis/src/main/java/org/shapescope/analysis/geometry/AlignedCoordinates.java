package org.shapescope.analysis.geometry;

/**
 * One checkpoint's token coordinates in a frame shared with the other checkpoints of its layer.
 *
 * @param components number of axes k
 * @param coordinates token i, axis c at [i·k + c]; NaN for a row with a non-finite value
 * @param axisShare   share of this checkpoint's total variance (Σ of all its eigenvalues) on each axis
 */
public record AlignedCoordinates(int components, double[] coordinates, double[] axisShare) {

    /** Coordinate of token i on axis c. */
    public double coordinate(int i, int c) {
        return coordinates[i * components + c];
    }

    /** Number of tokens. */
    public int rows() {
        return coordinates.length / components;
    }
}

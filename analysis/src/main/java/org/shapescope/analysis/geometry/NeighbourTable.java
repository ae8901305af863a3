package org.shapescope.analysis.geometry;

/**
 * The k nearest neighbours of every row of a cloud, excluding the row itself, by exact
 * Euclidean distance (double), ascending; ties broken by the smaller row index.
 *
 * @param rows      number of rows
 * @param k         neighbours per row
 * @param distances row i's j-th neighbour distance at [i·k + j]
 * @param indices   row i's j-th neighbour index at [i·k + j]
 */
record NeighbourTable(int rows, int k, double[] distances, int[] indices) {

    /** Distance from row i to its j-th nearest neighbour, j = 0 for the first. */
    double distance(int i, int j) {
        return distances[i * k + j];
    }
}

package org.shapescope.analysis.grid;

/** One cell of a run's grid: a layer at a checkpoint. */
public record CellKey(long step, int layer) {
    @Override
    public String toString() {
        return "step " + step + ", layer " + layer;
    }
}

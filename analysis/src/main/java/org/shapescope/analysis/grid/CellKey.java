package org.shapescope.analysis.grid;

import java.io.Serializable;

/** One cell of a run's grid: a layer at a checkpoint. */
public record CellKey(long step, int layer) implements Serializable {
    @Override
    public String toString() {
        return "step " + step + ", layer " + layer;
    }
}

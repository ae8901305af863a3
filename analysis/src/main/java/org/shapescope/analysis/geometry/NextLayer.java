package org.shapescope.analysis.geometry;

/**
 * The layer after a cell's layer in the same checkpoint, over the same tokens (row i of both is
 * token i), for the estimators that compare two successive layers ({@link Estimator.CellInput#NEXT_LAYER}).
 *
 * @param layer      its layer number
 * @param values     n × hiddenSize, row-major float32
 * @param tokens     n
 * @param hiddenSize its width (may differ from the cell's)
 */
public record NextLayer(int layer, float[] values, int tokens, int hiddenSize) {
}

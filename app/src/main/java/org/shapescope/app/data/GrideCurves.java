package org.shapescope.app.data;

import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.GrideScaling;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.viewer.data.ScaleCurve;

/** The viewer's {@link ScaleCurve} of one cell: GRIDE's intrinsic dimension at n₁ = 1, 2, 4, … ({@link GrideScaling}). */
public final class GrideCurves {
    private GrideCurves() {
    }

    public static ScaleCurve of(LayerData layer, long step, MeasureParameters parameters) {
        GrideScaling.Curve c = GrideScaling.of(layer.values(), layer.tokens(), layer.hiddenSize(), parameters,
                GrideScaling.DEFAULT_MAX_RANK, () -> false);
        double[] scale = new double[c.n1().length];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = c.n1()[i];
        }
        String cell = "step " + step + ", layer " + layer.layer() + " · " + c.tokens() + " distinct tokens";
        return new ScaleCurve("GRIDE intrinsic dimension", "neighbour rank n1", cell, scale, c.dimension(),
                c.standardError(), c.meanDistance());
    }
}

package org.shapescope.app.data;

import java.util.EnumMap;
import java.util.Map;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.PcaProjection;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;

/**
 * The viewer's {@link Projection} of one cell: the tokens' coordinates on the first two principal
 * components ({@link PcaProjection}), coloured by position (the file's position column, else the
 * row index), sequence and token id where the file has them, and by the Euclidean norm
 * ‖xᵢ‖₂ = (Σⱼ xᵢⱼ²)^½ of each hidden state before projection.
 */
public final class CellProjections {
    private CellProjections() {
    }

    public static Projection of(LayerData layer) {
        int n = layer.tokens();
        int d = layer.hiddenSize();
        PcaProjection pca = PcaProjection.compute(layer.values(), n, d, 2);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pca.coordinate(i, 0);
            y[i] = pca.components() > 1 ? pca.coordinate(i, 1) : 0.0;
        }
        return of(layer, x, y, pca.explainedVarianceRatio(), null);
    }

    /**
     * The projection of {@code layer} at given coordinates (an aligned frame), with the same colour values.
     *
     * @param spectrum   the bars of the variance spectrum
     * @param axisLabels labels of the x and y axis, or null for "PC1 (…)", "PC2 (…)" from the spectrum
     */
    public static Projection of(LayerData layer, double[] x, double[] y, double[] spectrum, String[] axisLabels) {
        int n = layer.tokens();
        int d = layer.hiddenSize();
        Map<PointValue, double[]> values = new EnumMap<>(PointValue.class);
        values.put(PointValue.POSITION, layer.position() != null ? toDouble(layer.position()) : rowIndex(n));
        if (layer.sequence() != null) {
            values.put(PointValue.SEQUENCE, toDouble(layer.sequence()));
        }
        if (layer.tokenId() != null) {
            values.put(PointValue.TOKEN_ID, toDouble(layer.tokenId()));
        }
        values.put(PointValue.NORM, norms(layer.values(), n, d));
        return new Projection(x, y, values, layer.tokenText(), spectrum, axisLabels);
    }

    private static double[] norms(float[] values, int n, int d) {
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double v = values[i * d + j];
                sum += v * v;
            }
            norm[i] = Math.sqrt(sum);
        }
        return norm;
    }

    private static double[] toDouble(long[] column) {
        double[] out = new double[column.length];
        for (int i = 0; i < column.length; i++) {
            out[i] = column[i];
        }
        return out;
    }

    private static double[] rowIndex(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}

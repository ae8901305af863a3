package org.shapescope.viewer.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Hidden states of one (checkpoint, layer) cell projected onto their first two principal
 * components, with what is needed to colour and label each point.
 *
 * <p>Immutable; arrays are not copied on access for speed with 10<sup>5</sup> points, so callers
 * must not modify what {@link #x()}, {@link #y()} and {@link #values(PointValue)} return.
 */
public final class Projection {

    private final double[] x;
    private final double[] y;
    private final Map<PointValue, double[]> values;
    private final String[] tokens;
    private final double[] explainedVarianceRatio;
    private final String[] axisLabels;

    /**
     * @param x                      first principal coordinate of each point
     * @param y                      second principal coordinate of each point
     * @param values                 per-point colour values; each array as long as {@code x}
     * @param tokens                 token text per point, or null
     * @param explainedVarianceRatio variance fraction of the leading components, descending
     */
    public Projection(double[] x, double[] y, Map<PointValue, double[]> values, String[] tokens,
            double[] explainedVarianceRatio) {
        this(x, y, values, tokens, explainedVarianceRatio, null);
    }

    /**
     * A projection on axes that are not its own principal components (an aligned frame).
     *
     * @param axisLabels label of the x and y axis (e.g. "aligned axis 1 (31.2 %)"), or null for "PC1 (…)", "PC2 (…)"
     */
    public Projection(double[] x, double[] y, Map<PointValue, double[]> values, String[] tokens,
            double[] explainedVarianceRatio, String[] axisLabels) {
        if (axisLabels != null && axisLabels.length != 2) {
            throw new IllegalArgumentException("two axis labels expected, got " + axisLabels.length);
        }
        this.axisLabels = axisLabels == null ? null : axisLabels.clone();
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        this.x = x.clone();
        this.y = y.clone();
        EnumMap<PointValue, double[]> copy = new EnumMap<>(PointValue.class);
        values.forEach((k, v) -> {
            if (v.length != x.length) {
                throw new IllegalArgumentException(k + " has " + v.length + " values for " + x.length + " points");
            }
            copy.put(k, v.clone());
        });
        this.values = Collections.unmodifiableMap(copy);
        if (tokens != null && tokens.length != x.length) {
            throw new IllegalArgumentException("tokens has wrong length");
        }
        this.tokens = tokens == null ? null : tokens.clone();
        this.explainedVarianceRatio = explainedVarianceRatio.clone();
    }

    /** The same points with their colour values, tokens and spectrum at other coordinates (an aligned frame). */
    public Projection inFrame(double[] newX, double[] newY, String[] newAxisLabels) {
        return new Projection(newX, newY, values, tokens, explainedVarianceRatio, newAxisLabels);
    }

    public int size() {
        return x.length;
    }

    public double[] x() {
        return x;
    }

    public double[] y() {
        return y;
    }

    /** The colour values available for this projection. */
    public Set<PointValue> available() {
        return values.keySet();
    }

    /** Per-point values for {@code kind}, or null when not available. */
    public double[] values(PointValue kind) {
        return values.get(kind);
    }

    /** Token text of point {@code i}, or "" when no token text was given. */
    public String token(int i) {
        return tokens == null ? "" : tokens[i];
    }

    /** Label of axis {@code k} (0 = x, 1 = y) when the axes are not the principal components, else null. */
    public String axisLabel(int k) {
        return axisLabels == null ? null : axisLabels[k];
    }

    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }
}

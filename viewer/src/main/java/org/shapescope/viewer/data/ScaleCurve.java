package org.shapescope.viewer.data;

/**
 * A quantity measured at several scales of one cell, e.g. GRIDE's intrinsic dimension at neighbour
 * ranks n₁ = 1, 2, 4, …: {@code value[i] ± error[i]} at {@code scale[i]}, with the cloud's own
 * length at that scale ({@code distance[i]}, NaN when unknown) for tooltips.
 *
 * @param quantity  what is measured ("GRIDE intrinsic dimension")
 * @param scaleName what the scale counts ("neighbour rank n1")
 * @param cell      which cell ("step 512, layer 3")
 */
public record ScaleCurve(String quantity, String scaleName, String cell, double[] scale, double[] value,
                         double[] error, double[] distance) {

    public ScaleCurve {
        if (value.length != scale.length || error.length != scale.length || distance.length != scale.length) {
            throw new IllegalArgumentException("scale, value, error and distance differ in length");
        }
    }

    public int size() {
        return scale.length;
    }
}

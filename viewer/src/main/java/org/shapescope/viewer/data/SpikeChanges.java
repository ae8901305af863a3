package org.shapescope.viewer.data;

import java.util.List;

/**
 * The robust z of a metric's change at the last checkpoint before each loss spike, per layer, as
 * the viewer draws it (the numbers come from the app; docs/MEASURES.md, "Loss spikes").
 *
 * @param metric    the metric's name
 * @param layers    layer numbers, the x axis
 * @param labels    one label per spike, e.g. "spike at 268"
 * @param z         {@code z[spike][layerIdx]}, NaN where there is none
 * @param threshold |z| that counts as unusual (drawn as two lines)
 */
public record SpikeChanges(String metric, int[] layers, List<String> labels, double[][] z, double threshold) {
    public SpikeChanges {
        layers = layers.clone();
        labels = List.copyOf(labels);
        if (z.length != labels.size()) {
            throw new IllegalArgumentException(z.length + " rows of z for " + labels.size() + " spikes");
        }
        double[][] copy = new double[z.length][];
        for (int s = 0; s < z.length; s++) {
            if (z[s].length != layers.length) {
                throw new IllegalArgumentException("z row " + s + " has " + z[s].length + " values for " + layers.length + " layers");
            }
            copy[s] = z[s].clone();
        }
        z = copy;
    }

    public double z(int spike, int layerIdx) {
        return z[spike][layerIdx];
    }
}

package org.shapescope.analysis.format;

import java.util.Random;

/** Seeded layers for format tests. */
public final class TestLayers {
    private TestLayers() {
    }

    /** A layer of Gaussian values (seeded by layer), with all token columns filled. */
    public static LayerData gaussian(int layer, int tokens, int hidden, long seed) {
        Random random = new Random(seed * 31 + layer);
        float[] values = new float[tokens * hidden];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() * (layer + 1);
        }
        long[] sequence = new long[tokens];
        long[] position = new long[tokens];
        long[] ids = new long[tokens];
        String[] text = new String[tokens];
        for (int r = 0; r < tokens; r++) {
            sequence[r] = r / 16;
            position[r] = r % 16;
            ids[r] = 1000 + r;
            text[r] = r % 7 == 0 ? "\n" : "tok" + r + "é";
        }
        return new LayerData(layer, tokens, hidden, values, sequence, position, ids, text);
    }
}

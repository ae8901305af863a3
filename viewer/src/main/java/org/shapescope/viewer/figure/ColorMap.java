package org.shapescope.viewer.figure;

import java.awt.Color;

/**
 * Perceptually uniform sequential colour maps.
 *
 * <p>The anchors are every fifth entry (indices 0, 5, ..., 255) of the 256-entry tables that
 * matplotlib publishes in {@code matplotlib/_cm_listed.py} (version 3.6.3; viridis, magma by
 * Stéfan van der Walt and Nathaniel Smith, 2015; cividis by Nuñez, Anderton and Renslow, PLOS ONE
 * 13(7): e0199239, 2018). Between anchors colours are interpolated linearly in sRGB, which stays
 * within about 0.002 of the full table. Position 0 and 1 reproduce the table's first and last
 * entry exactly.
 */
public enum ColorMap {
    VIRIDIS("viridis", ColorMapTables.VIRIDIS),
    CIVIDIS("cividis", ColorMapTables.CIVIDIS),
    MAGMA("magma", ColorMapTables.MAGMA);

    /** Colour of a cell or point whose value is missing (NaN). */
    public static final Color MISSING = new Color(0xD9, 0xD9, 0xD9);

    private final String label;
    private final double[][] anchors;

    ColorMap(String label, double[][] anchors) {
        this.label = label;
        this.anchors = anchors;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Number of stored anchors. */
    public int anchorCount() {
        return anchors.length;
    }

    /**
     * The colour at position {@code t} as {r, g, b} in [0, 1]; {@code t} is clamped to [0, 1].
     * Anchor {@code k} sits at {@code t = k / (anchorCount - 1)}.
     */
    public double[] rgb(double t) {
        double clamped = Math.max(0, Math.min(1, t));
        double pos = clamped * (anchors.length - 1);
        int k = Math.min((int) pos, anchors.length - 2);
        double f = pos - k;
        double[] a = anchors[k];
        double[] b = anchors[k + 1];
        return new double[] {a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])};
    }

    /** Packed opaque ARGB at position {@code t}; {@link #MISSING} for NaN. */
    public int argb(double t) {
        if (Double.isNaN(t)) {
            return MISSING.getRGB();
        }
        double[] c = rgb(t);
        return 0xFF000000 | channel(c[0]) << 16 | channel(c[1]) << 8 | channel(c[2]);
    }

    /** AWT colour at position {@code t}; {@link #MISSING} for NaN. */
    public Color color(double t) {
        return new Color(argb(t), false);
    }

    /**
     * A 256-entry lookup table of packed ARGB, for drawing many points: entry {@code i} is
     * {@code argb(i / 255.0)}.
     */
    public int[] lookupTable() {
        int[] lut = new int[256];
        for (int i = 0; i < lut.length; i++) {
            lut[i] = argb(i / 255.0);
        }
        return lut;
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}

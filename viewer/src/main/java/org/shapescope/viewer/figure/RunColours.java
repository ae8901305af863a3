package org.shapescope.viewer.figure;

import java.awt.Color;

/**
 * One colour per compared run: the Okabe–Ito palette (Okabe and Ito, "Color Universal Design",
 * 2008; Wong, Nature Methods 8:441, 2011), distinguishable with the common colour-vision
 * deficiencies, in the order blue, vermillion, bluish green, reddish purple, orange, sky blue;
 * a seventh run starts again.
 */
public final class RunColours {

    private static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
    };

    private RunColours() {
    }

    /** The colour of run {@code k} (0 = the primary run). */
    public static Color of(int k) {
        return PALETTE[Math.floorMod(k, PALETTE.length)];
    }
}

package org.shapescope.analysis.run;

import java.util.Locale;

/** The model family a run comes from, as given in run.json. */
public enum Architecture {
    DECODER("decoder"), ENCODER("encoder"), ENCODER_DECODER("encoder-decoder"), UNKNOWN("unknown");

    private final String label;

    Architecture(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses run.json's "architecture"; anything unrecognised is {@link #UNKNOWN}. */
    public static Architecture parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String normal = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Architecture a : values()) {
            if (a.label.equals(normal)) {
                return a;
            }
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return label;
    }
}

package org.shapescope.app.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The figures of a run, with their file-name stems and default sizes (Java2D units). */
public enum FigureKind {
    HEATMAP("heatmap", 900, 560),
    PROFILE("profile", 800, 520),
    TRAJECTORY("trajectory", 900, 520),
    PROJECTION("projection", 1000, 480);

    private final String id;
    private final int width;
    private final int height;

    FigureKind(String id, int width, int height) {
        this.id = id;
        this.width = width;
        this.height = height;
    }

    public String id() {
        return id;
    }

    public int defaultWidth() {
        return width;
    }

    public int defaultHeight() {
        return height;
    }

    /** The kind with this id; IllegalArgumentException listing the valid ids otherwise. */
    public static FigureKind parse(String text) {
        String id = text.trim().toLowerCase(Locale.ROOT);
        for (FigureKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown view '" + text + "'; valid: "
                + Arrays.stream(values()).map(FigureKind::id).collect(Collectors.joining(", ")));
    }
}

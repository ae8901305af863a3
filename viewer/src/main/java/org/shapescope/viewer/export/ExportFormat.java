package org.shapescope.viewer.export;

/** File formats a figure can be exported to. */
public enum ExportFormat {
    /** Raster at the print size's dpi (see {@link FigureExport#png}). */
    PNG("png"),
    /** Vector, text kept as {@code <text>} elements. */
    SVG("svg"),
    /** Vector, text kept as PDF text in the embedded DejaVu Sans. */
    PDF("pdf");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }
}

package org.shapescope.viewer;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ui.Drawable;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.export.FigureExport;

/**
 * A user's request, from a view's context menu, to export the figure it shows. The view does
 * not touch files: the application's handler chooses the file and calls {@link #writeTo}.
 *
 * @param format        the chosen format
 * @param figure        a figure built for the view's current state (independent of the view)
 * @param width         suggested width in Java2D units (the view's current width)
 * @param height        suggested height
 * @param suggestedName a file name stem such as "heatmap-intrinsic-dimension"
 */
public record ExportRequest(ExportFormat format, Drawable figure, int width, int height, String suggestedName) {

    /** Writes the figure to {@code file}; {@code pngScale} (e.g. 2 for print) applies to PNG only. */
    public void writeTo(Path file, double pngScale) throws IOException {
        FigureExport.write(figure, format, width, height, pngScale, file);
    }

    /** {@link #suggestedName} with the format's extension. */
    public String suggestedFileName() {
        return suggestedName + "." + format.extension();
    }
}

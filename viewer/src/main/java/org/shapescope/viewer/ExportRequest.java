package org.shapescope.viewer;

import java.io.IOException;
import java.nio.file.Path;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.export.FigureExport;
import org.shapescope.viewer.export.PrintSize;

/**
 * A user's request, from a view's context menu, to export the figure it shows. The view does
 * not touch files: the application's handler chooses the file and the print size and calls
 * {@link #writeTo}.
 *
 * @param format        the chosen format
 * @param figure        the view's state at the time of the request, buildable in any style
 * @param suggestedName a file name stem such as "heatmap-intrinsic-dimension"
 */
public record ExportRequest(ExportFormat format, FigureFactory figure, String suggestedName) {

    /** Builds the figure in {@code size}'s paper style and writes it at that size (any thread). */
    public void writeTo(Path file, PrintSize size) throws IOException {
        FigureExport.write(figure.build(size.style()), format, size, file);
    }

    /** {@link #suggestedName} with the format's extension. */
    public String suggestedFileName() {
        return suggestedName + "." + format.extension();
    }
}

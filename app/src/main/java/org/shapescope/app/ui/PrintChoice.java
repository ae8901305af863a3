package org.shapescope.app.ui;

import org.shapescope.viewer.export.PrintSize;
import org.shapescope.viewer.figure.FigureStyle;

/**
 * What the export dialog chose and later exports reuse: a preset width or a custom one, a
 * fixed height or the view's own aspect, the font size and the PNG resolution.
 *
 * @param preset   the preset, or null for {@code widthPt}
 * @param widthPt  the custom width (ignored with a preset)
 * @param heightPt a fixed height, or NaN for width × the view's aspect
 * @param fontPt   axis-label size at the final size
 * @param dpi      PNG resolution
 */
record PrintChoice(PrintSize.Preset preset, double widthPt, double heightPt, double fontPt, double dpi) {

    /** Column width, the view's aspect, 8 pt, 300 dpi. */
    static final PrintChoice DEFAULT = new PrintChoice(PrintSize.Preset.COLUMN, PrintSize.Preset.COLUMN.widthPt(),
            Double.NaN, FigureStyle.DEFAULT_PAPER_FONT_PT, PrintSize.DEFAULT_DPI);

    /** The size of a figure of height/width {@code aspect}; IllegalArgumentException when invalid. */
    PrintSize sizeFor(double aspect) {
        double w = preset != null ? preset.widthPt() : widthPt;
        double h = Double.isNaN(heightPt) ? w * aspect : heightPt;
        return new PrintSize(w, h, fontPt, dpi);
    }
}

package org.shapescope.viewer.figure;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The typeface of exported figures: DejaVu Sans (regular and bold), shipped inside the viewer
 * jar from Debian's fonts-dejavu-core 2.37 under the Bitstream Vera licence, which permits
 * embedding and redistribution (the licence text is beside the fonts as
 * {@code fonts/LICENSE-DejaVu.txt}). Using one real font for layout (Java2D metrics), PDF
 * embedding and the SVG font-family keeps text the same size in every format and on every
 * machine, unlike Java's logical fonts ({@code Dialog}, {@code SansSerif}), which no other
 * program knows.
 */
public final class FigureFont {

    /** The family name as the font itself states it (name table), also used in SVG. */
    public static final String FAMILY = "DejaVu Sans";
    /** CSS generic family written after {@link #FAMILY} in SVG, for viewers without the font. */
    public static final String GENERIC_FAMILY = "sans-serif";

    private static final String PLAIN_RESOURCE = "/org/shapescope/viewer/fonts/DejaVuSans.ttf";
    private static final String BOLD_RESOURCE = "/org/shapescope/viewer/fonts/DejaVuSans-Bold.ttf";

    private static final Font PLAIN = load(PLAIN_RESOURCE);
    private static final Font BOLD = load(BOLD_RESOURCE);

    private FigureFont() {
    }

    /** The face for {@code style} ({@link Font#PLAIN} or {@link Font#BOLD}) at {@code size} points. */
    public static Font of(int style, float size) {
        return ((style & Font.BOLD) != 0 ? BOLD : PLAIN).deriveFont(Font.PLAIN, size);
    }

    /** The TrueType file of {@code font}'s face (plain or bold), for embedding; caller closes it. */
    public static InputStream openFile(Font font) {
        return FigureFont.class.getResourceAsStream(font.getFontName().equals(BOLD.getFontName())
                ? BOLD_RESOURCE : PLAIN_RESOURCE);
    }

    /** Font names (as {@link Font#getFontName()} reports them) of the shipped faces: plain, bold. */
    public static String[] faceNames() {
        return new String[] {PLAIN.getFontName(), BOLD.getFontName()};
    }

    /** True when {@code font} is one of the shipped faces. */
    public static boolean isShipped(Font font) {
        String name = font.getFontName();
        return name.equals(PLAIN.getFontName()) || name.equals(BOLD.getFontName());
    }

    private static Font load(String resource) {
        try (InputStream in = FigureFont.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing from the viewer jar: " + resource);
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            // so that family lookups (Batik, new Font(FAMILY, ...)) find the shipped face
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(resource + ": not a TrueType font", e);
        }
    }
}

package org.shapescope.viewer.export;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shapescope.viewer.figure.FigureStyle;

/**
 * The size a figure is printed at: width and height in points (1/72 in), the font size of its
 * axis labels in points at that size, and for PNG the resolution. PDF pages and SVG documents
 * are exactly {@code width × height} pt; a PNG is {@code width / 72 × dpi} pixels wide.
 *
 * @param widthPt  width in points
 * @param heightPt height in points
 * @param fontPt   axis-label size in points at the final size ({@link FigureStyle#paper})
 * @param dpi      pixels per inch of PNG output
 */
public record PrintSize(double widthPt, double heightPt, double fontPt, double dpi) {

    public static final double POINTS_PER_INCH = 72;
    public static final double POINTS_PER_CM = POINTS_PER_INCH / 2.54;
    public static final double DEFAULT_DPI = 300;
    /** Smallest side accepted, in points (about 1.8 cm). */
    public static final double MIN_SIDE_PT = 50;

    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*(in|cm|mm|pt)\\s*");

    /** Widths papers ask for: one column of a two-column page, and the full text width. */
    public enum Preset {
        /** 3.25 in: one column of ACL, IEEE and most two-column templates. */
        COLUMN("column", 3.25),
        /** 6.75 in: the text width of those templates. */
        PAGE("page", 6.75);

        private final String id;
        private final double inches;

        Preset(String id, double inches) {
            this.id = id;
            this.inches = inches;
        }

        public String id() {
            return id;
        }

        public double widthPt() {
            return inches * POINTS_PER_INCH;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%s in)", id, trim(inches));
        }

        /** The preset named {@code text} (case-insensitive). */
        public static Preset parse(String text) {
            for (Preset p : values()) {
                if (p.id.equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown size '" + text + "'; valid: column (3.25 in), page (6.75 in)");
        }
    }

    public PrintSize {
        if (!(widthPt >= MIN_SIDE_PT) || !(heightPt >= MIN_SIDE_PT)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "figure size %s × %s pt is below the smallest side of %s pt", trim(widthPt), trim(heightPt),
                    trim(MIN_SIDE_PT)));
        }
        if (!(fontPt >= FigureStyle.MIN_PAPER_TEXT_PT)) {
            throw new IllegalArgumentException("font size must be at least " + trim(FigureStyle.MIN_PAPER_TEXT_PT)
                    + " pt: " + trim(fontPt));
        }
        if (!(dpi > 0)) {
            throw new IllegalArgumentException("dpi must be positive: " + dpi);
        }
    }

    /** {@code preset}'s width, height = width × {@code aspect}, the default font (8 pt) and dpi (300). */
    public static PrintSize of(Preset preset, double aspect) {
        return new PrintSize(preset.widthPt(), preset.widthPt() * aspect, FigureStyle.DEFAULT_PAPER_FONT_PT, DEFAULT_DPI);
    }

    /** A length with its unit, {@code 3.25in}, {@code 8.2cm}, {@code 82mm} or {@code 234pt}, in points. */
    public static double parseLength(String text) {
        Matcher m = LENGTH.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a length with a unit (in, cm, mm, pt), e.g. 3.25in");
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "in" -> value * POINTS_PER_INCH;
            case "cm" -> value * POINTS_PER_CM;
            case "mm" -> value * POINTS_PER_CM / 10;
            default -> value;
        };
    }

    /** The style figures are built with at this size: {@link FigureStyle#paper} at {@link #fontPt}. */
    public FigureStyle style() {
        return FigureStyle.paper(fontPt);
    }

    public PrintSize withFont(double pt) {
        return new PrintSize(widthPt, heightPt, pt, dpi);
    }

    public PrintSize withDpi(double value) {
        return new PrintSize(widthPt, heightPt, fontPt, value);
    }

    /** Pixels per point of PNG output. */
    public double pixelsPerPoint() {
        return dpi / POINTS_PER_INCH;
    }

    public int pixelWidth() {
        return (int) Math.round(widthPt * pixelsPerPoint());
    }

    public int pixelHeight() {
        return (int) Math.round(heightPt * pixelsPerPoint());
    }

    /** E.g. "3.25 × 2.01 in, 8 pt". */
    public String describe() {
        return String.format(Locale.ROOT, "%s × %s in, %s pt", trim(widthPt / POINTS_PER_INCH),
                trim(heightPt / POINTS_PER_INCH), trim(fontPt));
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}

package org.shapescope.viewer.export;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import org.apache.batik.svggen.DefaultStyleHandler;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Drawable;
import org.shapescope.viewer.figure.FigureFont;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a figure (a JFreeChart or any {@link Drawable}) at a {@link PrintSize} to PNG, SVG or
 * PDF. Works headless. The figure is laid out in points at its print size, so text drawn at
 * 8 pt is 8 pt on paper:
 * <ul>
 * <li>PDF: one page of exactly width × height pt. Text in the shipped {@link FigureFont} is PDF
 *     text in that font, embedded as a subset (one Type 0 font object per face used); text in
 *     any other font is drawn as outlines, so no PDF written here has an unembedded font.</li>
 * <li>SVG: width and height in pt with a viewBox in points; text as {@code <text>} naming
 *     {@code 'DejaVu Sans', sans-serif}, or as paths on request.</li>
 * <li>PNG: {@code width / 72 × dpi} pixels, the same layout drawn magnified.</li>
 * </ul>
 */
public final class FigureExport {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private FigureExport() {
    }

    /** Writes {@code figure} in {@code format} at {@code size} (SVG text stays text). */
    public static void write(Drawable figure, ExportFormat format, PrintSize size, Path file) throws IOException {
        switch (format) {
            case PNG -> png(figure, size, file);
            case SVG -> svg(figure, size, false, file);
            case PDF -> pdf(figure, size, file);
            default -> throw new IllegalArgumentException(format.toString());
        }
    }

    /**
     * The figure laid out at {@code widthPt × heightPt} and drawn {@code pixelsPerPoint} times
     * magnified on white: {@code round(width × k) × round(height × k)} pixels.
     */
    public static BufferedImage image(Drawable figure, double widthPt, double heightPt, double pixelsPerPoint) {
        int w = (int) Math.round(widthPt * pixelsPerPoint);
        int h = (int) Math.round(heightPt * pixelsPerPoint);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setColor(java.awt.Color.WHITE);
            g2.fillRect(0, 0, w, h);
            g2.scale(pixelsPerPoint, pixelsPerPoint);
            figure.draw(g2, new Rectangle2D.Double(0, 0, widthPt, heightPt));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** The figure as it prints at {@code size}, at {@code size.dpi()}. */
    public static BufferedImage image(Drawable figure, PrintSize size) {
        return image(figure, size.widthPt(), size.heightPt(), size.pixelsPerPoint());
    }

    /** PNG of {@link PrintSize#pixelWidth()} × {@link PrintSize#pixelHeight()} pixels. */
    public static void png(Drawable figure, PrintSize size, Path file) throws IOException {
        BufferedImage image = image(figure, size);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** SVG document of {@code size} (width and height in pt); {@code textAsPaths} draws glyph outlines. */
    public static void svg(Drawable figure, PrintSize size, boolean textAsPaths, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            svg(figure, size, textAsPaths, out);
        }
    }

    /** As {@link #svg(Drawable, PrintSize, boolean, Path)}, to a stream (UTF-8); the stream is not closed. */
    public static void svg(Drawable figure, PrintSize size, boolean textAsPaths, OutputStream out) throws IOException {
        Document document;
        try {
            // batik-svggen needs only a DOM to write into; the JDK's serves
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML DOM implementation", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("Shapescope figure");
        context.setStyleHandler(new GenericFallbackStyle());
        context.setImageHandler(new PngBase64Images());
        SVGGeneratorContext.GraphicContextDefaults defaults = new SVGGeneratorContext.GraphicContextDefaults();
        // the document's default font; otherwise Batik names Java's logical "Dialog"
        defaults.setFont(FigureFont.of(Font.PLAIN, (float) size.fontPt()));
        context.setGraphicContextDefaults(defaults);
        SVGGraphics2D g2 = new SVGGraphics2D(context, textAsPaths);
        double w = size.widthPt();
        double h = size.heightPt();
        g2.setSVGCanvasSize(new Dimension((int) Math.ceil(w), (int) Math.ceil(h)));
        drawWithRotatedText(figure, g2, w, h);
        Element root = g2.getRoot();
        root.setAttributeNS(null, "width", number(w) + "pt");
        root.setAttributeNS(null, "height", number(h) + "pt");
        root.setAttributeNS(null, "viewBox", "0 0 " + number(w) + " " + number(h));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        g2.stream(root, writer, true, false);
        writer.flush();
        g2.dispose();
    }

    /** One-page PDF of exactly {@code size} in points, the figure as vector graphics with embedded fonts. */
    public static void pdf(Drawable figure, PrintSize size, Path file) throws IOException {
        float w = (float) size.widthPt();
        float h = (float) size.heightPt();
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(w, h));
            document.addPage(page);
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(document, w, h);
            try (EmbeddedFontDrawer text = new EmbeddedFontDrawer(document)) {
                g2.setFontTextDrawer(text);
                drawWithRotatedText(figure, g2, w, h);
                g2.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(g2.getXFormObject());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                document.save(out);
            }
        }
    }

    /**
     * Maps the shipped faces to subset-embedded Type 0 fonts, loaded once per face and document;
     * any other font maps to nothing, which makes PdfBoxGraphics2D draw its text as outlines.
     */
    private static final class EmbeddedFontDrawer extends PdfBoxGraphics2DFontTextDrawer {
        private final PDDocument document;
        private final Map<String, PDFont> faces = new HashMap<>();

        EmbeddedFontDrawer(PDDocument document) {
            this.document = document;
        }

        @Override
        protected PDFont mapFont(Font font, IFontTextDrawerEnv env) throws IOException {
            if (!FigureFont.isShipped(font)) {
                return null;
            }
            PDFont face = faces.get(font.getFontName());
            if (face == null) {
                try (InputStream in = FigureFont.openFile(font)) {
                    face = PDType0Font.load(document, in, true);
                }
                faces.put(font.getFontName(), face);
            }
            return face;
        }
    }

    /**
     * Embedded images as base64 PNG data URIs, encoded with ImageIO (batik-svggen alone has no
     * PNG encoder; batik-codec would bring one with a dozen more jars).
     */
    private static final class PngBase64Images extends ImageHandlerBase64Encoder {
        @Override
        public void encodeImage(RenderedImage image, OutputStream out) throws SVGGraphics2DIOException {
            try {
                if (!ImageIO.write(image, "png", out)) {
                    throw new SVGGraphics2DIOException("no PNG writer available");
                }
            } catch (IOException e) {
                throw new SVGGraphics2DIOException(e);
            }
        }
    }

    /** Batik's default styling, with the generic family appended to every font-family. */
    private static final class GenericFallbackStyle extends DefaultStyleHandler {
        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public void setStyle(Element element, Map styleMap, SVGGeneratorContext generatorContext) {
            Object family = styleMap.get("font-family");
            if (family != null && !family.toString().contains(FigureFont.GENERIC_FAMILY)) {
                Map copy = new HashMap(styleMap);
                copy.put("font-family", family + ", " + FigureFont.GENERIC_FAMILY);
                styleMap = copy;
            }
            super.setStyle(element, styleMap, generatorContext);
        }
    }

    /**
     * Draws with JFreeChart's rotated-string workaround off. The workaround draws rotated text
     * (vertical axis labels, colour bar labels) through {@code TextLayout}, which vector
     * Graphics2D implementations receive as glyph outlines; plain {@code drawString} under a
     * rotation keeps it as text. The flag is JFreeChart-global, so it is restored afterwards and
     * vector exports are serialised.
     */
    private static synchronized void drawWithRotatedText(Drawable figure, Graphics2D g2, double width, double height) {
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            figure.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

package org.shapescope.viewer.export;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Drawable;
import org.w3c.dom.Document;

/**
 * Writes a figure (a JFreeChart or any {@link Drawable}) to PNG, SVG or PDF. Works headless.
 * Sizes are in Java2D units: pixels at scale 1 for PNG, user units for SVG, points
 * (1/72 inch) for PDF. Vector formats keep text as text so figures stay editable and
 * searchable: Batik writes {@code <text>} elements, PDFBox-Graphics2D writes PDF text in the
 * standard 14 fonts (Helvetica for sans-serif), falling back to outlines only for characters
 * those fonts cannot encode.
 */
public final class FigureExport {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private FigureExport() {
    }

    /** Writes {@code figure} in {@code format}; {@code scale} is used for PNG only. */
    public static void write(Drawable figure, ExportFormat format, int width, int height, double scale, Path file)
            throws IOException {
        switch (format) {
            case PNG -> png(figure, width, height, scale, file);
            case SVG -> svg(figure, width, height, file);
            case PDF -> pdf(figure, width, height, file);
            default -> throw new IllegalArgumentException(format.toString());
        }
    }

    /**
     * PNG of {@code round(width * scale)} × {@code round(height * scale)} pixels: the figure is
     * laid out at {@code width} × {@code height} and drawn magnified, so a 2× export has the
     * same layout with twice the resolution (fonts stay in proportion).
     */
    public static BufferedImage image(Drawable figure, int width, int height, double scale) {
        int w = (int) Math.round(width * scale);
        int h = (int) Math.round(height * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setColor(java.awt.Color.WHITE);
            g2.fillRect(0, 0, w, h);
            g2.scale(scale, scale);
            figure.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** See {@link #image}; writes it as PNG. */
    public static void png(Drawable figure, int width, int height, double scale, Path file) throws IOException {
        BufferedImage image = image(figure, width, height, scale);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** SVG document of {@code width} × {@code height} user units, text as {@code <text>}. */
    public static void svg(Drawable figure, int width, int height, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            svg(figure, width, height, out);
        }
    }

    /** As {@link #svg(Drawable, int, int, Path)}, to a stream (UTF-8); the stream is not closed. */
    public static void svg(Drawable figure, int width, int height, OutputStream out) throws IOException {
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
        SVGGraphics2D g2 = new SVGGraphics2D(context, false);
        g2.setSVGCanvasSize(new Dimension(width, height));
        drawWithRotatedText(figure, g2, width, height);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        g2.stream(writer, true);
        writer.flush();
        g2.dispose();
    }

    /** One-page PDF of {@code width} × {@code height} points with the figure as vector graphics. */
    public static void pdf(Drawable figure, int width, int height, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(document, width, height);
            try (PdfBoxGraphics2DFontTextDrawerDefaultFonts text = new PdfBoxGraphics2DFontTextDrawerDefaultFonts()) {
                g2.setFontTextDrawer(text);
                drawWithRotatedText(figure, g2, width, height);
                g2.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(g2.getXFormObject());
            }
            document.save(file.toFile());
        }
    }

    /**
     * Draws with JFreeChart's rotated-string workaround off. The workaround draws rotated text
     * (vertical axis labels, colour bar labels) through {@code TextLayout}, which vector
     * Graphics2D implementations receive as glyph outlines; plain {@code drawString} under a
     * rotation keeps it as text. The flag is JFreeChart-global, so it is restored afterwards and
     * vector exports are serialised.
     */
    private static synchronized void drawWithRotatedText(Drawable figure, Graphics2D g2, int width, int height) {
        boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            figure.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(workaround);
        }
    }
}

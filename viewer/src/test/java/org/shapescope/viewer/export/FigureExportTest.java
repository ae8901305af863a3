package org.shapescope.viewer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.viewer.figure.FigureFont;
import org.shapescope.viewer.figure.FigureStyle;
import org.shapescope.viewer.figure.HeatmapFigure;
import org.shapescope.viewer.figure.SyntheticFigureData;
import org.shapescope.viewer.figure.TrajectoryFigure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FigureExportTest {

    /** PDF stores the page size as a float; 234 pt is exact in binary, this is just a margin. */
    private static final double PAGE_SIZE_TOLERANCE_PT = 1e-3;
    /** A 154 × 25 heatmap as one image stays well under this; as 3850 styled rectangles it was far above. */
    private static final long HEATMAP_PDF_MAX_BYTES = 120_000;

    private static final PrintSize COLUMN = PrintSize.of(PrintSize.Preset.COLUMN, 0.62);

    @TempDir
    Path dir;

    private static JFreeChart heatmap(FigureStyle style) {
        return new HeatmapFigure(SyntheticFigureData.grid("intrinsic dimension", 7, 11, 2, 345)).style(style).build();
    }

    @Test
    void pngHasThePrintSizeAtItsDpi() throws IOException {
        Path file = dir.resolve("heatmap.png");
        PrintSize size = COLUMN.withDpi(150);
        FigureExport.png(heatmap(size.style()), size, file);
        BufferedImage image = ImageIO.read(file.toFile());
        // 3.25 in at 150 dpi
        assertThat(image.getWidth()).isEqualTo(488);
        assertThat(image.getHeight()).isEqualTo((int) Math.round(234 * 0.62 * 150 / 72));
    }

    @Test
    void lengthsParseWithTheirUnits() {
        assertThat(PrintSize.parseLength("3.25in")).isEqualTo(234.0);
        assertThat(PrintSize.parseLength("2.54 cm")).isCloseTo(72.0, within(1e-9));
        assertThat(PrintSize.parseLength("100pt")).isEqualTo(100.0);
        assertThat(PrintSize.parseLength("82.55mm")).isCloseTo(234.0, within(1e-9));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrintSize.parseLength("300"))
                .hasMessageContaining("unit");
    }

    @Test
    void svgIsInPointsAndNamesTheShippedFontWithAGenericFallback() throws Exception {
        Path file = dir.resolve("trajectory.svg");
        PrintSize size = COLUMN;
        FigureExport.write(new TrajectoryFigure(SyntheticFigureData.grid("anisotropy", 9, 5, 0, 1)).style(size.style()).build(),
                ExportFormat.SVG, size, file);
        Document svg = parse(file);
        Element root = svg.getDocumentElement();
        assertThat(root.getNodeName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("234pt");
        assertThat(root.getAttribute("viewBox")).startsWith("0 0 234 ");
        NodeList texts = svg.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('|');
        }
        assertThat(all.toString()).contains("anisotropy, layer 4|").contains("training step|");
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml).contains("font-family:'" + FigureFont.FAMILY + "', sans-serif;").doesNotContain("Dialog");
    }

    @Test
    void svgTextAsPathsHasNoTextElements() throws Exception {
        Path file = dir.resolve("heatmap.svg");
        FigureExport.svg(heatmap(COLUMN.style()), COLUMN, true, file);
        assertThat(parse(file).getElementsByTagName("text").getLength()).isZero();
    }

    @Test
    void pdfIsOnePageAtThePrintSizeWithOneEmbeddedSubsetFontPerFace() throws IOException {
        Path file = dir.resolve("heatmap.pdf");
        FigureExport.write(heatmap(COLUMN.style()), ExportFormat.PDF, COLUMN, file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(234f, within((float) PAGE_SIZE_TOLERANCE_PT));
            List<PDFont> fonts = new ArrayList<>();
            collect(pdf.getPage(0).getResources(), fonts, new ArrayList<>());
            assertThat(fonts).hasSize(1);
            assertThat(fonts.get(0).isEmbedded()).isTrue();
            // subset fonts carry a six-letter tag: ABCDEF+DejaVuSans
            assertThat(fonts.get(0).getName()).matches("[A-Z]{6}\\+DejaVuSans");
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("training step");
            // PDFTextStripper breaks vertical (rotated) text into short lines; the glyphs are text all the same
            assertThat(text.replaceAll("\\s+", "")).contains("intrinsicdimension").contains("layer");
        }
    }

    @Test
    void heatmapCellsAreOneImageAndTheFileIsSmall() throws Exception {
        Path file = dir.resolve("big-heatmap.pdf");
        PrintSize size = COLUMN;
        FigureExport.write(new HeatmapFigure(SyntheticFigureData.grid("twonn", 154, 25, 0, 345)).style(size.style()).build(),
                ExportFormat.PDF, size, file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<PDImageXObject> images = new ArrayList<>();
            collect(pdf.getPage(0).getResources(), new ArrayList<>(), images);
            assertThat(images).hasSize(1);
        }
        assertThat(Files.size(file)).isLessThan(HEATMAP_PDF_MAX_BYTES);
        Path svg = dir.resolve("big-heatmap.svg");
        FigureExport.svg(new HeatmapFigure(SyntheticFigureData.grid("twonn", 154, 25, 0, 345)).style(size.style()).build(),
                size, false, svg);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("image").getLength()).isEqualTo(1);
        // axes, ticks and the colour bar's bands; not a rectangle per cell
        assertThat(doc.getElementsByTagName("rect").getLength() + doc.getElementsByTagName("path").getLength())
                .isLessThan(154 * 25 / 10);
    }

    private static void collect(PDResources resources, List<PDFont> fonts, List<PDImageXObject> images)
            throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image) {
                images.add(image);
            } else if (x instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, images);
            }
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the SVG 1.0 DOCTYPE names a DTD on the web; parse without fetching it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}

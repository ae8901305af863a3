package org.shapescope.viewer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.viewer.figure.HeatmapFigure;
import org.shapescope.viewer.figure.SyntheticRun;
import org.shapescope.viewer.figure.TrajectoryFigure;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class FigureExportTest {

    @TempDir
    Path dir;

    private static JFreeChart heatmap() {
        return new HeatmapFigure(SyntheticRun.grid("intrinsic dimension", 7, 11, 2, 345)).build();
    }

    @Test
    void pngHasScaledSize() throws IOException {
        Path file = dir.resolve("heatmap.png");
        FigureExport.png(heatmap(), 400, 300, 2, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void svgIsXmlWithAxisLabelsAsText() throws Exception {
        Path file = dir.resolve("trajectory.svg");
        FigureExport.write(new TrajectoryFigure(SyntheticRun.grid("anisotropy", 9, 5, 0, 1)).build(),
                ExportFormat.SVG, 400, 300, 1, file);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the SVG 1.0 DOCTYPE names a DTD on the web; parse without fetching it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(file.toFile());
        NodeList texts = svg.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('|');
        }
        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(all.toString()).contains("anisotropy (layer 4)|").contains("training step|");
    }

    @Test
    void pdfKeepsAxisLabelsAsExtractableText() throws IOException {
        Path file = dir.resolve("heatmap.pdf");
        FigureExport.write(heatmap(), ExportFormat.PDF, 400, 300, 1, file);
        assertThat(Files.size(file)).isPositive();
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(400f);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("training step");
            // PDFTextStripper breaks vertical (rotated) text into short lines; the glyphs are text all the same
            assertThat(text.replaceAll("\\s+", "")).contains("intrinsicdimension").contains("layer");
        }
    }
}

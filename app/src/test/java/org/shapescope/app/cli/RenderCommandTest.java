package org.shapescope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shapescope.app.ui.views.ExplorerViews;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code shapescope render}: every view, each format, read back. Runs with java.awt.headless=true and no toolkit. */
class RenderCommandTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void writeRun() throws Exception {
        run = dir.resolve("run");
        InspectCommandTest.writeRun(run, 4, 5, 200, 16);
    }

    @Test
    void heatmapPngHasThePrintSizeAtTheAskedDpi() throws Exception {
        Path out = dir.resolve("heatmap.png");
        CliRunner result = CliRunner.run("render", run.toString(), "--view", "heatmap", "--metric", "anisotropy",
                "--width", "4in", "--height", "6.35cm", "--dpi", "150", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        BufferedImage image = ImageIO.read(out.toFile());
        // 4 in and 2.5 in at 150 dpi
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(375);
        CliRunner noUnit = CliRunner.run("render", run.toString(), "--view", "heatmap", "--width", "640",
                "--out", dir.resolve("x.png").toString());
        assertThat(noUnit.exitCode()).isEqualTo(2);
        assertThat(noUnit.err()).contains("unit");
    }

    @Test
    void heatmapWithLogStepsAtPageWidthIsAPngOfThatSize() throws Exception {
        Path out = dir.resolve("heatmap-log.png");
        CliRunner result = CliRunner.run("render", run.toString(), "--view", "heatmap", "--log-steps",
                "--size", "page", "--dpi", "100", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(675);
        assertThat(image.getHeight()).isEqualTo((int) Math.round(6.75 * 72 * ExplorerViews.parse("heatmap").aspect() * (100 / 72.0)));
        CliRunner notHeatmap = CliRunner.run("render", run.toString(), "--view", "profile", "--log-steps",
                "--out", dir.resolve("profile-log.png").toString());
        assertThat(notHeatmap.exitCode()).isEqualTo(2);
        assertThat(notHeatmap.err()).contains("--log-steps");
    }

    @Test
    void profileSvgParsesAndKeepsTheMetricAsText() throws Exception {
        Path out = dir.resolve("profile.svg");
        CliRunner result = CliRunner.run("render", run.toString(), "--view", "profile", "--metric", "pca_dim",
                "--step", "16", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        Document svg = parseSvg(out);
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("text").getLength()).isGreaterThan(3);
    }

    @Test
    void twoRunsMakeOneOverlayWithASeriesPerRunAndADifference() throws Exception {
        Path other = dir.resolve("other-run");
        InspectCommandTest.writeRun(other, 3, 7, 200, 16);
        Files.writeString(other.resolve("run.json"), "{\"name\": \"deeper-run\", \"architecture\": \"decoder\"}");
        for (String view : new String[] {"profile", "trajectory"}) {
            Path out = dir.resolve("compare-" + view + ".svg");
            CliRunner result = CliRunner.run("render", run.toString(), other.toString(), "--view", view,
                    "--metric", "twonn", "--tokens", "64", "--resamples", "3", "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(out).exists();
            String text = svgText(parseSvg(out));
            // one legend entry per run: "cli-run, …" and "deeper-run, …"
            assertThat(text).as(view).contains("cli-run, ").contains("deeper-run, ")
                    .contains("± std over 3 resamples");
        }
        Path relative = dir.resolve("compare-relative.png");
        assertThat(CliRunner.run("render", run.toString(), other.toString(), "--view", "profile", "--relative-depth",
                "--out", relative.toString()).exitCode()).isZero();
        assertThat(ImageIO.read(relative.toFile()).getWidth()).isEqualTo(975);
        Path difference = dir.resolve("difference.svg");
        CliRunner diff = CliRunner.run("render", run.toString(), other.toString(), "--view", "difference",
                "--out", difference.toString());
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        // run: 4 checkpoints × 5 layers; the other has the first 3 of those steps and layers 0..6
        assertThat(svgText(parseSvg(difference))).contains("cli-run − deeper-run: 15 of 20 cells share step and layer");
        CliRunner alone = CliRunner.run("render", run.toString(), "--view", "difference", "--out", dir.resolve("d.png").toString());
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("needs two runs");
        CliRunner notComparable = CliRunner.run("render", run.toString(), other.toString(), "--view", "heatmap",
                "--out", dir.resolve("h.png").toString());
        assertThat(notComparable.exitCode()).isEqualTo(2);
        assertThat(notComparable.err()).contains("several runs apply to");
    }

    private static String svgText(Document svg) {
        var texts = svg.getElementsByTagNameNS("*", "text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append(' ');
        }
        // a caption wider than the figure wraps into several text elements
        return all.toString().replaceAll("\\s+", " ");
    }

    /** Parses SVG text as XML without fetching its DTD. */
    static Document parseSvg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void trajectoryPdfOpensWithOnePage() throws Exception {
        Path out = dir.resolve("trajectory.pdf");
        CliRunner result = CliRunner.run("render", run.toString(), "--view", "trajectory", "--metric", "twonn",
                "--layer", "2", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            // the stripper may split glyph runs: compare without white space. At column width the
            // full label "TwoNN intrinsic dimension, layer 2" is longer than the plot is high
            // (it was cut off at the top): the metric's id is drawn instead
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("twonn,layer2")
                    .doesNotContain("TwoNNintrinsicdimension");
        }
        Path page = dir.resolve("trajectory-page.pdf");
        assertThat(CliRunner.run("render", run.toString(), "--view", "trajectory", "--metric", "twonn", "--layer", "2",
                "--size", "page", "--out", page.toString()).exitCode()).isZero();
        try (PDDocument pdf = Loader.loadPDF(page.toFile())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("TwoNNintrinsicdimension,layer2");
        }
    }

    @Test
    void projectionPngIsColumnWideAt300DpiByDefault() throws Exception {
        Path out = dir.resolve("projection.png");
        CliRunner result = CliRunner.run("render", run.toString(), "--view", "projection", "--step", "32", "--layer", "1",
                "--colour-by", "norm", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        BufferedImage image = ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(975);
        assertThat(image.getHeight()).isEqualTo((int) Math.round(3.25 * 72 * ExplorerViews.parse("projection").aspect() * (300 / 72.0)));
    }

    /** The texts of an SVG, in drawing order; numbers only when {@code numbers}. */
    private static java.util.List<String> svgTexts(Path svg, boolean numbers) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text[^>]*>([^<]*)</text\\s*>").matcher(Files.readString(svg));
        java.util.List<String> texts = new java.util.ArrayList<>();
        while (m.find()) {
            String t = m.group(1).strip();
            if (!numbers || t.matches("[-\u2212]?[0-9.,]+")) {
                texts.add(t);
            }
        }
        return texts;
    }

    /**
     * The scatter's tick labels: the numbers drawn just before the first axis name (x) and those
     * between it and the second (y); not the colour bar's or the variance bars'.
     */
    private static java.util.List<String> axisTicks(java.util.List<String> texts) {
        int x = -1;
        int y = -1;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).startsWith("aligned axis 1")) {
                x = i;
            } else if (texts.get(i).startsWith("aligned axis 2")) {
                y = i;
            }
        }
        assertThat(x).as("axis names in %s", texts).isPositive().isLessThan(y);
        int from = x;
        while (from > 0 && texts.get(from - 1).matches("[-\u2212]?[0-9.,]+")) {
            from--;
        }
        java.util.List<String> ticks = new java.util.ArrayList<>(texts.subList(from, x));
        ticks.addAll(texts.subList(x + 1, y));
        return ticks;
    }

    @Test
    void alignedProjectionsOfALayerShareTheirAxesAcrossCheckpoints() throws Exception {
        java.util.List<java.util.List<String>> ticks = new java.util.ArrayList<>();
        for (String step : new String[] {"0", "32"}) {
            Path out = dir.resolve("aligned-" + step + ".svg");
            CliRunner result = CliRunner.run("render", run.toString(), "--view", "projection", "--step", step, "--layer", "2",
                    "--align", "procrustes", "--find", "id:3", "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            java.util.List<String> texts = svgTexts(out, false);
            assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("aligned axis 1"));
            ticks.add(axisTicks(texts));
        }
        // the series' range over every checkpoint of the layer, not each cloud's own
        assertThat(ticks.get(0)).isNotEmpty().isEqualTo(ticks.get(1));
        Path common = dir.resolve("common.svg");
        assertThat(CliRunner.run("render", run.toString(), "--view", "projection", "--align", "common", "--out", common.toString())
                .exitCode()).isZero();
        CliRunner wrongView = CliRunner.run("render", run.toString(), "--view", "heatmap", "--align", "procrustes",
                "--out", dir.resolve("h.svg").toString());
        assertThat(wrongView.exitCode()).isEqualTo(2);
        assertThat(wrongView.err()).contains("--align and --find apply to --view projection only");
        CliRunner badFrame = CliRunner.run("render", run.toString(), "--view", "projection", "--align", "tilted",
                "--out", dir.resolve("p.svg").toString());
        assertThat(badFrame.exitCode()).isEqualTo(2);
        assertThat(badFrame.err()).contains("--align must be independent, procrustes or common");
    }

    @Test
    void unknownStepAndBadExtensionAreOneLineErrors() {
        CliRunner badStep = CliRunner.run("render", run.toString(), "--view", "profile", "--step", "7",
                "--out", dir.resolve("x.png").toString());
        assertThat(badStep.exitCode()).isEqualTo(2);
        assertThat(badStep.err().strip()).contains("--step 7").doesNotContain("\n");
        CliRunner badOut = CliRunner.run("render", run.toString(), "--view", "heatmap", "--out", dir.resolve("x.gif").toString());
        assertThat(badOut.exitCode()).isEqualTo(2);
        assertThat(badOut.err()).contains(".png, .svg or .pdf");
        assertThat(Files.exists(dir.resolve("x.gif"))).isFalse();
    }
}

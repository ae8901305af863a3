package org.shapescope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.app.ui.views.ExplorerView;
import org.shapescope.app.ui.views.ExplorerViews;
import org.shapescope.viewer.figure.FigureFont;
import org.w3c.dom.Document;

/**
 * Issue 16's checks of exported figures, with the tools a venue's checker or a co-author uses:
 * poppler's {@code pdfinfo}, {@code pdffonts} and {@code pdftotext -bbox} (poppler-utils),
 * {@code pdflatex} (texlive-latex-base), {@code rsvg-convert} (librsvg2-bin) and
 * {@code fc-list} (fontconfig, with fonts-dejavu-core). Every registered view is rendered at
 * {@code column} size. A missing tool fails the test with the package to install; it never
 * passes silently. {@code .ci/run} installs them.
 */
class PaperFiguresTest {

    /** The tolerance on the page width of a column figure. */
    private static final double PAGE_WIDTH_TOLERANCE_PT = 1;
    private static final double COLUMN_WIDTH_PT = 3.25 * 72;
    /** The smallest readable text at the final size. */
    private static final double MIN_TEXT_PT = 6;
    /**
     * Height of a word box per point of font size, as poppler computes it from the font's ascent
     * and descent: DejaVu Sans 2.37's hhea table has ascender 1901 and descender −483 per 2048
     * units, (1901 + 483) / 2048 = 1.164. A 6 pt word is 6.98 pt tall.
     */
    private static final double DEJAVU_BOX_PER_PT = (1901.0 + 483.0) / 2048.0;
    /** Rounding in pdftotext's printed coordinates (6 decimals) and in the box arithmetic. */
    private static final double BOX_TOLERANCE_PT = 1e-3;
    /** Share of pixels that must change when the text of an SVG is drawn: text is visible. */
    private static final double MIN_TEXT_PIXEL_SHARE = 0.002;
    private static final long TOOL_TIMEOUT_S = 120;

    @TempDir
    static Path dir;
    static Path run;
    static Path other;
    /** The views that draw several runs; they are rendered comparing two (the difference needs two). */
    private static final java.util.Set<String> COMPARING = java.util.Set.of("profile", "trajectory", "difference");

    @BeforeAll
    static void writeRun() throws Exception {
        run = dir.resolve("run");
        InspectCommandTest.writeRun(run, 4, 5, 200, 16);
        other = dir.resolve("other");
        InspectCommandTest.writeRun(other, 3, 7, 200, 16);
        Files.writeString(other.resolve("run.json"), "{\"name\": \"other-run\", \"architecture\": \"decoder\"}");
    }

    private static Path render(ExplorerView view, String extension) {
        Path out = dir.resolve(view.id() + "." + extension);
        if (!Files.exists(out)) {
            List<String> args = new java.util.ArrayList<>(List.of("render", run.toString()));
            if (COMPARING.contains(view.id())) {
                args.add(other.toString());
            }
            args.addAll(List.of("--view", view.id(), "--metric", "anisotropy", "--size", "column", "--out", out.toString()));
            CliRunner result = CliRunner.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(view.id() + ": " + result.err()).isZero();
        }
        return out;
    }

    @Test
    void everyViewAsColumnPdfIsColumnWideWithEmbeddedFontsAndReadableText() throws Exception {
        for (ExplorerView view : ExplorerViews.all()) {
            Path pdf = render(view, "pdf");
            Matcher size = Pattern.compile("Page size:\\s+([0-9.]+) x ([0-9.]+) pts").matcher(tool("poppler-utils", "pdfinfo", pdf.toString()));
            assertThat(size.find()).as(view.id() + ": pdfinfo page size").isTrue();
            assertThat(Double.parseDouble(size.group(1))).as(view.id() + " page width")
                    .isBetween(COLUMN_WIDTH_PT - PAGE_WIDTH_TOLERANCE_PT, COLUMN_WIDTH_PT + PAGE_WIDTH_TOLERANCE_PT);
            assertAllFontsEmbedded(pdf, view.id());
            double smallest = smallestTextPt(pdf);
            assertThat(smallest).as(view.id() + ": smallest text in pt").isGreaterThanOrEqualTo(MIN_TEXT_PT - BOX_TOLERANCE_PT);
        }
    }

    @Test
    void aLatexPaperIncludingEveryFigureAtColumnWidthCompilesWithEveryFontEmbedded() throws Exception {
        StringBuilder tex = new StringBuilder("\\documentclass[twocolumn]{article}\n\\usepackage{graphicx}\n"
                + "\\begin{document}\n\\section*{Figures at column width}\n");
        for (ExplorerView view : ExplorerViews.all()) {
            Path pdf = render(view, "pdf");
            tex.append("\\begin{figure}[t]\\centering\\includegraphics[width=\\columnwidth]{")
                    .append(pdf.getFileName()).append("}\\caption{").append(view.title()).append(".}\\end{figure}\n");
        }
        tex.append("Text of the paper in ten point type beside the figures.\n\\end{document}\n");
        Files.writeString(dir.resolve("paper.tex"), tex, StandardCharsets.UTF_8);
        toolIn(dir, "texlive-latex-base", "pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex");
        Path paper = dir.resolve("paper.pdf");
        assertThat(paper).exists();
        assertAllFontsEmbedded(paper, "paper.pdf");
    }

    @Test
    void everyViewAsSvgParsesNamesAnInstalledFontAndRendersVisibleText() throws Exception {
        String installed = tool("fontconfig and fonts-dejavu-core", "fc-list", ":", "family");
        assertThat(installed.lines().flatMap(l -> List.of(l.split(",")).stream()).map(String::strip))
                .as("fc-list families").contains(FigureFont.FAMILY);
        for (ExplorerView view : ExplorerViews.all()) {
            Path svg = render(view, "svg");
            Document doc = RenderCommandTest.parseSvg(svg);
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            String xml = Files.readString(svg, StandardCharsets.UTF_8);
            assertThat(xml).as(view.id()).contains("'" + FigureFont.FAMILY + "', sans-serif");
            assertThat(doc.getElementsByTagName("text").getLength()).as(view.id()).isPositive();
            Path withoutText = dir.resolve(view.id() + "-notext.svg");
            Files.writeString(withoutText, xml.replaceAll("(?s)<text[^>]*>.*?</text\\s*>", ""), StandardCharsets.UTF_8);
            BufferedImage drawn = rsvg(svg);
            BufferedImage blank = rsvg(withoutText);
            assertThat(drawn.getWidth()).as(view.id() + " rendered width at 72 dpi").isEqualTo((int) Math.ceil(COLUMN_WIDTH_PT));
            long changed = 0;
            for (int y = 0; y < drawn.getHeight(); y++) {
                for (int x = 0; x < drawn.getWidth(); x++) {
                    if (drawn.getRGB(x, y) != blank.getRGB(x, y)) {
                        changed++;
                    }
                }
            }
            assertThat(changed / (double) (drawn.getWidth() * drawn.getHeight()))
                    .as(view.id() + ": share of pixels the text draws").isGreaterThan(MIN_TEXT_PIXEL_SHARE);
        }
    }

    private static BufferedImage rsvg(Path svg) throws Exception {
        Path png = dir.resolve(svg.getFileName() + ".png");
        tool("librsvg2-bin", "rsvg-convert", "--dpi-x=72", "--dpi-y=72", "--background-color=white", "-o", png.toString(), svg.toString());
        return ImageIO.read(png.toFile());
    }

    private static void assertAllFontsEmbedded(Path pdf, String what) throws Exception {
        List<String> lines = tool("poppler-utils", "pdffonts", pdf.toString()).lines().toList();
        assertThat(lines.size()).as(what + ": pdffonts lists fonts").isGreaterThan(2);
        String header = lines.get(0);
        int emb = header.indexOf("emb");
        for (String font : lines.subList(2, lines.size())) {
            assertThat(font.substring(emb, emb + 3)).as(what + ": " + font).isEqualTo("yes");
        }
    }

    /**
     * The smallest font size in pt of the words {@code pdftotext -bbox} finds. A word's size is
     * its box's thickness across the baseline over {@link #DEJAVU_BOX_PER_PT}: the box height for
     * horizontal words; for rotated words (axis labels, which are all longer than two letters)
     * the width, which is then the smaller side. Words of one or two characters are tick labels
     * and horizontal in every Shapescope figure.
     */
    private static double smallestTextPt(Path pdf) throws Exception {
        Path html = dir.resolve(pdf.getFileName() + ".bbox.html");
        tool("poppler-utils", "pdftotext", "-bbox", pdf.toString(), html.toString());
        Matcher word = Pattern.compile("<word xMin=\"([-0-9.]+)\" yMin=\"([-0-9.]+)\" xMax=\"([-0-9.]+)\" yMax=\"([-0-9.]+)\">([^<]*)</word>")
                .matcher(Files.readString(html, StandardCharsets.UTF_8));
        double smallest = Double.POSITIVE_INFINITY;
        int words = 0;
        while (word.find()) {
            double w = Double.parseDouble(word.group(3)) - Double.parseDouble(word.group(1));
            double h = Double.parseDouble(word.group(4)) - Double.parseDouble(word.group(2));
            double thickness = word.group(5).length() <= 2 ? h : Math.min(w, h);
            smallest = Math.min(smallest, thickness / DEJAVU_BOX_PER_PT);
            words++;
        }
        assertThat(words).as(pdf + ": words found by pdftotext").isPositive();
        return smallest;
    }

    private static String tool(String debianPackage, String... command) throws Exception {
        return toolIn(dir, debianPackage, command);
    }

    /** Runs a command and returns its output; fails loudly, naming the package, when it is missing. */
    private static String toolIn(Path workDir, String debianPackage, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process process;
        try {
            process = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail(command[0] + " is not installed, so issue 16's figure checks cannot run: install Debian's "
                    + debianPackage + " (.ci/run does). " + e.getMessage());
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TOOL_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail(command[0] + " did not finish within " + TOOL_TIMEOUT_S + " s");
        }
        assertThat(process.exitValue()).as(String.join(" ", cmd) + " exit status; output:\n" + out).isZero();
        return out;
    }
}

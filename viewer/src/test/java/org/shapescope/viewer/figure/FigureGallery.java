package org.shapescope.viewer.figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ui.Drawable;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.export.FigureExport;
import org.shapescope.viewer.export.PrintSize;

/**
 * Renders every figure on synthetic data for looking at by eye, in the screen style (PNG at
 * 640 × 420, 2×) and at column size in the paper style (PNG at 300 dpi and PDF):
 * {@code java -cp ... org.shapescope.viewer.figure.FigureGallery [/tmp/viewer-png]}.
 */
public final class FigureGallery {

    private FigureGallery() {
    }

    private interface Figure {
        Drawable build(FigureStyle style);
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/viewer-png");
        Files.createDirectories(dir);
        MetricGrid grid = SyntheticFigureData.grid("intrinsic dimension", 30, 13, 4, 345);
        write(dir, "heatmap", s -> new HeatmapFigure(grid).selection(12, 6).style(s).build());
        write(dir, "heatmap-small", s -> new HeatmapFigure(SyntheticFigureData.grid("anisotropy", 7, 11, 2, 7))
                .colorMap(ColorMap.MAGMA).style(s).build());
        write(dir, "profile", s -> new LayerProfileFigure(grid, 20).style(s).build());
        write(dir, "profile-overlay", s -> new LayerProfileFigure(grid, 29).overlayAllCheckpoints(true)
                .relativeDepth(true).style(s).build());
        write(dir, "trajectory", s -> new TrajectoryFigure(grid).layers(6).style(s).build());
        write(dir, "trajectory-loss", s -> new TrajectoryFigure(grid).layers(1, 4, 6, 9, 12)
                .loss(SyntheticFigureData.loss(3)).selectedCheckpoint(20).style(s).build());
        write(dir, "projection", s -> new ProjectionFigure(SyntheticFigureData.projection(20_000, 11))
                .colourBy(PointValue.POSITION).pointSize(2.5).style(s).composite());
        System.out.println("wrote figures to " + dir);
    }

    private static void write(Path dir, String name, Figure figure) throws IOException {
        ImageIO.write(FigureExport.image(figure.build(FigureStyle.SCREEN), 640, 420, 2), "png",
                dir.resolve(name + ".png").toFile());
        PrintSize column = PrintSize.of(PrintSize.Preset.COLUMN, 0.66);
        for (ExportFormat format : new ExportFormat[] {ExportFormat.PNG, ExportFormat.PDF}) {
            FigureExport.write(figure.build(column.style()), format, column,
                    dir.resolve(name + "-column." + format.extension()));
        }
    }
}

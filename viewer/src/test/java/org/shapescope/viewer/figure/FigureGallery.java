package org.shapescope.viewer.figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.export.FigureExport;

/**
 * Renders every figure on synthetic data to PNG for looking at by eye:
 * {@code java -cp ... org.shapescope.viewer.figure.FigureGallery [/tmp/viewer-png]}.
 */
public final class FigureGallery {

    private FigureGallery() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/viewer-png");
        Files.createDirectories(dir);
        MetricGrid grid = SyntheticRun.grid("intrinsic dimension", 30, 13, 4, 345);
        int w = 640;
        int h = 420;
        FigureExport.png(new HeatmapFigure(grid).selection(12, 6).build(), w, h, 2, dir.resolve("heatmap.png"));
        FigureExport.png(new HeatmapFigure(SyntheticRun.grid("anisotropy", 7, 11, 2, 7)).colorMap(ColorMap.MAGMA)
                .build(), w, h, 1, dir.resolve("heatmap-small.png"));
        FigureExport.png(new LayerProfileFigure(grid, 20).build(), w, h, 2, dir.resolve("profile.png"));
        FigureExport.png(new LayerProfileFigure(grid, 29).overlayAllCheckpoints(true).relativeDepth(true).build(),
                w, h, 2, dir.resolve("profile-overlay.png"));
        FigureExport.png(new TrajectoryFigure(grid).layers(6).build(), w, h, 2, dir.resolve("trajectory.png"));
        FigureExport.png(new TrajectoryFigure(grid).layers(1, 4, 6, 9, 12).loss(SyntheticRun.loss(3))
                .selectedCheckpoint(20).build(), w, h, 2, dir.resolve("trajectory-loss.png"));
        ProjectionFigure projection = new ProjectionFigure(SyntheticRun.projection(20_000, 11))
                .colourBy(PointValue.POSITION).pointSize(2.5);
        FigureExport.png(projection.composite(), 900, h, 2, dir.resolve("projection.png"));
        System.out.println("wrote figures to " + dir);
    }
}

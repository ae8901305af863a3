package org.shapescope.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.figure.SyntheticFigureData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** {@link ChartView}: charts are drawn off the JavaFX thread and the picture on screen is that drawing. */
@ExtendWith(ApplicationExtension.class)
class ChartViewTest {

    /**
     * A cell centre's pixel against its paint: the picture is shown at one pixel per pixel, so
     * only the 8-bit conversions of the colour may differ (at most one step per channel).
     */
    private static final double CHANNEL_TOLERANCE = 1.5 / 255;
    /** A drag between two cell centres lands within a pixel of them: far below 0.05 layer at ~90 px per layer. */
    private static final double ZOOM_TOLERANCE_LAYERS = 0.05;

    /** Records the thread of every drawing of its chart; one property changes what is shown. */
    static final class RecordingView extends ChartView {
        final List<String> drawingThreads = new CopyOnWriteArrayList<>();
        final SimpleIntegerProperty version = new SimpleIntegerProperty(this, "version");

        RecordingView() {
            invalidateOn(version);
        }

        @Override
        protected ChartFactory snapshot() {
            int v = version.get();
            return style -> new JFreeChart("version " + v, new XYPlot()) {
                @Override
                public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, ChartRenderingInfo info) {
                    drawingThreads.add(Thread.currentThread().getName());
                    super.draw(g2, area, anchor, info);
                }
            };
        }

        @Override
        protected String exportName() {
            return "recording";
        }
    }

    private final MetricGrid grid = SyntheticFigureData.grid("anisotropy", 5, 4, 0, 11);
    private RecordingView recording;
    private HeatmapView heatmap;

    @Start
    void start(Stage stage) {
        recording = new RecordingView();
        heatmap = new HeatmapView(grid);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(recording, heatmap);
        recording.setPrefSize(400, 300);
        heatmap.setPrefSize(500, 400);
        stage.setScene(new Scene(box, 900, 400));
        stage.show();
    }

    @Test
    void chartsAreDrawnOffTheJavaFxThreadAndTheNewestIsShown() {
        Drawings.awaitDrawn(recording);
        assertThat(recording.drawingThreads).isNotEmpty().allSatisfy(name -> assertThat(name).isEqualTo("shapescope-chart-drawing"));
        WaitForAsyncUtils.asyncFx(() -> {
            for (int v = 1; v <= 40; v++) {
                recording.version.set(v);
            }
        });
        Drawings.awaitDrawn(recording);
        assertThat(recording.getDisplayedChart().getTitle().getText()).isEqualTo("version 40");
        // a burst of 40 changes is one redraw (the coalescer), drawn once or twice, never 40 times
        assertThat(recording.drawingThreads.size()).isLessThan(6);
    }

    @Test
    void thePictureOnScreenIsTheDrawingOfTheChart() {
        Drawings.awaitDrawn(heatmap);
        WritableImage shot = WaitForAsyncUtils.waitForAsyncFx(5000, () -> heatmap.snapshot(null, null));
        JFreeChart chart = heatmap.getDisplayedChart();
        PaintScale scale = ((XYBlockRenderer) chart.getXYPlot().getRenderer()).getPaintScale();
        for (int[] cell : new int[][] {{0, 0}, {2, 1}, {4, 3}}) {
            javafx.geometry.Point2D centre = WaitForAsyncUtils.waitForAsyncFx(5000, () -> heatmap.cellCenter(cell[0], cell[1]));
            java.awt.Color expected = (java.awt.Color) scale.getPaint(grid.value(cell[1], cell[0]));
            javafx.scene.paint.Color seen = shot.getPixelReader().getColor((int) centre.getX(), (int) centre.getY());
            assertThat(seen.getRed()).as("cell %s red", java.util.Arrays.toString(cell))
                    .isCloseTo(expected.getRed() / 255.0, org.assertj.core.api.Assertions.within(CHANNEL_TOLERANCE));
            assertThat(seen.getGreen()).isCloseTo(expected.getGreen() / 255.0, org.assertj.core.api.Assertions.within(CHANNEL_TOLERANCE));
            assertThat(seen.getBlue()).isCloseTo(expected.getBlue() / 255.0, org.assertj.core.api.Assertions.within(CHANNEL_TOLERANCE));
        }
    }

    @Test
    void zoomingOntoCellsKeepsHitTestsOnTheCellsShownAndDoubleClickResets(FxRobot robot) {
        Drawings.awaitDrawn(heatmap);
        javafx.geometry.Point2D from = WaitForAsyncUtils.waitForAsyncFx(5000, () -> heatmap.cellCenter(1, 1));
        javafx.geometry.Point2D to = WaitForAsyncUtils.waitForAsyncFx(5000, () -> heatmap.cellCenter(3, 2));
        robot.drag(heatmap.localToScreen(from)).dropTo(heatmap.localToScreen(to));
        Drawings.awaitDrawn(heatmap);
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, heatmap::isZoomed)).isTrue();
        // layers 1..2 from centre to centre: one layer of y is shown, where the whole grid showed 4
        org.jfree.data.Range y = heatmap.getDisplayedChart().getXYPlot().getRangeAxis().getRange();
        assertThat(y.getLowerBound()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(ZOOM_TOLERANCE_LAYERS));
        assertThat(y.getUpperBound()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(ZOOM_TOLERANCE_LAYERS));
        // a drag is not a click: the selection did not change
        assertThat(heatmap.selectedCheckpointProperty().get()).isEqualTo(-1);
        javafx.geometry.Point2D cell = WaitForAsyncUtils.waitForAsyncFx(5000, () -> heatmap.cellCenter(2, 2));
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, () -> heatmap.cellAt(cell.getX(), cell.getY()))).containsExactly(2, 2);
        robot.clickOn(heatmap.localToScreen(cell));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heatmap.selectedCheckpointProperty().get()).isEqualTo(2);
        assertThat(heatmap.selectedLayerProperty().get()).isEqualTo(2);
        // exports show what is on screen
        assertThat(((JFreeChart) heatmap.exportFigure().build(org.shapescope.viewer.figure.FigureStyle.paper(8))).getXYPlot().getRangeAxis()
                .getUpperBound()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(ZOOM_TOLERANCE_LAYERS));
        robot.doubleClickOn(heatmap.localToScreen(cell));
        Drawings.awaitDrawn(heatmap);
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, heatmap::isZoomed)).isFalse();
        assertThat(heatmap.getDisplayedChart().getXYPlot().getRangeAxis().getRange().getLength()).isGreaterThan(3.5);
    }
}

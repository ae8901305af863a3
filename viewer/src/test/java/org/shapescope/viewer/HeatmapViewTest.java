package org.shapescope.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.export.ExportFormat;
import org.shapescope.viewer.figure.LogStepAxis;
import org.shapescope.viewer.figure.SyntheticFigureData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HeatmapViewTest {

    /** 7 checkpoints × 11 layers, the last 2 cells of the last checkpoint not computed. */
    private final MetricGrid grid = SyntheticFigureData.grid("anisotropy", 7, 11, 2, 345);
    private HeatmapView view;

    @Start
    void start(Stage stage) {
        view = new HeatmapView(grid);
        stage.setScene(new Scene(view, 700, 460));
        stage.show();
    }

    @Test
    void showsEveryValueOfTheGrid() {
        WaitForAsyncUtils.waitForFxEvents();
        XYZDataset data = (XYZDataset) view.getDisplayedChart().getXYPlot().getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(77);
        for (int l = 0; l < 11; l++) {
            for (int s = 0; s < 7; s++) {
                double z = data.getZValue(0, l * 7 + s);
                if (grid.isComputed(l, s)) {
                    assertThat(z).isEqualTo(grid.value(l, s));
                } else {
                    assertThat(z).isNaN();
                }
            }
        }
        assertThat(view.describeCell(3, 4)).contains("layer 4").contains("step " + grid.step(3))
                .contains("tokens used: 8,192");
    }

    @Test
    void clickSelectsTheCellUnderTheMouse(FxRobot robot) {
        Drawings.awaitDrawn(view);
        Point2D centre = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.cellCenter(4, 8));
        assertThat(centre).isNotNull();
        assertThat(view.cellAt(centre.getX(), centre.getY())).containsExactly(4, 8);
        robot.clickOn(view.localToScreen(centre));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.selectedCheckpointProperty().get()).isEqualTo(4);
        assertThat(view.selectedLayerProperty().get()).isEqualTo(8);
        // the selection marker is drawn: two outline annotations on the plot
        assertThat(view.getDisplayedChart().getXYPlot().getAnnotations()).hasSize(2);
    }

    @Test
    void clickOnACellCentreSelectsThatCellOnTheLogStepAxis(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        long before = view.redraws().redrawCount();
        WaitForAsyncUtils.asyncFx(() -> view.logStepAxisProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.redraws().redrawCount() - before).isEqualTo(1);
        assertThat(view.getDisplayedChart().getXYPlot().getDomainAxis()).isInstanceOf(LogStepAxis.class);
        Drawings.awaitDrawn(view);
        // step 0's symbolic column, the first positive step, one in the middle and the last
        for (int[] cell : new int[][] {{0, 2}, {1, 8}, {3, 0}, {6, 5}}) {
            Point2D centre = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.cellCenter(cell[0], cell[1]));
            assertThat(view.cellAt(centre.getX(), centre.getY())).containsExactly(cell[0], cell[1]);
            robot.clickOn(view.localToScreen(centre));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(view.selectedCheckpointProperty().get()).isEqualTo(cell[0]);
            assertThat(view.selectedLayerProperty().get()).isEqualTo(cell[1]);
        }
        // log columns are not the equal index columns: step 16's column is wider than step 0's
        Point2D zero = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.cellCenter(0, 0));
        Point2D first = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.cellCenter(1, 0));
        Point2D second = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.cellCenter(2, 0));
        assertThat(second.getX() - first.getX()).isNotCloseTo(first.getX() - zero.getX(), within(1.0));
    }

    @Test
    void burstOfGridUpdatesCausesOneRedraw() {
        WaitForAsyncUtils.waitForFxEvents();
        long before = view.redraws().redrawCount();
        WaitForAsyncUtils.asyncFx(() -> {
            MetricGrid g = MetricGrid.empty("anisotropy", grid.steps(), grid.layers());
            for (int s = 0; s < 7; s++) {
                for (int l = 0; l < 11; l++) {
                    g = g.with(s, l, s + l, 100);
                    view.setGrid(g);
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.redraws().redrawCount() - before).isEqualTo(1);
        XYZDataset data = (XYZDataset) view.getDisplayedChart().getXYPlot().getDataset();
        assertThat(data.getZValue(0, 10 * 7 + 6)).isEqualTo(16.0);
    }

    @Test
    void exportMenuHandsARequestToTheHandler() {
        List<ExportRequest> requests = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            view.setExportHandler(requests::add);
            view.getExportMenu().getItems().get(2).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).format()).isEqualTo(ExportFormat.PDF);
        assertThat(requests.get(0).suggestedFileName()).isEqualTo("heatmap-anisotropy.pdf");
        assertThat(requests.get(0).figure()).isNotNull();
    }
}

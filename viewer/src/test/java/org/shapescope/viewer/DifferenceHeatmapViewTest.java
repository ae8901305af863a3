package org.shapescope.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shapescope.viewer.data.GridDifference;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.RunGrid;
import org.shapescope.viewer.figure.SyntheticFigureData;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The heatmap view showing a difference of two runs on screen. */
@ExtendWith(ApplicationExtension.class)
class DifferenceHeatmapViewTest {

    private final MetricGrid a = SyntheticFigureData.grid("anisotropy", 7, 5, 0, 1);
    private final MetricGrid b = SyntheticFigureData.grid("anisotropy", 6, 4, 0, 2);
    private HeatmapView view;

    @Start
    void start(Stage stage) {
        view = new HeatmapView();
        view.differenceProperty().set(GridDifference.of(new RunGrid("A", a, null), new RunGrid("B", b, null)));
        stage.setScene(new Scene(view, 700, 460));
        stage.show();
    }

    @Test
    void drawsOnAWhiteBackgroundAndDescribesUnmatchedCells() {
        Drawings.awaitDrawn(view);
        assertThat(view.getDisplayedChart()).isNotNull();
        WritableImage shot = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.snapshot(null, null));
        Color corner = shot.getPixelReader().getColor(3, 3);
        assertThat(corner).as("the chart's background").isEqualTo(Color.WHITE);
        assertThat(view.describeCell(6, 4)).isEqualTo("layer 4, step 143000: B has no such cell");
        assertThat(view.describeCell(1, 1)).contains("anisotropy (A − B) = ");
    }
}

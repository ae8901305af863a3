package org.shapescope.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.figure.SyntheticFigureData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProjectionViewTest {

    private final Projection projection = SyntheticFigureData.projection(100_000, 11);
    private ProjectionView view;

    @Start
    void start(Stage stage) {
        view = new ProjectionView();
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    @Test
    void drawsHundredThousandPointsAndFindsTheNearestOnHover(FxRobot robot) {
        robot.interact(() -> view.setProjection(projection));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.colorByProperty().get()).isEqualTo(PointValue.POSITION);
        assertThat(view.redraws().redrawCount()).isPositive();

        WritableImage snapshot = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.canvas().snapshot(null, null));
        Point2D p = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.pointPosition(123));
        Color under = snapshot.getPixelReader().getColor((int) p.getX(), (int) p.getY());
        assertThat(under).isNotEqualTo(Color.WHITE);

        // a query exactly on a point returns a point at distance 0 in data space
        int found = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.pointAt(p.getX(), p.getY()));
        assertThat(found).isNotNegative();
        Point2D q = WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.pointPosition(found));
        assertThat(q.distance(p)).isLessThan(1e-6);
        assertThat(view.describePoint(found)).contains(projection.token(found));
        // far outside the plot nothing is reported
        assertThat(WaitForAsyncUtils.waitForAsyncFx(5000, () -> view.pointAt(-500, -500))).isEqualTo(-1);

        robot.interact(() -> view.colorByProperty().set(PointValue.NORM));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(view.canvas().localToScreen(p));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void keepsTheSeriesRangeWhileScrubbingAndHighlightsSearchHitsAndPins(FxRobot robot) {
        org.shapescope.viewer.data.ProjectionSeries series =
                org.shapescope.viewer.figure.ProjectionSeriesFigureTest.series();
        robot.interact(() -> {
            view.seriesProperty().set(series);
            view.setProjection(series.projection(1));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.fixedRange()).containsExactly(series.range());
        assertThat(view.mostMovedList().getItems()).containsExactly(1, 0);
        robot.interact(() -> view.queryProperty().set("the"));
        assertThat(view.highlightedProperty().get()).containsExactly(1);
        // pin the first "a" at checkpoint 1 (track 0) and scrub: it stays highlighted, with its trail
        robot.interact(() -> view.pin(0));
        robot.interact(() -> view.setProjection(series.projection(2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.fixedRange()).containsExactly(series.range());
        // point 1 is track 0 (pinned), point 2 is " the" (searched)
        assertThat(view.highlightedProperty().get()).containsExactly(1, 2);
        assertThat(view.trails()).as("the pinned token's trail only").hasSize(1);
        assertThat(view.trails().get(0)[0]).containsExactly(0, 0, 0); // track 0: x 0 at every checkpoint
        robot.interact(() -> view.trailsShownProperty().set(false));
        assertThat(view.trails()).isEmpty();
        // a projection outside the series: fitted axes, pins cleared, the search still applies
        robot.interact(() -> view.setProjection(projection));
        assertThat(view.fixedRange()).isNull();
        int[] hits = org.shapescope.viewer.data.TokenSearch.matches(projection, "the");
        assertThat(view.highlightedProperty().get().length).isEqualTo(hits.length);
        assertThat(java.util.Arrays.equals(view.highlightedProperty().get(), hits)).isTrue();
        assertThat(view.mostMovedList().getParent().isVisible()).isFalse();
    }
}

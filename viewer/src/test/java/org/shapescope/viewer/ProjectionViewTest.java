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
}

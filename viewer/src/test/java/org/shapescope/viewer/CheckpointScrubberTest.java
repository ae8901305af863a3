package org.shapescope.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CheckpointScrubberTest {

    private CheckpointScrubber scrubber;

    @Start
    void start(Stage stage) {
        scrubber = new CheckpointScrubber();
        scrubber.setSteps(new long[] {0, 16, 128, 1000, 8000, 64000});
        stage.setScene(new Scene(scrubber, 600, 60));
        stage.show();
    }

    @Test
    void startsAtLastCheckpointAndArrowKeysMoveTheSelection(FxRobot robot) {
        assertThat(scrubber.getSelectedCheckpoint()).isEqualTo(5);
        robot.interact(() -> scrubber.slider().requestFocus());
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scrubber.getSelectedCheckpoint()).isEqualTo(3);
        assertThat(scrubber.slider().getValue()).isEqualTo(3.0);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scrubber.getSelectedCheckpoint()).isEqualTo(4);
    }

    @Test
    void staysWithinBounds(FxRobot robot) {
        robot.interact(() -> {
            scrubber.setSelectedCheckpoint(0);
            assertThat(scrubber.previous()).isFalse();
            scrubber.setSelectedCheckpoint(42);
        });
        assertThat(scrubber.getSelectedCheckpoint()).isEqualTo(5);
        robot.interact(() -> assertThat(scrubber.next()).isFalse());
    }

    @Test
    void playAdvancesAndStopsAtTheEnd(FxRobot robot) {
        robot.interact(() -> {
            scrubber.frameIntervalProperty().set(javafx.util.Duration.millis(20));
            scrubber.setSelectedCheckpoint(3);
            scrubber.playingProperty().set(true);
        });
        long deadline = System.currentTimeMillis() + 5000;
        while (scrubber.playingProperty().get() && System.currentTimeMillis() < deadline) {
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scrubber.playingProperty().get()).isFalse();
        assertThat(scrubber.getSelectedCheckpoint()).isEqualTo(5);
    }
}

package org.shapescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.app.SyntheticRun;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.CurrentThreadTaskExecutor;
import org.shapescope.viewer.HeatmapView;
import org.shapescope.viewer.TrajectoryView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer following an open run, headless: a checkpoint file written into the run folder in
 * place, in two halves with a pause longer than the settle interval between them, is waited for
 * (no notice, no column) and then grows the heatmap by a column, the scrubber by a tick and the
 * trajectory by a point; an appended loss.csv line reaches the loss curve.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRunWindowTest {
    private static final int CHECKPOINTS = 3;
    private static final int LAYERS = 4;
    private static final Duration SETTLE = Duration.ofMillis(200);
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private ExplorerModel model;
    private ExplorerWindow window;
    private TestWindow opened;

    @Start
    void start(Stage stage) {
        opened = TestWindow.show(stage, executor, m -> m.followRuns(SETTLE));
        model = opened.model;
        window = opened.window;
    }

    @AfterEach
    void stop() throws Exception {
        Platform.runLater(model::dispose);
        WaitForAsyncUtils.waitForFxEvents();
        opened.removePreferences();
    }

    private void waitForCells(int checkpoints) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.getRun() != null
                && model.getRun().checkpoints().size() == checkpoints && !model.gridRunningProperty().get()
                && model.cellsDoneProperty().get() == checkpoints * LAYERS && model.cellsTotalProperty().get() == checkpoints * LAYERS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCheckpointWrittenIntoTheOpenRunGrowsTheGrid(FxRobot robot) throws Exception {
        Path run = dir.resolve("run");
        SyntheticRun.write(run, CHECKPOINTS, LAYERS, 120, 16);
        Path later = dir.resolve("later");
        SyntheticRun.write(later, CHECKPOINTS + 1, LAYERS, 120, 16);
        String newest = String.format("step-%06d.arrow", SyntheticRun.step(CHECKPOINTS));
        byte[] bytes = Files.readAllBytes(later.resolve(newest));

        robot.interact(() -> model.open(run));
        waitForCells(CHECKPOINTS);
        HeatmapView heatmap = window.charts().view("heatmap", HeatmapView.class);
        assertThat(heatmap.getGrid().steps()).hasSize(CHECKPOINTS);

        try (OutputStream out = Files.newOutputStream(run.resolve(newest), StandardOpenOption.CREATE_NEW)) {
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            Thread.sleep(3 * SETTLE.toMillis());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(model.getRun().checkpoints()).as("half a file is waited for").hasSize(CHECKPOINTS);
            assertThat(model.getNotices()).as("and not reported").isEmpty();
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        }
        Files.writeString(run.resolve("loss.csv"), SyntheticRun.step(CHECKPOINTS) + ",0.5\n", StandardOpenOption.APPEND);
        waitForCells(CHECKPOINTS + 1);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.lossProperty().get() != null
                && model.lossProperty().get().steps().length == CHECKPOINTS + 1);

        assertThat(heatmap.getGrid().steps()).hasSize(CHECKPOINTS + 1).endsWith(SyntheticRun.step(CHECKPOINTS));
        assertThat(window.scrubber().stepsProperty().get()).hasSize(CHECKPOINTS + 1);
        assertThat(window.charts().view("trajectory", TrajectoryView.class).gridProperty().get().steps()).hasSize(CHECKPOINTS + 1);
        assertThat(model.getSelectedCheckpoint()).as("the selection follows the newest checkpoint").isEqualTo(CHECKPOINTS);
        for (int layer = 0; layer < LAYERS; layer++) {
            assertThat(heatmap.getGrid().value(layer, CHECKPOINTS)).as("layer " + layer).isFinite();
        }
        assertThat(model.getNotices()).isEmpty();
    }
}

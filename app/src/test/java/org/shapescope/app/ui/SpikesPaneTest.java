package org.shapescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.app.SyntheticRun;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.CurrentThreadTaskExecutor;
import org.shapescope.viewer.TrajectoryView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Spikes view and the trajectory's spike markers, headless, on a synthetic run (checkpoints
 * 0, 16, …, 256 × 5 layers) whose loss.csv (steps 0–499) is the noise pattern 2, 2.125, 1.875 with
 * a spike at steps 300–301; and on the bundled tiny-spikes run when it is present.
 */
@ExtendWith(ApplicationExtension.class)
class SpikesPaneTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private ExplorerModel model;
    private TestWindow opened;

    @Start
    void start(Stage stage) {
        opened = TestWindow.show(stage, executor);
        model = opened.model;
    }

    @AfterEach
    void removePreferences() throws Exception {
        opened.removePreferences();
    }

    private Path spikyRun() throws Exception {
        Path run = dir.resolve("run");
        SyntheticRun.write(run, 6, 5, 200, 16);
        StringBuilder loss = new StringBuilder("step,loss\n");
        double[] pattern = {2.0, 2.125, 1.875};
        for (int step = 0; step < 500; step++) {
            double value = step == 300 ? 5.0 : step == 301 ? 4.0 : pattern[step % 3];
            loss.append(step).append(',').append(String.format(Locale.ROOT, "%.3f", value)).append('\n');
        }
        Files.writeString(run.resolve("loss.csv"), loss);
        return run;
    }

    private void openAndWait(FxRobot robot, Path run) throws Exception {
        robot.interact(() -> model.open(run));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.getRun() != null
                && !model.gridRunningProperty().get() && model.cellsTotalProperty().get() > 0
                && model.cellsDoneProperty().get() == model.cellsTotalProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSpikeIsInTheTableAndMarkedOnTheTrajectory(FxRobot robot) throws Exception {
        openAndWait(robot, spikyRun());
        TableView<?> table = robot.lookup("#spikes-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        // one spike, one row per layer
        assertThat(table.getItems()).hasSize(5);
        assertThat(cell(table, "spike", 0)).isEqualTo("300");
        assertThat(cell(table, "from → to", 0)).isEqualTo("128 → 256");
        assertThat(cell(table, "layer", 4)).isEqualTo("4");
        Label summary = robot.lookup("#spikes-summary").queryAs(Label.class);
        assertThat(summary.getText()).startsWith("1 spike in loss.csv").contains("window 50 rows, k 5");
        TrajectoryView trajectory = robot.lookup("#trajectory").queryAs(TrajectoryView.class);
        assertThat(trajectory.spikesProperty().get()).containsExactly(300L);

        // a window of 400 rows leaves rows 0-399 untested: the spike at 300 is gone
        Spinner<Integer> window = robot.lookup("#spikes-window").queryAs(Spinner.class);
        robot.interact(() -> window.getValueFactory().setValue(400));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(summary.getText()).startsWith("0 spikes").contains("window 400 rows");
        assertThat(trajectory.spikesProperty().get()).isEmpty();
    }

    private static Object cell(TableView<?> table, String column, int row) {
        return table.getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow().getCellData(row);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBundledSpikeRunShowsASpike(FxRobot robot) throws Exception {
        Path sample = Path.of("..", "sample-data", "tiny-spikes").toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sample), "no " + sample);
        openAndWait(robot, sample);
        TableView<?> table = robot.lookup("#spikes-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertThat(table.getItems().size()).isGreaterThanOrEqualTo(model.getGrid().layerCount());
        assertThat(cell(table, "spike", 0)).isEqualTo("257");
    }
}

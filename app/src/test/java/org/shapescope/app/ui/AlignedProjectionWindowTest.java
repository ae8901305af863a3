package org.shapescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.ProjectionAlignment;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.CurrentThreadTaskExecutor;
import org.shapescope.viewer.ProjectionView;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.data.ProjectionSeries;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The projection pane's aligned modes end to end, headless: a run whose three checkpoints hold the
 * same 240 byte tokens, each checkpoint the same cloud in another frame of R^8 (an orthogonal map,
 * one of them a reflection, and a translation), except that token 7 jumps at the middle checkpoint.
 * Aligned, scrubbing keeps the axis range; the frames coincide, so token 7 is the most moved;
 * searching a byte highlights every point of that byte.
 */
@ExtendWith(ApplicationExtension.class)
class AlignedProjectionWindowTest {
    private static final int TOKENS = 240;
    private static final int HIDDEN = 8;
    private static final long[] STEPS = {256, 512, 1024};
    private static final int MOVED = 7;
    private static final long WAIT_SECONDS = 30;
    /**
     * Aligned coordinates of an unmoved token at two checkpoints: the clouds are exact orthogonal images
     * except for token 7's jump, which tilts the Procrustes fit by ~|jump|/(n·spread) ≈ 1 %, so
     * coordinates of size ~5 agree within ~0.1; 0.3 still fails for any flipped or rotated frame (size ~5).
     */
    private static final double SAME_TOKEN = 0.3;

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private ExplorerModel model;
    private ExplorerWindow window;
    private TestWindow opened;

    @Start
    void start(Stage stage) {
        opened = TestWindow.show(stage, executor);
        model = opened.model;
        window = opened.window;
    }

    @AfterEach
    void removePreferences() throws Exception {
        opened.removePreferences();
    }

    private Path writeRun() throws Exception {
        Path run = dir.resolve("aligned-run");
        Files.createDirectories(run);
        Random random = new Random(345);
        double[] scales = {6, 4, 2.5, 1.5, 1, 0.6, 0.4, 0.2};
        double[][] base = new double[TOKENS][HIDDEN];
        long[] sequence = new long[TOKENS];
        long[] position = new long[TOKENS];
        long[] tokenId = new long[TOKENS];
        String[] text = new String[TOKENS];
        String source = "the quick brown fox jumps over the lazy dog, 0123456789; ";
        for (int i = 0; i < TOKENS; i++) {
            for (int j = 0; j < HIDDEN; j++) {
                base[i][j] = random.nextGaussian() * scales[j];
            }
            sequence[i] = i / 60;
            position[i] = i % 60;
            char c = source.charAt(i % source.length());
            tokenId[i] = c;
            text[i] = String.valueOf(c);
        }
        for (int c = 0; c < STEPS.length; c++) {
            double[][] q = randomOrthogonal(HIDDEN, random);
            if (c == 0) {
                for (int j = 0; j < HIDDEN; j++) {
                    q[0][j] = -q[0][j];
                }
            }
            try (CheckpointWriter writer = CheckpointWriter.create(run.resolve(String.format("step-%06d.arrow", STEPS[c])),
                    STEPS[c], HIDDEN, CheckpointWriter.Options.defaults().withTokenColumns(true))) {
                for (int layer = 0; layer < 2; layer++) {
                    float[] values = new float[TOKENS * HIDDEN];
                    for (int i = 0; i < TOKENS; i++) {
                        double[] row = base[i].clone();
                        if (i == MOVED && c == 1) {
                            row[0] += 15;
                            row[1] -= 10;
                        }
                        for (int a = 0; a < HIDDEN; a++) {
                            double s = 3.0 * c + layer;
                            for (int b = 0; b < HIDDEN; b++) {
                                s += q[a][b] * row[b];
                            }
                            values[i * HIDDEN + a] = (float) s;
                        }
                    }
                    writer.writeLayer(new LayerData(layer, TOKENS, HIDDEN, values, sequence, position, tokenId, text));
                }
            }
        }
        return run;
    }

    private ProjectionSeries waitForSeries(ProjectionAlignment mode) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.projectionSeriesProperty().get() != null
                && model.projectionSeriesProperty().get().frame().startsWith(mode.label()));
        WaitForAsyncUtils.waitForFxEvents();
        return model.projectionSeriesProperty().get();
    }

    @SuppressWarnings("unchecked")
    @Test
    void alignedScrubKeepsTheAxesAndSearchHighlightsTokens(FxRobot robot) throws Exception {
        Path run = writeRun();
        robot.interact(() -> model.open(run));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.getRun() != null && model.getProjection() != null
                && !model.gridRunningProperty().get());
        ProjectionView view = window.charts().view("projection", ProjectionView.class);
        assertThat(view.fixedRange()).as("independent PCAs fit their own points").isNull();

        ChoiceBox<ProjectionAlignment> alignment = robot.lookup("#projection-alignment").queryAs(ChoiceBox.class);
        robot.interact(() -> alignment.setValue(ProjectionAlignment.PROCRUSTES));
        ProjectionSeries series = waitForSeries(ProjectionAlignment.PROCRUSTES);
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.frame()).contains("to step 1024");
        double[] range = view.fixedRange();
        assertThat(range).containsExactly(series.range());
        Projection[] shown = new Projection[3];
        for (int c = 2; c >= 0; c--) {
            int checkpoint = c;
            robot.interact(() -> window.scrubber().setSelectedCheckpoint(checkpoint));
            WaitForAsyncUtils.waitForFxEvents();
            shown[c] = view.getProjection();
            assertThat(shown[c]).isSameAs(series.projection(c));
            assertThat(view.fixedRange()).as("axes at checkpoint " + c).containsExactly(range);
        }
        // the frames coincide: an unmoved token sits where it sits at the reference, token 7 jumped at step 512
        for (int c = 0; c < 2; c++) {
            assertThat(shown[c].x()[20]).isCloseTo(shown[2].x()[20], within(SAME_TOKEN));
            assertThat(shown[c].y()[20]).isCloseTo(shown[2].y()[20], within(SAME_TOKEN));
        }
        assertThat(shown[0].x()[20]).isNotCloseTo(shown[0].x()[21], within(1e-6));
        robot.interact(() -> window.scrubber().setSelectedCheckpoint(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.mostMovedList().getItems()).first().isEqualTo(MOVED);

        // search a byte: every point of it is highlighted, and stays so at the next checkpoint
        TextField search = robot.lookup("#projection-search").queryAs(TextField.class);
        robot.clickOn(search).write("o");
        WaitForAsyncUtils.waitForFxEvents();
        long os = java.util.stream.IntStream.range(0, TOKENS).filter(i -> shown[1].token(i).equals("o")).count();
        assertThat(os).isPositive();
        assertThat(view.highlightedProperty().get()).hasSize((int) os);
        // pin the most moved token from the list; its trail reaches back to step 256 at step 1024
        robot.interact(() -> view.mostMovedList().getSelectionModel().select(0));
        robot.interact(() -> window.scrubber().setSelectedCheckpoint(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.highlightedProperty().get()).contains(MOVED).hasSize((int) os + 1);
        assertThat(view.trails()).as("the pinned token's trail").singleElement().satisfies(t -> {
            assertThat(t[0]).hasSize(3);
            assertThat(t[0][1]).isEqualTo(series.projection(1).x()[MOVED]);
        });

        // one common basis: also fixed axes over the scrub
        robot.interact(() -> alignment.setValue(ProjectionAlignment.COMMON_BASIS));
        ProjectionSeries common = waitForSeries(ProjectionAlignment.COMMON_BASIS);
        double[] commonRange = view.fixedRange();
        assertThat(commonRange).containsExactly(common.range());
        robot.interact(() -> window.scrubber().setSelectedCheckpoint(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getProjection()).isSameAs(common.projection(0));
        assertThat(view.fixedRange()).containsExactly(commonRange);
        assertThat(view.highlightedProperty().get()).hasSize((int) os);

        // back to independent PCAs: no series, axes fitted again
        robot.interact(() -> alignment.setValue(ProjectionAlignment.INDEPENDENT));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.projectionSeriesProperty().get()).isNull();
        assertThat(view.fixedRange()).isNull();
    }

    /** Gram–Schmidt of a Gaussian matrix: a random orthogonal matrix (rows orthonormal). */
    private static double[][] randomOrthogonal(int d, Random r) {
        double[][] q = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                q[a][b] = r.nextGaussian();
            }
            for (int c = 0; c < a; c++) {
                double dot = 0;
                for (int b = 0; b < d; b++) {
                    dot += q[a][b] * q[c][b];
                }
                for (int b = 0; b < d; b++) {
                    q[a][b] -= dot * q[c][b];
                }
            }
            double norm = 0;
            for (int b = 0; b < d; b++) {
                norm += q[a][b] * q[a][b];
            }
            for (int b = 0; b < d; b++) {
                q[a][b] /= Math.sqrt(norm);
            }
        }
        return q;
    }
}

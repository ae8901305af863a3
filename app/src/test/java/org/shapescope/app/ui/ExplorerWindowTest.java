package org.shapescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.geometry.MeasureParameters;
import org.shapescope.analysis.geometry.MeasureResult;
import org.shapescope.analysis.geometry.Estimators;
import org.shapescope.analysis.grid.Cancellation;
import org.shapescope.analysis.grid.SameThreadCellExecutor;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.analysis.store.SqliteResultStore;
import org.shapescope.analysis.grid.CellFailure;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.analysis.grid.CellResult;
import org.shapescope.analysis.grid.GridEngine;
import org.shapescope.analysis.grid.GridListener;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.app.SyntheticRun;
import org.shapescope.app.cli.ShapescopeCommand;
import org.shapescope.app.data.CellProjections;
import org.shapescope.app.ui.views.ExplorerView;
import org.shapescope.app.ui.views.ExplorerViews;
import org.shapescope.viewer.HeatmapView;
import org.shapescope.viewer.LayerProfileView;
import org.shapescope.viewer.ProjectionView;
import org.shapescope.viewer.TrajectoryView;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.CurrentThreadTaskExecutor;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.figure.LogStepAxis;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * The explorer window end to end on a synthetic run (4 checkpoints × 5 layers × 200 tokens × 16
 * dims), headless. Background work runs on the calling thread ({@link CurrentThreadTaskExecutor});
 * grid results still reach the UI through the per-frame queue, so tests wait (bounded) for it.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    private static final int CHECKPOINTS = 4;
    private static final int LAYERS = 5;
    private static final long WAIT_SECONDS = 30;

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
        Path run = dir.resolve("run");
        SyntheticRun.write(run, CHECKPOINTS, LAYERS, 200, 16);
        return run;
    }

    private void openAndWait(FxRobot robot, Path run) throws Exception {
        robot.interact(() -> model.open(run));
        waitForGridEnd();
    }

    private void waitForGridEnd() throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.getRun() != null
                && !model.gridRunningProperty().get() && model.cellsDoneProperty().get() == model.cellsTotalProperty().get()
                && model.cellsTotalProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The engine's values for the same run and the explorer's parameters, computed directly (no cache, one worker). */
    private Map<CellKey, MeasureResult> engineValues(Path run, String metric) throws Exception {
        Map<CellKey, MeasureResult> values = new ConcurrentHashMap<>();
        new GridEngine(RunFolder.open(run), Estimators.of(metric), model.getParameters(), ResultStore.none(),
                new SameThreadCellExecutor()).run(new GridListener() {
            @Override
            public void cellFinished(CellResult result) {
                values.put(result.cell(), result.measures().get(metric));
            }

            @Override
            public void cellFailed(CellFailure failure) {
                throw new AssertionError(failure.toString());
            }
        }, new Cancellation());
        return values;
    }

    @Test
    void heatmapHoldsEveryCellWithTheEngineValues(FxRobot robot) throws Exception {
        Path run = writeRun();
        openAndWait(robot, run);
        MetricGrid shown = window.charts().view("heatmap", HeatmapView.class).getGrid();
        assertThat(shown.layerCount()).isEqualTo(LAYERS);
        assertThat(shown.stepCount()).isEqualTo(CHECKPOINTS);
        Map<CellKey, MeasureResult> expected = engineValues(run, "anisotropy");
        assertThat(expected).hasSize(LAYERS * CHECKPOINTS);
        for (int s = 0; s < CHECKPOINTS; s++) {
            for (int l = 0; l < LAYERS; l++) {
                MeasureResult result = expected.get(new CellKey(SyntheticRun.step(s), l));
                // same data, parameters and seed: the value is reproduced exactly
                assertThat(shown.value(l, s)).as("layer %d step %d", l, s).isEqualTo(result.value());
                assertThat(shown.tokensUsed(l, s)).isEqualTo(result.tokensUsed());
            }
        }
        var dataset = window.charts().view("heatmap", HeatmapView.class).getDisplayedChart().getXYPlot().getDataset();
        assertThat(dataset.getItemCount(0)).isEqualTo(LAYERS * CHECKPOINTS);
        assertThat(window.runPanel().problemsText()).isEmpty();
    }

    @Test
    void clickingACellUpdatesProfileTrajectoryAndProjection(FxRobot robot) throws Exception {
        Path run = writeRun();
        openAndWait(robot, run);
        var heatmap = window.charts().view("heatmap", HeatmapView.class);
        TestWindow.awaitDrawn(heatmap);
        Point2D[] onScreen = new Point2D[1];
        robot.interact(() -> {
            Point2D c = heatmap.cellCenter(1, 2);
            onScreen[0] = c == null ? null : heatmap.localToScreen(c);
        });
        assertThat(onScreen[0]).as("heatmap drawn").isNotNull();
        robot.clickOn(onScreen[0]);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.getSelectedCheckpoint()).isEqualTo(1);
        assertThat(model.getSelectedLayer()).isEqualTo(2);
        assertThat(window.charts().view("profile", LayerProfileView.class).selectedCheckpointProperty().get()).isEqualTo(1);
        assertThat(window.charts().view("trajectory", TrajectoryView.class).selectedLayerProperty().get()).isEqualTo(2);
        assertThat(window.charts().view("trajectory", TrajectoryView.class).selectedCheckpointProperty().get()).isEqualTo(1);
        assertThat(window.charts().view("profile", LayerProfileView.class).getDisplayedChart().getTitle().getText()).contains("16");
        assertThat(window.charts().view("trajectory", TrajectoryView.class).getDisplayedChart().getXYPlot().getDataset(0).getSeriesKey(0).toString())
                .contains("layer 2");
        Projection expected = CellProjections.of(RunFolder.open(run).checkpoint(16).orElseThrow().readLayer(2));
        Projection shown = window.charts().view("projection", ProjectionView.class).getProjection();
        assertThat(shown).isNotNull();
        assertThat(shown.x()).containsExactly(expected.x());
        assertThat(shown.y()).containsExactly(expected.y());
        assertThat(shown.token(0)).startsWith("tok");
    }

    @Test
    void logStepToggleRedrawsTheHeatmapAndClicksStillSelect(FxRobot robot) throws Exception {
        Path run = writeRun();
        openAndWait(robot, run);
        var heatmap = window.charts().view("heatmap", HeatmapView.class);
        robot.clickOn("#heatmap-log-steps");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heatmap.logStepAxisProperty().get()).isTrue();
        assertThat(heatmap.getDisplayedChart().getXYPlot().getDomainAxis()).isInstanceOf(LogStepAxis.class);
        TestWindow.awaitDrawn(heatmap);
        Point2D[] onScreen = new Point2D[1];
        robot.interact(() -> onScreen[0] = heatmap.localToScreen(heatmap.cellCenter(2, 3)));
        robot.clickOn(onScreen[0]);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getSelectedCheckpoint()).isEqualTo(2);
        assertThat(model.getSelectedLayer()).isEqualTo(3);
    }

    @Test
    void scrubberMovesEveryView(FxRobot robot) throws Exception {
        Path run = writeRun();
        openAndWait(robot, run);
        assertThat(model.getSelectedCheckpoint()).isEqualTo(CHECKPOINTS - 1);
        Projection last = model.getProjection();
        robot.interact(() -> window.scrubber().slider().requestFocus());
        robot.type(KeyCode.LEFT, CHECKPOINTS - 1);
        assertThat(model.getSelectedCheckpoint()).isZero();
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.scrubber().getSelectedCheckpoint()).isEqualTo(1);
        assertThat(model.getSelectedCheckpoint()).isEqualTo(1);
        assertThat(window.charts().view("heatmap", HeatmapView.class).selectedCheckpointProperty().get()).isEqualTo(1);
        assertThat(window.charts().view("profile", LayerProfileView.class).selectedCheckpointProperty().get()).isEqualTo(1);
        assertThat(window.charts().view("trajectory", TrajectoryView.class).selectedCheckpointProperty().get()).isEqualTo(1);
        assertThat(model.getProjection()).isNotNull().isNotSameAs(last);

        robot.interact(() -> window.scrubber().previous());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getSelectedCheckpoint()).isZero();
        assertThat(window.charts().view("heatmap", HeatmapView.class).selectedCheckpointProperty().get()).isZero();
        // back to the last checkpoint: its projection comes from the in-memory cache, the same object
        robot.interact(() -> model.selectCheckpoint(CHECKPOINTS - 1));
        assertThat(model.getProjection()).isSameAs(last);
        assertThat(window.scrubber().getSelectedCheckpoint()).isEqualTo(CHECKPOINTS - 1);
    }

    @Test
    void corruptCheckpointIsNamedInANotificationAndTheRestLoads(FxRobot robot) throws Exception {
        Path run = writeRun();
        Path corrupt = run.resolve(String.format("step-%06d.arrow", SyntheticRun.step(2)));
        Files.writeString(corrupt, "this is not an Arrow file, just some garbage bytes ".repeat(20));
        robot.interact(() -> model.open(run));
        // The popup shows for a limited time from the moment the run is open: look for it before the grid ends.
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> popupMentions(robot, corrupt.getFileName().toString()));
        waitForGridEnd();

        assertThat(model.getNotices()).anySatisfy(n -> assertThat(n.file()).isEqualTo(corrupt));
        assertThat(window.runPanel().problemsText()).contains(corrupt.toString());
        MetricGrid grid = model.getGrid();
        assertThat(grid.stepCount()).isEqualTo(CHECKPOINTS - 1);
        for (int s = 0; s < grid.stepCount(); s++) {
            for (int l = 0; l < grid.layerCount(); l++) {
                assertThat(grid.isComputed(l, s)).isTrue();
            }
        }
        assertThat(model.getProjection()).isNotNull();
    }

    private static boolean popupMentions(FxRobot robot, String text) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> texts.addAll(popupTexts()));
        return texts.stream().anyMatch(t -> t.contains(text));
    }

    /** Text of every label in every open window other than the main one (the notification popups). */
    private static List<String> popupTexts() {
        List<String> texts = new ArrayList<>();
        for (Window w : Window.getWindows()) {
            if (!(w instanceof Stage) && w.getScene() != null) {
                collect(w.getScene().getRoot(), texts);
            }
        }
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    @Test
    void exportAllWritesReadableFiguresAndTheAnalyzeCsv(FxRobot robot) throws Exception {
        Path run = writeRun();
        openAndWait(robot, run);
        Path out = dir.resolve("figures");
        robot.interact(() -> window.exporter().exportAll(window.figures(), out));

        for (ExplorerView view : ExplorerViews.all()) {
            Path png = out.resolve("anisotropy-" + view.id() + ".png");
            if (view.id().equals("difference")) {
                assertThat(png).as("no difference without a compared run").doesNotExist();
                continue;
            }
            var image = ImageIO.read(png.toFile());
            // the default print choice: 3.25 in at 300 dpi, height from the view's aspect
            assertThat(image.getWidth()).as(view.id()).isEqualTo(975);
            assertThat(image.getHeight()).isEqualTo((int) Math.round(234 * view.aspect() * (300 / 72.0)));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document svg = factory.newDocumentBuilder().parse(out.resolve("anisotropy-" + view.id() + ".svg").toFile());
            assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("234pt");
            try (PDDocument pdf = Loader.loadPDF(out.resolve("anisotropy-" + view.id() + ".pdf").toFile())) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(234f);
            }
        }
        StringWriter analyzed = new StringWriter();
        int status = ShapescopeCommand.run(new PrintWriter(analyzed, true), new PrintWriter(new StringWriter(), true),
                "analyze", "--metrics", "anisotropy", "--no-cache", run.toString());
        assertThat(status).isZero();
        assertThat(Files.readString(out.resolve("anisotropy-metrics.csv"))).isEqualTo(analyzed.toString());
    }

    @Test
    void changedParametersRestartTheGridAndCachedValuesReappear(FxRobot robot) throws Exception {
        Path run = writeRun();
        robot.interact(() -> model.dispose());
        SqliteResultStore store = SqliteResultStore.at(dir.resolve("results.sqlite"));
        ExplorerModel cached = new ExplorerModel(executor, Platform::runLater, folder -> store, 2);
        robot.interact(() -> cached.open(run));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> cached.getRun() != null
                && !cached.gridRunningProperty().get() && cached.cellsDoneProperty().get() == LAYERS * CHECKPOINTS);
        // TwoNN works on the seeded neighbour sample, so the sample size changes its values.
        robot.interact(() -> cached.selectMetric(Estimators.named("twonn")));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !cached.gridRunningProperty().get()
                && cached.cellsDoneProperty().get() == LAYERS * CHECKPOINTS && "twonn".equals(cached.getGrid().metric()));
        double before = cached.getGrid().value(2, 1);
        MeasureParameters initial = cached.getParameters();
        robot.interact(() -> cached.changeParameters(cached.getParameters().withNeighbourTokens(64)));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !cached.gridRunningProperty().get()
                && cached.cellsDoneProperty().get() == LAYERS * CHECKPOINTS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cached.getGrid().value(2, 1)).isNotEqualTo(before);
        assertThat(cached.getGrid().tokensUsed(2, 1)).isEqualTo(64);
        robot.interact(() -> cached.changeParameters(initial));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !cached.gridRunningProperty().get()
                && cached.cellsDoneProperty().get() == LAYERS * CHECKPOINTS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cached.getGrid().value(2, 1)).isEqualTo(before);
        assertThat(cached.statusProperty().get()).contains("0 computed").contains(LAYERS * CHECKPOINTS + " from cache");
    }

    @Test
    void changingTheMetricRestartsTheGridAndOpenedRunsAreRemembered(FxRobot robot) throws Exception {
        Path run = writeRun();
        openAndWait(robot, run);
        robot.interact(() -> model.selectMetric(Estimators.named("twonn")));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !model.gridRunningProperty().get()
                && model.cellsDoneProperty().get() == LAYERS * CHECKPOINTS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.charts().view("heatmap", HeatmapView.class).getGrid().metric()).isEqualTo("twonn");
        Map<CellKey, MeasureResult> expected = engineValues(run, "twonn");
        assertThat(model.getGrid().value(0, 0)).isEqualTo(expected.get(new CellKey(0, 0)).value());
        assertThat(new RecentRuns(opened.preferences).list()).containsExactly(run.toAbsolutePath().normalize());
    }

    @Test
    void everyRegisteredViewHasAPaneAndAViewMenuEntryThatHidesIt(FxRobot robot) throws Exception {
        Path run = writeRun();
        openAndWait(robot, run);
        robot.interact(() -> ExplorerViews.all().forEach(v -> window.charts().panel(v).setVisible(true)));
        for (ExplorerView view : ExplorerViews.all()) {
            assertThat(robot.lookup("#" + view.id()).tryQuery()).as(view.id()).isPresent();
            assertThat(robot.lookup("#show-" + view.id()).tryQuery()).isEmpty(); // menu items are not nodes
        }
        var charts = window.charts();
        int views = ExplorerViews.all().size();
        assertThat(charts.getColumnConstraints()).as("ceil(sqrt(%d)) columns", views).hasSize((int) Math.ceil(Math.sqrt(views)));
        ExplorerView last = ExplorerViews.all().get(ExplorerViews.all().size() - 1);
        robot.interact(() -> charts.panel(last).setVisible(false));
        // the hidden one out of the grid
        assertThat(charts.getChildren()).hasSize(ExplorerViews.all().size() - 1).doesNotContain(charts.panel(last));
        robot.interact(() -> charts.panel(last).setVisible(true));
        assertThat(charts.getChildren()).hasSize(ExplorerViews.all().size());
    }

    @Test
    void aRunOpensWithAStoreKeptElsewhereWithoutRecomputation(FxRobot robot) throws Exception {
        Path run = writeRun();
        Path elsewhere = dir.resolve("cluster-results.sqlite");
        int status = ShapescopeCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                "analyze", "--metrics", "anisotropy", "--store", elsewhere.toString(), run.toString());
        assertThat(status).isZero();
        assertThat(run.resolve(".shapescope-cache")).as("the run's own store is not used").doesNotExist();
        robot.interact(() -> model.dispose());
        ExplorerModel fromStore = new ExplorerModel(executor, Platform::runLater,
                org.shapescope.app.DesktopArgumentsAccess.stores(run, elsewhere), 2);
        robot.interact(() -> fromStore.open(run));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fromStore.getRun() != null
                && !fromStore.gridRunningProperty().get() && fromStore.cellsDoneProperty().get() == LAYERS * CHECKPOINTS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fromStore.statusProperty().get()).contains("0 computed").contains(LAYERS * CHECKPOINTS + " from cache");
        // analyze wrote single estimates (its R is 1): the explorer shows them at R = 1 rather than recomputing at its default R
        assertThat(fromStore.getParameters().resamples()).isEqualTo(1);
        assertThat(fromStore.getNotices()).anySatisfy(n -> assertThat(n.toString()).contains("single estimates"));
        robot.interact(fromStore::dispose);
    }

    @Test
    void aRunAnalysedWithResamplesShowsTheSpreadInTheGridAndErrorBarsInTheFigures(FxRobot robot) throws Exception {
        Path run = writeRun();
        openAndWait(robot, run);
        assertThat(model.getParameters().resamples()).isEqualTo(ExplorerModel.DEFAULT_RESAMPLES);
        // 64 of 200 tokens per resample, so the seeded samples differ and so do their TwoNN values
        robot.interact(() -> {
            model.selectMetric(Estimators.named("twonn"));
            model.changeParameters(model.getParameters().withNeighbourTokens(64));
        });
        waitForGridEnd();
        MetricGrid grid = model.getGrid();
        assertThat(grid.metric()).isEqualTo("twonn");
        assertThat(grid.resamples()).isEqualTo(ExplorerModel.DEFAULT_RESAMPLES);
        Map<CellKey, MeasureResult> expected = engineValues(run, "twonn");
        for (int l = 0; l < LAYERS; l++) {
            for (int s = 0; s < CHECKPOINTS; s++) {
                MeasureResult cell = expected.get(new CellKey(grid.step(s), grid.layer(l)));
                assertThat(cell.hasSpread()).isTrue();
                assertThat(grid.spread(l, s)).as("layer %d step %d", l, s).isEqualTo(cell.spread()).isPositive();
                assertThat(grid.value(l, s)).isEqualTo(cell.value());
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        var trajectory = window.charts().view("trajectory", TrajectoryView.class).getDisplayedChart();
        var bars = (org.jfree.data.xy.IntervalXYDataset) trajectory.getXYPlot()
                .getDataset(org.shapescope.viewer.figure.TrajectoryFigure.BARS_DATASET);
        int last = LAYERS - 1;
        assertThat(bars.getItemCount(0)).isEqualTo(CHECKPOINTS);
        assertThat(bars.getEndYValue(0, CHECKPOINTS - 1) - bars.getStartYValue(0, CHECKPOINTS - 1))
                .isCloseTo(2 * grid.spread(last, CHECKPOINTS - 1), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(window.charts().view("heatmap", HeatmapView.class).describeCell(0, 0)).contains("± ").contains("(5 resamples)");

        // the Resamples spinner: 1 is a single estimate, no spread
        robot.interact(() -> ((javafx.scene.control.Spinner<?>) window.runPanel().lookup("#resamples"))
                .getValueFactory().decrement(ExplorerModel.DEFAULT_RESAMPLES - 1));
        waitForGridEnd();
        assertThat(model.getParameters().resamples()).isEqualTo(1);
        assertThat(model.getGrid().hasAnySpread()).isFalse();
        assertThat(model.getGrid().resamples()).isEqualTo(1);
    }

    @Test
    void comparingTheSampleRunsOverlaysTwoSeriesAndShowsTheirDifference(FxRobot robot) throws Exception {
        assertThat(org.shapescope.app.SampleRun.locateEncoder()).as("the bundled sample runs").isPresent();
        robot.interact(window::compareSampleRuns);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> model.getRun() != null
                && !model.gridRunningProperty().get() && model.cellsDoneProperty().get() == model.cellsTotalProperty().get()
                && model.getComparedRuns().size() == 1 && !model.comparisonRunningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.getRun().metadata().name()).isEqualTo("tiny-decoder");
        MetricGrid decoder = model.getGrid();
        MetricGrid encoder = model.getComparedRuns().get(0).grid();
        assertThat(model.getComparedRuns().get(0).name()).isEqualTo("tiny-encoder");
        assertThat(encoder.steps()).containsExactly(0, 8, 16, 32, 64, 128, 256, 512, 1024, 2048);
        for (int l = 0; l < encoder.layerCount(); l++) {
            for (int s = 0; s < encoder.stepCount(); s++) {
                assertThat(encoder.isComputed(l, s)).as("encoder layer %d step %d", l, s).isTrue();
            }
        }

        var profile = window.charts().view("profile", LayerProfileView.class).getDisplayedChart().getXYPlot().getDataset(0);
        assertThat(profile.getSeriesCount()).isEqualTo(2);
        assertThat(profile.getSeriesKey(0)).isEqualTo("tiny-decoder, step 1,024");
        assertThat(profile.getSeriesKey(1)).isEqualTo("tiny-encoder, step 1,024");
        assertThat(profile.getYValue(1, 3)).isEqualTo(encoder.value(3, encoder.indexOfStep(1024)));
        var trajectory = window.charts().view("trajectory", TrajectoryView.class).getDisplayedChart().getXYPlot().getDataset(0);
        assertThat(trajectory.getSeriesCount()).isEqualTo(2);
        assertThat(trajectory.getSeriesKey(0)).isEqualTo("tiny-decoder, layer 6");
        assertThat(trajectory.getSeriesKey(1)).isEqualTo("tiny-encoder, layer 6");

        assertThat(window.charts().panel(ExplorerViews.parse("difference")).isVisible()).as("shown while comparing").isTrue();
        HeatmapView difference = window.charts().view("difference", HeatmapView.class);
        var d = difference.differenceProperty().get();
        assertThat(d.matchedCount()).as("9 shared steps × 7 layers").isEqualTo(63);
        int s1024 = decoder.indexOfStep(1024);
        assertThat(d.grid().value(2, s1024)).isEqualTo(decoder.value(2, s1024) - encoder.value(2, encoder.indexOfStep(1024)));
        assertThat(d.matched(2, decoder.indexOfStep(4))).as("the encoder has no step 4").isFalse();
        assertThat(difference.describeCell(decoder.indexOfStep(4), 2)).contains("tiny-encoder has no such cell");
        var shot = WaitForAsyncUtils.waitForAsyncFx(5000, () -> difference.snapshot(null, null));
        assertThat(shot.getPixelReader().getColor(3, 3)).as("the chart's white background").isEqualTo(javafx.scene.paint.Color.WHITE);

        robot.interact(model::clearComparison);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.charts().view("profile", LayerProfileView.class).getDisplayedChart().getXYPlot().getDataset(0)
                .getSeriesCount()).isEqualTo(1);
        assertThat(window.charts().panel(ExplorerViews.parse("difference")).isVisible()).isFalse();
    }
}

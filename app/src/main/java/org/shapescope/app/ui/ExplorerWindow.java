package org.shapescope.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.shapescope.app.SampleRun;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.app.ui.views.ExplorerView;
import org.shapescope.app.ui.views.ExplorerViews;
import org.shapescope.viewer.FigureFactory;
import org.shapescope.viewer.CheckpointScrubber;
import org.shapescope.viewer.export.ExportFormat;

/**
 * The explorer window: menu bar, run panel (left), the panes of the registered views
 * ({@link ExplorerViews}, centre), checkpoint scrubber and status bar (bottom). Builds nodes and
 * binds them to the {@link ExplorerModel}; it holds no state of its own beyond the print size
 * of exports.
 */
public final class ExplorerWindow {
    private static final double PREFERRED_WIDTH = 1500;
    private static final double PREFERRED_HEIGHT = 940;

    private final ExplorerModel model;
    private final RecentRuns recent;
    private final BorderPane root = new BorderPane();
    private final RunPanel runPanel;
    private final ChartBoard charts;
    private final CheckpointScrubber scrubber = new CheckpointScrubber();
    private final GridStatusBar statusBar;
    private final FigureExporter exporter;
    private final Menu recentMenu = new Menu("Open recent");
    private final Scene scene;
    private NoticePopups popups;

    public ExplorerWindow(ExplorerModel model, TaskExecutor executor, RecentRuns recent) {
        this.model = model;
        this.recent = recent;
        this.statusBar = new GridStatusBar(model);
        this.exporter = new FigureExporter(executor, model, text -> { }, text -> popups.showError("Export failed", text));
        this.runPanel = new RunPanel(model);
        this.charts = new ChartBoard(model, ExplorerViews.all(), exporter::chooseAndWrite);

        scrubber.setId("scrubber");
        model.runProperty().addListener((obs, old, now) -> scrubber.setSteps(now == null ? new long[0] : now.steps()));
        ModelBindings.follow(scrubber.selectedCheckpointProperty(), model.selectedCheckpointProperty(), model::selectCheckpoint);

        ScrollPane left = new ScrollPane(runPanel);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setTop(menuBar());
        root.setLeft(left);
        root.setCenter(charts);
        root.setBottom(new VBox(scrubber, statusBar));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(PREFERRED_WIDTH, screen.getWidth()), Math.min(PREFERRED_HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(ExplorerWindow.class.getResource("explorer.css").toExternalForm());
        installDragAndDrop();
        installArrowKeys();
        model.runProperty().addListener((obs, old, now) -> {
            if (now != null && (old == null || !old.directory().equals(now.directory()))) {
                recent.add(now.directory());
                refreshRecent();
            }
        });
        refreshRecent();
    }

    /** Puts the scene on {@code stage}, titles it after the run, and shows notices there. */
    public void showOn(Stage stage) {
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.getRun() == null
                ? "Shapescope" : model.getRun().metadata().name() + " — Shapescope", model.runProperty()));
        exporter.setOwner(stage);
        popups = new NoticePopups(stage);
        model.getNotices().addListener(popups.listener());
        model.getNotices().forEach(popups::show);
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open run folder…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open run folder");
            File folder = chooser.showDialog(scene.getWindow());
            if (folder != null) {
                model.open(folder.toPath());
            }
        });
        MenuItem compare = new MenuItem("Add run to compare…");
        compare.setId("add-comparison");
        compare.disableProperty().bind(model.runProperty().isNull());
        compare.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Add run to compare");
            File folder = chooser.showDialog(scene.getWindow());
            if (folder != null) {
                model.addComparison(folder.toPath());
            }
        });
        MenuItem stopComparing = new MenuItem("Stop comparing");
        stopComparing.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.getComparedRuns()));
        stopComparing.setOnAction(e -> model.clearComparison());
        MenuItem samples = new MenuItem("Compare the sample runs (decoder vs encoder)");
        samples.setId("compare-samples");
        Optional<Path> decoder = SampleRun.locate().filter(java.nio.file.Files::isDirectory);
        Optional<Path> encoder = SampleRun.locateEncoder();
        samples.setDisable(decoder.isEmpty() || encoder.isEmpty());
        samples.setOnAction(e -> compareSampleRuns());
        Menu export = new Menu("Export");
        Menu show = new Menu("View");
        for (ExplorerView view : ExplorerViews.all()) {
            addExportItems(export, view.title(), charts.pane(view).export());
            CheckMenuItem shown = new CheckMenuItem(view.title());
            shown.setId("show-" + view.id());
            shown.selectedProperty().bindBidirectional(charts.panel(view).visibleProperty());
            show.getItems().add(shown);
        }
        MenuItem csv = new MenuItem("Metrics table (CSV)…");
        csv.setOnAction(e -> exporter.chooseAndWriteCsv());
        export.getItems().addAll(new SeparatorMenuItem(), csv);
        MenuItem all = new MenuItem("Export all figures…");
        all.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        all.setOnAction(e -> exporter.chooseAndExportAll(figures()));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> scene.getWindow().hide());
        Menu file = new Menu("File", null, open, recentMenu, new SeparatorMenuItem(), compare, stopComparing, samples,
                new SeparatorMenuItem(), export, all,
                new SeparatorMenuItem(), quit);
        MenuItem cancel = new MenuItem("Cancel grid");
        cancel.disableProperty().bind(model.gridRunningProperty().not());
        cancel.setOnAction(e -> model.cancelGrid());
        Menu analysis = new Menu("Analysis", null, cancel);
        return new MenuBar(file, show, analysis);
    }

    /** The paper's decoder-vs-encoder contrast in one click: the decoder sample opened, the encoder compared with it. */
    void compareSampleRuns() {
        Optional<Path> decoder = SampleRun.locate();
        Optional<Path> encoder = SampleRun.locateEncoder();
        if (decoder.isPresent() && encoder.isPresent()) {
            model.open(decoder.get());
            model.addComparison(encoder.get());
        }
    }

    private void addExportItems(Menu menu, String label, java.util.function.Consumer<ExportFormat> action) {
        Menu sub = new Menu(label);
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.name() + "…");
            item.setOnAction(e -> action.accept(format));
            sub.getItems().add(item);
        }
        menu.getItems().add(sub);
    }

    /** The figures of the current state, for "Export all", in registry order; a view without data is left out. */
    Map<ExplorerView, FigureFactory> figures() {
        Map<ExplorerView, FigureFactory> figures = new LinkedHashMap<>();
        for (ExplorerView view : ExplorerViews.all()) {
            Optional.ofNullable(charts.pane(view).figure().get()).ifPresent(f -> figures.put(view, f));
        }
        return figures;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path run : recent.list()) {
            MenuItem item = new MenuItem(run.toString());
            item.setOnAction(e -> model.open(run));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void installDragAndDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(File::isDirectory)) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Optional<File> folder = e.getDragboard().hasFiles()
                    ? e.getDragboard().getFiles().stream().filter(File::isDirectory).findFirst() : Optional.empty();
            folder.ifPresent(f -> model.open(f.toPath()));
            e.setDropCompleted(folder.isPresent());
            e.consume();
        });
    }

    /** ←/→ step through checkpoints from anywhere, except while typing in a field. */
    private void installArrowKeys() {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (e.getCode() == KeyCode.LEFT) {
                model.selectCheckpoint(model.getSelectedCheckpoint() - 1);
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT) {
                model.selectCheckpoint(model.getSelectedCheckpoint() + 1);
                e.consume();
            }
        });
    }

    // ---- for tests

    ChartBoard charts() {
        return charts;
    }

    RunPanel runPanel() {
        return runPanel;
    }

    CheckpointScrubber scrubber() {
        return scrubber;
    }

    FigureExporter exporter() {
        return exporter;
    }
}

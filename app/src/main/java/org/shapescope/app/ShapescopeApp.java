package org.shapescope.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.shapescope.analysis.run.Problem;
import org.shapescope.analysis.run.RunFolder;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.app.task.UiTaskExecutor;

/**
 * The desktop application. Opens the run folder given on the command line, or the bundled sample
 * run; the run is read in the background and summarised in the window.
 */
public final class ShapescopeApp extends Application {
    private final TaskExecutor executor = new UiTaskExecutor(2);
    private final Label title = new Label("Shapescope");
    private final Label summary = new Label("Opening…");
    private final ListView<String> problems = new ListView<>();

    @Override
    public void start(Stage stage) {
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        VBox top = new VBox(8, title, summary);
        top.setPadding(new Insets(12));
        BorderPane root = new BorderPane(problems);
        root.setTop(top);
        stage.setTitle("Shapescope");
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
        Optional<Path> run = runToOpen(getParameters().getRaw());
        if (run.isEmpty()) {
            summary.setText("No run given and no bundled sample run found. Start with: shapescope RUN_FOLDER");
            return;
        }
        executor.execute("Open " + run.get(), () -> RunFolder.open(run.get()), this::show,
                failure -> summary.setText("Cannot open run: " + failure.getMessage()));
    }

    private void show(RunFolder run) {
        title.setText(run.metadata().name());
        summary.setText(String.format("%s · %s · %d checkpoints · %d layers · hidden size %d%n%s",
                run.metadata().model().isEmpty() ? "model not named" : run.metadata().model(),
                run.metadata().architecture().label(), run.checkpoints().size(), run.layers().size(), run.hiddenSize(),
                run.directory()));
        problems.getItems().setAll(run.problems().isEmpty() ? List.of("No problems found.")
                : run.problems().stream().map(Problem::toString).toList());
    }

    static Optional<Path> runToOpen(List<String> args) {
        return args.isEmpty() ? SampleRun.locate() : Optional.of(Path.of(args.get(0)));
    }

    @Override
    public void stop() {
        executor.shutdown();
    }
}

package org.shapescope.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.shapescope.analysis.run.RunFollower;
import org.shapescope.analysis.store.SqliteResultStore;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.app.task.UiTaskExecutor;
import org.shapescope.app.ui.ExplorerWindow;
import org.shapescope.app.ui.RecentRuns;

/**
 * The desktop application: the explorer window on the run folder given on the command line, or
 * on the bundled sample run when there is none.
 */
public final class ShapescopeApp extends Application {
    /** Background threads: opening runs, the grid's coordinator, projections, exports. */
    private static final int TASK_THREADS = 3;

    private final TaskExecutor executor = new UiTaskExecutor(TASK_THREADS);
    private ExplorerModel model;

    @Override
    public void start(Stage stage) {
        int cores = Runtime.getRuntime().availableProcessors();
        model = new ExplorerModel(executor, Platform::runLater, SqliteResultStore::forRun, Math.max(1, cores));
        model.followRuns(RunFollower.DEFAULT_SETTLE);
        ExplorerWindow window = new ExplorerWindow(model, executor, RecentRuns.ofUser());
        StatusLog.followIfAsked(model.statusProperty());
        window.showOn(stage);
        runToOpen(getParameters().getRaw()).ifPresent(model::open);
    }

    static Optional<Path> runToOpen(List<String> args) {
        return args.isEmpty() ? SampleRun.locate() : Optional.of(Path.of(args.get(0)));
    }

    @Override
    public void stop() {
        if (model != null) {
            model.dispose();
        }
        executor.shutdown();
    }
}

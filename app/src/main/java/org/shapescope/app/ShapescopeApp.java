package org.shapescope.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.shapescope.analysis.run.RunFollower;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.app.task.UiTaskExecutor;
import org.shapescope.app.ui.ExplorerWindow;
import org.shapescope.app.ui.RecentRuns;

/**
 * The desktop application: the explorer window on the run folder given on the command line, or
 * on the bundled sample run when there is none; further folders are compared with the first.
 */
public final class ShapescopeApp extends Application {
    /** Background threads: opening runs, the grid's coordinator, projections, exports. */
    private static final int TASK_THREADS = 3;

    private final TaskExecutor executor = new UiTaskExecutor(TASK_THREADS);
    private ExplorerModel model;

    @Override
    public void start(Stage stage) {
        int cores = Runtime.getRuntime().availableProcessors();
        DesktopArguments arguments = DesktopArguments.parse(getParameters().getRaw());
        model = new ExplorerModel(executor, Platform::runLater, arguments.stores(), Math.max(1, cores));
        model.followRuns(RunFollower.DEFAULT_SETTLE);
        ExplorerWindow window = new ExplorerWindow(model, executor, RecentRuns.ofUser());
        PulseGaps.measureIfAsked(model.gridRunningProperty(), StatusLog.followIfAsked(model.statusProperty()));
        window.showOn(stage);
        arguments.run().or(SampleRun::locate).ifPresent(model::open);
        arguments.compared().forEach(model::addComparison);
    }

    @Override
    public void stop() {
        if (model != null) {
            model.dispose();
        }
        executor.shutdown();
    }
}

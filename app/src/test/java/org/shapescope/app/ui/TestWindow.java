package org.shapescope.app.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;
import org.shapescope.viewer.ChartView;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window tests open: an explorer on a model with no result store and two workers, its
 * recent-runs list on a preferences node of its own, which {@link #removePreferences()} deletes.
 */
final class TestWindow {
    final ExplorerModel model;
    final ExplorerWindow window;
    final Preferences preferences;

    private TestWindow(ExplorerModel model, ExplorerWindow window, Preferences preferences) {
        this.model = model;
        this.window = window;
        this.preferences = preferences;
    }

    /** Shows the window in {@code stage} (FX thread) after {@code configure} has set up the model. */
    static TestWindow show(Stage stage, TaskExecutor executor, Consumer<ExplorerModel> configure) {
        Preferences preferences = Preferences.userRoot().node("org/shapescope/app-test/" + System.nanoTime());
        ExplorerModel model = new ExplorerModel(executor, Platform::runLater, folder -> ResultStore.none(), 2);
        configure.accept(model);
        ExplorerWindow window = new ExplorerWindow(model, executor, new RecentRuns(preferences));
        window.showOn(stage);
        return new TestWindow(model, window, preferences);
    }

    static TestWindow show(Stage stage, TaskExecutor executor) {
        return show(stage, executor, model -> { });
    }

    /** Longest wait for the heatmap's drawing, which happens off the JavaFX thread; far above the ~100 ms it takes. */
    static final long DRAWING_TIMEOUT_SECONDS = 20;

    /** Returns once {@code view}'s picture shows its current chart at its current size ({@link ChartView#isUpToDate()}). */
    static void awaitDrawn(ChartView view) throws TimeoutException {
        WaitForAsyncUtils.waitFor(DRAWING_TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(view::isUpToDate).get());
    }

    void removePreferences() throws BackingStoreException {
        preferences.removeNode();
    }
}

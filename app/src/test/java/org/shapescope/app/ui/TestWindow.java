package org.shapescope.app.ui;

import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.shapescope.analysis.store.ResultStore;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.task.TaskExecutor;

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

    void removePreferences() throws BackingStoreException {
        preferences.removeNode();
    }
}

package org.shapescope.app.ui;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.viewer.data.RunGrid;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;

/** Ties a view's writable selection to the model's read-only one: the model leads, user changes go through a command. */
public final class ModelBindings {
    private ModelBindings() {
    }

    public static void follow(IntegerProperty view, ReadOnlyIntegerProperty model, IntConsumer command) {
        view.set(model.get());
        model.addListener((obs, old, now) -> view.set(now.intValue()));
        view.addListener((obs, old, now) -> {
            if (now.intValue() != model.get() && now.intValue() >= 0) {
                command.accept(now.intValue());
                if (view.get() != model.get()) {
                    view.set(model.get()); // the command clamped or refused it
                }
            }
        });
    }

    /** Ties a figure's run name and compared runs to the model's open run and compared runs. */
    public static void compare(StringProperty runName, ObservableList<RunGrid> compared, ExplorerModel model) {
        runName.bind(Bindings.createStringBinding(() -> model.getRun() == null ? "" : model.getRun().metadata().name(),
                model.runProperty()));
        Bindings.bindContent(compared, model.getComparedRuns());
    }

    /** The same for a chosen value (a mode): null choices are ignored. */
    public static <T> void follow(ObjectProperty<T> view, ReadOnlyObjectProperty<T> model, Consumer<T> command) {
        view.set(model.get());
        model.addListener((obs, old, now) -> view.set(now));
        view.addListener((obs, old, now) -> {
            if (now != null && !Objects.equals(now, model.get())) {
                command.accept(now);
                if (!Objects.equals(view.get(), model.get())) {
                    view.set(model.get());
                }
            }
        });
    }
}

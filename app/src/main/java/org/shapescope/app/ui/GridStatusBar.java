package org.shapescope.app.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;
import org.shapescope.app.explorer.ExplorerModel;

/**
 * The status line: what the grid is doing, its progress (cells done / total; values shown ahead
 * of their spreads are counted apart) and a Cancel button.
 */
final class GridStatusBar extends StatusBar {
    private final Label count = new Label();
    private final Button cancel = new Button("Cancel");

    GridStatusBar(ExplorerModel model) {
        setId("status");
        textProperty().bind(model.statusProperty());
        progressProperty().bind(Bindings.createDoubleBinding(() -> model.gridRunningProperty().get()
                        ? (double) model.cellsDoneProperty().get() / Math.max(1, model.cellsTotalProperty().get()) : 0.0,
                model.gridRunningProperty(), model.cellsDoneProperty(), model.cellsTotalProperty()));
        count.setId("cell-count");
        // in the values-first order the values run ahead of the spreads: both are counted
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            int done = model.cellsDoneProperty().get();
            int valued = model.cellsValuedProperty().get();
            int total = model.cellsTotalProperty().get();
            return valued > done ? String.format("%d / %d values, %d with ± spread", valued, total, done)
                    : String.format("%d / %d cells", done, total);
        }, model.cellsDoneProperty(), model.cellsValuedProperty(), model.cellsTotalProperty()));
        cancel.setId("cancel-grid");
        cancel.disableProperty().bind(model.gridRunningProperty().not());
        cancel.setOnAction(e -> model.cancelGrid());
        getRightItems().addAll(count, cancel);
    }
}

package org.shapescope.app.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.app.ui.views.ExplorerView;
import org.shapescope.app.ui.views.ViewPane;
import org.shapescope.viewer.ExportRequest;

/**
 * The panes of the registered {@link ExplorerView}s, each under a heading with the view's own
 * tools. Shown panes are tiled in {@code ceil(sqrt(n))} columns, the last one spanning what its row leaves (2 × 2 for four, 3 + 2 for
 * five), recomputed when a pane is shown or hidden. Each view only binds to the
 * {@link ExplorerModel}; a click on the heatmap selects through the model, so every view follows.
 */
final class ChartBoard extends GridPane {
    private final Map<ExplorerView, ViewPane> panes = new LinkedHashMap<>();
    private final Map<ExplorerView, BorderPane> panels = new LinkedHashMap<>();
    /** The views' {@link ExplorerView#shownWhen} values, held so their listeners live as long as the board. */
    private final List<javafx.beans.value.ObservableBooleanValue> shownWhen = new ArrayList<>();

    /** @param exportHandler receives each view's context-menu export requests, with the view they came from */
    ChartBoard(ExplorerModel model, List<ExplorerView> views, BiConsumer<ExplorerView, ExportRequest> exportHandler) {
        setId("charts");
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        for (ExplorerView view : views) {
            ViewPane pane = view.createPane(model);
            pane.view().setId(view.id());
            pane.exportHandler().accept(request -> exportHandler.accept(view, request));
            BorderPane panel = panel(view.title(), pane.view(), pane.tools());
            javafx.beans.value.ObservableBooleanValue worthShowing = view.shownWhen(model);
            if (worthShowing != null) {
                shownWhen.add(worthShowing);
                panel.setVisible(worthShowing.get());
                worthShowing.addListener((obs, old, now) -> panel.setVisible(now));
            }
            panel.visibleProperty().addListener((obs, old, now) -> layoutPanels());
            panes.put(view, pane);
            panels.put(view, panel);
        }
        layoutPanels();
    }

    /** Places the visible panels in a near-square grid of equal cells. */
    private void layoutPanels() {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        List<BorderPane> shown = new ArrayList<>();
        panels.values().stream().filter(Node::isVisible).forEach(shown::add);
        if (shown.isEmpty()) {
            return;
        }
        int columns = (int) Math.ceil(Math.sqrt(shown.size()));
        int rows = (shown.size() + columns - 1) / columns;
        for (int i = 0; i < shown.size(); i++) {
            // the last pane takes what its row leaves, so no tile stays empty (3 + 2: the fifth is two wide)
            int span = i == shown.size() - 1 ? columns - i % columns : 1;
            add(shown.get(i), i % columns, i / columns, span, 1);
        }
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / rows);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }
    }

    private static BorderPane panel(String title, Node content, Node tools) {
        Label label = new Label(title);
        label.getStyleClass().add("panel-heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = tools == null ? new HBox(label) : new HBox(8, label, spacer, tools);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(2, 4, 2, 4));
        BorderPane panel = new BorderPane(content);
        panel.setTop(header);
        panel.getStyleClass().add("chart-panel");
        panel.setMinSize(0, 0);
        return panel;
    }

    /** The pane of {@code view}. */
    ViewPane pane(ExplorerView view) {
        return panes.get(view);
    }

    /** The panel (heading + pane) of {@code view}; hide it to take it out of the layout. */
    BorderPane panel(ExplorerView view) {
        return panels.get(view);
    }

    /** The viewer component registered under {@code id}, e.g. {@code view("heatmap", HeatmapView.class)}. */
    <T extends Node> T view(String id, Class<T> type) {
        return panes.entrySet().stream().filter(e -> e.getKey().id().equals(id)).findFirst()
                .map(e -> type.cast(e.getValue().view())).orElseThrow(() -> new IllegalArgumentException(id));
    }
}

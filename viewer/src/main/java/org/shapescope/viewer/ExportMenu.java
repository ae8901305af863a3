package org.shapescope.viewer;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.shapescope.viewer.export.ExportFormat;

/** The "Export PNG… / SVG… / PDF…" context menu shared by the views. */
final class ExportMenu {

    private ExportMenu() {
    }

    /**
     * Installs the menu on {@code owner}; items are disabled while {@code handler} is null and
     * call {@code export} with their format.
     */
    static ContextMenu install(Node owner, ObjectProperty<Consumer<ExportRequest>> handler,
            Consumer<ExportFormat> export) {
        ContextMenu menu = new ContextMenu();
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem("Export " + format.name() + "…");
            item.setOnAction(e -> export.accept(format));
            item.disableProperty().bind(handler.isNull());
            menu.getItems().add(item);
        }
        owner.setOnContextMenuRequested(e -> {
            menu.show(owner, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        return menu;
    }
}

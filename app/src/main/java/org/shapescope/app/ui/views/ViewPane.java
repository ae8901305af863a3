package org.shapescope.app.ui.views;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.shapescope.viewer.ExportRequest;
import org.shapescope.viewer.FigureFactory;
import org.shapescope.viewer.export.ExportFormat;

/**
 * A registered view as the explorer shows it: the viewer component, optional tools for the
 * pane's header, and its export hooks.
 *
 * @param view          the viewer component (a {@code ChartView} or {@code ProjectionView})
 * @param tools         controls for the pane's header, or null
 * @param figure        the current state as a figure factory, null without data (FX thread)
 * @param exportHandler sets the handler of the view's own "Export …" context menu
 * @param export        asks the view to send an export request for a format to its handler
 */
public record ViewPane(Node view, Node tools, Supplier<FigureFactory> figure,
        Consumer<Consumer<ExportRequest>> exportHandler, Consumer<ExportFormat> export) {
}

package org.shapescope.app.ui.views;

import javafx.beans.value.ObservableBooleanValue;
import org.jfree.chart.ui.Drawable;
import org.shapescope.app.explorer.ExplorerModel;
import org.shapescope.viewer.figure.FigureStyle;

/**
 * One view/figure pair of the explorer, registered once in {@link ExplorerViews}. From that one
 * registration come the view's pane in the explorer (with its header tools), its entries in the
 * View and File ▸ Export menus, its file in "Export all figures", and its
 * {@code shapescope render --view} name. Implementations are stateless; panes hold the state.
 */
public interface ExplorerView {

    /** Name for {@code render --view}, export file names and node ids, e.g. "heatmap". */
    String id();

    /** Heading of the pane and label of its menu entries, e.g. "Layer profile". */
    String title();

    /** Height / width of the figure at a print size (the preset gives the width). */
    double aspect();

    /**
     * The figure without a display (java.awt.headless; no JavaFX toolkit is started): what
     * {@code shapescope render} writes. Asks {@code inputs} only for what it draws; options it
     * does not ask for are reported as not applying to this view.
     */
    Drawable render(FigureInputs inputs, FigureStyle style) throws Exception;

    /** The explorer's pane for this view, bound to {@code model}; called on the JavaFX thread. */
    ViewPane createPane(ExplorerModel model);

    /**
     * When the pane is worth showing, for a view that draws something only in some states (the
     * difference heatmap: while runs are compared): the pane is shown and hidden as this value
     * changes (the View menu can still toggle it). Null, the default: always shown at start.
     */
    default ObservableBooleanValue shownWhen(ExplorerModel model) {
        return null;
    }
}

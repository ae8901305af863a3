package org.shapescope.viewer;

import org.jfree.chart.ui.Drawable;
import org.shapescope.viewer.figure.FigureStyle;

/**
 * A view's figure as it was when asked for, in any style: the view copies its property values
 * (immutable data records, flags) into the factory on the JavaFX thread, and the factory may
 * then build the figure on any thread, as often as needed (an export preview per size, then
 * the file).
 */
@FunctionalInterface
public interface FigureFactory {

    /** A new figure drawn in {@code style}. */
    Drawable build(FigureStyle style);
}

package org.shapescope.app.ui.views;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of explorer views: the one place a view/figure pair is listed. The explorer's
 * panes and menus, "Export all figures" and {@code shapescope render --view} all iterate this
 * list; see docs/VIEWER.md, "To add a view".
 */
public final class ExplorerViews {

    private static final List<ExplorerView> ALL = List.of(
            new HeatmapPane(),
            new LayerProfilePane(),
            new TrajectoryPane(),
            new ProjectionPane(),
            new GridePane(),
            new DifferencePane(),
            new SpikesPane());

    private ExplorerViews() {
    }

    /** Every registered view, in pane and menu order. */
    public static List<ExplorerView> all() {
        return ALL;
    }

    /** The ids, for help texts: "heatmap, profile, trajectory, projection". */
    public static String ids() {
        return ALL.stream().map(ExplorerView::id).collect(Collectors.joining(", "));
    }

    /** The view with this id; IllegalArgumentException listing the valid ids otherwise. */
    public static ExplorerView parse(String text) {
        String id = text.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown view '" + text + "'; valid: " + ids()));
    }
}

package org.shapescope.viewer.data;

import java.util.Objects;

/**
 * One run of a comparison as the viewer sees it: its name (run.json's {@code name}, shown in
 * legends), its {@link MetricGrid} of the compared metric and its training loss (null for none).
 */
public record RunGrid(String name, MetricGrid grid, LossCurve loss) {

    public RunGrid {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(grid, "grid");
    }
}

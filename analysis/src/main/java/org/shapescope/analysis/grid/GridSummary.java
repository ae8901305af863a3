package org.shapescope.analysis.grid;

import java.time.Duration;

/** What a grid run did. */
public record GridSummary(int cells, int computed, int fromCache, int failed, boolean cancelled, Duration elapsed) {
}

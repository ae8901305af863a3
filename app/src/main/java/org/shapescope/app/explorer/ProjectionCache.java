package org.shapescope.app.explorer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.shapescope.analysis.grid.CellKey;
import org.shapescope.viewer.data.Projection;

/** The most recently used cell projections of the open run, in memory (least recently used evicted). */
final class ProjectionCache {
    private final int capacity;
    private final LinkedHashMap<CellKey, Projection> entries;

    ProjectionCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CellKey, Projection> eldest) {
                return size() > ProjectionCache.this.capacity;
            }
        };
    }

    Projection get(CellKey cell) {
        return entries.get(cell);
    }

    void put(CellKey cell, Projection projection) {
        entries.put(cell, projection);
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}

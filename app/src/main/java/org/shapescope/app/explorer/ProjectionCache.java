package org.shapescope.app.explorer;

import java.util.LinkedHashMap;
import java.util.Map;
/**
 * The most recently used projections of the open run, in memory (least recently used evicted):
 * cells' projections by cell, aligned series by layer and alignment.
 */
final class ProjectionCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> entries;

    ProjectionCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > ProjectionCache.this.capacity;
            }
        };
    }

    V get(K cell) {
        return entries.get(cell);
    }

    void put(K cell, V projection) {
        entries.put(cell, projection);
    }

    void remove(K key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}

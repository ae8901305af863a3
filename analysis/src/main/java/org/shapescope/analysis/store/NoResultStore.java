package org.shapescope.analysis.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shapescope.analysis.geometry.MeasureResult;

/** The store that keeps nothing: every cell is computed. */
enum NoResultStore implements ResultStore {
    INSTANCE;

    @Override
    public Map<String, MeasureResult> find(FileIdentity checkpoint, int layer, Collection<String> keys) {
        return Map.of();
    }

    @Override
    public void put(FileIdentity checkpoint, int layer, Map<String, MeasureResult> results) {
    }

    @Override
    public Optional<String> layout(FileIdentity checkpoint) {
        return Optional.empty();
    }

    @Override
    public void putLayout(FileIdentity checkpoint, String layout) {
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public String location() {
        return "nowhere (no store)";
    }

    @Override
    public void close() {
    }
}

package org.shapescope.app.cli;

import picocli.CommandLine.Option;

/** {@code --cached-only} (a picocli mixin): compute nothing, read what the result store holds. */
final class CachedOnlyOption {
    @Option(names = "--cached-only", description = "compute nothing: use what the result store holds (the cells and values it lacks stay empty)")
    boolean cachedOnly;

    /** Whether --cached-only was given. */
    boolean requested() {
        return cachedOnly;
    }

    /** Refuses --cached-only beside --no-cache, which touches no store. */
    void check(StoreOptions store) {
        if (cachedOnly && store.noCache) {
            throw new IllegalArgumentException("--cached-only reads the store, --no-cache ignores it: choose one");
        }
    }
}

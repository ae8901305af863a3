package org.shapescope.analysis.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.shapescope.analysis.geometry.MeasureResult;

/**
 * A result store being opened on a thread of its own while the caller does something else (the
 * explorer lists a run and reads its footers meanwhile: loading SQLite's driver and native library
 * costs ~0.3 s on a cold JVM). Every call waits until the store is open, then goes to it.
 */
public final class OpeningResultStore implements ResultStore {
    private final CompletableFuture<ResultStore> opening;

    private OpeningResultStore(CompletableFuture<ResultStore> opening) {
        this.opening = opening;
    }

    /** Starts opening the store that {@code open} makes, on a new daemon thread. */
    public static OpeningResultStore start(Supplier<ResultStore> open) {
        CompletableFuture<ResultStore> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(open.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "shapescope-store-opening");
        thread.setDaemon(true);
        thread.start();
        return new OpeningResultStore(future);
    }

    /** The store, once open (waits); what opening it threw, rethrown. */
    public ResultStore store() {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public Map<String, MeasureResult> find(FileIdentity checkpoint, int layer, Collection<String> keys) {
        return store().find(checkpoint, layer, keys);
    }

    @Override
    public void put(FileIdentity checkpoint, int layer, Map<String, MeasureResult> results) {
        store().put(checkpoint, layer, results);
    }

    @Override
    public Optional<String> layout(FileIdentity checkpoint) {
        return store().layout(checkpoint);
    }

    @Override
    public void putLayout(FileIdentity checkpoint, String layout) {
        store().putLayout(checkpoint, layout);
    }

    @Override
    public List<String> warnings() {
        return store().warnings();
    }

    @Override
    public String location() {
        return store().location();
    }

    @Override
    public void close() {
        store().close();
    }
}

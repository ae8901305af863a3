package org.shapescope.analysis.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shapescope.analysis.geometry.MeasureResult;

/**
 * Where measure results and checkpoint layouts outlive a process: keyed by the checkpoint's
 * {@link FileIdentity}, the layer and the estimator's store key
 * ({@link org.shapescope.analysis.geometry.Estimator#storeKey}). Implementations are thread-safe;
 * several processes may share one store. A store never fails its caller: a write that cannot be
 * made costs recomputation next time and is reported in {@link #warnings()}.
 */
public interface ResultStore extends AutoCloseable {

    /** The stored results of one layer of one checkpoint among {@code keys}, by key (missing keys absent). */
    Map<String, MeasureResult> find(FileIdentity checkpoint, int layer, Collection<String> keys);

    /** Stores one cell's results (by key) together: all or none. */
    void put(FileIdentity checkpoint, int layer, Map<String, MeasureResult> results);

    /** The layout a {@link org.shapescope.analysis.format.CheckpointFormat} learnt of this checkpoint, if stored. */
    Optional<String> layout(FileIdentity checkpoint);

    /** Keeps the layout of a checkpoint so that it is learnt once per identity. */
    void putLayout(FileIdentity checkpoint, String layout);

    /** What went wrong with the store itself (set aside, not writable, …), one line each, naming its file. */
    List<String> warnings();

    /** Where the results are kept, for messages ("in memory" when nowhere). */
    String location();

    @Override
    void close();

    /** A store that keeps nothing (analyze --no-cache). */
    static ResultStore none() {
        return NoResultStore.INSTANCE;
    }
}

package org.shapescope.analysis.format;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One checkpoint of a run, whatever holds it (an Arrow IPC file or stream, a folder of numpy
 * dumps): what it holds — layers, tokens per layer, hidden size — and one layer on demand as
 * float32. A source is a small value (it knows its layout, not its data) that can be shipped to
 * another thread or machine; {@link #readLayer} opens the data each time and never scans it again.
 * Made by a {@link CheckpointFormat}.
 */
public interface CheckpointSource extends Serializable {

    /**
     * The file or folder the checkpoint is read from, as a path of the storage it was opened from
     * (for a Hadoop file system the path part of its URI; {@code Storage.describe} gives the URI).
     */
    Path location();

    /** The name of the {@link CheckpointFormat} that opened it. */
    String format();

    /**
     * The training step as the checkpoint declares it itself (Arrow schema metadata {@code step}),
     * as written, if it declares one; the run folder decides what to make of it and of the name.
     */
    Optional<String> declaredStep();

    /** What opening it noticed and worked around (an optional column of an unusable type, …), one line each. */
    List<String> warnings();

    ElementType elementType();

    int hiddenSize();

    /** Layer index → number of tokens (rows) of that layer, in layer order. */
    SortedMap<Integer, Integer> tokensPerLayer();

    /**
     * Loads one layer as float32, with the optional per-token columns.
     *
     * @throws CheckpointFormatException naming the file and the problem
     */
    LayerData readLayer(int layer) throws CheckpointFormatException;

    /** What the format learnt of the data's layout, as text the format reads back ({@link CheckpointFormat#open}). */
    String layout();
}

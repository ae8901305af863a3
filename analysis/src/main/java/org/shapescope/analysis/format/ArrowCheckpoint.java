package org.shapescope.analysis.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.shapescope.analysis.storage.Storage;

/**
 * An Arrow IPC checkpoint file as a {@link CheckpointSource}: its storage and path, declared step,
 * schema facts and layout (hidden size and batch index); each {@link #readLayer} reopens the file
 * with the known layout, so nothing is scanned, and reads the footer and that layer's batches only.
 */
record ArrowCheckpoint(Storage storage, String path, String format, String step, ElementType elementType, int hiddenSize,
                       TreeMap<Integer, Integer> layers, String layout, List<String> warnings) implements CheckpointSource {

    ArrowCheckpoint(Storage storage, String path, String format, String step, ElementType elementType, int hiddenSize,
                    SortedMap<Integer, Integer> tokensPerLayer, String layout, List<String> warnings) {
        this(storage, path, format, step, elementType, hiddenSize, new TreeMap<>(tokensPerLayer), layout, List.copyOf(warnings));
    }

    @Override
    public Path location() {
        return Path.of(path);
    }

    @Override
    public Optional<String> declaredStep() {
        return Optional.ofNullable(step);
    }

    @Override
    public SortedMap<Integer, Integer> tokensPerLayer() {
        return java.util.Collections.unmodifiableSortedMap(layers);
    }

    @Override
    public LayerData readLayer(int layer) throws CheckpointFormatException {
        try (CheckpointFile file = CheckpointFile.open(storage, location(), layout)) {
            return file.readLayer(layer);
        }
    }
}

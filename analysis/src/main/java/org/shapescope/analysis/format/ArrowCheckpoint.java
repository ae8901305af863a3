package org.shapescope.analysis.format;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An Arrow IPC checkpoint file as a {@link CheckpointSource}: its path, declared step, schema
 * facts and batch index; each {@link #readLayer} reopens the file with the known index.
 */
record ArrowCheckpoint(String path, String format, String declaredStep, ElementType elementType, int hiddenSize,
                       TreeMap<Integer, Integer> layers, String batchIndex) implements CheckpointSource {

    ArrowCheckpoint(String path, String format, String declaredStep, ElementType elementType, int hiddenSize,
                    SortedMap<Integer, Integer> tokensPerLayer, String batchIndex) {
        this(path, format, declaredStep, elementType, hiddenSize, new TreeMap<>(tokensPerLayer), batchIndex);
    }

    @Override
    public Path location() {
        return Path.of(path);
    }

    @Override
    public OptionalLong stepFromMetadata() throws CheckpointFormatException {
        return CheckpointFile.declaredStep(location(), declaredStep);
    }

    @Override
    public SortedMap<Integer, Integer> tokensPerLayer() {
        return java.util.Collections.unmodifiableSortedMap(layers);
    }

    @Override
    public LayerData readLayer(int layer) throws CheckpointFormatException {
        try (CheckpointFile file = CheckpointFile.open(location(), batchIndex)) {
            return file.readLayer(layer);
        }
    }

    @Override
    public String layout() {
        return batchIndex;
    }
}

package org.shapescope.analysis.run;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.shapescope.analysis.format.ElementType;

/**
 * One usable checkpoint of a run: its file, training step and layer index.
 *
 * @param file           the Arrow file
 * @param step           training step (from schema metadata, else the file name)
 * @param elementType    stored type of the embedding values
 * @param hiddenSize     columns of every layer
 * @param tokensPerLayer layer → rows
 */
public record Checkpoint(Path file, long step, ElementType elementType, int hiddenSize,
                         SortedMap<Integer, Integer> tokensPerLayer) {

    public List<Integer> layers() {
        return List.copyOf(tokensPerLayer.keySet());
    }

    /** The file name without its folder. */
    public String fileName() {
        return file.getFileName().toString();
    }
}

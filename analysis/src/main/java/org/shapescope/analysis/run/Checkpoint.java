package org.shapescope.analysis.run;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.CheckpointSource;
import org.shapescope.analysis.format.ElementType;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.store.FileIdentity;

/**
 * One usable checkpoint of a run: its training step, what identifies its content, and where it is
 * read from.
 *
 * @param step     training step (from the checkpoint's own metadata, else its file name)
 * @param identity its content's identity, for the result store (null when it could not be read)
 * @param source   the data, through its input format
 */
public record Checkpoint(long step, FileIdentity identity, CheckpointSource source) {

    /** The file (or folder) it is read from. */
    public Path file() {
        return source.location();
    }

    /** The file name without its folder. */
    public String fileName() {
        return file().getFileName().toString();
    }

    /** Stored type of the embedding values. */
    public ElementType elementType() {
        return source.elementType();
    }

    /** Columns of every layer. */
    public int hiddenSize() {
        return source.hiddenSize();
    }

    /** Layer → rows. */
    public SortedMap<Integer, Integer> tokensPerLayer() {
        return source.tokensPerLayer();
    }

    public List<Integer> layers() {
        return List.copyOf(tokensPerLayer().keySet());
    }

    /** Loads one layer (the layout is known: nothing is scanned). */
    public LayerData readLayer(int layer) throws CheckpointFormatException {
        return source.readLayer(layer);
    }
}

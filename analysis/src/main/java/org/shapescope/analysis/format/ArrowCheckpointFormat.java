package org.shapescope.analysis.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.shapescope.analysis.store.FileIdentity;
import org.shapescope.analysis.storage.Storage;

/**
 * Arrow IPC checkpoints (docs/FORMAT.md): the file format ({@code .arrow}, {@code .feather},
 * {@code .ipc}) and the stream format ({@code .arrows}), told apart by their first bytes and read
 * by {@link CheckpointFile}. The layout kept for the store is the hidden size and the batch index,
 * so a stream, a foreign file without our footer index or a file of list embeddings is scanned
 * once per content identity, not once per opening or per cell.
 */
public final class ArrowCheckpointFormat implements CheckpointFormat {
    /** File name endings taken as Arrow checkpoint files. */
    public static final List<String> SUFFIXES = List.of(".arrow", ".arrows", ".feather", ".ipc");

    @Override
    public String name() {
        return "arrow-ipc";
    }

    @Override
    public boolean accepts(Storage storage, Path entry) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && SUFFIXES.stream().anyMatch(name::endsWith) && !storage.isDirectory(entry);
    }

    @Override
    public FileIdentity identify(Storage storage, Path entry) throws IOException {
        return FileIdentity.of(storage, entry);
    }

    /** The file format's trailing magic after its footer, or the stream format's end-of-stream marker. */
    @Override
    public boolean isComplete(Path entry) {
        return IpcStructure.isWhole(entry);
    }

    @Override
    public CheckpointSource open(Storage storage, Path entry, String knownLayout) throws CheckpointFormatException {
        try (CheckpointFile file = CheckpointFile.open(storage, entry, knownLayout)) {
            return new ArrowCheckpoint(storage, entry.toString(), name(), file.schemaMetadata().get(CheckpointFile.STEP_KEY),
                    file.elementType(), file.hiddenSize(), file.tokensPerLayer(), file.layout(), file.warnings());
        }
    }
}

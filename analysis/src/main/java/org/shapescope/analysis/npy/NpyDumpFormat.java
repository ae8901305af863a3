package org.shapescope.analysis.npy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.shapescope.analysis.format.CheckpointFormat;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.CheckpointSource;
import org.shapescope.analysis.format.ElementType;
import org.shapescope.analysis.storage.Storage;
import org.shapescope.analysis.store.FileIdentity;

/**
 * The common numpy dump layout as checkpoints, read in place (docs/FORMAT.md):
 * <pre>
 * RUN/step_&lt;N&gt;/layer_&lt;L&gt;.npy   2-D float16/32/64 (tokens x hidden), memory-mapped
 * RUN/step_&lt;N&gt;/tokens.npy       optional 1-D integer token ids
 * RUN/step_&lt;N&gt;/sequence.npy     optional 1-D integer sequence index
 * RUN/step_&lt;N&gt;/position.npy     optional 1-D integer position
 * RUN/step_&lt;N&gt;/tokens.txt       optional token text, one JSON string per line
 * </pre>
 * Opening reads the .npy headers only; {@code shapescope import-npy} converts such a run to Arrow.
 */
public final class NpyDumpFormat implements CheckpointFormat {
    static final Pattern STEP_FOLDER = Pattern.compile("step[-_]?0*(\\d+)");
    static final Pattern LAYER_FILE = Pattern.compile("layer[-_]?0*(\\d+)\\.npy");

    @Override
    public String name() {
        return "npy-dump";
    }

    /** Local folders only: the layers are memory-mapped. */
    @Override
    public boolean accepts(Storage storage, Path entry) {
        return storage.isLocal() && Files.isDirectory(entry) && STEP_FOLDER.matcher(entry.getFileName().toString()).matches()
                && !layerFiles(entry).isEmpty();
    }

    @Override
    public FileIdentity identify(Storage storage, Path entry) throws IOException {
        return FileIdentity.ofFolder(entry);
    }

    @Override
    public CheckpointSource open(Storage storage, Path entry, String knownLayout) throws CheckpointFormatException {
        SortedMap<Integer, Path> layers = layerFiles(entry);
        if (layers.isEmpty()) {
            throw new NpyFormatException(entry, "has no layer_<L>.npy files");
        }
        TreeMap<Integer, Integer> tokens = new TreeMap<>();
        TreeMap<Integer, String> files = new TreeMap<>();
        int hidden = -1;
        String dtype = null;
        for (var layer : layers.entrySet()) {
            NpyArray array = NpyArray.read(layer.getValue());
            int[] shape = array.shape();
            if (shape.length != 2 || !array.isFloat() || shape[1] == 0) {
                throw new NpyFormatException(layer.getValue(), "must be a 2-D float16/32/64 array (tokens x hidden), it is "
                        + array.dtype() + " of shape " + java.util.Arrays.toString(shape));
            }
            if (hidden >= 0 && shape[1] != hidden) {
                throw new NpyFormatException(layer.getValue(), "has hidden size " + shape[1] + ", the other layers of "
                        + entry.getFileName() + " have " + hidden);
            }
            hidden = shape[1];
            dtype = dtype == null ? array.dtype() : dtype;
            tokens.put(layer.getKey(), shape[0]);
            files.put(layer.getKey(), layer.getValue().getFileName().toString());
        }
        ElementType type = switch (dtype) {
            case "float16" -> ElementType.FLOAT16;
            case "float64" -> ElementType.FLOAT64;
            default -> ElementType.FLOAT32;
        };
        return new NpyDumpCheckpoint(entry.toString(), name(), type, hidden, tokens, files);
    }

    /** Every layer_&lt;L&gt;.npy holds the data its header declares (a file being written does not yet). */
    @Override
    public boolean isComplete(Path entry) {
        SortedMap<Integer, Path> layers = layerFiles(entry);
        if (layers.isEmpty()) {
            return false;
        }
        for (Path layer : layers.values()) {
            try {
                NpyArray.read(layer);
            } catch (NpyFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** layer → file, for the layer_&lt;L&gt;.npy files of a folder (empty when it cannot be listed). */
    static SortedMap<Integer, Path> layerFiles(Path folder) {
        SortedMap<Integer, Path> layers = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.toList()) {
                Matcher m = LAYER_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    layers.put(Integer.parseInt(m.group(1)), file);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new TreeMap<>();
        }
        return layers;
    }
}

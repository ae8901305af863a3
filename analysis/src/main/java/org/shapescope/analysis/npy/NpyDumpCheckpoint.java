package org.shapescope.analysis.npy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.CheckpointSource;
import org.shapescope.analysis.format.ElementType;
import org.shapescope.analysis.format.LayerData;

/**
 * One {@code step_<N>/} folder of numpy dumps as a {@link CheckpointSource}: each layer is its own
 * memory-mapped {@code layer_<L>.npy}; the per-token columns come from the folder's optional
 * tokens.npy, sequence.npy, position.npy and tokens.txt.
 */
record NpyDumpCheckpoint(String folder, String format, ElementType elementType, int hiddenSize,
                         TreeMap<Integer, Integer> layers, TreeMap<Integer, String> layerFiles) implements CheckpointSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Path location() {
        return Path.of(folder);
    }

    @Override
    public Optional<String> declaredStep() {
        return Optional.empty();
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public SortedMap<Integer, Integer> tokensPerLayer() {
        return Collections.unmodifiableSortedMap(layers);
    }

    @Override
    public LayerData readLayer(int layer) throws CheckpointFormatException {
        String name = layerFiles.get(layer);
        if (name == null) {
            throw new NpyFormatException(location(), "has no layer " + layer + " (layers: " + layers.keySet() + ")");
        }
        Path file = location().resolve(name);
        NpyArray array = NpyArray.read(file);
        int[] shape = array.shape();
        int tokens = layers.get(layer);
        if (shape.length != 2 || shape[0] != tokens || shape[1] != hiddenSize) {
            throw new NpyFormatException(file, "has shape " + java.util.Arrays.toString(shape) + ", it had "
                    + tokens + " x " + hiddenSize + " when the run was opened");
        }
        Path dir = location();
        return new LayerData(layer, tokens, hiddenSize, array.toFloatMatrix(), column(dir.resolve("sequence.npy"), tokens),
                column(dir.resolve("position.npy"), tokens), column(dir.resolve("tokens.npy"), tokens),
                text(dir.resolve("tokens.txt"), tokens));
    }

    @Override
    public String layout() {
        return "";
    }

    private static long[] column(Path file, int tokens) throws NpyFormatException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        long[] values = NpyArray.read(file).toLongVector();
        if (values.length != tokens) {
            throw new NpyFormatException(file, "has " + values.length + " entries, the layers have " + tokens + " tokens");
        }
        return values;
    }

    private static String[] text(Path file, int tokens) throws NpyFormatException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NpyFormatException(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (lines.size() != tokens) {
            throw new NpyFormatException(file, "has " + lines.size() + " lines, the layers have " + tokens + " tokens");
        }
        String[] out = new String[tokens];
        for (int i = 0; i < tokens; i++) {
            try {
                out[i] = JSON.readValue(lines.get(i), String.class);
            } catch (IOException e) {
                throw new NpyFormatException(file, "line " + (i + 1) + " is not a JSON string literal: " + lines.get(i));
            }
        }
        return out;
    }
}

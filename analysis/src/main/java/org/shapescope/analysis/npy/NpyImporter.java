package org.shapescope.analysis.npy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.ElementType;
import org.shapescope.analysis.format.LayerData;

/**
 * Converts the common numpy dump layout into a run folder (docs/FORMAT.md, "Importing numpy dumps"):
 * <pre>
 * SRC/step_&lt;N&gt;/layer_&lt;L&gt;.npy   2-D float16/float32 (tokens x hidden)
 * SRC/step_&lt;N&gt;/tokens.npy       optional 1-D integer token ids
 * SRC/step_&lt;N&gt;/sequence.npy     optional 1-D integer sequence index
 * SRC/step_&lt;N&gt;/position.npy     optional 1-D integer position
 * SRC/step_&lt;N&gt;/tokens.txt       optional token text, one JSON string per line
 * SRC/run.json, SRC/loss.csv     optional, copied as they are
 * </pre>
 * Each step becomes {@code RUN/step-<N>.arrow} with one record batch per layer; float16 input stays
 * float16, anything else is stored as float32.
 */
public final class NpyImporter {
    private static final Pattern STEP_FOLDER = Pattern.compile("step[-_]?0*(\\d+)");
    private static final Pattern LAYER_FILE = Pattern.compile("layer[-_]?0*(\\d+)\\.npy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NpyImporter() {
    }

    /** What one import wrote. */
    public record Summary(int checkpoints, int layers, int tokens, int hiddenSize, List<Path> files) {
    }

    /**
     * Imports {@code source} into the run folder {@code target} (created if needed).
     *
     * @param progress receives one line per checkpoint written
     */
    public static Summary importRun(Path source, Path target, Consumer<String> progress) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new NpyFormatException(source, "is not a folder of step_<N>/layer_<L>.npy dumps");
        }
        Map<Long, Path> steps = new TreeMap<>();
        try (Stream<Path> entries = Files.list(source)) {
            for (Path entry : entries.filter(Files::isDirectory).toList()) {
                Matcher m = STEP_FOLDER.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    Path previous = steps.put(Long.parseLong(m.group(1)), entry);
                    if (previous != null) {
                        throw new NpyFormatException(entry, "has the same step as " + previous.getFileName());
                    }
                }
            }
        }
        if (steps.isEmpty()) {
            throw new NpyFormatException(source, "has no step_<N> folders with layer_<L>.npy files");
        }
        Files.createDirectories(target);
        List<Path> written = new ArrayList<>();
        int layerCount = 0;
        int tokens = 0;
        int hiddenSize = 0;
        for (Map.Entry<Long, Path> step : steps.entrySet()) {
            StepDump dump = StepDump.read(step.getValue());
            Path file = target.resolve(String.format("step-%06d.arrow", step.getKey()));
            CheckpointWriter.Options options = CheckpointWriter.Options.defaults()
                    .withElementType(dump.float16 ? ElementType.FLOAT16 : ElementType.FLOAT32)
                    .withMetadata(Map.of("source", "shapescope import-npy"));
            try (CheckpointWriter writer = CheckpointWriter.create(file, step.getKey(), dump.hiddenSize, options)) {
                for (Map.Entry<Integer, Path> layer : dump.layers.entrySet()) {
                    NpyArray array = NpyArray.read(layer.getValue());
                    int[] shape = array.shape();
                    float[] values = array.toFloatMatrix();
                    if (shape[0] != dump.tokens || shape[1] != dump.hiddenSize) {
                        throw new NpyFormatException(layer.getValue(), "has shape " + shape[0] + " x " + shape[1] + ", other layers of "
                                + step.getValue().getFileName() + " have " + dump.tokens + " x " + dump.hiddenSize);
                    }
                    writer.writeLayer(new LayerData(layer.getKey(), shape[0], shape[1], values, dump.sequence, dump.position,
                            dump.tokenIds, dump.tokenText));
                }
            }
            written.add(file);
            layerCount = Math.max(layerCount, dump.layers.size());
            tokens = dump.tokens;
            hiddenSize = dump.hiddenSize;
            progress.accept("wrote " + file + " (step " + step.getKey() + ", " + dump.layers.size() + " layers, "
                    + dump.tokens + " tokens x " + dump.hiddenSize + ")");
        }
        for (String name : List.of("run.json", "loss.csv")) {
            Path extra = source.resolve(name);
            if (Files.isRegularFile(extra)) {
                Files.copy(extra, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new Summary(steps.size(), layerCount, tokens, hiddenSize, written);
    }

    /** The layer files and per-token columns of one step folder, checked for consistent sizes. */
    private static final class StepDump {
        final Map<Integer, Path> layers = new TreeMap<>();
        int tokens;
        int hiddenSize;
        boolean float16;
        long[] tokenIds;
        long[] sequence;
        long[] position;
        String[] tokenText;

        static StepDump read(Path folder) throws IOException {
            StepDump dump = new StepDump();
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path file : entries.toList()) {
                    Matcher m = LAYER_FILE.matcher(file.getFileName().toString());
                    if (m.matches()) {
                        dump.layers.put(Integer.parseInt(m.group(1)), file);
                    }
                }
            }
            if (dump.layers.isEmpty()) {
                throw new NpyFormatException(folder, "has no layer_<L>.npy files");
            }
            NpyArray first = NpyArray.read(dump.layers.values().iterator().next());
            int[] shape = first.shape();
            if (shape.length != 2 || !first.isFloat()) {
                throw new NpyFormatException(first.file(), "must be a 2-D float16 or float32 array (tokens x hidden), it is "
                        + first.dtype() + " of shape " + java.util.Arrays.toString(shape));
            }
            if (shape[1] == 0) {
                throw new NpyFormatException(first.file(), "has hidden size 0");
            }
            dump.tokens = shape[0];
            dump.hiddenSize = shape[1];
            dump.float16 = first.dtype().equals("float16");
            dump.tokenIds = column(folder.resolve("tokens.npy"), dump.tokens);
            dump.sequence = column(folder.resolve("sequence.npy"), dump.tokens);
            dump.position = column(folder.resolve("position.npy"), dump.tokens);
            dump.tokenText = text(folder.resolve("tokens.txt"), dump.tokens);
            return dump;
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

        private static String[] text(Path file, int tokens) throws IOException {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
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
}

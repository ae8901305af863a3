package org.shapescope.analysis.npy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.shapescope.analysis.format.CheckpointSource;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.ElementType;
import org.shapescope.analysis.storage.Storage;

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
                Matcher m = NpyDumpFormat.STEP_FOLDER.matcher(entry.getFileName().toString());
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
        NpyDumpFormat format = new NpyDumpFormat();
        List<Path> written = new ArrayList<>();
        int layerCount = 0;
        int tokens = 0;
        int hiddenSize = 0;
        for (Map.Entry<Long, Path> step : steps.entrySet()) {
            CheckpointSource dump = format.open(Storage.local(), step.getValue(), null);
            Path file = target.resolve(String.format("step-%06d.arrow", step.getKey()));
            CheckpointWriter.Options options = CheckpointWriter.Options.defaults()
                    .withElementType(dump.elementType() == ElementType.FLOAT16 ? ElementType.FLOAT16 : ElementType.FLOAT32)
                    .withMetadata(Map.of("source", "shapescope import-npy"));
            try (CheckpointWriter writer = CheckpointWriter.create(file, step.getKey(), dump.hiddenSize(), options)) {
                for (int layer : dump.tokensPerLayer().keySet()) {
                    writer.writeLayer(dump.readLayer(layer));
                }
            }
            written.add(file);
            layerCount = Math.max(layerCount, dump.tokensPerLayer().size());
            tokens = dump.tokensPerLayer().values().iterator().next();
            hiddenSize = dump.hiddenSize();
            progress.accept("wrote " + file + " (step " + step.getKey() + ", " + dump.tokensPerLayer().size() + " layers, "
                    + tokens + " tokens x " + hiddenSize + ")");
        }
        for (String name : List.of("run.json", "loss.csv")) {
            Path extra = source.resolve(name);
            if (Files.isRegularFile(extra)) {
                Files.copy(extra, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new Summary(steps.size(), layerCount, tokens, hiddenSize, written);
    }
}

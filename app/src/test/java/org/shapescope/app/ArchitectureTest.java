package org.shapescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app wires the rooms (STYLE.md): its windows (app.ui) show what the {@code ExplorerModel}
 * holds and never open a checkpoint, a store or a file themselves — reading, computing and storing
 * happen in the model's background tasks and in the analysis module. The command line (app.cli)
 * and the model may use analysis; nothing in the app imports JavaFX outside the desktop classes.
 */
class ArchitectureTest {
    private static final Path APP = Path.of("src", "main", "java", "org", "shapescope", "app");
    private static final Pattern READING = Pattern.compile(
            "\\borg\\.shapescope\\.analysis\\.(format|npy|store|grid\\.GridEngine)\\b|\\bRunFolder\\.open\\b"
                    + "|\\b(FileInputStream|FileReader|RandomAccessFile|FileChannel|Files\\.(read\\w*|newInputStream|newBufferedReader|lines|walk))\\b");
    private static final Pattern JAVAFX = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.");

    private static List<String> offenders(Path sources, Pattern forbidden) throws IOException {
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readAllLines(f).stream().anyMatch(line -> forbidden.matcher(line).find());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    @Test
    void windowsNeverReadCheckpointsStoresOrFiles() throws IOException {
        assertThat(offenders(APP.resolve("ui"), READING)).as("app.ui sources that read data themselves").isEmpty();
    }

    @Test
    void theCommandLineNeverLoadsJavaFx() throws IOException {
        assertThat(offenders(APP.resolve("cli"), JAVAFX)).as("app.cli sources importing javafx").isEmpty();
        assertThat(offenders(APP.resolve("data"), JAVAFX)).as("app.data sources importing javafx").isEmpty();
    }
}

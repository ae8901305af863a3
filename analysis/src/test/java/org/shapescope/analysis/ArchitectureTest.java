package org.shapescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The analysis module is pure Java: no source file of it may use JavaFX (STYLE.md, "three rooms"). */
class ArchitectureTest {
    @Test
    void analysisNeverImportsJavaFx() throws IOException {
        Path sources = Path.of("src", "main", "java");
        assertThat(sources).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(ArchitectureTest::mentionsJavaFx)
                    .map(Path::toString).toList();
        }
        assertThat(offenders).as("analysis sources that use javafx").isEmpty();
    }

    @Test
    void javaFxIsNotOnTheAnalysisClassPath() {
        assertThat(getClass().getClassLoader().getResource("javafx/application/Platform.class")).isNull();
    }

    private static boolean mentionsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.matches("\\s*import\\s+(static\\s+)?javafx\\..*")
                    || line.contains("javafx."));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.shapescope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The analysis module is pure Java: no source file of it may use JavaFX (STYLE.md, "three rooms") or Hadoop. */
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

    /** Storage backends other than the local file system live outside analysis (spark/'s HadoopStorage). */
    @Test
    void analysisNeverNamesHadoop() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> contains(f, "org.apache.hadoop"))
                    .map(Path::toString).toList();
        }
        assertThat(offenders).as("analysis sources that use Hadoop").isEmpty();
        assertThat(getClass().getClassLoader().getResource("org/apache/hadoop/fs/FileSystem.class")).isNull();
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

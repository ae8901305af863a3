package org.shapescope.viewer;

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
 * The viewer holds JavaFX components that know nothing about files (STYLE.md, "three rooms"):
 * its sources import nothing of org.shapescope.analysis, which is not even on its class path, and
 * read no file — everything they show arrives as the records of {@code org.shapescope.viewer.data}.
 * (Exporting writes a figure to the stream or path it is given; its fonts are class-path resources.)
 */
class ArchitectureTest {
    private static final Pattern ANALYSIS = Pattern.compile("\\borg\\.shapescope\\.analysis\\b");
    private static final Pattern FILE_READING = Pattern.compile(
            "\\b(FileInputStream|FileReader|RandomAccessFile|FileChannel|Files\\.(read\\w*|newInputStream|newBufferedReader|lines|list|walk))\\b");

    static List<String> offenders(Path sources, Pattern forbidden) throws IOException {
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> matches(f, forbidden)).map(Path::toString).toList();
        }
    }

    private static boolean matches(Path file, Pattern forbidden) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> forbidden.matcher(line).find());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void viewerNeverUsesTheAnalysisModule() throws IOException {
        assertThat(offenders(Path.of("src", "main", "java"), ANALYSIS)).as("viewer sources naming org.shapescope.analysis").isEmpty();
        assertThat(getClass().getClassLoader().getResource("org/shapescope/analysis/run/RunFolder.class"))
                .as("the analysis module on the viewer's class path").isNull();
    }

    @Test
    void viewerReadsNoFiles() throws IOException {
        assertThat(offenders(Path.of("src", "main", "java"), FILE_READING)).as("viewer sources that read files").isEmpty();
    }
}

package org.shapescope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shapescope.app.Main;
import picocli.CommandLine;

/**
 * {@code --help} of every (sub)command prints its usage and nothing else: picocli reports a
 * description it cannot format (an unescaped {@code %}) as a {@code [picocli WARN]} line on the
 * System.err it saw when its tracer was made, outside the command's own writers — so each help is
 * run as a user runs it, in a child JVM, and both of its streams are read.
 */
class HelpTextTest {

    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new ShapescopeCommand()), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) {
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                collect(sub, longer, paths);
            }
        });
    }

    @ParameterizedTest(name = "shapescope {0} --help")
    @MethodSource("commandPaths")
    void helpIsCleanUsage(List<String> path) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(path);
        command.add("--help");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        String everything = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(everything).isZero();
        assertThat(everything).startsWith("Usage: shapescope").doesNotContain("WARN").doesNotContain("Could not format");
    }
}

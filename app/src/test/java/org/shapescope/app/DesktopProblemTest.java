package org.shapescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shapescope.app.DesktopLauncher.DesktopProblem;

/**
 * The desktop app explains, in one line, why it cannot start. The GTK case is checked for real by
 * {@code .ci/desktop-start-check.sh} (GTK hidden in a private mount namespace); here the mapping
 * of JavaFX's messages, and a real start without a display in a child JVM.
 */
class DesktopProblemTest {

    @Test
    void noDisplayOnLinuxIsNamedBeforeJavaFxStarts() {
        assertThat(DesktopProblem.beforeLaunch("Linux", Map.of())).get().asString()
                .contains("DISPLAY is not set").contains("xvfb-run").contains("analyze, render, inspect");
        assertThat(DesktopProblem.beforeLaunch("Linux", Map.of("DISPLAY", ":0"))).isEmpty();
        assertThat(DesktopProblem.beforeLaunch("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isEmpty();
        assertThat(DesktopProblem.beforeLaunch("Windows 11", Map.of())).isEmpty();
    }

    @Test
    void javaFxToolkitFailuresBecomeOneLineWithTheFix() {
        assertThat(DesktopProblem.ofToolkitFailure("Unable to load glass GTK library.", Map.of())).get().asString()
                .contains("GTK 3").contains("apt-get install libgtk-3-0").contains("analyze, render, inspect")
                .doesNotContain("\n");
        assertThat(DesktopProblem.ofToolkitFailure("Unable to open DISPLAY", Map.of("DISPLAY", ":42"))).get().asString()
                .contains("':42'").doesNotContain("\n");
        assertThat(DesktopProblem.ofToolkitFailure("something else", Map.of())).isEmpty();
        assertThat(DesktopProblem.ofToolkitFailure(null, Map.of())).isEmpty();
    }

    @Test
    void startingWithoutADisplayPrintsOneLineAndExitsNonZero() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(DesktopLauncher.CANNOT_START);
        assertThat(output.lines()).singleElement().asString().startsWith("shapescope: no display");
    }
}

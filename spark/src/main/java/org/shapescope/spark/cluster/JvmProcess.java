package org.shapescope.spark.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a process is, by PID: enough to tell a Spark daemon of ours from whatever process now
 * holds a recycled PID before signalling it. Java's {@link ProcessHandle.Info#commandLine()} is
 * empty for command lines as long as a Maven class path, so on Linux it is read from
 * {@code /proc/PID/cmdline}.
 */
public final class JvmProcess {
    private JvmProcess() {
    }

    /** The process's command line, arguments separated by spaces, if it is alive and readable. */
    public static Optional<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            byte[] bytes = Files.readAllBytes(proc);
            if (bytes.length > 0) {
                return Optional.of(new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').trim());
            }
        } catch (IOException notLinuxOrGone) {
            // fall back to what Java knows
        }
        return process.info().commandLine();
    }

    /** True when the process is alive and its command line runs {@code mainClass}. */
    public static boolean runs(ProcessHandle process, String mainClass) {
        return process.isAlive() && commandLine(process).map(line -> line.contains(mainClass)).orElse(false);
    }
}

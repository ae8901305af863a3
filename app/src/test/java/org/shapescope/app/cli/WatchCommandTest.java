package org.shapescope.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.app.live.LiveRunWriter;

/**
 * {@code shapescope watch} on a run folder that a real writer process ({@link LiveRunWriter}) fills
 * while it runs: five checkpoints one by one, two of them written in place in chunks with pauses
 * three times the settle interval (an Arrow file and an Arrow stream). Every cell arrives exactly
 * once, the first before the writer is done, nothing is reported as corrupt, and the values are
 * those {@code analyze} computes on the finished run.
 */
@Timeout(180)
class WatchCommandTest {
    private static final int CHECKPOINTS = 5;
    private static final int LAYERS = 3;
    private static final int TOKENS = 120;
    private static final int HIDDEN = 8;
    private static final long PAUSE_MILLIS = 600;
    private static final String SETTLE_MILLIS = "200";
    /** Anisotropy is computed the same way by both commands: equal to the last bit. */
    private static final double SAME = 0;

    @TempDir
    Path dir;

    /** Standard output that notes when each line arrived. */
    private static final class TimedLines extends Writer {
        final StringBuilder text = new StringBuilder();
        final List<Long> arrivals = new ArrayList<>();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                text.append(chars[i]);
                if (chars[i] == '\n') {
                    arrivals.add(System.nanoTime());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void followsARunFolderWhileARealWriterFillsIt() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        TimedLines out = new TimedLines();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread watch = new Thread(() -> exit.set(ShapescopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "watch", run.toString(), "--metrics", "anisotropy,mean_cosine", "--idle-exit", "6", "--settle", SETTLE_MILLIS,
                "--store", dir.resolve("results.sqlite").toString(), "--threads", "1")), "watch-under-test");
        watch.start();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), LiveRunWriter.class.getName(), run.toString(),
                Integer.toString(CHECKPOINTS), Integer.toString(LAYERS), Integer.toString(TOKENS), Integer.toString(HIDDEN),
                Long.toString(PAUSE_MILLIS)).redirectErrorStream(true).start();
        List<String> written = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                written.add(line);
            }
        }
        long writerDone = System.nanoTime();
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("writer ends").isTrue();
        assertThat(writer.exitValue()).as("writer: " + written).isZero();
        watch.join(TimeUnit.SECONDS.toMillis(90));
        assertThat(watch.isAlive()).as("watch ends after --idle-exit").isFalse();

        assertThat(err.toString()).as("standard error").isEmpty();
        assertThat(exit.get()).isZero();
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> arrived = new TreeMap<>();
        Map<String, Double> anisotropy = new TreeMap<>();
        for (String line : out.text.toString().split("\n")) {
            JsonNode cell = json.readTree(line);
            assertThat(cell.fieldNames()).toIterable().containsExactly("step", "layer", "anisotropy", "mean_cosine");
            String key = cell.get("step").asLong() + "/" + cell.get("layer").asInt();
            arrived.merge(key, 1, Integer::sum);
            anisotropy.put(key, cell.get("anisotropy").asDouble());
        }
        assertThat(arrived).hasSize(CHECKPOINTS * LAYERS).allSatisfy((cell, times) -> assertThat(times).as(cell).isEqualTo(1));
        synchronized (out) {
            assertThat(out.arrivals.get(0)).as("the first cells before the writer is done").isLessThan(writerDone);
        }

        CliRunner analyze = CliRunner.run("analyze", run.toString(), "--metrics", "anisotropy", "--no-cache", "--format", "json");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        for (JsonNode cell : json.readTree(analyze.out()).get("cells")) {
            String key = cell.get("step").asLong() + "/" + cell.get("layer").asInt();
            assertThat(anisotropy.get(key)).as(key).isCloseTo(cell.get("anisotropy").asDouble(), org.assertj.core.data.Offset.offset(SAME));
        }
    }

    @Test
    void withIdleExitZeroItPrintsWhatIsThereAndEnds() throws Exception {
        Path run = dir.resolve("done");
        org.shapescope.app.SyntheticRun.write(run, 2, LAYERS, TOKENS, HIDDEN);
        CliRunner result = CliRunner.run("watch", run.toString(), "--metrics", "anisotropy", "--idle-exit", "0", "--no-cache");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).hasSize(2 * LAYERS).allMatch(line -> line.matches("\\{\"step\":\\d+,\"layer\":\\d,\"anisotropy\":[-0-9.E]+}"));
    }

    @Test
    void aMissingFolderIsOneLineAndStatusTwo() {
        CliRunner result = CliRunner.run("watch", dir.resolve("nowhere").toString(), "--idle-exit", "0", "--no-cache");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("nowhere").doesNotContain("\n");
    }
}

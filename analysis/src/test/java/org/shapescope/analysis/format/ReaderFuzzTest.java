package org.shapescope.analysis.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter.Compression;
import org.shapescope.analysis.format.CheckpointWriter.Container;

/**
 * Randomly mutated bytes of valid files (file and stream format, plain and compressed): every case
 * must end in a clean {@link CheckpointFormatException} or a read whose shape matches the index,
 * using at most {@link #CASE_LIMIT} of processor time (measured on the reading thread, so that a
 * loaded machine does not make the verdict flaky), and never hanging: a case still running after
 * {@link #HANG_LIMIT} of wall time fails. Seeded, so a failing case reproduces.
 */
class ReaderFuzzTest {
    private static final int CASES_PER_SEED_FILE = 600;
    private static final Duration CASE_LIMIT = Duration.ofSeconds(1);
    private static final Duration HANG_LIMIT = Duration.ofSeconds(20);
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final long SEED = 345;

    @TempDir
    Path dir;

    @Test
    void mutatedFilesFailCleanlyOrReadConsistently() throws Exception {
        List<Path> seeds = new ArrayList<>();
        int n = 0;
        for (Container container : Container.values()) {
            for (Compression compression : new Compression[] {Compression.NONE, Compression.LZ4_FRAME, Compression.ZSTD}) {
                Path file = dir.resolve("seed" + n++ + (container == Container.FILE ? ".arrow" : ".arrows"));
                CheckpointWriter.Options options = CheckpointWriter.Options.defaults().withContainer(container)
                        .withCompression(compression).withMaxBatchRows(7);
                try (CheckpointWriter writer = CheckpointWriter.create(file, 3, 5, options)) {
                    writer.writeLayer(TestLayers.gaussian(0, 12, 5, 2));
                    writer.writeLayer(TestLayers.gaussian(1, 12, 5, 2));
                }
                seeds.add(file);
            }
        }
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
        int clean = 0;
        int read = 0;
        try {
            for (Path seed : seeds) {
                byte[] original = Files.readAllBytes(seed);
                for (int c = 0; c < CASES_PER_SEED_FILE; c++) {
                    byte[] mutated = mutate(original, random);
                    Path file = dir.resolve("case" + (seed.getFileName().toString().contains("arrows") ? ".arrows" : ".arrow"));
                    Files.write(file, mutated);
                    Future<long[]> outcome = worker.submit(() -> {
                        long start = THREADS.getCurrentThreadCpuTime();
                        boolean ok = readAll(file);
                        return new long[] {ok ? 1 : 0, THREADS.getCurrentThreadCpuTime() - start};
                    });
                    try {
                        long[] result = outcome.get(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                        assertThat(Duration.ofNanos(result[1])).as("processor time of case %d of %s", c, seed.getFileName())
                                .isLessThanOrEqualTo(CASE_LIMIT);
                        if (result[0] == 1) {
                            read++;
                        } else {
                            clean++;
                        }
                    } catch (java.util.concurrent.TimeoutException e) {
                        outcome.cancel(true);
                        Path kept = Files.createDirectories(Path.of("target", "fuzz-failures")).resolve(file.getFileName());
                        Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        fail("(kept as " + kept + ") " + "case %d of %s hangs: still running after %s", c, seed.getFileName(), HANG_LIMIT);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new AssertionError("case " + c + " of " + seed.getFileName() + " threw " + e.getCause(), e.getCause());
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(clean + read).isEqualTo(seeds.size() * CASES_PER_SEED_FILE);
        assertThat(clean).as("some mutations must be detected").isPositive();
    }

    /** True when every layer read back with the shape its index promised, false on a clean error. */
    private static boolean readAll(Path file) {
        try (CheckpointFile checkpoint = CheckpointFile.open(file)) {
            for (int layer : checkpoint.layers()) {
                LayerData data = checkpoint.readLayer(layer);
                assertThat(data.tokens()).isEqualTo(checkpoint.tokensPerLayer().get(layer));
                assertThat(data.values()).hasSize(data.tokens() * checkpoint.hiddenSize());
            }
            return true;
        } catch (CheckpointFormatException e) {
            assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
            return false;
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> { // flip a few random bits
                for (int i = 0, flips = 1 + random.nextInt(4); i < flips; i++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // overwrite a byte with an extreme value
                bytes[random.nextInt(bytes.length)] = (byte) (random.nextBoolean() ? 0xff : 0x7f);
            }
            case 2 -> { // truncate
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            default -> { // overwrite a 4-byte little-endian length-like field with a random int
                int at = random.nextInt(Math.max(1, bytes.length - 4));
                int value = random.nextInt();
                for (int k = 0; k < 4 && at + k < bytes.length; k++) {
                    bytes[at + k] = (byte) (value >>> (8 * k));
                }
            }
        }
        return bytes;
    }
}

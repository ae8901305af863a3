package org.shapescope.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shapescope.analysis.format.CheckpointWriter;
import org.shapescope.analysis.format.TestLayers;
import org.shapescope.analysis.store.ResultStore;

/**
 * {@link RunFollower} on folders filled while it looks: renamed files, files written in place in
 * chunks with pauses longer than the settle interval (so that only the footer / end-of-stream check
 * keeps them from being opened half-written), numpy dumps, loss.csv and run.json rewritten.
 */
@Timeout(60)
class RunFollowerTest {
    private static final Duration SETTLE = Duration.ofMillis(100);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    /** A pause in a chunked write: three settle intervals, so size stability alone would take the file. */
    private static final long PAUSE_MILLIS = 3 * SETTLE.toMillis();
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** The bytes of a finished checkpoint (written elsewhere, atomically). */
    private byte[] checkpointBytes(long step, CheckpointWriter.Container container) throws Exception {
        Path file = dir.resolve("elsewhere").resolve("step-" + step + (container == CheckpointWriter.Container.FILE ? ".arrow" : ".arrows"));
        try (CheckpointWriter writer = CheckpointWriter.create(file, step, 8,
                CheckpointWriter.Options.defaults().withContainer(container))) {
            for (int layer = 0; layer < 3; layer++) {
                writer.writeLayer(TestLayers.gaussian(layer, 40, 8, step));
            }
        }
        return Files.readAllBytes(file);
    }

    private static void writeCheckpoint(Path file, long step) throws Exception {
        try (CheckpointWriter writer = CheckpointWriter.create(file, step, 8, CheckpointWriter.Options.defaults())) {
            for (int layer = 0; layer < 3; layer++) {
                writer.writeLayer(TestLayers.gaussian(layer, 40, 8, step));
            }
        }
    }

    /** Polls until {@code count} checkpoints were added in all, collecting every change. */
    private static List<RunChanges> until(RunFollower follower, int count) throws Exception {
        List<RunChanges> all = new ArrayList<>();
        long end = System.nanoTime() + DEADLINE.toNanos();
        int added = 0;
        while (added < count && System.nanoTime() < end) {
            RunChanges changes = follower.poll(Duration.ofMillis(500));
            added += changes.added().size();
            all.add(changes);
        }
        assertThat(added).as("checkpoints taken before the deadline").isEqualTo(count);
        return all;
    }

    private static List<Problem> problems(List<RunChanges> changes) {
        return changes.stream().flatMap(c -> c.problems().stream()).toList();
    }

    @Test
    void takesRenamedFilesAndThoseAlreadyThere() throws Exception {
        writeCheckpoint(dir.resolve("step-000000.arrow"), 0);
        try (RunFollower follower = RunFollower.follow(dir, ResultStore.none(), SETTLE, GIVE_UP)) {
            List<RunChanges> first = until(follower, 1);
            writeCheckpoint(dir.resolve("checkpoints").resolve("step-000100.arrow"), 100);
            List<RunChanges> second = until(follower, 1);
            assertThat(problems(first)).isEmpty();
            assertThat(problems(second)).isEmpty();
            assertThat(follower.run().steps()).containsExactly(0, 100);
            assertThat(follower.poll(Duration.ofMillis(300)).isEmpty()).isTrue();
        }
    }

    @Test
    void waitsForAFileWrittenInPlaceInChunks() throws Exception {
        for (CheckpointWriter.Container container : CheckpointWriter.Container.values()) {
            Path run = Files.createDirectories(dir.resolve("run-" + container));
            long step = container.ordinal() + 7;
            byte[] bytes = checkpointBytes(step, container);
            Path file = run.resolve("step-" + step + (container == CheckpointWriter.Container.FILE ? ".arrow" : ".arrows"));
            try (RunFollower follower = RunFollower.follow(run, ResultStore.none(), SETTLE, GIVE_UP)) {
                List<RunChanges> seen = new ArrayList<>();
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                    int[] cuts = {0, 7, bytes.length / 3, bytes.length - 9, bytes.length - 1};
                    for (int i = 0; i + 1 < cuts.length; i++) {
                        out.write(bytes, cuts[i], cuts[i + 1] - cuts[i]);
                        out.flush();
                        seen.add(follower.poll(Duration.ofMillis(PAUSE_MILLIS)));
                    }
                    assertThat(seen).as(container + ": nothing taken or reported while incomplete")
                            .allMatch(RunChanges::isEmpty);
                    out.write(bytes, bytes.length - 1, 1);
                }
                seen.addAll(until(follower, 1));
                assertThat(problems(seen)).isEmpty();
                assertThat(follower.run().checkpoints()).singleElement()
                        .satisfies(c -> assertThat(c.tokensPerLayer()).containsEntry(2, 40));
            }
        }
    }

    @Test
    void aFileThatStaysIncompleteIsReportedAsIncompleteNotCorrupt() throws Exception {
        byte[] bytes = checkpointBytes(3, CheckpointWriter.Container.FILE);
        Files.write(dir.resolve("step-3.arrow"), Arrays.copyOf(bytes, bytes.length / 2));
        try (RunFollower follower = RunFollower.follow(dir, ResultStore.none(), SETTLE, Duration.ofMillis(600))) {
            List<Problem> problems = new ArrayList<>();
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (problems.isEmpty() && System.nanoTime() < end) {
                problems.addAll(follower.poll(Duration.ofMillis(500)).problems());
            }
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString()).contains("step-3.arrow")
                    .contains("still incomplete"));
            Files.write(dir.resolve("step-3.arrow"), bytes);
            until(follower, 1);
            assertThat(follower.run().problems()).isEmpty();
        }
    }

    @Test
    void waitsForEveryArrayOfANumpyDump() throws Exception {
        Path step = Files.createDirectories(dir.resolve("step_5"));
        try (RunFollower follower = RunFollower.follow(dir, ResultStore.none(), SETTLE, GIVE_UP)) {
            byte[] layer = npy(20, 4);
            Files.write(step.resolve("layer_0.npy"), layer);
            Files.write(step.resolve("layer_1.npy"), Arrays.copyOf(layer, layer.length - 10));
            RunChanges early = follower.poll(Duration.ofMillis(PAUSE_MILLIS * 2));
            assertThat(early.isEmpty()).isTrue();
            Files.write(step.resolve("layer_1.npy"), layer);
            List<RunChanges> changes = until(follower, 1);
            assertThat(problems(changes)).isEmpty();
            assertThat(follower.run().checkpoints().get(0).tokensPerLayer()).containsEntry(0, 20).containsEntry(1, 20);
        }
    }

    @Test
    void rereadsLossAndMetadataAndWaitsForAWholeLine() throws Exception {
        writeCheckpoint(dir.resolve("step-000000.arrow"), 0);
        Files.writeString(dir.resolve("loss.csv"), "step,loss\n0,5.0\n");
        RunFolder opened = RunFolder.open(dir);
        // a settle interval far longer than the test's polls: a line without its line break is never taken as settled
        try (RunFollower follower = RunFollower.following(opened, ResultStore.none(), Duration.ofSeconds(5), GIVE_UP)) {
            assertThat(follower.poll(Duration.ofMillis(300)).isEmpty()).as("known run: nothing new").isTrue();
            Files.writeString(dir.resolve("loss.csv"), "1,4.", StandardOpenOption.APPEND);
            RunChanges partial = follower.poll(Duration.ofMillis(200));
            assertThat(partial.lossChanged()).isFalse();
            Files.writeString(dir.resolve("loss.csv"), "5\n", StandardOpenOption.APPEND);
            RunChanges whole = follower.poll(Duration.ofSeconds(5));
            assertThat(whole.lossChanged()).isTrue();
            assertThat(whole.run().loss().orElseThrow().losses()).containsExactly(5.0, 4.5);
            Path json = dir.resolve("run.json");
            Files.writeString(dir.resolve(".run.json.tmp"), "{\"name\": \"live\"}");
            Files.move(dir.resolve(".run.json.tmp"), json, StandardCopyOption.ATOMIC_MOVE);
            RunChanges named = follower.poll(Duration.ofSeconds(5));
            assertThat(named.metadataChanged()).isTrue();
            assertThat(named.run().metadata().name()).isEqualTo("live");
            assertThat(named.run().checkpoints()).hasSize(1);
        }
    }

    @Test
    void aDuplicateStepIsAProblemOfItsFile() throws Exception {
        writeCheckpoint(dir.resolve("step-000004.arrow"), 4);
        try (RunFollower follower = RunFollower.follow(dir, ResultStore.none(), SETTLE, GIVE_UP)) {
            until(follower, 1);
            writeCheckpoint(dir.resolve("again-4.arrow"), 4);
            List<Problem> problems = new ArrayList<>();
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (problems.isEmpty() && System.nanoTime() < end) {
                problems.addAll(follower.poll(Duration.ofMillis(500)).problems());
            }
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString()).contains("again-4.arrow")
                    .contains("duplicate step 4"));
            assertThat(follower.poll(Duration.ofMillis(400)).isEmpty()).as("reported once").isTrue();
        }
    }

    /** A float32 .npy (format 1.0) of seeded values. */
    private static byte[] npy(int rows, int cols) {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = 10 + header.length() + 1;
        header = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + rows * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        buffer.putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.ISO_8859_1));
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < rows * cols; i++) {
            buffer.putFloat((float) random.nextGaussian());
        }
        return buffer.array();
    }
}

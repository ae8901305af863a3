package org.shapescope.analysis.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.shapescope.analysis.format.CheckpointFormat;
import org.shapescope.analysis.storage.Storage;
import org.shapescope.analysis.store.ResultStore;

/**
 * Follows a run folder while a training job writes into it: {@link #poll} returns the checkpoints
 * that have become complete since the last call, and re-reads loss.csv and run.json when they change.
 *
 * <p>An entry (any registered {@link CheckpointFormats input format}) is taken when its size and
 * modification time have not changed for the settle interval <em>and</em> its format says it is
 * whole ({@link CheckpointFormat#isComplete}: the Arrow footer or end-of-stream marker, every .npy
 * array's data). A file written under a temporary name and renamed into place is taken one settle
 * interval after it appears; a file written in place is waited for, never opened half-written and
 * never reported as corrupt. One that stays incomplete and unchanged for the give-up time is opened
 * anyway (a stream without its end marker is still readable), and reported as still incomplete when
 * it cannot be read. An entry that was reported is looked at again when it changes.
 *
 * <p>Waiting is a {@link WatchService} with a periodic look as its fallback (every settle interval
 * while something is pending, else every {@value #RESCAN_SECONDS} s): no busy waiting. Not thread-safe:
 * one thread polls.
 */
public final class RunFollower implements AutoCloseable {
    /** How long an entry's size must stay the same before it is taken. */
    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(500);
    /** How long an incomplete entry may stay unchanged before it is opened anyway. */
    public static final Duration DEFAULT_GIVE_UP = Duration.ofSeconds(60);
    static final int RESCAN_SECONDS = 2;

    private final Path folder;
    private final ResultStore layouts;
    private final long settleNanos;
    private final long giveUpNanos;
    private final WatchService watcher;
    private final Set<Path> watched = new HashSet<>();
    private final Map<Path, Sighting> pending = new HashMap<>();
    private final Map<Path, Observation> settled = new HashMap<>();
    private final Set<Path> taken = new HashSet<>();
    private final Map<Long, Checkpoint> byStep = new TreeMap<>();
    private final Map<Path, List<Problem>> problemsByFile = new LinkedHashMap<>();
    private final TextState lossFile;
    private final TextState metadataFile;
    private RunMetadata metadata;
    private LossCurve loss;

    private RunFollower(Path folder, ResultStore layouts, Duration settle, Duration giveUp) throws RunFolderException {
        this.folder = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.folder)) {
            throw new RunFolderException(this.folder, "is not a folder (a run is a folder of checkpoint files)");
        }
        this.layouts = layouts;
        this.settleNanos = settle.toNanos();
        this.giveUpNanos = Math.max(giveUp.toNanos(), settleNanos);
        try {
            this.watcher = this.folder.getFileSystem().newWatchService();
        } catch (IOException e) {
            throw new RunFolderException(this.folder, "cannot be watched (" + e.getMessage() + ")");
        }
        this.lossFile = new TextState(this.folder.resolve("loss.csv"));
        this.metadataFile = new TextState(this.folder.resolve("run.json"));
        this.metadata = RunMetadata.named(this.folder.getFileName() == null ? this.folder.toString()
                : this.folder.getFileName().toString());
        watch(this.folder);
    }

    /**
     * Follows a folder from nothing: every checkpoint in it, present or to come, is returned by
     * {@link #poll} once it is complete (the folder may hold none yet).
     */
    public static RunFollower follow(Path folder, ResultStore layouts, Duration settle, Duration giveUp)
            throws RunFolderException {
        return new RunFollower(folder, layouts, settle, giveUp);
    }

    /**
     * Follows a run already opened: its checkpoints, the entries it reported and its loss.csv and
     * run.json as they are now are known; only what is new or changes afterwards is returned.
     */
    public static RunFollower following(RunFolder opened, ResultStore layouts, Duration settle, Duration giveUp)
            throws RunFolderException {
        RunFollower follower = new RunFollower(opened.directory(), layouts, settle, giveUp);
        for (Checkpoint checkpoint : opened.checkpoints()) {
            follower.taken.add(checkpoint.file());
            follower.byStep.put(checkpoint.step(), checkpoint);
        }
        for (Problem problem : opened.problems()) {
            follower.problemsByFile.computeIfAbsent(problem.file(), f -> new ArrayList<>()).add(problem);
            if (CheckpointFormats.forEntry(Storage.local(), problem.file()).isPresent() && !follower.taken.contains(problem.file())) {
                Observation seen = Observation.of(problem.file());
                if (seen != null) {
                    follower.settled.put(problem.file(), seen);
                }
            }
        }
        follower.metadata = opened.metadata();
        follower.loss = opened.loss().orElse(null);
        follower.lossFile.read = Observation.of(follower.lossFile.file);
        follower.metadataFile.read = Observation.of(follower.metadataFile.file);
        return follower;
    }

    /** The run as far as it has been followed. */
    public RunFolder run() {
        List<Problem> all = new ArrayList<>();
        problemsByFile.values().forEach(all::addAll);
        return RunFolder.of(folder, metadata, loss, new ArrayList<>(byStep.values()), all);
    }

    /**
     * Waits up to {@code timeout} for something new and returns it (empty when nothing came).
     * Returns as soon as one look finds something; a new entry is taken one settle interval after
     * its last change at the earliest.
     */
    public RunChanges poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            RunChanges changes = look();
            long left = deadline - System.nanoTime();
            if (!changes.isEmpty() || left <= 0) {
                return changes;
            }
            boolean waiting = !pending.isEmpty() || lossFile.seen != null || metadataFile.seen != null;
            long wait = Math.min(left, waiting ? settleNanos : TimeUnit.SECONDS.toNanos(RESCAN_SECONDS));
            try {
                WatchKey key = watcher.poll(Math.max(1, wait), TimeUnit.NANOSECONDS);
                while (key != null) {
                    key.pollEvents();
                    key.reset();
                    key = watcher.poll();
                }
            } catch (ClosedWatchServiceException e) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(Math.max(1, wait)));
            }
        }
    }

    /** True while an entry has been seen but not yet taken or reported (a file still being written). */
    public boolean isWaiting() {
        return !pending.isEmpty();
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // nothing is left to release: the watch keys die with the service
        }
    }

    /** One look at the folder: what has become complete, and the text files that changed. */
    private RunChanges look() {
        long now = System.nanoTime();
        watch(folder.resolve("checkpoints"));
        List<Checkpoint> added = new ArrayList<>();
        List<Problem> found = new ArrayList<>();
        List<Path> entries;
        try {
            entries = RunFolder.listCheckpointEntries(Storage.local(), folder);
        } catch (RunFolderException e) {
            entries = List.of();
        }
        pending.keySet().retainAll(new HashSet<>(entries));
        for (Path entry : entries) {
            consider(entry, now, added, found);
        }
        Optional<LossCurve> newLoss = lossFile.reread(now, true, LossCurve::parse, "training curve kept as it was", found);
        newLoss.ifPresent(curve -> loss = curve);
        Optional<RunMetadata> newMetadata = metadataFile.reread(now, false,
                text -> RunMetadata.parse(text, metadata.name()), "run metadata kept as it was", found);
        newMetadata.ifPresent(m -> metadata = m);
        added.sort((a, b) -> Long.compare(a.step(), b.step()));
        return new RunChanges(run(), added, found, newLoss.isPresent(), newMetadata.isPresent());
    }

    private void consider(Path entry, long now, List<Checkpoint> added, List<Problem> found) {
        if (taken.contains(entry)) {
            return;
        }
        Observation seen = Observation.of(entry);
        if (seen == null) {
            return;
        }
        Observation reported = settled.get(entry);
        if (reported != null) {
            if (reported.equals(seen)) {
                return;
            }
            settled.remove(entry);
        }
        Sighting sighting = pending.get(entry);
        if (sighting == null || !sighting.observation().equals(seen)) {
            pending.put(entry, new Sighting(seen, now));
            return;
        }
        long stable = now - sighting.sinceNanos();
        if (stable < settleNanos) {
            return;
        }
        CheckpointFormat format = CheckpointFormats.forEntry(Storage.local(), entry).orElseThrow();
        boolean complete = format.isComplete(entry);
        if (!complete && stable < giveUpNanos) {
            return;
        }
        pending.remove(entry);
        List<Problem> problems = new ArrayList<>();
        Optional<Checkpoint> opened = RunFolder.openEntry(Storage.local(), entry, layouts, problems);
        if (!complete && opened.isEmpty()) {
            String reasons = problems.stream().map(Problem::message).reduce((a, b) -> a + "; " + b).orElse("unreadable");
            problems.clear();
            problems.add(Problem.error(entry, "is still incomplete after " + stable / 1_000_000_000L
                    + " s without a change (" + reasons + "); it is read again when it changes"));
        }
        opened = opened.filter(checkpoint -> fits(checkpoint, problems));
        if (opened.isPresent()) {
            taken.add(entry);
            byStep.put(opened.get().step(), opened.get());
            added.add(opened.get());
        } else {
            settled.put(entry, seen);
        }
        problemsByFile.remove(entry);
        if (!problems.isEmpty()) {
            problemsByFile.put(entry, problems);
        }
        found.addAll(problems);
    }

    /** Same rules as opening a run: one checkpoint per step, one hidden size. */
    private boolean fits(Checkpoint checkpoint, List<Problem> report) {
        Checkpoint same = byStep.get(checkpoint.step());
        if (same != null) {
            report.add(Problem.error(checkpoint.file(), "duplicate step " + checkpoint.step() + " (also in "
                    + same.fileName() + "); this file is skipped"));
            return false;
        }
        if (!byStep.isEmpty()) {
            int hidden = byStep.values().iterator().next().hiddenSize();
            if (checkpoint.hiddenSize() != hidden) {
                report.add(Problem.error(checkpoint.file(), "hidden size " + checkpoint.hiddenSize() + " differs from the run's "
                        + hidden + "; this file is skipped"));
                return false;
            }
        }
        return true;
    }

    private void watch(Path directory) {
        if (watched.contains(directory) || !Files.isDirectory(directory)) {
            return;
        }
        try {
            directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watched.add(directory);
        } catch (IOException | ClosedWatchServiceException e) {
            watched.add(directory); // the periodic look still sees it
        }
    }

    /** Size, time and file count of an entry (a folder: its regular files together); null when it is gone. */
    record Observation(long size, long modifiedMillis, int files) {
        static Observation of(Path entry) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                if (!attributes.isDirectory()) {
                    return new Observation(attributes.size(), attributes.lastModifiedTime().toMillis(), 1);
                }
                long size = 0;
                long modified = attributes.lastModifiedTime().toMillis();
                int files = 0;
                try (Stream<Path> children = Files.list(entry)) {
                    for (Path child : children.toList()) {
                        BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class);
                        size += a.size();
                        modified = Math.max(modified, a.lastModifiedTime().toMillis());
                        files++;
                    }
                }
                return new Observation(size, modified, files);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** An observation and since when it has held. */
    record Sighting(Observation observation, long sinceNanos) {
    }

    /** run.json or loss.csv: what was read last, and a change seen but not yet read. */
    private final class TextState {
        final Path file;
        Observation read;
        Sighting seen;

        TextState(Path file) {
            this.file = file;
        }

        /**
         * The file parsed again when it has changed since it was read: at once when it is whole (for
         * a line-based file: it ends with a line break), else when it has not changed for the settle
         * interval. A file that cannot be parsed once settled is one warning; the old value stays.
         */
        <T> Optional<T> reread(long now, boolean lineBased, Function<String, T> parse, String kept, List<Problem> found) {
            Observation current = Observation.of(file);
            if (current == null || current.equals(read)) {
                seen = null;
                return Optional.empty();
            }
            if (seen == null || !seen.observation().equals(current)) {
                seen = new Sighting(current, now);
            }
            boolean settledDown = now - seen.sinceNanos() >= settleNanos;
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                if (settledDown) {
                    giveUp(current, Problem.warning(file, "cannot be read (" + e.getMessage() + "); " + kept), found);
                }
                return Optional.empty();
            }
            if (lineBased && !text.endsWith("\n") && !settledDown) {
                return Optional.empty();
            }
            try {
                T value = parse.apply(text);
                read = current;
                seen = null;
                problemsByFile.remove(file);
                return Optional.of(value);
            } catch (IllegalArgumentException e) {
                if (settledDown) {
                    giveUp(current, Problem.warning(file, e.getMessage() + "; " + kept), found);
                }
                return Optional.empty();
            }
        }

        private void giveUp(Observation current, Problem problem, List<Problem> found) {
            read = current;
            seen = null;
            problemsByFile.put(file, List.of(problem));
            found.add(problem);
        }
    }
}

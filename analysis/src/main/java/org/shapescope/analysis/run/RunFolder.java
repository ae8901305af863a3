package org.shapescope.analysis.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shapescope.analysis.format.ArrowCheckpointFormat;
import org.shapescope.analysis.format.CheckpointFile;
import org.shapescope.analysis.format.CheckpointFormat;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.CheckpointSource;
import org.shapescope.analysis.storage.Storage;
import org.shapescope.analysis.store.FileIdentity;
import org.shapescope.analysis.store.ResultStore;

/**
 * A run folder (docs/FORMAT.md): optional run.json and loss.csv, and one Arrow file per
 * checkpoint, directly in the folder or in its {@code checkpoints/} subfolder.
 *
 * <p>Opening lists every entry that a registered {@link CheckpointFormats input format} accepts and
 * learns its layout, once per content identity when a {@link ResultStore} keeps the layouts; an
 * entry that cannot be used becomes a {@link Problem} naming it, and the other checkpoints stay
 * usable. Values are not read here: {@link Checkpoint#readLayer} loads one layer on demand.
 */
public final class RunFolder {
    private static final Pattern NAMED_STEP = Pattern.compile("(?:step|checkpoint|ckpt|iter|iteration)[-_ ]?0*(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_NUMBER = Pattern.compile("(\\d+)");

    private final Path directory;
    private final RunMetadata metadata;
    private final LossCurve loss;
    private final List<Checkpoint> checkpoints;
    private final List<Problem> problems;

    private RunFolder(Path directory, RunMetadata metadata, LossCurve loss, List<Checkpoint> checkpoints, List<Problem> problems) {
        this.directory = directory;
        this.metadata = metadata;
        this.loss = loss;
        this.checkpoints = List.copyOf(checkpoints);
        this.problems = List.copyOf(problems);
    }

    /**
     * Opens a run folder.
     *
     * @throws RunFolderException when the path is not a readable folder or holds no checkpoint file
     */
    public static RunFolder open(Path directory) throws RunFolderException {
        return open(directory, ResultStore.none());
    }

    /**
     * Opens a run folder, reading and keeping checkpoint layouts in {@code layouts} (so that a
     * stream or a foreign file is scanned once per content, not once per opening).
     *
     * @throws RunFolderException when the path is not a readable folder or holds no checkpoint
     */
    public static RunFolder open(Path directory, ResultStore layouts) throws RunFolderException {
        return open(Storage.local(), directory, layouts);
    }

    /**
     * Opens a run folder of any {@link Storage} (a Hadoop file system, …): the same listing, naming
     * and step rules; each checkpoint's source reads through that storage. Problems and exceptions
     * name files by their path in the storage ({@link Storage#describe} gives the URI).
     *
     * @throws RunFolderException when the path is not a readable folder or holds no checkpoint
     */
    public static RunFolder open(Storage storage, Path directory, ResultStore layouts) throws RunFolderException {
        Path folder = directory.toAbsolutePath().normalize();
        if (!storage.exists(folder)) {
            throw new RunFolderException(folder, "does not exist");
        }
        if (!storage.isDirectory(folder)) {
            throw new RunFolderException(folder, "is not a folder (a run is a folder of Arrow checkpoint files)");
        }
        String fallbackName = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        // run.json and loss.csv are read beside the checkpoints (a JSON parser's first use costs ~0.3 s on a cold JVM)
        List<Problem> fileProblems = new ArrayList<>();
        FutureTask<SideFiles> sideFiles = new FutureTask<>(() -> {
            List<Problem> found = new ArrayList<>();
            RunMetadata metadata = readMetadata(storage, folder, fallbackName, found);
            return new SideFiles(metadata, readLoss(storage, folder, found), found);
        });
        Thread reader = new Thread(sideFiles, "shapescope-run-files");
        reader.setDaemon(true);
        reader.start();
        List<Path> files = listCheckpointEntries(storage, folder);
        if (files.isEmpty()) {
            throw new RunFolderException(folder, "is not a run folder: no checkpoints in it or in its checkpoints/ subfolder ("
                    + CheckpointFormats.described() + ")");
        }
        List<Checkpoint> opened = new ArrayList<>();
        for (Path file : files) {
            openEntry(storage, file, layouts, fileProblems).ifPresent(opened::add);
        }
        SideFiles side = sideFilesOf(sideFiles);
        RunMetadata metadata = side.metadata();
        LossCurve loss = side.loss();
        List<Problem> problems = new ArrayList<>(side.problems());
        problems.addAll(fileProblems);
        List<Checkpoint> usable = dropDuplicateSteps(opened, problems);
        usable = dropOtherHiddenSizes(usable, problems);
        reportMissingLayers(usable, problems);
        usable.sort(Comparator.comparingLong(Checkpoint::step));
        return new RunFolder(folder, metadata, loss, usable, problems);
    }

    /** What run.json and loss.csv hold (loss null when absent) and what was wrong with them. */
    private record SideFiles(RunMetadata metadata, LossCurve loss, List<Problem> problems) {
    }

    /** The reader's {@link SideFiles}, waiting for it. */
    private static SideFiles sideFilesOf(FutureTask<SideFiles> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while opening the run");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Opens one checkpoint entry of a run folder with its registered format, learning or reusing
     * its layout through {@code layouts}; what makes it unusable is added to {@code problems}.
     */
    static Optional<Checkpoint> openEntry(Storage storage, Path file, ResultStore layouts, List<Problem> problems) {
        CheckpointFormat format = CheckpointFormats.forEntry(storage, file).orElse(null);
        if (format == null) {
            return Optional.empty();
        }
        try {
            FileIdentity identity = identify(format, storage, file);
            String knownLayout = identity == null ? null : layouts.layout(identity).orElse(null);
            CheckpointSource checkpoint = format.open(storage, file, knownLayout);
            if (identity != null && !checkpoint.layout().isEmpty() && !checkpoint.layout().equals(knownLayout)) {
                layouts.putLayout(identity, checkpoint.layout());
            }
            OptionalLong step = stepOf(file, checkpoint, problems);
            if (step.isEmpty()) {
                return Optional.empty();
            }
            if (checkpoint.tokensPerLayer().isEmpty()) {
                problems.add(Problem.error(file, "holds no rows"));
                return Optional.empty();
            }
            checkpoint.warnings().forEach(warning -> problems.add(Problem.warning(file, warning)));
            return Optional.of(new Checkpoint(step.getAsLong(), identity, checkpoint));
        } catch (CheckpointFormatException e) {
            problems.add(Problem.error(file, e.reason()));
            return Optional.empty();
        }
    }

    /** A run folder of these parts, for a follower's snapshots (checkpoints sorted here by step). */
    static RunFolder of(Path directory, RunMetadata metadata, LossCurve loss, List<Checkpoint> checkpoints, List<Problem> problems) {
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(Checkpoint::step));
        return new RunFolder(directory, metadata, loss, sorted, problems);
    }

    /**
     * This run with only {@code subset} of its checkpoints (for computing the cells of some
     * columns, such as the checkpoints a follower has just taken).
     */
    public RunFolder withCheckpoints(List<Checkpoint> subset) {
        return of(directory, metadata, loss, subset, problems);
    }

    public Path directory() {
        return directory;
    }

    public RunMetadata metadata() {
        return metadata;
    }

    public Optional<LossCurve> loss() {
        return Optional.ofNullable(loss);
    }

    /** Usable checkpoints, ascending by step. */
    public List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** Everything found wrong while opening, each naming its file. */
    public List<Problem> problems() {
        return problems;
    }

    /** The steps of the usable checkpoints, ascending. */
    public long[] steps() {
        return checkpoints.stream().mapToLong(Checkpoint::step).toArray();
    }

    /** Every layer present in at least one checkpoint, ascending. */
    public List<Integer> layers() {
        SortedSet<Integer> all = new TreeSet<>();
        checkpoints.forEach(c -> all.addAll(c.tokensPerLayer().keySet()));
        return List.copyOf(all);
    }

    /** The hidden size shared by the usable checkpoints (0 when there are none). */
    public int hiddenSize() {
        return checkpoints.isEmpty() ? 0 : checkpoints.get(0).hiddenSize();
    }

    /** The checkpoint at a step, if the run has it. */
    public Optional<Checkpoint> checkpoint(long step) {
        return checkpoints.stream().filter(c -> c.step() == step).findFirst();
    }

    /** The content identity of an entry, or null when it cannot be read (then opening it reports why). */
    private static FileIdentity identify(CheckpointFormat format, Storage storage, Path entry) {
        try {
            return format.identify(storage, entry);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The step of a checkpoint: schema metadata 'step' when it is a whole number, else the number
     * in the file name. Metadata that is not a whole number, or that disagrees with a step named in
     * the file name (step-, checkpoint-, …), is reported as a warning; no step at all is an error.
     */
    private static OptionalLong stepOf(Path file, CheckpointSource checkpoint, List<Problem> problems) {
        String name = file.getFileName().toString();
        OptionalLong fromName = stepFromFileName(name);
        String written = checkpoint.declaredStep().orElse(null);
        OptionalLong fromMetadata = written == null ? OptionalLong.empty() : CheckpointFile.parseStep(written);
        if (written != null && fromMetadata.isEmpty()) {
            String shown = written.length() > 40 ? written.substring(0, 40) + "…" : written;
            if (fromName.isEmpty()) {
                problems.add(Problem.error(file, "no training step: schema metadata 'step' is '" + shown
                        + "', not a whole number, and the file name has no number"));
                return OptionalLong.empty();
            }
            problems.add(Problem.warning(file, "schema metadata 'step' is '" + shown + "', not a whole number; the step "
                    + fromName.getAsLong() + " is taken from the file name"));
            return fromName;
        }
        if (fromMetadata.isPresent()) {
            Matcher named = NAMED_STEP.matcher(name);
            if (named.find() && !named.group(1).equals(Long.toString(fromMetadata.getAsLong()))) {
                problems.add(Problem.warning(file, "schema metadata 'step' is " + fromMetadata.getAsLong() + ", the file name says "
                        + named.group(1) + "; the metadata's step is used"));
            }
            return fromMetadata;
        }
        if (fromName.isEmpty()) {
            problems.add(Problem.error(file, "no training step: neither schema metadata 'step' nor a number in the file name"));
        }
        return fromName;
    }

    /** The step in a file name: the number after step/checkpoint/ckpt/iter, else the last number. */
    public static OptionalLong stepFromFileName(String fileName) {
        String stem = fileName;
        for (String suffix : ArrowCheckpointFormat.SUFFIXES) {
            if (stem.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                stem = stem.substring(0, stem.length() - suffix.length());
            }
        }
        try {
            Matcher named = NAMED_STEP.matcher(stem);
            if (named.find()) {
                return OptionalLong.of(Long.parseLong(named.group(1)));
            }
            Matcher number = ANY_NUMBER.matcher(stem);
            String last = null;
            while (number.find()) {
                last = number.group(1);
            }
            return last == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(last));
        } catch (NumberFormatException tooLong) {
            return OptionalLong.empty();
        }
    }

    static List<Path> listCheckpointEntries(Storage storage, Path folder) throws RunFolderException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(folder, folder.resolve("checkpoints"))) {
            if (!storage.isDirectory(dir)) {
                continue;
            }
            try {
                storage.list(dir).stream().filter(entry -> CheckpointFormats.forEntry(storage, entry).isPresent()).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new RunFolderException(dir, "cannot be listed (" + e.getMessage() + ")");
            }
        }
        return files;
    }

    static RunMetadata readMetadata(Storage storage, Path folder, String fallbackName, List<Problem> problems) {
        Path file = folder.resolve("run.json");
        if (!storage.exists(file)) {
            return RunMetadata.named(fallbackName);
        }
        try {
            return RunMetadata.parse(storage.readString(file), fallbackName);
        } catch (IOException e) {
            problems.add(Problem.warning(file, "cannot be read (" + e.getMessage() + "); run metadata ignored"));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.warning(file, e.getMessage() + "; run metadata ignored"));
        }
        return RunMetadata.named(fallbackName);
    }

    static LossCurve readLoss(Storage storage, Path folder, List<Problem> problems) {
        Path file = folder.resolve("loss.csv");
        if (!storage.exists(file)) {
            return null;
        }
        try {
            return LossCurve.parse(storage.readString(file));
        } catch (IOException e) {
            problems.add(Problem.warning(file, "cannot be read (" + e.getMessage() + "); training curve ignored"));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.warning(file, e.getMessage() + "; training curve ignored"));
        }
        return null;
    }

    private static List<Checkpoint> dropDuplicateSteps(List<Checkpoint> opened, List<Problem> problems) {
        Map<Long, Checkpoint> firstByStep = new HashMap<>();
        List<Checkpoint> kept = new ArrayList<>();
        for (Checkpoint checkpoint : opened) {
            Checkpoint first = firstByStep.putIfAbsent(checkpoint.step(), checkpoint);
            if (first == null) {
                kept.add(checkpoint);
            } else {
                problems.add(Problem.error(checkpoint.file(), "duplicate step " + checkpoint.step() + " (also in "
                        + first.fileName() + "); this file is skipped"));
            }
        }
        return kept;
    }

    private static List<Checkpoint> dropOtherHiddenSizes(List<Checkpoint> checkpoints, List<Problem> problems) {
        Map<Integer, Long> counts = new HashMap<>();
        checkpoints.forEach(c -> counts.merge(c.hiddenSize(), 1L, Long::sum));
        if (counts.size() <= 1) {
            return new ArrayList<>(checkpoints);
        }
        int majority = counts.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
        List<Checkpoint> kept = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.hiddenSize() == majority) {
                kept.add(checkpoint);
            } else {
                problems.add(Problem.error(checkpoint.file(), "hidden size " + checkpoint.hiddenSize() + " differs from the run's "
                        + majority + "; this file is skipped"));
            }
        }
        return kept;
    }

    private static void reportMissingLayers(List<Checkpoint> checkpoints, List<Problem> problems) {
        SortedSet<Integer> all = new TreeSet<>();
        checkpoints.forEach(c -> all.addAll(c.tokensPerLayer().keySet()));
        for (Checkpoint checkpoint : checkpoints) {
            SortedSet<Integer> missing = new TreeSet<>(all);
            missing.removeAll(checkpoint.tokensPerLayer().keySet());
            if (!missing.isEmpty()) {
                problems.add(Problem.warning(checkpoint.file(), "missing layers " + missing + " that other checkpoints have"));
            }
        }
    }
}

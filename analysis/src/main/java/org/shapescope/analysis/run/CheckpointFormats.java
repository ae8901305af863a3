package org.shapescope.analysis.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shapescope.analysis.format.ArrowCheckpointFormat;
import org.shapescope.analysis.format.CheckpointFormat;
import org.shapescope.analysis.storage.Storage;
import org.shapescope.analysis.npy.NpyDumpFormat;

/** The registry of input formats: the one place a {@link CheckpointFormat} is registered. */
public final class CheckpointFormats {
    /** Registration: one line per format, first match wins (the trailing commas keep an addition to one line). */
    private static final List<CheckpointFormat> ALL = List.of(new CheckpointFormat[] {
        new ArrowCheckpointFormat(),
        new NpyDumpFormat(),
    });

    private CheckpointFormats() {
    }

    public static List<CheckpointFormat> all() {
        return ALL;
    }

    /** The first registered format that accepts this entry of a run folder of {@code storage}. */
    public static Optional<CheckpointFormat> forEntry(Storage storage, Path entry) {
        return ALL.stream().filter(format -> format.accepts(storage, entry)).findFirst();
    }

    /** What the formats accept, for messages. */
    public static String described() {
        return "Arrow IPC files (" + String.join(", ", ArrowCheckpointFormat.SUFFIXES) + ") or step_<N>/ folders of"
                + " layer_<L>.npy dumps; registered formats: "
                + ALL.stream().map(CheckpointFormat::name).collect(Collectors.joining(", "));
    }
}

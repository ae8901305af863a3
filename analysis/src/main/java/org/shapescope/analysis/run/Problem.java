package org.shapescope.analysis.run;

import java.nio.file.Path;

/**
 * Something wrong with a run folder, naming the file it concerns.
 *
 * @param severity {@link Severity#ERROR} when the file (or the whole run) cannot be used,
 *                 {@link Severity#WARNING} when it can be used but a user should know
 * @param file     the file concerned (the run folder itself for folder-wide problems)
 * @param message  one line, without the file name
 */
public record Problem(Severity severity, Path file, String message) {
    /** How bad a problem is. */
    public enum Severity { WARNING, ERROR }

    public static Problem error(Path file, String message) {
        return new Problem(Severity.ERROR, file, message);
    }

    public static Problem warning(Path file, String message) {
        return new Problem(Severity.WARNING, file, message);
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + file + ": " + message;
    }
}

package org.shapescope.analysis.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint file that cannot be read as the run-folder format: the message names the file
 * and the reason in one line, fit to show a user.
 */
public class CheckpointFormatException extends IOException {
    private final transient Path file;
    private final String reason;

    public CheckpointFormatException(Path file, String reason) {
        this(file, reason, null);
    }

    public CheckpointFormatException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** The reason alone, without the file name. */
    public String reason() {
        return reason;
    }
}

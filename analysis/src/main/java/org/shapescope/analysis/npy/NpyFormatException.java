package org.shapescope.analysis.npy;

import java.io.IOException;
import java.nio.file.Path;

/** A .npy file (or dump folder) that cannot be imported; the message names the file and the reason. */
public class NpyFormatException extends IOException {
    private final transient Path file;

    public NpyFormatException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

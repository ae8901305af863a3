package org.shapescope.analysis.npy;

import java.nio.file.Path;
import org.shapescope.analysis.format.CheckpointFormatException;

/** A .npy file (or dump folder) that cannot be read; the message names the file and the reason. */
public class NpyFormatException extends CheckpointFormatException {

    public NpyFormatException(Path file, String reason) {
        super(file, reason);
    }
}

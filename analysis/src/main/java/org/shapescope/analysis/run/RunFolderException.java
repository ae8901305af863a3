package org.shapescope.analysis.run;

import java.io.IOException;
import java.nio.file.Path;

/** A folder that cannot be opened as a run at all; the message names the folder and the reason. */
public class RunFolderException extends IOException {
    private final transient Path folder;
    private final String reason;

    public RunFolderException(Path folder, String reason) {
        super(folder + ": " + reason);
        this.folder = folder;
        this.reason = reason;
    }

    /** The reason alone, without the folder (for a caller that names the folder otherwise, as a URI). */
    public String reason() {
        return reason;
    }

    public Path folder() {
        return folder;
    }
}

package org.shapescope.analysis.run;

import java.io.IOException;
import java.nio.file.Path;

/** A folder that cannot be opened as a run at all; the message names the folder and the reason. */
public class RunFolderException extends IOException {
    private final transient Path folder;

    public RunFolderException(Path folder, String reason) {
        super(folder + ": " + reason);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}

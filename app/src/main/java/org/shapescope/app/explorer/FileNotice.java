package org.shapescope.app.explorer;

import java.nio.file.Path;

/** Something that went wrong with one file (unreadable checkpoint, failed cell), to show the user. */
public record FileNotice(Path file, String reason) {
    @Override
    public String toString() {
        return (file == null ? "" : file.getFileName() + ": ") + reason;
    }
}

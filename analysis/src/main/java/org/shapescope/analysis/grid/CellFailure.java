package org.shapescope.analysis.grid;

import java.nio.file.Path;

/** A cell that could not be computed: the file it needed and the one-line reason. */
public record CellFailure(CellKey cell, Path file, String reason) implements CellOutcome {
    @Override
    public String toString() {
        return file + ": " + cell + ": " + reason;
    }
}

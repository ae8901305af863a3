package org.shapescope.analysis.run;

import java.util.List;

/**
 * What a {@link RunFollower} found since it was last asked.
 *
 * @param run             the run as it now is: every checkpoint taken so far, the latest loss curve and metadata
 * @param added           checkpoints that became complete, ascending by step
 * @param problems        entries found unusable (each naming its file), and run.json / loss.csv that cannot be read
 * @param lossChanged     loss.csv was re-read ({@code run.loss()} holds it)
 * @param metadataChanged run.json was re-read ({@code run.metadata()} holds it)
 */
public record RunChanges(RunFolder run, List<Checkpoint> added, List<Problem> problems, boolean lossChanged,
                         boolean metadataChanged) {
    public RunChanges {
        added = List.copyOf(added);
        problems = List.copyOf(problems);
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && problems.isEmpty() && !lossChanged && !metadataChanged;
    }
}

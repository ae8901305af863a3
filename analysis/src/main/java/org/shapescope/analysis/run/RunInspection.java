package org.shapescope.analysis.run;

import java.util.ArrayList;
import java.util.List;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.LayerData;

/**
 * The result of checking a run folder: the folder as opened plus, when values were scanned,
 * the NaN/Inf and unreadable-layer problems, each naming its file. Also the exit status that
 * {@code shapescope inspect} and {@code analyze} report.
 *
 * @param run      the opened run
 * @param problems every problem: those found on opening, then those found in the values
 */
public record RunInspection(RunFolder run, List<Problem> problems) {
    /** Exit status: the run is usable and nothing is wrong. */
    public static final int USABLE = 0;
    /** Exit status: problems were found, but part of the run is usable. */
    public static final int PARTLY_USABLE = 1;
    /** Exit status: nothing of the run can be used. */
    public static final int UNUSABLE = 2;

    /**
     * Checks a run; with {@code scanValues}, reads every layer of every checkpoint (one at a time)
     * and reports non-finite values and layers that cannot be read.
     */
    public static RunInspection of(RunFolder run, boolean scanValues) {
        List<Problem> problems = new ArrayList<>(run.problems());
        if (scanValues) {
            for (Checkpoint checkpoint : run.checkpoints()) {
                for (int layer : checkpoint.layers()) {
                    try {
                        LayerData data = checkpoint.readLayer(layer);
                        long nonFinite = data.nonFiniteCount();
                        if (nonFinite > 0) {
                            problems.add(Problem.warning(checkpoint.file(), "layer " + layer + " has " + nonFinite
                                    + " NaN or infinite values (in " + nonFiniteRows(data) + " of " + data.tokens() + " tokens)"));
                        }
                    } catch (CheckpointFormatException e) {
                        problems.add(Problem.error(checkpoint.file(), "layer " + layer + ": " + e.reason()));
                    }
                }
            }
        }
        return new RunInspection(run, List.copyOf(problems));
    }

    /** 0 when usable without problems, 1 when partly usable, 2 when nothing can be used. */
    public int exitStatus() {
        if (run.checkpoints().isEmpty()) {
            return UNUSABLE;
        }
        return problems.isEmpty() ? USABLE : PARTLY_USABLE;
    }

    private static int nonFiniteRows(LayerData data) {
        int rows = 0;
        for (int r = 0; r < data.tokens(); r++) {
            for (int c = 0; c < data.hiddenSize(); c++) {
                if (!Float.isFinite(data.values()[r * data.hiddenSize() + c])) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }
}

package org.shapescope.analysis.run;

import java.util.ArrayList;
import java.util.List;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.MeasureParameters;

/**
 * The result of checking a run folder: the folder as opened, layers with too few tokens for the
 * estimators, and, when values were scanned, null/NaN/Inf values and unreadable layers, each
 * problem naming its file. Also the exit status that
 * {@code shapescope inspect} and {@code analyze} report.
 *
 * @param run      the opened run
 * @param problems every problem: those found on opening, then those found in the values
 */
public record RunInspection(RunFolder run, List<Problem> problems) {
    /**
     * A layer with fewer tokens leaves every intrinsic-dimension cell empty: TwoNN, the least
     * demanding estimator, needs 3 points (two neighbours per point); MLE needs more than its k.
     */
    public static final int MIN_TOKENS = 3;
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
        for (Checkpoint checkpoint : run.checkpoints()) {
            checkpoint.tokensPerLayer().forEach((layer, tokens) -> {
                if (tokens < MIN_TOKENS) {
                    problems.add(Problem.warning(checkpoint.file(), "layer " + layer + " has only " + tokens + " token"
                            + (tokens == 1 ? "" : "s") + ", fewer than the estimators need (TwoNN " + MIN_TOKENS + ", MLE more than"
                            + " its k = " + MeasureParameters.DEFAULT_MLE_NEIGHBOURS + " by default): its cells stay empty"));
                }
            });
        }
        if (scanValues) {
            for (Checkpoint checkpoint : run.checkpoints()) {
                for (int layer : checkpoint.layers()) {
                    try {
                        LayerData data = checkpoint.readLayer(layer);
                        String missing = nonFinite(data);
                        if (missing != null) {
                            problems.add(Problem.warning(checkpoint.file(), "layer " + layer + " has " + missing));
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

    /**
     * "3 null or NaN values in 2 of 50 tokens (...)", or null when every value is finite. A null
     * element of the file was read as NaN; both drop their token from the measures.
     */
    private static String nonFinite(LayerData data) {
        long nan = 0;
        long infinite = 0;
        int rows = 0;
        float[] values = data.values();
        for (int r = 0; r < data.tokens(); r++) {
            boolean bad = false;
            for (int i = r * data.hiddenSize(); i < (r + 1) * data.hiddenSize(); i++) {
                if (Float.isNaN(values[i])) {
                    nan++;
                    bad = true;
                } else if (Float.isInfinite(values[i])) {
                    infinite++;
                    bad = true;
                }
            }
            rows += bad ? 1 : 0;
        }
        if (rows == 0) {
            return null;
        }
        String nulls = nan + " null or NaN value" + (nan == 1 ? "" : "s");
        String infinities = infinite + " infinite value" + (infinite == 1 ? "" : "s");
        String what = nan > 0 && infinite > 0 ? nulls + " and " + infinities : nan > 0 ? nulls : infinities;
        return what + " in " + rows + " of " + data.tokens() + " tokens (those tokens are dropped by the measures)";
    }
}

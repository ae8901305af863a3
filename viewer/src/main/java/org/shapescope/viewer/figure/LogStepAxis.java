package org.shapescope.viewer.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A logarithmic axis for training steps that can also show step 0.
 *
 * <p>Data are plotted at {@link #position(long)}: {@code log10(step)} for step &ge; 1; step 0,
 * which has no logarithm, sits at a symbolic position {@link #zeroPosition()} half a decade
 * left of the smallest positive step's decade ({@code floor(log10(minPositive)) - 0.5}) and is
 * labelled "0". Ticks are the decades 1, 10, 100, 1k... (with 2 and 5 multiples, or all
 * multiples, when the range spans less than two decades) and unlabelled minor ticks in between.
 */
public final class LogStepAxis extends TickAxis {

    private final double zeroPosition;

    /** @param steps the steps that will be plotted; used to place the symbolic zero */
    public LogStepAxis(String label, long[] steps) {
        super(label);
        this.zeroPosition = zeroPositionFor(steps);
        setMinorTickMarksVisible(true);
        setMinorTickMarkOutsideLength(2f);
        setAutoRangeIncludesZero(false);
    }

    /** Symbolic x position of step 0 for this set of steps. */
    public static double zeroPositionFor(long[] steps) {
        long minPositive = Long.MAX_VALUE;
        for (long s : steps) {
            if (s > 0) {
                minPositive = Math.min(minPositive, s);
            }
        }
        double decade = minPositive == Long.MAX_VALUE ? 0 : Math.floor(Math.log10(minPositive));
        return decade - 0.5;
    }

    public double zeroPosition() {
        return zeroPosition;
    }

    /** The x value at which {@code step} is plotted on this axis. */
    public double position(long step) {
        return step <= 0 ? zeroPosition : Math.log10(step);
    }

    @Override
    List<Tick> ticks(double lo, double hi, ToDoubleFunction<String> labelExtent, double length) {
        List<Tick> ticks = new ArrayList<>();
        if (zeroPosition >= lo && zeroPosition <= hi) {
            ticks.add(new Tick(zeroPosition, "0"));
        }
        int[][] levels = {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}};
        int firstDecade = (int) Math.floor(Math.max(lo, zeroPosition + 0.25));
        int lastDecade = (int) Math.ceil(hi);
        List<Tick> major = null;
        for (int[] multiples : levels) {
            List<Tick> candidate = new ArrayList<>();
            for (int d = firstDecade; d <= lastDecade; d++) {
                for (int m : multiples) {
                    double x = d + Math.log10(m);
                    if (x >= lo && x <= hi && x > zeroPosition + 0.25) {
                        candidate.add(new Tick(x, StepLabels.compact(Math.round(m * Math.pow(10, d)))));
                    }
                }
            }
            if (major != null && !fits(candidate, labelExtent, length)) {
                break;
            }
            major = candidate;
            if (candidate.size() >= 3) {
                break;
            }
        }
        ticks.addAll(major);
        for (int d = firstDecade; d <= lastDecade; d++) {
            for (int m = 2; m <= 9; m++) {
                double x = d + Math.log10(m);
                if (x >= lo && x <= hi && x > zeroPosition + 0.25 && ticks.stream().noneMatch(t -> t.value() == x)) {
                    ticks.add(new Tick(x, ""));
                }
            }
        }
        return ticks;
    }

    /** Whether the labels of {@code ticks} take less than 70 % of the axis length. */
    private static boolean fits(List<Tick> ticks, ToDoubleFunction<String> labelExtent, double length) {
        double need = 0;
        for (Tick t : ticks) {
            need += labelExtent.applyAsDouble(t.label());
        }
        return need < 0.7 * length;
    }
}

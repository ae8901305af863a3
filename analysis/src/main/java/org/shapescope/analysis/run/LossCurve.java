package org.shapescope.analysis.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The training curve from loss.csv: a header with columns {@code step} and {@code loss} (other
 * columns allowed and ignored), one row per logged step. The curve follows the rules of the
 * viewer's {@code LossCurve}, which the app fills from it: steps ascending, one loss each — rows
 * are sorted by step and, where a step is logged more than once (a resumed job logs again), the
 * last row counts.
 *
 * @param steps  training steps, ascending, distinct
 * @param losses the loss at each step
 */
public record LossCurve(long[] steps, double[] losses) {

    public LossCurve {
        if (steps.length != losses.length) {
            throw new IllegalArgumentException("steps and losses differ in length");
        }
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("steps must ascend: " + steps[i - 1] + " then " + steps[i]);
            }
        }
        steps = steps.clone();
        losses = losses.clone();
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /**
     * Parses loss.csv text.
     *
     * @throws IllegalArgumentException naming the line and the problem
     */
    public static LossCurve parse(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("is empty; expected a header 'step,loss'");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        int stepColumn = header.indexOf("step");
        int lossColumn = header.indexOf("loss");
        if (stepColumn < 0 || lossColumn < 0) {
            throw new IllegalArgumentException("header must name columns 'step' and 'loss', it is '" + lines.get(0) + "'");
        }
        java.util.TreeMap<Long, Double> byStep = new java.util.TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length <= Math.max(stepColumn, lossColumn)) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + cells.length + " columns, the header has " + header.size());
            }
            try {
                byStep.put(Long.parseLong(cells[stepColumn].trim()), Double.parseDouble(cells[lossColumn].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not 'step,loss' numbers: '" + lines.get(i) + "'");
            }
        }
        return new LossCurve(byStep.keySet().stream().mapToLong(Long::longValue).toArray(),
                byStep.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    public int size() {
        return steps.length;
    }
}

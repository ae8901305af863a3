package org.shapescope.analysis.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The training curve from loss.csv: a header with columns {@code step} and {@code loss} (other
 * columns allowed and ignored), one row per logged step.
 *
 * @param steps  training steps, in file order
 * @param losses the loss at each step
 */
public record LossCurve(long[] steps, double[] losses) {

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
        long[] steps = new long[lines.size() - 1];
        double[] losses = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length <= Math.max(stepColumn, lossColumn)) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + cells.length + " columns, the header has " + header.size());
            }
            try {
                steps[i - 1] = Long.parseLong(cells[stepColumn].trim());
                losses[i - 1] = Double.parseDouble(cells[lossColumn].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not 'step,loss' numbers: '" + lines.get(i) + "'");
            }
        }
        return new LossCurve(steps, losses);
    }

    public int size() {
        return steps.length;
    }
}

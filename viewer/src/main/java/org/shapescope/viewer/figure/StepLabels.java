package org.shapescope.viewer.figure;

/** Short labels for training steps and numbers on figure axes. */
public final class StepLabels {

    private StepLabels() {
    }

    /**
     * A training step written compactly: 0, 950, 1k, 1.5k, 12k, 1M, 2.5M. Exact below 1000;
     * otherwise three significant digits at most, trailing zeros dropped.
     */
    public static String compact(long step) {
        if (Math.abs(step) < 1000) {
            return Long.toString(step);
        }
        String[] suffix = {"k", "M", "G", "T"};
        double v = step;
        int s = -1;
        while (Math.abs(v) >= 1000 && s < suffix.length - 1) {
            v /= 1000;
            s++;
        }
        String digits;
        if (Math.abs(v) >= 100) {
            digits = String.format(java.util.Locale.ROOT, "%.0f", v);
        } else if (Math.abs(v) >= 10) {
            digits = trim(String.format(java.util.Locale.ROOT, "%.1f", v));
        } else {
            digits = trim(String.format(java.util.Locale.ROOT, "%.2f", v));
        }
        return digits + suffix[s];
    }

    private static String trim(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}

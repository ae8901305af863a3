package org.shapescope.app;

import java.util.Arrays;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;

/**
 * How long the JavaFX thread went without a pulse while a grid computed: the measurement behind
 * "the UI never stalls" (docs/benchmarks.md). An {@link AnimationTimer} asks for a pulse every
 * frame (60 a second); the gap between two of them is how long the JavaFX thread was busy or
 * blocked. While the grid runs the gaps are collected; when it ends one line — worst gap, 99th
 * and 50th percentile, pulses — goes to the status log ({@link StatusLog}), so that it is measured
 * on the real app under Xvfb, not in a timed unit test. On only when {@value #PROPERTY} is true.
 */
final class PulseGaps extends AnimationTimer {
    static final String PROPERTY = "shapescope.pulseGaps";

    private final StatusLog log;
    private long[] gaps = new long[4096];
    private int count;
    private long last;

    private PulseGaps(StatusLog log) {
        this.log = log;
    }

    /** Measures while {@code running} is true, when asked by the system property and a status log is kept. */
    static void measureIfAsked(ObservableValue<Boolean> running, StatusLog log) {
        if (log == null || !Boolean.getBoolean(PROPERTY)) {
            return;
        }
        PulseGaps gaps = new PulseGaps(log);
        running.addListener((obs, was, now) -> {
            if (now) {
                gaps.count = 0;
                gaps.last = 0;
                gaps.start();
            } else {
                gaps.stop();
                gaps.report();
            }
        });
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            if (count == gaps.length) {
                gaps = Arrays.copyOf(gaps, 2 * count);
            }
            gaps[count++] = now - last;
        }
        last = now;
    }

    private void report() {
        if (count == 0) {
            return;
        }
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        int worst = 0;
        long before = 0;
        long endOfWorst = 0;
        long worstAfterFirst = 0;
        for (int i = 0; i < count; i++) {
            before += gaps[i];
            if (i == 0 || gaps[i] > gaps[worst]) {
                worst = i;
                endOfWorst = before;
            }
            if (i > 0) {
                worstAfterFirst = Math.max(worstAfterFirst, gaps[i]);
            }
        }
        // The first gap holds the first frame of the newly opened run (layout and first paint of
        // every view), which the grid's start coincides with; it is reported apart as well.
        log.append(String.format(java.util.Locale.ROOT, "pulse gaps while the grid ran: worst %.1f ms (ending %.2f s after the "
                + "first pulse), worst after the first frame %.1f ms, 99th percentile %.1f ms, median %.1f ms, over %d pulses",
                sorted[count - 1] / 1e6, endOfWorst / 1e9, worstAfterFirst / 1e6, sorted[(int) (0.99 * (count - 1))] / 1e6,
                sorted[count / 2] / 1e6, count));
    }
}

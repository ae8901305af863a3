package org.shapescope.viewer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for views whose charts are drawn off the JavaFX thread ({@link ChartView#isUpToDate()}). */
final class Drawings {
    /** Longest wait for one drawing; far above the ~100 ms a chart takes on a loaded machine. */
    static final long TIMEOUT_SECONDS = 20;

    private Drawings() {
    }

    /** Returns once every view's picture shows its current chart at its current size. */
    static void awaitDrawn(ChartView... views) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
                for (ChartView view : views) {
                    if (!view.isUpToDate()) {
                        return false;
                    }
                }
                return true;
            }).get());
        } catch (TimeoutException e) {
            throw new AssertionError("a view was not drawn within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}

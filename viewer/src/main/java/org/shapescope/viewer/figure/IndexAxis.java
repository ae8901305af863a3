package org.shapescope.viewer.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * An axis over item indices 0..n-1 (checkpoints, layers) that labels index {@code i} with
 * {@code labels[i]}, thinning labels to every 1st, 2nd, 5th, 10th, 20th... index so they never
 * overlap.
 */
public final class IndexAxis extends TickAxis {

    private static final int[] STRIDES = {1, 2, 5};

    private final String[] labels;

    public IndexAxis(String label, String[] labels) {
        super(label);
        this.labels = labels.clone();
        setRange(-0.5, Math.max(0.5, labels.length - 0.5));
        setAutoRange(false);
    }

    /** The label of index {@code i}. */
    public String labelOf(int i) {
        return labels[i];
    }

    @Override
    List<Tick> ticks(double lo, double hi, ToDoubleFunction<String> labelExtent, double length) {
        int first = Math.max(0, (int) Math.ceil(lo));
        int last = Math.min(labels.length - 1, (int) Math.floor(hi));
        List<Tick> ticks = new ArrayList<>();
        if (last < first) {
            return ticks;
        }
        double widest = 1;
        for (int i = first; i <= last; i++) {
            widest = Math.max(widest, labelExtent.applyAsDouble(labels[i]));
        }
        double pixelsPerIndex = length / Math.max(1e-9, hi - lo);
        int stride = 1;
        outer:
        for (int decade = 1; decade <= 1_000_000_000; decade *= 10) {
            for (int s : STRIDES) {
                stride = s * decade;
                if (stride * pixelsPerIndex >= widest) {
                    break outer;
                }
            }
        }
        int start = ((first + stride - 1) / stride) * stride;
        for (int i = start; i <= last; i += stride) {
            ticks.add(new Tick(i, labels[i]));
        }
        return ticks;
    }
}

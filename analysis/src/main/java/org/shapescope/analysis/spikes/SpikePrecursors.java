package org.shapescope.analysis.spikes;

import java.util.ArrayList;
import java.util.List;

/**
 * For a loss spike and one layer's metric over the checkpoints: did the metric change unusually
 * just before the spike, by how much, and since when (docs/MEASURES.md, "Loss spikes").
 *
 * <p>Let c(0) &lt; … &lt; c(n) be the checkpoints before the onset (step &lt; onset) with a finite value
 * m, and d(i) = m(c(i)) − m(c(i−1)). The change is Δ = d(n). Its baseline is the last B
 * differences before it, d(max(1, n−B)) … d(n−1): median μ and scale σ = 1.4826 · MAD. The robust
 * z is (Δ − μ) / σ. The metric <em>rises before</em> the spike when z ≥ threshold, <em>falls</em>
 * when z ≤ −threshold. The lead counts back from d(n) the consecutive differences d(j) … d(n)
 * whose z has the same sign and |z| ≥ threshold; lead = onset − c(j−1), the steps between the
 * checkpoint where the unusual change began and the onset. The differences are per checkpoint
 * interval, so the baseline means most where checkpoints are evenly spaced.
 *
 * @param baselineDifferences B, ≥ {@link #MIN_BASELINE}
 * @param zThreshold          |z| that counts as unusual, &gt; 0
 */
public record SpikePrecursors(int baselineDifferences, double zThreshold) {
    public static final int DEFAULT_BASELINE = 8;
    public static final double DEFAULT_Z = 3.0;
    /** Fewer differences than this give no usable MAD. */
    public static final int MIN_BASELINE = 3;

    public SpikePrecursors {
        if (baselineDifferences < MIN_BASELINE) {
            throw new IllegalArgumentException("the baseline needs at least " + MIN_BASELINE + " differences, not "
                    + baselineDifferences);
        }
        if (!(zThreshold > 0) || Double.isInfinite(zThreshold)) {
            throw new IllegalArgumentException("the z threshold must be a positive number, not " + zThreshold);
        }
    }

    public static SpikePrecursors defaults() {
        return new SpikePrecursors(DEFAULT_BASELINE, DEFAULT_Z);
    }

    /**
     * The change of every layer before {@code spike}.
     *
     * @param steps  checkpoint steps, ascending
     * @param layers layer numbers
     * @param values {@code values[layerIdx][stepIdx]}, NaN where there is no value
     */
    public List<PrecursorChange> of(LossSpike spike, long[] steps, int[] layers, double[][] values) {
        List<PrecursorChange> rows = new ArrayList<>(layers.length);
        for (int l = 0; l < layers.length; l++) {
            rows.add(layer(spike.onsetStep(), layers[l], steps, values[l]));
        }
        return rows;
    }

    /** The change of one layer before a spike starting at {@code onset}. */
    public PrecursorChange layer(long onset, int layer, long[] steps, double[] values) {
        List<Integer> before = new ArrayList<>();
        int after = -1;
        for (int s = 0; s < steps.length; s++) {
            if (!Double.isFinite(values[s])) {
                continue;
            }
            if (steps[s] < onset) {
                before.add(s);
            } else if (after < 0) {
                after = s;
            }
        }
        int n = before.size() - 1;
        if (n < MIN_BASELINE + 1) {
            return new PrecursorChange(layer, -1, -1, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, -1, -1,
                    Double.NaN, Double.NaN, before.size() + " checkpoints with a value before the onset; the change and "
                    + MIN_BASELINE + " differences before it need " + (MIN_BASELINE + 2));
        }
        double[] d = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            d[i] = values[before.get(i)] - values[before.get(i - 1)];
        }
        int from = Math.max(1, n - baselineDifferences);
        double mu = RobustScale.median(d, from, n);
        double sigma = RobustScale.SIGMA_PER_MAD * RobustScale.mad(d, from, n, mu);
        double z = zOf(d[n], mu, sigma);
        long lead = -1;
        if (Math.abs(z) >= zThreshold) {
            int j = n;
            while (j - 1 >= 1 && Math.signum(zOf(d[j - 1], mu, sigma)) == Math.signum(z)
                    && Math.abs(zOf(d[j - 1], mu, sigma)) >= zThreshold) {
                j--;
            }
            lead = onset - steps[before.get(j - 1)];
        }
        long lastStep = steps[before.get(n)];
        double afterChange = after < 0 ? Double.NaN : values[after] - values[before.get(n)];
        String note = sigma == 0 ? "the differences before do not vary (MAD 0): z is not defined" : "";
        return new PrecursorChange(layer, steps[before.get(n - 1)], lastStep, d[n], mu, sigma, n - from, z, lead,
                after < 0 ? -1 : steps[after], afterChange, zOf(afterChange, mu, sigma), note);
    }

    /** (x − μ) / σ; NaN when σ is 0 (no usual variation to compare with). */
    private static double zOf(double x, double mu, double sigma) {
        return sigma > 0 ? (x - mu) / sigma : Double.NaN;
    }
}

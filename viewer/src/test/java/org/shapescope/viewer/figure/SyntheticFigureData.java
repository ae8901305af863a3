package org.shapescope.viewer.figure;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.shapescope.viewer.data.LossCurve;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;

/** Seeded synthetic data records (grids, loss, projections) shaped like a real run: a dome over depth that grows with training. No files. */
public final class SyntheticFigureData {

    private SyntheticFigureData() {
    }

    /** Step 0 followed by {@code n - 1} roughly log-spaced steps from 16 to 143 000. */
    public static long[] steps(int n) {
        long[] steps = new long[n];
        for (int i = 1; i < n; i++) {
            steps[i] = Math.round(16 * Math.pow(143_000 / 16.0, (i - 1) / (double) Math.max(1, n - 2)));
        }
        return steps;
    }

    /**
     * Intrinsic-dimension-like grid over {@code layers} layers (0..layers-1) and {@code n}
     * checkpoints; the last {@code missing} cells of the last checkpoint are NaN.
     */
    public static MetricGrid grid(String metric, int n, int layers, int missing, long seed) {
        Random random = new Random(seed);
        long[] steps = steps(n);
        int[] layerNumbers = new int[layers];
        double[][] values = new double[layers][n];
        int[][] tokens = new int[layers][n];
        for (int l = 0; l < layers; l++) {
            layerNumbers[l] = l;
            for (int s = 0; s < n; s++) {
                double progress = Math.log1p(steps[s]) / Math.log1p(143_000);
                double dome = Math.sin(Math.PI * (l + 0.5) / layers);
                values[l][s] = 8 + 22 * progress * dome + 0.6 * random.nextGaussian();
                tokens[l][s] = 8192;
            }
        }
        for (int k = 0; k < missing; k++) {
            values[layers - 1 - k][n - 1] = Double.NaN;
            tokens[layers - 1 - k][n - 1] = 0;
        }
        return new MetricGrid(metric, steps, layerNumbers, values, tokens);
    }

    /** A loss curve logged every few steps, decaying from ~10.8 to ~2.2. */
    public static LossCurve loss(long seed) {
        Random random = new Random(seed);
        int n = 120;
        long[] steps = new long[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i == 0 ? 0 : Math.round(Math.pow(143_000, i / (double) (n - 1)));
            loss[i] = 2.2 + 8.6 / (1 + Math.pow(steps[i] / 400.0, 0.8)) + 0.05 * random.nextGaussian();
        }
        return new LossCurve(steps, loss);
    }

    /** Three anisotropic Gaussian clusters of {@code n} points with position/sequence/token/norm. */
    public static Projection projection(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] position = new double[n];
        double[] sequence = new double[n];
        double[] tokenId = new double[n];
        double[] norm = new double[n];
        String[] tokens = new String[n];
        String[] vocabulary = {"the", " of", " and", ",", ".", " model", " layer", " token", "\n", " in"};
        for (int i = 0; i < n; i++) {
            int cluster = random.nextInt(3);
            position[i] = i % 512;
            sequence[i] = i / 512;
            x[i] = (cluster - 1) * 6 + random.nextGaussian() * (1 + position[i] / 256);
            y[i] = (cluster == 1 ? 3 : -1) + random.nextGaussian() * 0.8;
            tokenId[i] = random.nextInt(50_000);
            norm[i] = Math.hypot(x[i], y[i]) + random.nextDouble();
            tokens[i] = vocabulary[(int) (tokenId[i] % vocabulary.length)];
        }
        Map<PointValue, double[]> values = new EnumMap<>(PointValue.class);
        values.put(PointValue.POSITION, position);
        values.put(PointValue.SEQUENCE, sequence);
        values.put(PointValue.TOKEN_ID, tokenId);
        values.put(PointValue.NORM, norm);
        double[] evr = {0.41, 0.18, 0.09, 0.06, 0.045, 0.035, 0.03, 0.025, 0.02, 0.018};
        return new Projection(x, y, values, tokens, evr);
    }
}

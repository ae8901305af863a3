package org.shapescope.analysis.geometry;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Persistent-homology dimension (PHD) of Tulchinskii et al., "Intrinsic Dimension Estimation for
 * Robust Detection of AI-Generated Texts", NeurIPS 2023, after Schweinhart's result that the
 * α-weighted length of the minimum spanning tree (the total 0-dimensional persistence) grows as
 * L_α(n) ~ n^((m−α)/m) for n points of an m-dimensional set. Fitting ln L against ln n by least
 * squares gives the slope s and m = α / (1 − s); here α = 1.
 * <p>
 * Subsample sizes n = 50, 90, …, below min(512, N) (the authors' {@code min_points=50,
 * max_points=512, point_jump=40}); at each size the median MST length over 7 random subsets
 * (3 when the pool holds at most twice n), three independent runs, m from the mean slope.
 * Subsets are drawn from a seeded pool of at most {@link #POOL} points whose squared distances
 * are computed once by {@link DotProductPanels}.
 */
final class PersistentHomologyDimension implements Estimator {

    static final double ALPHA = 1.0;
    static final int MIN_SUBSAMPLE = 50;
    static final int MAX_SUBSAMPLE = 512;
    static final int SUBSAMPLE_STEP = 40;
    static final int RESTARTS = 7;
    static final int RESTARTS_LARGE = 3;
    static final int RUNS = 3;
    static final int MIN_SIZES = 3;
    /** Largest pool of points the subsets are drawn from: 2048² floats = 16 MiB of distances. */
    static final int POOL = 2048;

    @Override
    public String name() {
        return "phd";
    }

    @Override
    public String description() {
        return "persistent-homology dimension from the growth of minimum spanning trees (Tulchinskii et al. 2023)";
    }

    @Override
    public Set<CellInput> needs() {
        return Set.of(CellInput.NEIGHBOUR_SAMPLE);
    }

    @Override
    public List<MeasureParameter> parameters() {
        return List.of(MeasureParameter.NEIGHBOUR_TOKENS, MeasureParameter.SEED);
    }

    @Override
    public MeasureResult compute(CellInputs cell, MeasureParameters parameters) {
        BlockWorkers.checkCancelled(cell.cancelled());
        NeighbourSample sample = cell.sample();
        int rows = sample.rows();
        int needed = minimumPoints();
        if (rows < needed) {
            return MeasureResult.refused(rows, cell.sampleDropped(), CellInputs.join(
                    "PHD needs at least " + needed + " distinct finite tokens, got " + rows, cell.sampleNote()));
        }
        return CellInputs.finiteOrRefused(of(sample.values(), rows, cell.dimension(), parameters.seed(), cell.threads(),
                cell.cancelled()), rows, cell.sampleDropped(), cell.sampleNote(), "PHD fit degenerate");
    }

    /** Fewest points for which the estimate is defined: enough for {@link #MIN_SIZES} sizes. */
    static int minimumPoints() {
        return MIN_SUBSAMPLE + (MIN_SIZES - 1) * SUBSAMPLE_STEP + 1;
    }

    /** PHD of the n rows of x; needs n ≥ {@link #minimumPoints()}. */
    static double of(float[] x, int n, int d, long seed, int threads, BooleanSupplier cancelled) {
        if (n < minimumPoints()) {
            throw new IllegalArgumentException("PHD needs at least " + minimumPoints() + " points, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5048445F504F4F4CL);
        int pool = Math.min(n, POOL);
        int[] poolRows = firstOfShuffle(n, pool, random);
        Arrays.sort(poolRows);
        float[] poolValues = new float[pool * d];
        for (int i = 0; i < pool; i++) {
            System.arraycopy(x, poolRows[i] * d, poolValues, i * d, d);
        }
        float[] squared = squaredDistances(poolValues, pool, d, threads, cancelled);
        int largest = Math.min(MAX_SUBSAMPLE, pool);
        int sizes = 0;
        for (int s = MIN_SUBSAMPLE; s < largest; s += SUBSAMPLE_STEP) {
            sizes++;
        }
        double slopeSum = 0;
        for (int run = 0; run < RUNS; run++) {
            double[] logN = new double[sizes];
            double[] logL = new double[sizes];
            for (int t = 0; t < sizes; t++) {
                BlockWorkers.checkCancelled(cancelled);
                int size = MIN_SUBSAMPLE + t * SUBSAMPLE_STEP;
                int restarts = pool <= 2 * size ? RESTARTS_LARGE : RESTARTS;
                double[] lengths = new double[restarts];
                for (int r = 0; r < restarts; r++) {
                    lengths[r] = MinimumSpanningTree.totalLength(squared, pool, firstOfShuffle(pool, size, random), ALPHA);
                }
                logN[t] = Math.log(size);
                logL[t] = Math.log(median(lengths));
            }
            slopeSum += slope(logN, logL);
        }
        return ALPHA / (1.0 - slopeSum / RUNS);
    }

    private static float[] squaredDistances(float[] x, int n, int d, int threads, BooleanSupplier cancelled) {
        float[] xc = ColumnCentering.centred(x, n, d);
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += (double) xc[i * d + j] * xc[i * d + j];
            }
            norms[i] = (float) s;
        }
        DotProductPanels panels = DotProductPanels.of(xc, n, d);
        float[] squared = new float[n * n];
        BlockWorkers.run(n, threads, cancelled, (q, worker) -> {
            float[] dots = new float[DotProductPanels.WIDTH];
            for (int b = q / DotProductPanels.WIDTH; b < panels.blocks(); b++) {
                panels.dot(xc, q * d, b, 0, d, dots);
                int j0 = DotProductPanels.blockStart(b);
                for (int r = 0; r < panels.blockSize(b); r++) {
                    int j = j0 + r;
                    if (j < q) {
                        continue;
                    }
                    float d2 = j == q ? 0f : Math.max(0f, norms[q] + norms[j] - 2f * dots[r]);
                    squared[q * n + j] = d2;
                    squared[j * n + q] = d2;
                }
            }
        });
        return squared;
    }

    /** The first m entries of a seeded Fisher–Yates shuffle of 0..n−1. */
    private static int[] firstOfShuffle(int n, int m, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return Arrays.copyOf(order, m);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length;
        return m % 2 == 1 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
    }

    /** Least-squares slope of y on x (with intercept). */
    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}

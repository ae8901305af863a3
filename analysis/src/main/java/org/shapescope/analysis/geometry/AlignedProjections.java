package org.shapescope.analysis.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Procrustes alignment of the principal coordinates of one layer at successive checkpoints
 * (docs/MEASURES.md, "Aligned projections"). Independent PCAs of two checkpoints differ by the
 * frame as much as by the cloud: a component's sign, the order of two components of nearly equal
 * variance, a rotation inside a nearly isotropic plane. Each checkpoint's top-k coordinates are
 * therefore rotated by orthogonal Procrustes ({@link OrthogonalProcrustes}) onto the already
 * aligned coordinates of its neighbour towards the reference, over the tokens both hold
 * ({@link TokenKeys#shared}); the reference keeps its own PCA frame, so every checkpoint ends in
 * the reference's frame and successive ones differ only by how the tokens moved.
 */
public final class AlignedProjections {

    /** Principal coordinates each checkpoint is aligned in (then the first two are shown). */
    public static final int PROCRUSTES_COMPONENTS = 10;

    /** Fewer shared tokens than this and a checkpoint is left in its own frame (with a note). */
    public static final int MIN_SHARED = 3;

    private AlignedProjections() {
    }

    /**
     * The checkpoints' coordinates in the frame of checkpoint {@code reference}: with A_c the k
     * principal coordinates of checkpoint c and Â_{c±1} its neighbour's aligned ones (towards the
     * reference), Â_c = (A_c − μ)R + μ' for the Procrustes fit of A_c onto Â_{c±1} over their shared
     * tokens. Coordinates with fewer components than the largest are padded with zero axes.
     *
     * @param clouds    principal coordinates per checkpoint, in step order
     * @param keys      token keys per checkpoint (rows as in {@code clouds})
     * @param reference index of the checkpoint whose frame the others take
     * @param notes     told about every checkpoint left unaligned
     */
    public static List<AlignedCoordinates> procrustesChain(List<PcaProjection> clouds, List<TokenKeys> keys,
            int reference, Consumer<String> notes) {
        int count = clouds.size();
        if (keys.size() != count || reference < 0 || reference >= count) {
            throw new IllegalArgumentException(count + " clouds, " + keys.size() + " key sets, reference " + reference);
        }
        int k = 1;
        for (PcaProjection p : clouds) {
            k = Math.max(k, p.components());
        }
        double[][] aligned = new double[count][];
        aligned[reference] = padded(clouds.get(reference), k);
        for (int step : new int[] {-1, 1}) {
            for (int c = reference + step; c >= 0 && c < count; c += step) {
                int towards = c - step;
                double[] own = padded(clouds.get(c), k);
                int[][] shared = keys.get(c).shared(keys.get(towards));
                int m = shared[0].length;
                if (m < MIN_SHARED) {
                    notes.accept("checkpoint " + c + " shares " + m + " tokens with checkpoint " + towards
                            + ": left in its own frame");
                    aligned[c] = own;
                    continue;
                }
                double[] a = new double[m * k];
                double[] b = new double[m * k];
                for (int i = 0; i < m; i++) {
                    System.arraycopy(own, shared[0][i] * k, a, i * k, k);
                    System.arraycopy(aligned[towards], shared[1][i] * k, b, i * k, k);
                }
                aligned[c] = OrthogonalProcrustes.fit(a, b, m, k).apply(own, clouds.get(c).coordinates().length
                        / clouds.get(c).components());
            }
        }
        List<AlignedCoordinates> out = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            out.add(new AlignedCoordinates(k, aligned[c], shares(aligned[c], k, totalVariance(clouds.get(c)))));
        }
        return out;
    }

    /** Σ of all eigenvalues of the centred cloud, from the first component: λ₁ / (λ₁/Σλ). */
    static double totalVariance(PcaProjection p) {
        double[] ratio = p.explainedVarianceRatio();
        if (ratio.length == 0 || ratio[0] <= 0) {
            return 0;
        }
        double lambda = 0;
        int rows = p.coordinates().length / p.components();
        for (int i = 0; i < rows; i++) {
            double v = p.coordinate(i, 0);
            if (!Double.isNaN(v)) {
                lambda += v * v;
            }
        }
        return lambda / ratio[0];
    }

    /** Σᵢ(xᵢc − x̄_c)² / total for each axis c over the rows without NaN; 0 when total is 0. */
    static double[] shares(double[] x, int k, double total) {
        int rows = x.length / k;
        double[] mean = new double[k];
        int finite = 0;
        for (int i = 0; i < rows; i++) {
            if (!Double.isNaN(x[i * k])) {
                finite++;
                for (int c = 0; c < k; c++) {
                    mean[c] += x[i * k + c];
                }
            }
        }
        double[] share = new double[k];
        if (finite == 0 || total <= 0) {
            return share;
        }
        for (int c = 0; c < k; c++) {
            mean[c] /= finite;
        }
        for (int i = 0; i < rows; i++) {
            if (!Double.isNaN(x[i * k])) {
                for (int c = 0; c < k; c++) {
                    double e = x[i * k + c] - mean[c];
                    share[c] += e * e;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            share[c] /= total;
        }
        return share;
    }

    private static double[] padded(PcaProjection p, int k) {
        int have = p.components();
        if (have == k) {
            return p.coordinates().clone();
        }
        int rows = p.coordinates().length / have;
        double[] out = new double[rows * k];
        for (int i = 0; i < rows; i++) {
            boolean nan = Double.isNaN(p.coordinate(i, 0));
            for (int c = 0; c < k; c++) {
                out[i * k + c] = nan ? Double.NaN : c < have ? p.coordinate(i, c) : 0.0;
            }
        }
        return out;
    }
}

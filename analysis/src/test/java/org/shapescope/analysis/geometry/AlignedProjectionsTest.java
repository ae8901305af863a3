package org.shapescope.analysis.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Orthogonal Procrustes, its chain over checkpoints, the common basis and token matching against
 * analytic truths: a cloud moved by a known orthogonal map (rotation or reflection) and a
 * translation is aligned back exactly; a constructed pair has the residual worked out by hand.
 */
class AlignedProjectionsTest {

    /** Double coordinates, k ≤ 6: the SVD of a k × k matrix and m·k sums leave ~1e-15 relative; 1e-10 is generous. */
    static final double EXACT = 1e-10;

    /**
     * Clouds stored as float32 (as checkpoints are): rounding the rotated values moves each by
     * ~2⁻²⁴·|x|·√d ≈ 1e-6 at |x| ~ 5, d = 6; the PCA and Procrustes of such clouds agree to ~1e-5. 1e-4 absolute.
     */
    static final double FLOAT_CLOUD = 1e-4;

    @Test
    void rotatedAndTranslatedCloudIsAlignedBackExactly() {
        Random random = new Random(345);
        int m = 40;
        int k = 4;
        double[] a = gaussian(m * k, random);
        double[][] q = Clouds.randomOrthogonal(k, random);
        double[] b = transform(a, m, k, q, new double[] {3, -1, 0.5, 7});
        OrthogonalProcrustes fit = OrthogonalProcrustes.fit(a, b, m, k);
        assertThat(fit.residual()).isCloseTo(0, within(EXACT));
        assertThat(fit.rows()).isEqualTo(m);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // b = a·Qᵀ row-wise (transform applies q to column vectors), so R = Qᵀ
                assertThat(fit.rotation(i, j)).isCloseTo(q[j][i], within(EXACT));
            }
        }
        double[] back = fit.apply(a, m);
        for (int i = 0; i < b.length; i++) {
            assertThat(back[i]).isCloseTo(b[i], within(EXACT));
        }
    }

    @Test
    void reflectionIsUndoneSoAFlippedPrincipalAxisComesBack() {
        // a PCA sign flip of the first axis is the reflection diag(-1, 1): R must have determinant -1
        double[] a = {1, 0.2, -2, 0.5, 0.3, -1, 0.7, 1.5, -0.4, -0.9};
        double[] b = a.clone();
        for (int i = 0; i < 5; i++) {
            b[2 * i] = -b[2 * i];
        }
        OrthogonalProcrustes fit = OrthogonalProcrustes.fit(a, b, 5, 2);
        assertThat(fit.rotation(0, 0)).isCloseTo(-1, within(EXACT));
        assertThat(fit.rotation(1, 1)).isCloseTo(1, within(EXACT));
        assertThat(fit.rotation(0, 1)).isCloseTo(0, within(EXACT));
        assertThat(fit.residual()).isCloseTo(0, within(EXACT));
    }

    @Test
    void residualOfAConstructedPairIsTheHandWorkedValue() {
        // A = (±1, 0), (0, ±1); B = (±2, 0), (0, ±1) rotated by 30°. AᵀB before the rotation is diag(4, 2):
        // ‖A‖² = 4, ‖B‖² = 10, Σσ = 6, so the residual is 4 + 10 − 2·6 = 2 (x stretched by 2: two rows off by 1),
        // and R is the 30° rotation itself.
        double[] a = {1, 0, -1, 0, 0, 1, 0, -1};
        double[] stretched = {2, 0, -2, 0, 0, 1, 0, -1};
        double t = Math.toRadians(30);
        double[][] rot = {{Math.cos(t), -Math.sin(t)}, {Math.sin(t), Math.cos(t)}};
        double[] b = transform(stretched, 4, 2, rot, new double[] {0.25, -4});
        OrthogonalProcrustes fit = OrthogonalProcrustes.fit(a, b, 4, 2);
        assertThat(fit.residual()).isCloseTo(2.0, within(EXACT));
        assertThat(fit.rotation(0, 0)).isCloseTo(Math.cos(t), within(EXACT));
        assertThat(fit.rotation(0, 1)).isCloseTo(Math.sin(t), within(EXACT));
        assertThat(fit.targetMean()).containsExactly(new double[] {0.25, -4}, within(EXACT));
    }

    @Test
    void rowsWithNaNTakeNoPartInTheFitAndStayNaN() {
        double[] a = {1, 0, -1, 0, 0, 1, 0, -1, Double.NaN, 5};
        double[] b = {0, 1, 0, -1, -1, 0, 1, 0, 100, 100};
        OrthogonalProcrustes fit = OrthogonalProcrustes.fit(a, b, 5, 2);
        assertThat(fit.rows()).isEqualTo(4);
        assertThat(fit.residual()).isCloseTo(0, within(EXACT));
        double[] out = fit.apply(a, 5);
        assertThat(out[8]).isNaN();
        assertThat(out[0]).isCloseTo(0, within(EXACT));
        assertThat(out[1]).isCloseTo(1, within(EXACT));
    }

    @Test
    void chainPutsRotatedReflectedPermutedCheckpointsIntoTheReferenceFrame() {
        // three "checkpoints" of the same cloud in different frames: an orthogonal map of R^d (one a
        // reflection), a translation and a shuffled row order; the tokens are matched by their keys.
        Random random = new Random(20261201);
        int n = 300;
        int d = 6;
        double[] scales = {5, 3, 2, 1.2, 0.6, 0.3};
        double[] base = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                base[i * d + j] = random.nextGaussian() * scales[j];
            }
        }
        List<PcaProjection> clouds = new ArrayList<>();
        List<TokenKeys> keys = new ArrayList<>();
        int[][] orders = new int[3][];
        for (int c = 0; c < 3; c++) {
            double[][] q = Clouds.randomOrthogonal(d, random);
            if (c == 1) {
                for (int j = 0; j < d; j++) {
                    q[0][j] = -q[0][j]; // det −1
                }
            }
            double[] moved = transform(base, n, d, q, new double[] {10 * c, -3, 0, 1, 2, c});
            int[] order = permutation(n, random);
            orders[c] = order;
            float[] values = new float[n * d];
            long[] position = new long[n];
            long[] sequence = new long[n];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < d; j++) {
                    values[r * d + j] = (float) moved[order[r] * d + j];
                }
                position[r] = order[r] % 100;
                sequence[r] = order[r] / 100;
            }
            clouds.add(PcaProjection.compute(values, n, d, AlignedProjections.PROCRUSTES_COMPONENTS));
            keys.add(TokenKeys.of(sequence, position, null, n));
        }
        List<String> notes = new ArrayList<>();
        List<AlignedCoordinates> aligned = AlignedProjections.procrustesChain(clouds, keys, 2, notes::add);
        assertThat(notes).isEmpty();
        assertThat(aligned.get(0).components()).isEqualTo(d);
        for (int c = 0; c < 2; c++) {
            for (int r = 0; r < n; r++) {
                int token = orders[c][r];
                int there = keys.get(2).rowOf(keys.get(c), r);
                assertThat(orders[2][there]).isEqualTo(token);
                for (int axis = 0; axis < d; axis++) {
                    assertThat(aligned.get(c).coordinate(r, axis))
                            .isCloseTo(aligned.get(2).coordinate(there, axis), within(FLOAT_CLOUD));
                }
            }
            // the same cloud: the same share of its variance on each axis as the reference
            assertThat(aligned.get(c).axisShare()[0]).isCloseTo(aligned.get(2).axisShare()[0], within(FLOAT_CLOUD));
        }
        // the reference keeps its own PCA frame
        assertThat(aligned.get(2).coordinates()).containsExactly(clouds.get(2).coordinates(), within(0.0));
        assertThat(aligned.get(2).axisShare()[0]).isCloseTo(clouds.get(2).explainedVarianceRatio()[0], within(EXACT));
    }

    @Test
    void checkpointWithoutSharedTokensStaysInItsOwnFrameWithANote() {
        float[] x = Clouds.gaussian(50, 3, 1);
        PcaProjection p = PcaProjection.compute(x, 50, 3, 3);
        long[] ids = new long[50];
        long[] other = new long[50];
        for (int i = 0; i < 50; i++) {
            ids[i] = i;
            other[i] = 1000 + i;
        }
        List<String> notes = new ArrayList<>();
        List<AlignedCoordinates> aligned = AlignedProjections.procrustesChain(List.of(p, p),
                List.of(TokenKeys.of(null, null, ids, 50), TokenKeys.of(null, null, other, 50)), 1, notes::add);
        assertThat(notes).singleElement().asString().contains("shares 0 tokens");
        assertThat(aligned.get(0).coordinates()).containsExactly(p.coordinates(), within(0.0));
    }

    @Test
    void tokenKeysMatchSharedUnambiguousTokensOnly() {
        // rows (sequence, position, id): here 0:(0,0,5) 1:(0,1,6) 2:(0,1,6) duplicate 3:(1,0,5)
        TokenKeys here = TokenKeys.of(new long[] {0, 0, 0, 1}, new long[] {0, 1, 1, 0}, new long[] {5, 6, 6, 5}, 4);
        // there: (1,0,5) (0,0,5) (0,1,6) (2,0,9)
        TokenKeys there = TokenKeys.of(new long[] {1, 0, 0, 2}, new long[] {0, 0, 1, 0}, new long[] {5, 5, 6, 9}, 4);
        assertThat(here.uniqueRows()).isEqualTo(2);
        int[][] shared = here.shared(there);
        assertThat(shared[0]).containsExactly(0, 3);
        assertThat(shared[1]).containsExactly(1, 0);
        assertThat(there.rowOf(here, 3)).isZero();
        assertThat(there.rowOf(here, 1)).isEqualTo(-1); // ambiguous here
        TokenKeys byRow = TokenKeys.of(null, null, null, 3);
        assertThat(byRow.shared(TokenKeys.of(null, null, null, 2))[1]).containsExactly(0, 1);
    }

    @Test
    void commonBasisOfTwoClustersIsTheirStackedPrincipalAxes() {
        // A = (±3, 0, 0), (0, ±1, 0); B = (±2, 0, 0), (0, ±2, 0) shifted by (5, 5, 5). Own-centred
        // scatters diag(18, 2, 0) and diag(8, 8, 0), traces 20 and 16: S = diag(1.4, 0.6, 0), top axes
        // e1, e2 (signs positive by the largest-loading rule). A on them: its rows themselves, shares 18/20, 2/20.
        float[] a = {3, 0, 0, -3, 0, 0, 0, 1, 0, 0, -1, 0};
        float[] b = {7, 5, 5, 3, 5, 5, 5, 7, 5, 5, 3, 5};
        CommonBasis common = new CommonBasis(3);
        common.add(a, 4);
        common.add(b, 4);
        assertThat(common.clouds()).isEqualTo(2);
        double[] basis = common.basis(2);
        assertThat(basis).containsExactly(new double[] {1, 0, 0, 0, 1, 0}, within(EXACT));
        AlignedCoordinates pa = common.project(a, 4, basis);
        assertThat(pa.coordinates()).containsExactly(new double[] {3, 0, -3, 0, 0, 1, 0, -1}, within(EXACT));
        assertThat(pa.axisShare()).containsExactly(new double[] {0.9, 0.1}, within(EXACT));
        AlignedCoordinates pb = common.project(b, 4, basis);
        assertThat(pb.coordinates()).containsExactly(new double[] {2, 0, -2, 0, 0, 2, 0, -2}, within(EXACT));
        assertThat(pb.axisShare()).containsExactly(new double[] {0.5, 0.5}, within(EXACT));
    }

    @Test
    void everyCheckpointWeighsTheSameInTheCommonBasisWhateverItsScale() {
        // two checkpoints A spread along e1 (scatter diag(18, 2, 0)), one B along e2 but ten times wider
        // (diag(0, 1800, 0)). Unweighted, S = diag(36, 1804, 0) and B alone picks the first axis; weighted,
        // each adds unit trace: S = diag(0.9 + 0.9, 0.1 + 0.1 + 1, 0) = diag(1.8, 1.2, 0), e1 first.
        float[] a = {3, 0, 0, -3, 0, 0, 0, 1, 0, 0, -1, 0};
        float[] b = {0, 30, 0, 0, -30, 0};
        CommonBasis common = new CommonBasis(3);
        common.add(a, 4);
        common.add(a, 4);
        common.add(b, 2);
        double[] basis = common.basis(2);
        assertThat(basis).containsExactly(new double[] {1, 0, 0, 0, 1, 0}, within(EXACT));
        // coordinates are not scaled: B keeps its width
        assertThat(common.project(b, 2, basis).coordinates()).containsExactly(new double[] {0, 30, 0, -30}, within(EXACT));
    }

    @Test
    void commonBasisIgnoresTheFrameOfNoCheckpointButSharesOneAmongAll() {
        // the same cloud twice, once translated: identical coordinates on the common basis
        float[] x = Clouds.gaussian(200, 5, 7);
        float[] shifted = x.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += (i % 5) * 2.5f;
        }
        CommonBasis common = new CommonBasis(5);
        common.add(x, 200);
        common.add(shifted, 200);
        double[] basis = common.basis(2);
        AlignedCoordinates p = common.project(x, 200, basis);
        AlignedCoordinates q = common.project(shifted, 200, basis);
        assertThat(q.coordinates()).containsExactly(p.coordinates(), within(FLOAT_CLOUD));
        // the stacked basis of one cloud (twice) is its own PCA: same coordinates as PcaProjection up to nothing
        PcaProjection own = PcaProjection.compute(x, 200, 5, 2);
        for (int i = 0; i < 200; i++) {
            for (int c = 0; c < 2; c++) {
                assertThat(Math.abs(p.coordinate(i, c))).isCloseTo(Math.abs(own.coordinate(i, c)), within(FLOAT_CLOUD));
            }
        }
        assertThat(p.axisShare()[0]).isCloseTo(own.explainedVarianceRatio()[0], within(FLOAT_CLOUD));
    }

    /** Rows of x (m × k) mapped to q·x + t. */
    static double[] transform(double[] x, int m, int k, double[][] q, double[] t) {
        double[] out = new double[x.length];
        for (int i = 0; i < m; i++) {
            for (int a = 0; a < k; a++) {
                double s = t[a];
                for (int b = 0; b < k; b++) {
                    s += q[a][b] * x[i * k + b];
                }
                out[i * k + a] = s;
            }
        }
        return out;
    }

    private static double[] gaussian(int size, Random random) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}

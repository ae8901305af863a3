package org.shapescope.analysis.geometry;

import java.util.function.BooleanSupplier;

/**
 * The Gram matrix G = Y Yᵀ of the rows of a float32 matrix Y (count × length), in double: the
 * values are widened to double and every product and sum is taken in double (float32 products
 * would leave an error of ~2⁻²⁴·λ₁ on every eigenvalue of G, which swamps the small singular
 * values that RankMe sums). Rows are grouped into blocks of {@link #WIDTH} stored transposed as
 * panels {@code double[length][WIDTH]}, so one row's products with a whole block are a sum of
 * scaled panel rows, which HotSpot C2 turns into SIMD code (the scheme of {@link DotProductPanels},
 * in double). Work is split over pairs of row blocks (I ≤ J, the matrix is symmetric), each
 * writing its own part of G, so the result does not depend on the number of threads.
 * The scatter (unnormalised covariance) X_cᵀX_c of an n × d cloud is the Gram matrix of the
 * columns of X_c, i.e. of the rows of X_cᵀ. This is the kernel used when there is no native BLAS.
 */
final class GramMatrix {

    /** Rows per panel: a 4096 × 64 double panel is 2 MiB. */
    static final int WIDTH = 64;

    private GramMatrix() {
    }

    /** G (count × count, row-major, symmetric) of the rows of y. */
    static double[] of(float[] y, int count, int length, int threads, BooleanSupplier cancelled) {
        int blocks = (count + WIDTH - 1) / WIDTH;
        double[][][] panels = new double[blocks][length][WIDTH];
        for (int i = 0; i < count; i++) {
            double[][] panel = panels[i / WIDTH];
            int r = i % WIDTH;
            int base = i * length;
            for (int k = 0; k < length; k++) {
                panel[k][r] = y[base + k];
            }
        }
        int[] pairI = new int[blocks * (blocks + 1) / 2];
        int[] pairJ = new int[pairI.length];
        int p = 0;
        for (int i = 0; i < blocks; i++) {
            for (int j = i; j < blocks; j++) {
                pairI[p] = i;
                pairJ[p] = j;
                p++;
            }
        }
        double[] g = new double[count * count];
        BlockWorkers.run(pairI.length, threads, cancelled, (pair, worker) -> {
            int bj = pairJ[pair];
            int j0 = bj * WIDTH;
            int jn = Math.min(WIDTH, count - j0);
            double[][] panel = panels[bj];
            double[] row = new double[WIDTH];
            int q0 = pairI[pair] * WIDTH;
            int qEnd = Math.min(count, q0 + WIDTH);
            for (int q = q0; q < qEnd; q++) {
                dot(y, q * length, length, panel, row);
                for (int r = 0; r < jn; r++) {
                    g[q * count + j0 + r] = row[r];
                    g[(j0 + r) * count + q] = row[r];
                }
            }
        });
        return g;
    }

    /** out[r] = Σ_k y[offset + k] · panel[k][r] in double, overwriting out. */
    private static void dot(float[] y, int offset, int length, double[][] panel, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        int k = 0;
        for (; k + 1 < length; k += 2) {
            double a0 = y[offset + k];
            double a1 = y[offset + k + 1];
            double[] p0 = panel[k];
            double[] p1 = panel[k + 1];
            for (int r = 0; r < WIDTH; r++) {
                out[r] += a0 * p0[r] + a1 * p1[r];
            }
        }
        for (; k < length; k++) {
            double a = y[offset + k];
            double[] pk = panel[k];
            for (int r = 0; r < WIDTH; r++) {
                out[r] += a * pk[r];
            }
        }
    }

    /** Yᵀ of y (rows × cols, row-major), as cols × rows. */
    static float[] transpose(float[] y, int rows, int cols) {
        float[] t = new float[y.length];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int k = 0; k < cols; k++) {
                t[k * rows + i] = y[base + k];
            }
        }
        return t;
    }
}

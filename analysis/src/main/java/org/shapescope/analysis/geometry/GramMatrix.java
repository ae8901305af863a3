package org.shapescope.analysis.geometry;

import java.util.function.BooleanSupplier;

/**
 * The Gram matrix G = Y Yᵀ of the rows of a float32 matrix Y (count × length), accumulated in
 * double: float partial sums over chunks of {@link #CHUNK} terms, added in double in a fixed
 * order. Work is split over pairs of row blocks (I ≤ J, the matrix is symmetric), each writing
 * its own part of G, so the result does not depend on the number of threads.
 * The scatter (unnormalised covariance) X_cᵀX_c of an n × d cloud is the Gram matrix of the
 * columns of X_c, i.e. of the rows of X_cᵀ.
 */
final class GramMatrix {

    /** Terms summed in float before going to double: relative error ≲ 256·2⁻²⁴ ≈ 1.5e-5 worst case. */
    static final int CHUNK = 256;

    private GramMatrix() {
    }

    /** G (count × count, row-major, symmetric) of the rows of y. */
    static double[] of(float[] y, int count, int length, int threads, BooleanSupplier cancelled) {
        DotProductPanels panels = DotProductPanels.of(y, count, length);
        int blocks = panels.blocks();
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
            int bi = pairI[pair];
            int bj = pairJ[pair];
            int j0 = DotProductPanels.blockStart(bj);
            int jn = panels.blockSize(bj);
            float[] buf = new float[DotProductPanels.WIDTH];
            double[] row = new double[DotProductPanels.WIDTH];
            int q0 = DotProductPanels.blockStart(bi);
            int qEnd = q0 + panels.blockSize(bi);
            for (int q = q0; q < qEnd; q++) {
                java.util.Arrays.fill(row, 0.0);
                for (int k0 = 0; k0 < length; k0 += CHUNK) {
                    panels.dot(y, q * length, bj, k0, Math.min(length, k0 + CHUNK), buf);
                    for (int r = 0; r < jn; r++) {
                        row[r] += buf[r];
                    }
                }
                for (int r = 0; r < jn; r++) {
                    g[q * count + j0 + r] = row[r];
                    g[(j0 + r) * count + q] = row[r];
                }
            }
        });
        return g;
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

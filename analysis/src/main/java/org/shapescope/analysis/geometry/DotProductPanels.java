package org.shapescope.analysis.geometry;

/**
 * Blocked float32 dot products between the rows of a row-major matrix Y (count × length).
 * Rows are grouped into blocks of {@link #WIDTH}; each block is stored transposed as a panel
 * {@code float[length][WIDTH]} (zero padded), so that the dot products of one row with a whole
 * block are a sum of scaled panel rows, g[r] = Σ_k y[k]·P[k][r]. The inner loop runs over the
 * panel width with index 0, which HotSpot C2 turns into SIMD code (on JDK 17 it does not
 * vectorise loops whose arrays carry an invariant offset, hence the separate panel arrays).
 * This is the kernel behind both the covariance and the k-nearest-neighbour search.
 */
final class DotProductPanels {

    /** Rows per panel: a 768 × 128 float panel is 384 KiB, within a core's L2. */
    static final int WIDTH = 128;

    private final float[][][] panels;
    private final int count;
    private final int length;

    private DotProductPanels(float[][][] panels, int count, int length) {
        this.panels = panels;
        this.count = count;
        this.length = length;
    }

    /** Panels of the rows of y (count × length, row-major). */
    static DotProductPanels of(float[] y, int count, int length) {
        int blocks = (count + WIDTH - 1) / WIDTH;
        float[][][] panels = new float[blocks][length][WIDTH];
        for (int i = 0; i < count; i++) {
            float[][] p = panels[i / WIDTH];
            int r = i % WIDTH;
            int base = i * length;
            for (int k = 0; k < length; k++) {
                p[k][r] = y[base + k];
            }
        }
        return new DotProductPanels(panels, count, length);
    }

    int blocks() {
        return panels.length;
    }

    int count() {
        return count;
    }

    /** First row of block b. */
    static int blockStart(int b) {
        return b * WIDTH;
    }

    /** Number of real (unpadded) rows in block b. */
    int blockSize(int b) {
        return Math.min(WIDTH, count - b * WIDTH);
    }

    /**
     * out[r] = Σ_{k∈[k0,k1)} y[rowOffset + k] · Y[blockStart(b) + r][k] for r in [0, WIDTH),
     * overwriting out. {@code y} is any row-major array holding the query row at rowOffset.
     */
    void dot(float[] y, int rowOffset, int b, int k0, int k1, float[] out) {
        float[][] p = panels[b];
        java.util.Arrays.fill(out, 0f);
        int k = k0;
        for (; k + 3 < k1; k += 4) {
            float a0 = y[rowOffset + k];
            float a1 = y[rowOffset + k + 1];
            float a2 = y[rowOffset + k + 2];
            float a3 = y[rowOffset + k + 3];
            float[] p0 = p[k];
            float[] p1 = p[k + 1];
            float[] p2 = p[k + 2];
            float[] p3 = p[k + 3];
            for (int r = 0; r < WIDTH; r++) {
                out[r] += a0 * p0[r] + a1 * p1[r] + a2 * p2[r] + a3 * p3[r];
            }
        }
        for (; k < k1; k++) {
            float a = y[rowOffset + k];
            float[] pk = p[k];
            for (int r = 0; r < WIDTH; r++) {
                out[r] += a * pk[r];
            }
        }
    }

    int length() {
        return length;
    }
}

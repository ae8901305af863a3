package org.shapescope.analysis.geometry;

import java.util.Random;

/** Seeded test clouds with known geometry, row-major float32. */
final class Clouds {

    private Clouds() {
    }

    /** n points of N(0, I_d). */
    static float[] gaussian(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** n points uniform on the unit sphere S^k ⊂ R^(k+1), randomly rotated into R^d. */
    static float[] sphere(int n, int k, int d, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][d];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j <= k; j++) {
                p[i][j] = r.nextGaussian();
                norm += p[i][j] * p[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j <= k; j++) {
                p[i][j] /= norm;
            }
        }
        return rotate(p, d, r);
    }

    /** Swiss roll (2-d): t ∈ 1.5π(1 + 2u), height 21v, rotated into R^d. */
    static float[] swissRoll(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][d];
        for (int i = 0; i < n; i++) {
            double t = 1.5 * Math.PI * (1 + 2 * r.nextDouble());
            p[i][0] = t * Math.cos(t);
            p[i][1] = 21 * r.nextDouble();
            p[i][2] = t * Math.sin(t);
        }
        return rotate(p, d, r);
    }

    /** Uniform points of the unit cube [0,1]^k on an affine subspace of R^d (offset 5). */
    static float[] affineCube(int n, int k, int d, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                p[i][j] = r.nextDouble();
            }
        }
        float[] x = rotate(p, d, r);
        for (int i = 0; i < x.length; i++) {
            x[i] += 5f;
        }
        return x;
    }

    /** A helix (1-d curve): (cos 4πt, sin 4πt, t) for t uniform, rotated into R^d (Hein–Audibert M5-like). */
    static float[] helix(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][d];
        for (int i = 0; i < n; i++) {
            double t = r.nextDouble();
            p[i][0] = Math.cos(4 * Math.PI * t);
            p[i][1] = Math.sin(4 * Math.PI * t);
            p[i][2] = 2 * t;
        }
        return rotate(p, d, r);
    }

    /** Applies a random orthogonal matrix (Gram–Schmidt of a Gaussian matrix) to every row. */
    static float[] rotate(double[][] p, int d, Random r) {
        double[][] q = randomOrthogonal(d, r);
        float[] x = new float[p.length * d];
        for (int i = 0; i < p.length; i++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += q[a][b] * p[i][b];
                }
                x[i * d + a] = (float) s;
            }
        }
        return x;
    }

    static double[][] randomOrthogonal(int d, Random r) {
        double[][] q = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                q[a][b] = r.nextGaussian();
            }
            for (int c = 0; c < a; c++) {
                double dot = 0;
                for (int b = 0; b < d; b++) {
                    dot += q[a][b] * q[c][b];
                }
                for (int b = 0; b < d; b++) {
                    q[a][b] -= dot * q[c][b];
                }
            }
            double norm = 0;
            for (int b = 0; b < d; b++) {
                norm += q[a][b] * q[a][b];
            }
            norm = Math.sqrt(norm);
            for (int b = 0; b < d; b++) {
                q[a][b] /= norm;
            }
        }
        return q;
    }
}

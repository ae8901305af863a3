package org.shapescope.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PointGridTest {

    @Test
    void nearestAgreesWithBruteForce() {
        Random random = new Random(345);
        for (int n : new int[] {1, 2, 3, 7, 100, 10_000}) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian() * 5;
                y[i] = random.nextGaussian() * (i % 2 == 0 ? 0.1 : 3);
            }
            PointGrid grid = new PointGrid(x, y, 8);
            for (int q = 0; q < 300; q++) {
                // queries also fall well outside the points' bounding box
                double qx = random.nextGaussian() * 10;
                double qy = random.nextGaussian() * 10;
                int found = grid.nearest(qx, qy, Double.POSITIVE_INFINITY);
                assertThat(distance(x, y, found, qx, qy)).as("n=%d q=%d", n, q)
                        .isEqualTo(distance(x, y, bruteForce(x, y, qx, qy), qx, qy));
            }
        }
    }

    @Test
    void respectsMaximumDistanceAndSkipsNaN() {
        double[] x = {0, Double.NaN, 10};
        double[] y = {0, 0, 10};
        PointGrid grid = new PointGrid(x, y, 1);
        assertThat(grid.nearest(0.5, 0.5, 1)).isEqualTo(0);
        assertThat(grid.nearest(5, 5, 1)).isEqualTo(-1);
        assertThat(grid.nearest(9, 9, Double.POSITIVE_INFINITY)).isEqualTo(2);
    }

    @Test
    void duplicatedAndConstantPoints() {
        double[] x = {2, 2, 2, 2};
        double[] y = {3, 3, 3, 3};
        PointGrid grid = new PointGrid(x, y, 1);
        assertThat(grid.nearest(100, -100, Double.POSITIVE_INFINITY)).isBetween(0, 3);
        assertThat(new PointGrid(new double[0], new double[0], 1).nearest(0, 0, Double.POSITIVE_INFINITY))
                .isEqualTo(-1);
    }

    private static int bruteForce(double[] x, double[] y, double qx, double qy) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double d = distance(x, y, i, qx, qy);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private static double distance(double[] x, double[] y, int i, double qx, double qy) {
        return Math.hypot(x[i] - qx, y[i] - qy);
    }
}

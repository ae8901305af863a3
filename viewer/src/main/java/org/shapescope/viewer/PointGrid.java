package org.shapescope.viewer;

/**
 * Uniform-grid spatial index over 2-D points for nearest-point queries (hover tooltips).
 *
 * <p>Points are bucketed into {@code side × side} cells over their bounding box, stored
 * cell-ordered (a counting sort, O(n)). {@link #nearest} searches square rings of cells around
 * the query's cell, nearest ring first, and stops once the next ring cannot hold anything closer
 * than the best point found: ring {@code k} is at least {@code (k - 1) · min(cellWidth,
 * cellHeight)} away. Points with a NaN coordinate are not indexed.
 */
public final class PointGrid {

    private final double[] x;
    private final double[] y;
    private final int side;
    private final double minX;
    private final double minY;
    private final double cellW;
    private final double cellH;
    private final int[] cellStart;
    private final int[] order;

    /** Indexes the points with about {@code pointsPerCell} points per cell on average. */
    public PointGrid(double[] x, double[] y, int pointsPerCell) {
        this.x = x;
        this.y = y;
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        int valid = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                x0 = Math.min(x0, x[i]);
                x1 = Math.max(x1, x[i]);
                y0 = Math.min(y0, y[i]);
                y1 = Math.max(y1, y[i]);
                valid++;
            }
        }
        if (valid == 0) {
            x0 = y0 = 0;
            x1 = y1 = 1;
        }
        this.side = Math.max(1, Math.min(1024, (int) Math.sqrt(valid / (double) Math.max(1, pointsPerCell))));
        this.minX = x0;
        this.minY = y0;
        this.cellW = Math.max((x1 - x0) / side, 1e-12);
        this.cellH = Math.max((y1 - y0) / side, 1e-12);
        int[] counts = new int[side * side + 1];
        int[] cellOf = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                cellOf[i] = -1;
            } else {
                cellOf[i] = cell(col(x[i]), row(y[i]));
                counts[cellOf[i] + 1]++;
            }
        }
        for (int c = 1; c < counts.length; c++) {
            counts[c] += counts[c - 1];
        }
        this.cellStart = counts.clone();
        this.order = new int[valid];
        for (int i = 0; i < x.length; i++) {
            if (cellOf[i] >= 0) {
                order[counts[cellOf[i]]++] = i;
            }
        }
    }

    /** Cells per side. */
    public int side() {
        return side;
    }

    /**
     * Index of the point nearest to (qx, qy) in Euclidean distance, or -1 when no point lies
     * within {@code maxDistance} (use {@link Double#POSITIVE_INFINITY} for no limit).
     */
    public int nearest(double qx, double qy, double maxDistance) {
        int qc = col(qx);
        int qr = row(qy);
        double minCell = Math.min(cellW, cellH);
        int best = -1;
        double bestD2 = maxDistance == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : maxDistance * maxDistance;
        for (int k = 0; k < side + 1; k++) {
            double ringDistance = Math.max(0, k - 1) * minCell;
            if (ringDistance * ringDistance > bestD2) {
                break;
            }
            for (int r = qr - k; r <= qr + k; r++) {
                if (r < 0 || r >= side) {
                    continue;
                }
                boolean edgeRow = r == qr - k || r == qr + k;
                for (int c = qc - k; c <= qc + k; c += edgeRow ? 1 : 2 * k) {
                    if (c >= 0 && c < side) {
                        int cell = cell(c, r);
                        for (int j = cellStart[cell]; j < cellStart[cell + 1]; j++) {
                            int i = order[j];
                            double dx = x[i] - qx;
                            double dy = y[i] - qy;
                            double d2 = dx * dx + dy * dy;
                            if (d2 <= bestD2) {
                                bestD2 = d2;
                                best = i;
                            }
                        }
                    }
                    if (k == 0) {
                        break;
                    }
                }
            }
        }
        return best;
    }

    private int col(double v) {
        return Math.max(0, Math.min(side - 1, (int) Math.floor((v - minX) / cellW)));
    }

    private int row(double v) {
        return Math.max(0, Math.min(side - 1, (int) Math.floor((v - minY) / cellH)));
    }

    private int cell(int c, int r) {
        return r * side + c;
    }
}

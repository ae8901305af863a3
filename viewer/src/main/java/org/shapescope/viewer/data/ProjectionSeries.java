package org.shapescope.viewer.data;

import java.util.Arrays;
import java.util.List;

/**
 * The projections of one layer at every checkpoint that has it, all in one frame (aligned), with
 * which point is which token across checkpoints: a point's <em>track</em> is a token's number
 * shared by all checkpoints (-1 for a point matched to no other checkpoint). Carries the range of
 * all checkpoints' coordinates, so that a view scrubbing through them keeps its axes fixed and
 * motion on screen is motion of the tokens, and for each checkpoint the points that moved most
 * since the previous one (Euclidean distance in the shown plane).
 *
 * <p>Immutable; built off the UI thread (the constructor does the O(checkpoints · points) work).
 */
public final class ProjectionSeries {

    /** Length of each checkpoint's most-moved list. */
    public static final int MOST_MOVED = 20;

    private final String frame;
    private final long[] steps;
    private final List<Projection> projections;
    private final int[][] tracks;
    private final int[][] rowOfTrack;
    private final double[][] displacement;
    private final int[][] mostMoved;
    private final double[] range;

    /**
     * @param frame       how the frame was made, for labels (e.g. "Procrustes-aligned to step 1024")
     * @param steps       step of each checkpoint, ascending
     * @param projections projection of each checkpoint in the common frame
     * @param tracks      per checkpoint, the track of each point (0 ≤ track &lt; trackCount, or -1)
     * @param trackCount  number of tracks
     */
    public ProjectionSeries(String frame, long[] steps, List<Projection> projections, int[][] tracks, int trackCount) {
        if (steps.length != projections.size() || tracks.length != steps.length) {
            throw new IllegalArgumentException(steps.length + " steps, " + projections.size() + " projections, "
                    + tracks.length + " track arrays");
        }
        this.frame = frame;
        this.steps = steps.clone();
        this.projections = List.copyOf(projections);
        this.tracks = new int[steps.length][];
        this.rowOfTrack = new int[steps.length][trackCount];
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < steps.length; c++) {
            Projection p = projections.get(c);
            if (tracks[c].length != p.size()) {
                throw new IllegalArgumentException("checkpoint " + c + ": " + tracks[c].length + " tracks for " + p.size() + " points");
            }
            this.tracks[c] = tracks[c].clone();
            Arrays.fill(rowOfTrack[c], -1);
            for (int i = 0; i < p.size(); i++) {
                int t = tracks[c][i];
                if (t >= trackCount) {
                    throw new IllegalArgumentException("track " + t + " of " + trackCount);
                }
                if (t >= 0) {
                    rowOfTrack[c][t] = i;
                }
                double x = p.x()[i];
                double y = p.y()[i];
                if (!Double.isNaN(x) && !Double.isNaN(y)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        this.range = minX > maxX ? new double[] {0, 1, 0, 1} : new double[] {minX, maxX, minY, maxY};
        this.displacement = new double[steps.length][];
        this.mostMoved = new int[steps.length][];
        for (int c = 0; c < steps.length; c++) {
            Projection p = projections.get(c);
            double[] moved = new double[p.size()];
            Arrays.fill(moved, Double.NaN);
            if (c > 0) {
                Projection before = projections.get(c - 1);
                for (int i = 0; i < p.size(); i++) {
                    int t = this.tracks[c][i];
                    int j = t < 0 ? -1 : rowOfTrack[c - 1][t];
                    if (j >= 0) {
                        moved[i] = Math.hypot(p.x()[i] - before.x()[j], p.y()[i] - before.y()[j]);
                    }
                }
            }
            displacement[c] = moved;
            mostMoved[c] = largest(moved, MOST_MOVED);
        }
    }

    public String frame() {
        return frame;
    }

    public int size() {
        return steps.length;
    }

    public long step(int checkpoint) {
        return steps[checkpoint];
    }

    public Projection projection(int checkpoint) {
        return projections.get(checkpoint);
    }

    /** The checkpoint whose projection is {@code p} itself, or -1. */
    public int indexOf(Projection p) {
        for (int c = 0; c < projections.size(); c++) {
            if (projections.get(c) == p) {
                return c;
            }
        }
        return -1;
    }

    /** {minX, maxX, minY, maxY} over every checkpoint's points. */
    public double[] range() {
        return range.clone();
    }

    /** Track of point {@code point} at {@code checkpoint}, or -1. */
    public int track(int checkpoint, int point) {
        return tracks[checkpoint][point];
    }

    /** Point of {@code track} at {@code checkpoint}, or -1 when that checkpoint lacks the token. */
    public int point(int checkpoint, int track) {
        return track < 0 || track >= rowOfTrack[checkpoint].length ? -1 : rowOfTrack[checkpoint][track];
    }

    /** The positions of {@code track} at checkpoints 0 … {@code upTo} that hold it: {xs, ys}. */
    public double[][] trail(int upTo, int track) {
        double[] xs = new double[upTo + 1];
        double[] ys = new double[upTo + 1];
        int m = 0;
        for (int c = 0; c <= upTo; c++) {
            int i = point(c, track);
            if (i >= 0 && !Double.isNaN(projections.get(c).x()[i])) {
                xs[m] = projections.get(c).x()[i];
                ys[m] = projections.get(c).y()[i];
                m++;
            }
        }
        return new double[][] {Arrays.copyOf(xs, m), Arrays.copyOf(ys, m)};
    }

    /** Distance point {@code point} moved from checkpoint − 1 to checkpoint (NaN at the first or when unmatched). */
    public double displacement(int checkpoint, int point) {
        return displacement[checkpoint][point];
    }

    /** Up to {@link #MOST_MOVED} points of {@code checkpoint} by decreasing displacement (empty at the first). */
    public int[] mostMoved(int checkpoint) {
        return mostMoved[checkpoint].clone();
    }

    private static int[] largest(double[] values, int count) {
        Integer[] order = new Integer[values.length];
        int m = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                order[m++] = i;
            }
        }
        Integer[] present = Arrays.copyOf(order, m);
        Arrays.sort(present, (a, b) -> Double.compare(values[b], values[a]));
        int[] out = new int[Math.min(count, m)];
        for (int i = 0; i < out.length; i++) {
            out[i] = present[i];
        }
        return out;
    }
}

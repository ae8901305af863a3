package org.shapescope.app.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.shapescope.analysis.format.CheckpointFormatException;
import org.shapescope.analysis.format.LayerData;
import org.shapescope.analysis.geometry.AlignedCoordinates;
import org.shapescope.analysis.geometry.AlignedProjections;
import org.shapescope.analysis.geometry.CommonBasis;
import org.shapescope.analysis.geometry.PcaProjection;
import org.shapescope.analysis.geometry.ProjectionAlignment;
import org.shapescope.analysis.geometry.TokenKeys;
import org.shapescope.analysis.run.Checkpoint;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.data.ProjectionSeries;

/**
 * The viewer's {@link ProjectionSeries} of one layer: every checkpoint that has the layer, in one
 * frame ({@link ProjectionAlignment#PROCRUSTES}: the last checkpoint's PCA frame, the others chained
 * onto it by {@link AlignedProjections}; {@link ProjectionAlignment#COMMON_BASIS}: one
 * {@link CommonBasis}, read in two passes over the checkpoints so that only one layer is in memory
 * at a time). Tokens are tracked across checkpoints by their {@link TokenKeys}.
 */
public final class AlignedLayerProjections {

    /** Axes of the common basis kept for the variance bars. */
    public static final int COMMON_COMPONENTS = 10;

    private AlignedLayerProjections() {
    }

    /**
     * @param checkpoints the run's checkpoints holding {@code layer}, ascending step
     * @param notes       told about checkpoints left unaligned
     */
    public static ProjectionSeries of(List<Checkpoint> checkpoints, int layer, ProjectionAlignment mode,
            BooleanSupplier cancelled, Consumer<String> notes) throws CheckpointFormatException {
        if (mode == ProjectionAlignment.INDEPENDENT || checkpoints.isEmpty()) {
            throw new IllegalArgumentException("an aligned series needs a mode other than " + mode + " and checkpoints");
        }
        int count = checkpoints.size();
        long[] steps = new long[count];
        List<Projection> projections = new ArrayList<>(count);
        List<TokenKeys> keys = new ArrayList<>(count);
        Checkpoint last = checkpoints.get(count - 1);
        String frame;
        if (mode == ProjectionAlignment.PROCRUSTES) {
            frame = mode.label() + " to step " + last.step();
            List<PcaProjection> clouds = new ArrayList<>(count);
            List<Projection> own = new ArrayList<>(count);
            for (Checkpoint c : checkpoints) {
                check(cancelled);
                LayerData data = c.readLayer(layer); // one layer in memory at a time: only coordinates are kept
                clouds.add(PcaProjection.compute(data.values(), data.tokens(), data.hiddenSize(),
                        AlignedProjections.PROCRUSTES_COMPONENTS));
                own.add(CellProjections.of(data));
                keys.add(TokenKeys.of(data.sequence(), data.position(), data.tokenId(), data.tokens()));
            }
            List<AlignedCoordinates> aligned = AlignedProjections.procrustesChain(clouds, keys, count - 1,
                    note -> notes.accept("layer " + layer + " (checkpoints numbered from 0 in step order): " + note));
            for (int c = 0; c < count; c++) {
                steps[c] = checkpoints.get(c).step();
                projections.add(inFrame(own.get(c), aligned.get(c), "aligned axis"));
            }
        } else {
            frame = mode.label() + " of " + count + " checkpoints";
            CommonBasis common = null;
            for (Checkpoint c : checkpoints) {
                check(cancelled);
                LayerData data = c.readLayer(layer);
                if (common == null) {
                    common = new CommonBasis(data.hiddenSize());
                }
                common.add(data.values(), data.tokens());
            }
            double[] basis = common.basis(COMMON_COMPONENTS);
            for (int c = 0; c < count; c++) {
                check(cancelled);
                LayerData data = checkpoints.get(c).readLayer(layer);
                AlignedCoordinates coords = common.project(data.values(), data.tokens(), basis);
                steps[c] = checkpoints.get(c).step();
                keys.add(TokenKeys.of(data.sequence(), data.position(), data.tokenId(), data.tokens()));
                projections.add(inFrame(CellProjections.of(data, new double[data.tokens()], new double[data.tokens()],
                        coords.axisShare(), null), coords, "common PC"));
            }
        }
        Map<TokenKeys.Key, Integer> trackOf = new HashMap<>();
        int[][] tracks = new int[count][];
        for (int c = 0; c < count; c++) {
            TokenKeys k = keys.get(c);
            tracks[c] = new int[k.rows()];
            for (int i = 0; i < k.rows(); i++) {
                TokenKeys.Key key = k.key(i);
                tracks[c][i] = key == null ? -1 : trackOf.computeIfAbsent(key, x -> trackOf.size());
            }
        }
        return new ProjectionSeries(frame, steps, projections, tracks, trackOf.size());
    }

    private static Projection inFrame(Projection p, AlignedCoordinates coords, String axis) {
        int n = coords.rows();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = coords.coordinate(i, 0);
            y[i] = coords.components() > 1 ? coords.coordinate(i, 1) : 0.0;
        }
        double[] share = coords.axisShare();
        String[] labels = new String[2];
        for (int a = 0; a < 2; a++) {
            labels[a] = String.format(Locale.ROOT, "%s %d (%.1f %%)", axis, a + 1, a < share.length ? 100 * share[a] : 0.0);
        }
        return p.inFrame(x, y, labels);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("aligned projections cancelled");
        }
    }
}

package org.shapescope.viewer.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;
import org.shapescope.viewer.data.ProjectionSeries;
import org.shapescope.viewer.data.TokenSearch;

/** A series of aligned projections (range, trails, most moved), token search, and the figure drawing them. */
public class ProjectionSeriesFigureTest {

    /** Coordinates are copied, never computed: exact. */
    static final double EXACT = 0.0;

    /** Three checkpoints of three tokens "a", " the", "a"; token 2 is missing at checkpoint 1; rows reordered at 2. */
    public static ProjectionSeries series() {
        Projection p0 = projection(new double[] {0, 1, 2}, new double[] {0, 0, 0}, new String[] {"a", " the", "a"});
        Projection p1 = projection(new double[] {0, 4}, new double[] {1, 0}, new String[] {"a", " the"});
        Projection p2 = projection(new double[] {-3, 0, 2}, new double[] {5, 1, -2}, new String[] {"a", "a", " the"});
        return new ProjectionSeries("test frame", new long[] {1, 2, 4}, List.of(p0, p1, p2),
                new int[][] {{0, 1, 2}, {0, 1}, {2, 0, 1}}, 3);
    }

    static Projection projection(double[] x, double[] y, String[] tokens) {
        double[] ids = new double[x.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokens[i].strip().charAt(0);
        }
        return new Projection(x, y, Map.of(PointValue.TOKEN_ID, ids), tokens, new double[] {0.6, 0.3},
                new String[] {"aligned axis 1", "aligned axis 2"});
    }

    @Test
    void rangeCoversEveryCheckpointAndTrailsFollowTracks() {
        ProjectionSeries s = series();
        assertThat(s.range()).containsExactly(new double[] {-3, 4, -2, 5}, within(EXACT));
        // track 2 (the second "a"): (2, 0) at checkpoint 0, absent at 1, (-3, 5) at 2
        double[][] trail = s.trail(2, 2);
        assertThat(trail[0]).containsExactly(2, -3);
        assertThat(trail[1]).containsExactly(0, 5);
        assertThat(s.point(1, 2)).isEqualTo(-1);
        assertThat(s.point(2, 1)).isEqualTo(2);
    }

    @Test
    void mostMovedIsTheLargestDisplacementFromThePreviousCheckpoint() {
        ProjectionSeries s = series();
        assertThat(s.mostMoved(0)).isEmpty();
        // checkpoint 1: token 0 moved (0,0)->(0,1) = 1, token 1 (1,0)->(4,0) = 3
        assertThat(s.mostMoved(1)).containsExactly(1, 0);
        assertThat(s.displacement(1, 1)).isCloseTo(3, within(1e-15));
        // checkpoint 2: point 0 is track 2 (absent at 1: no displacement); point 1 track 0 (0,1)->(0,1) = 0;
        // point 2 track 1 (4,0)->(2,-2) = 2√2
        assertThat(s.mostMoved(2)).containsExactly(2, 1);
        assertThat(s.displacement(2, 0)).isNaN();
        assertThat(s.displacement(2, 2)).isCloseTo(2 * Math.sqrt(2), within(1e-15));
    }

    @Test
    void searchFindsTokensByTextOrId() {
        Projection p = series().projection(0);
        assertThat(TokenSearch.matches(p, "a")).containsExactly(0, 2);
        assertThat(TokenSearch.matches(p, "the")).containsExactly(1);
        assertThat(TokenSearch.matches(p, " the")).containsExactly(1);
        assertThat(TokenSearch.matches(p, "th")).isEmpty();
        assertThat(TokenSearch.matches(p, "id:" + (int) 't')).containsExactly(1);
        assertThat(TokenSearch.matches(p, "id:x")).isEmpty();
        assertThat(TokenSearch.matches(p, "")).isEmpty();
    }

    @Test
    void figureUsesTheFixedRangeTheTrailsAndTheHighlightedSet() {
        ProjectionSeries s = series();
        Projection p = s.projection(2);
        JFreeChart chart = new ProjectionFigure(p).range(s.range()).highlight(new int[] {0, 2})
                .trails(List.of(s.trail(2, 2), s.trail(2, 1))).scatter();
        XYPlot plot = chart.getXYPlot();
        double pad = ProjectionFigure.RANGE_PADDING;
        assertThat(plot.getDomainAxis().getLowerBound()).isCloseTo(-3 - 7 * pad, within(1e-12));
        assertThat(plot.getDomainAxis().getUpperBound()).isCloseTo(4 + 7 * pad, within(1e-12));
        assertThat(plot.getRangeAxis().getLowerBound()).isCloseTo(-2 - 7 * pad, within(1e-12));
        assertThat(plot.getRangeAxis().getUpperBound()).isCloseTo(5 + 7 * pad, within(1e-12));
        XYDataset trails = plot.getDataset(ProjectionFigure.TRAILS_DATASET);
        assertThat(trails.getSeriesCount()).isEqualTo(2);
        assertThat(trails.getItemCount(0)).isEqualTo(2);
        assertThat(trails.getXValue(0, 1)).isEqualTo(-3);
        assertThat(trails.getItemCount(1)).isEqualTo(3);
        XYDataset hits = plot.getDataset(ProjectionFigure.HIGHLIGHT_DATASET);
        assertThat(hits.getItemCount(0)).isEqualTo(2);
        assertThat(hits.getXValue(0, 1)).isEqualTo(2);
        assertThat(hits.getYValue(0, 1)).isEqualTo(-2);
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("aligned axis 1");
        // without them: the axes fit the points and there are no extra datasets
        XYPlot plain = new ProjectionFigure(p).scatter().getXYPlot();
        assertThat(plain.getDataset(ProjectionFigure.TRAILS_DATASET)).isNull();
        assertThat(plain.getDataset(ProjectionFigure.HIGHLIGHT_DATASET)).isNull();
        assertThat(plain.getRangeAxis().getUpperBound()).isNotEqualTo(5 + 7 * pad);
    }
}

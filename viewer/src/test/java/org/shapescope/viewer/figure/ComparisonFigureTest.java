package org.shapescope.viewer.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.shapescope.viewer.data.GridDifference;
import org.shapescope.viewer.data.MetricGrid;
import org.shapescope.viewer.data.RunGrid;

/** Several runs in one figure: the overlaid profile and trajectory, and the difference heatmap A − B. */
class ComparisonFigureTest {

    /** Relative depths are a division of two small integers; the subtraction A − B of two doubles is exact here. */
    private static final double EXACT = 0;

    /** Layers 0..last, steps given; value = 100·run + 10·layer + stepIdx, so every cell is known. */
    private static MetricGrid grid(int run, long[] steps, int last) {
        int[] layers = new int[last + 1];
        double[][] values = new double[last + 1][steps.length];
        for (int l = 0; l <= last; l++) {
            layers[l] = l;
            for (int s = 0; s < steps.length; s++) {
                values[l][s] = 100 * run + 10 * l + s;
            }
        }
        return new MetricGrid("twonn", steps, layers, values, null);
    }

    @Test
    void profileOverlaysOneSeriesPerRunAtRelativeDepth() {
        MetricGrid deep = grid(0, new long[] {0, 8, 1024}, 12);
        MetricGrid shallow = grid(1, new long[] {0, 16, 1024, 2048}, 4);
        JFreeChart chart = new LayerProfileFigure(deep, 2).relativeDepth(true)
                .compareWith("deep", List.of(new RunGrid("shallow", shallow, null))).build();
        XYDataset data = chart.getXYPlot().getDataset(0);
        assertThat(data.getSeriesCount()).isEqualTo(2);
        assertThat(data.getSeriesKey(0)).isEqualTo("deep, step 1,024");
        assertThat(data.getSeriesKey(1)).as("the same step in the other run").isEqualTo("shallow, step 1,024");
        assertThat(data.getItemCount(0)).isEqualTo(13);
        assertThat(data.getItemCount(1)).isEqualTo(5);
        for (int l = 0; l <= 4; l++) {
            assertThat(data.getXValue(1, l)).isEqualTo(l / 4.0, org.assertj.core.api.Assertions.within(EXACT));
            assertThat(data.getYValue(1, l)).isEqualTo(100 + 10 * l + 2);
        }
        assertThat(data.getXValue(0, 3)).isEqualTo(3 / 12.0, org.assertj.core.api.Assertions.within(EXACT));
        assertThat(data.getXValue(0, 12)).isEqualTo(1.0);
        assertThat(chart.getLegend()).isNotNull();
        assertThat(chart.getXYPlot().getRenderer().getSeriesPaint(0)).isEqualTo(RunColours.of(0));
        assertThat(chart.getXYPlot().getRenderer().getSeriesPaint(1)).isEqualTo(RunColours.of(1));
    }

    @Test
    void profileOfARunWithoutTheSelectedStepUsesItsNearestCheckpointOnALogScale() {
        MetricGrid a = grid(0, new long[] {0, 4, 8}, 2);
        MetricGrid b = grid(1, new long[] {0, 16, 2048}, 2);
        XYDataset data = new LayerProfileFigure(a, 2).compareWith("a", List.of(new RunGrid("b", b, null))).build()
                .getXYPlot().getDataset(0);
        // |log 9 − log 17| < |log 9 − log 1|: step 16 is nearer to step 8 than step 0 is
        assertThat(data.getSeriesKey(1)).isEqualTo("b, step 16");
        assertThat(data.getYValue(1, 0)).isEqualTo(101);
    }

    @Test
    void trajectoryOverlaysEachRunAtTheLayerOfTheSameRelativeDepth() {
        MetricGrid deep = grid(0, new long[] {0, 8, 1024}, 12);
        MetricGrid shallow = grid(1, new long[] {0, 16, 1024, 2048}, 4);
        JFreeChart chart = new TrajectoryFigure(deep).layers(6)
                .compareWith("deep", List.of(new RunGrid("shallow", shallow, null))).build();
        XYDataset data = chart.getXYPlot().getDataset(0);
        assertThat(data.getSeriesCount()).isEqualTo(2);
        assertThat(data.getSeriesKey(0)).isEqualTo("deep, layer 6");
        assertThat(data.getSeriesKey(1)).as("6 / 12 = 2 / 4").isEqualTo("shallow, layer 2");
        LogStepAxis axis = (LogStepAxis) chart.getXYPlot().getDomainAxis();
        // step 0, the gap after it, then 16, 1024, 2048 on the shared log axis
        assertThat(data.getItemCount(1)).isEqualTo(5);
        assertThat(data.getXValue(1, 4)).isEqualTo(axis.position(2048));
        assertThat(data.getYValue(1, 4)).isEqualTo(100 + 20 + 3);
    }

    @Test
    void differenceIsASubtractionWhereStepAndLayerMatchAndBlankElsewhere() {
        MetricGrid a = grid(1, new long[] {0, 4, 8, 1024}, 3);       // layers 0..3
        MetricGrid b = grid(0, new long[] {0, 8, 1024, 2048}, 2);    // layers 0..2, no step 4
        GridDifference d = GridDifference.of(new RunGrid("A", a, null), new RunGrid("B", b, null));
        MetricGrid diff = d.grid();
        assertThat(diff.steps()).containsExactly(0, 4, 8, 1024);
        assertThat(diff.layers()).containsExactly(0, 1, 2, 3);
        // A(l, s) = 100 + 10 l + s; B at the same step is B's index sb: 0 → 0, 8 → 1, 1024 → 2
        int[] bIndex = {0, -1, 1, 2};
        for (int l = 0; l < 4; l++) {
            for (int s = 0; s < 4; s++) {
                boolean matched = l <= 2 && bIndex[s] >= 0;
                assertThat(d.matched(l, s)).as("layer %d step %d", l, s).isEqualTo(matched);
                if (matched) {
                    assertThat(diff.value(l, s)).isEqualTo((100.0 + 10 * l + s) - (10 * l + bIndex[s]), org.assertj.core.api.Assertions.within(EXACT));
                } else {
                    assertThat(diff.value(l, s)).isNaN();
                }
            }
        }
        assertThat(diff.value(2, 3)).isEqualTo(101);
        assertThat(d.matchedCount()).isEqualTo(9);
        assertThat(d.caption()).isEqualTo("A − B: 9 of 16 cells share step and layer; crossed out: no such cell in B");

        JFreeChart chart = new HeatmapFigure(d).build();
        XYZDataset z = (XYZDataset) chart.getXYPlot().getDataset();
        assertThat(z.getZValue(0, 1 * 4 + 2)).isEqualTo(10 + 2 - 1 + 100 - 10, org.assertj.core.api.Assertions.within(EXACT));
        long blanks = chart.getXYPlot().getAnnotations().stream().filter(XYShapeAnnotation.class::isInstance).count();
        assertThat(blanks).as("16 − 9 unmatched cells drawn white").isEqualTo(7);
        long crosses = chart.getXYPlot().getAnnotations().stream()
                .filter(org.jfree.chart.annotations.XYLineAnnotation.class::isInstance).count();
        assertThat(crosses).as("and crossed out").isEqualTo(7);
        DivergingScale scale = DivergingScale.around(diff.valueRange());
        assertThat(scale.getLowerBound()).isEqualTo(-scale.getUpperBound());
        assertThat(scale.getPaint(0)).isEqualTo(new java.awt.Color(0xF7, 0xF7, 0xF7));
    }

    @Test
    void differenceCarriesTheSpreadOfADifferenceOfIndependentEstimates() {
        double[][] va = {{5}};
        double[][] vb = {{2}};
        MetricGrid a = new MetricGrid("twonn", new long[] {10}, new int[] {0}, va, null, new double[][] {{0.3}}, 5);
        MetricGrid b = new MetricGrid("twonn", new long[] {10}, new int[] {0}, vb, null, new double[][] {{0.4}}, 5);
        MetricGrid diff = GridDifference.of(new RunGrid("A", a, null), new RunGrid("B", b, null)).grid();
        assertThat(diff.value(0, 0)).isEqualTo(3);
        assertThat(diff.spread(0, 0)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-15)); // 3-4-5
    }

}

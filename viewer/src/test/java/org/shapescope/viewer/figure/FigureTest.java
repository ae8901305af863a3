package org.shapescope.viewer.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.shapescope.viewer.data.MetricGrid;

class FigureTest {

    private static final double EXACT = 0;

    @Test
    void heatmapDatasetHoldsEveryCell() {
        MetricGrid grid = SyntheticFigureData.grid("anisotropy", 7, 11, 3, 345);
        XYZDataset data = (XYZDataset) new HeatmapFigure(grid).build().getXYPlot().getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(77);
        for (int l = 0; l < 11; l++) {
            for (int s = 0; s < 7; s++) {
                int i = l * 7 + s;
                assertThat(data.getXValue(0, i)).isEqualTo(s);
                assertThat(data.getYValue(0, i)).isEqualTo(l);
                if (grid.isComputed(l, s)) {
                    assertThat(data.getZValue(0, i)).isEqualTo(grid.value(l, s));
                } else {
                    assertThat(data.getZValue(0, i)).isNaN();
                }
            }
        }
        assertThat(data.getZValue(0, 10 * 7 + 6)).isNaN();
    }

    @Test
    void logStepAxisPutsStepZeroHalfADecadeBeforeFirstDecade() {
        LogStepAxis axis = new LogStepAxis("training step", new long[] {0, 16, 1000});
        assertThat(axis.position(0)).isCloseTo(0.5, within(1e-12));
        assertThat(axis.position(1000)).isCloseTo(3, within(1e-12));
        LogStepAxis fromOne = new LogStepAxis("training step", new long[] {0, 1, 2});
        assertThat(fromOne.position(0)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void trajectoryPlotsOneSeriesPerLayerAndBreaksLineAfterStepZero() {
        MetricGrid grid = SyntheticFigureData.grid("intrinsic dimension", 9, 5, 0, 3);
        JFreeChart chart = new TrajectoryFigure(grid).layers(1, 3).loss(SyntheticFigureData.loss(1)).build();
        XYDataset data = chart.getXYPlot().getDataset(0);
        assertThat(data.getSeriesCount()).isEqualTo(2);
        assertThat(data.getSeriesKey(1)).isEqualTo("layer 3");
        // step 0, a NaN gap, then one point per positive step
        assertThat(data.getItemCount(0)).isEqualTo(10);
        assertThat(data.getYValue(0, 1)).isNaN();
        assertThat(data.getYValue(1, 9)).isEqualTo(grid.value(3, 8), within(EXACT));
        assertThat(chart.getXYPlot().getRangeAxis(1).getLabel()).isEqualTo("training loss");
    }

    @Test
    void layerProfileOverlayHasOneSeriesPerCheckpointSelectedLast() {
        MetricGrid grid = SyntheticFigureData.grid("intrinsic dimension", 6, 4, 0, 3);
        XYDataset data = new LayerProfileFigure(grid, 2).overlayAllCheckpoints(true).relativeDepth(true)
                .build().getXYPlot().getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(6);
        assertThat(data.getSeriesKey(5)).isEqualTo(grid.step(2));
        assertThat(data.getXValue(5, 3)).isEqualTo(1.0);
        assertThat(data.getYValue(5, 1)).isEqualTo(grid.value(1, 2));
    }

    @Test
    void compactStepLabels() {
        assertThat(StepLabels.compact(0)).isEqualTo("0");
        assertThat(StepLabels.compact(950)).isEqualTo("950");
        assertThat(StepLabels.compact(1000)).isEqualTo("1k");
        assertThat(StepLabels.compact(1500)).isEqualTo("1.5k");
        assertThat(StepLabels.compact(143_000)).isEqualTo("143k");
        assertThat(StepLabels.compact(2_500_000)).isEqualTo("2.5M");
    }

    @Test
    void gridCopiesOnWrite() {
        MetricGrid empty = MetricGrid.empty("anisotropy", new long[] {0, 10}, new int[] {0, 1, 2});
        MetricGrid one = empty.with(1, 2, 0.25, 4096);
        assertThat(empty.isComputed(2, 1)).isFalse();
        assertThat(one.value(2, 1)).isEqualTo(0.25);
        assertThat(one.tokensUsed(2, 1)).isEqualTo(4096);
        assertThat(one.valueRange()).containsExactly(0.25, 0.25);
    }
}

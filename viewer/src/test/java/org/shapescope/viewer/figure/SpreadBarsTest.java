package org.shapescope.viewer.figure;

import static org.assertj.core.api.Assertions.assertThat;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.shapescope.viewer.data.MetricGrid;

/** Error bars of mean ± std over resamples in the profile and trajectory, from a grid with a known spread. */
class SpreadBarsTest {

    /** Bars are mean ∓ std as doubles, one subtraction and one addition: exact to a few ulps at these magnitudes. */
    private static final double ULPS = 1e-12;

    /** steps 0, 10, 100; layers 0, 1, 2; value = 10·layer + stepIdx; spread 0.5 + 0.1·layer except cell (layer 1, step 100) which has none. */
    private static MetricGrid gridWithSpread() {
        long[] steps = {0, 10, 100};
        int[] layers = {0, 1, 2};
        double[][] values = new double[3][3];
        double[][] spread = new double[3][3];
        for (int l = 0; l < 3; l++) {
            for (int s = 0; s < 3; s++) {
                values[l][s] = 10 * l + s;
                spread[l][s] = 0.5 + 0.1 * l;
            }
        }
        spread[1][2] = Double.NaN;
        return new MetricGrid("twonn", steps, layers, values, null, spread, 5);
    }

    @Test
    void profileBarsAreMeanMinusAndPlusStdAtTheSelectedCheckpoint() {
        MetricGrid grid = gridWithSpread();
        JFreeChart chart = new LayerProfileFigure(grid, 1).build();
        IntervalXYDataset bars = (IntervalXYDataset) chart.getXYPlot().getDataset(LayerProfileFigure.BARS_DATASET);
        assertThat(bars.getSeriesCount()).isEqualTo(1);
        assertThat(bars.getItemCount(0)).isEqualTo(3);
        for (int l = 0; l < 3; l++) {
            double mean = 10 * l + 1;
            double std = 0.5 + 0.1 * l;
            assertThat(bars.getXValue(0, l)).isEqualTo(l);
            assertThat(bars.getYValue(0, l)).isEqualTo(mean);
            assertThat(bars.getStartYValue(0, l)).isCloseTo(mean - std, org.assertj.core.api.Assertions.within(ULPS));
            assertThat(bars.getEndYValue(0, l)).isCloseTo(mean + std, org.assertj.core.api.Assertions.within(ULPS));
        }
        assertThat(captions(chart)).contains("error bars: ± std over 5 resamples");
    }

    @Test
    void profileAtACheckpointWithACellWithoutSpreadLeavesThatBarOut() {
        IntervalXYDataset bars = (IntervalXYDataset) new LayerProfileFigure(gridWithSpread(), 2).relativeDepth(true).build()
                .getXYPlot().getDataset(LayerProfileFigure.BARS_DATASET);
        assertThat(bars.getItemCount(0)).isEqualTo(2);
        assertThat(bars.getXValue(0, 1)).isEqualTo(1.0); // layer 2 of 2, relative depth 1
        assertThat(bars.getStartYValue(0, 1)).isCloseTo(22 - 0.7, org.assertj.core.api.Assertions.within(ULPS));
    }

    @Test
    void trajectoryBarsSitAtTheStepPositionsOfTheLine() {
        MetricGrid grid = gridWithSpread();
        JFreeChart chart = new TrajectoryFigure(grid).layers(2).build();
        IntervalXYDataset bars = (IntervalXYDataset) chart.getXYPlot().getDataset(TrajectoryFigure.BARS_DATASET);
        LogStepAxis axis = new LogStepAxis("training step", grid.steps());
        assertThat(bars.getItemCount(0)).isEqualTo(3);
        for (int s = 0; s < 3; s++) {
            assertThat(bars.getXValue(0, s)).isEqualTo(axis.position(grid.step(s)));
            assertThat(bars.getStartYValue(0, s)).isCloseTo(20 + s - 0.7, org.assertj.core.api.Assertions.within(ULPS));
            assertThat(bars.getEndYValue(0, s)).isCloseTo(20 + s + 0.7, org.assertj.core.api.Assertions.within(ULPS));
        }
        assertThat(captions(chart)).contains("error bars: ± std over 5 resamples");
    }

    @Test
    void withALegendTheBarsAreItsLastEntryInsteadOfACaption() {
        JFreeChart chart = new TrajectoryFigure(gridWithSpread()).layers(0, 2).build();
        var items = chart.getXYPlot().getLegendItems();
        assertThat(items.getItemCount()).isEqualTo(3);
        assertThat(items.get(2).getLabel()).isEqualTo("± std over 5 resamples");
        assertThat(captions(chart)).isEmpty();
    }

    @Test
    void aGridWithoutSpreadHasNoBarsAndNoCaption() {
        MetricGrid grid = SyntheticFigureData.grid("anisotropy", 5, 4, 0, 7);
        JFreeChart profile = new LayerProfileFigure(grid, 1).build();
        JFreeChart trajectory = new TrajectoryFigure(grid).build();
        assertThat(profile.getXYPlot().getDataset(LayerProfileFigure.BARS_DATASET)).isNull();
        assertThat(trajectory.getXYPlot().getDataset(TrajectoryFigure.BARS_DATASET)).isNull();
        assertThat(captions(profile)).isEmpty();
    }

    @Test
    void tooltipsSayValuePlusMinusStdAndTheResamples() {
        MetricGrid grid = gridWithSpread();
        assertThat(SpreadBars.valueText(grid, 2, 1)).isEqualTo("21.000 ± 0.700 (5 resamples)");
        assertThat(SpreadBars.valueText(grid, 1, 2)).isEqualTo("12.0000");
        assertThat(HeatmapFigure.describeCell(grid, 0, 0)).contains("twonn = 0.0000 ± 0.500 (5 resamples)");
        JFreeChart chart = new TrajectoryFigure(grid).layers(2).build();
        var renderer = chart.getXYPlot().getRenderer(0);
        String tip = renderer.getToolTipGenerator(0, 2).generateToolTip(chart.getXYPlot().getDataset(0), 0, 2);
        assertThat(tip).contains("layer 2, step 10").contains("21.000 ± 0.700 (5 resamples)");
    }

    private static java.util.List<String> captions(JFreeChart chart) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                texts.add(t.getText());
            }
        }
        return texts;
    }
}

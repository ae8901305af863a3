package org.shapescope.viewer.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.shapescope.viewer.data.MetricGrid;

class ReadableRangeTest {

    /**
     * The first cell of a grid is one point: its trajectory's y axis used to auto-range to 1e-8
     * and label every tick "3.180791E-1". The span is now at least 2 % of the value.
     */
    @Test
    void aTrajectoryOfOnePointKeepsASpanOfTwoPercentOfItsValue() {
        double value = 0.3180791;
        MetricGrid grid = MetricGrid.empty("anisotropy", new long[] {0, 32, 64}, new int[] {0, 1}).with(2, 1, value, 4096);
        JFreeChart chart = new TrajectoryFigure(grid).layers(new int[] {1}).style(FigureStyle.SCREEN).build();
        chart.draw(new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB).createGraphics(),
                new java.awt.geom.Rectangle2D.Double(0, 0, 600, 400));
        org.jfree.data.Range y = chart.getXYPlot().getRangeAxis().getRange();
        assertThat(y.getLength()).isGreaterThanOrEqualTo(FigureStyle.RELATIVE_VALUE_SPAN * value * (1 - 1e-9));
        assertThat(y.contains(value)).isTrue();
    }
}

package org.shapescope.viewer.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.shapescope.viewer.data.MetricGrid;

/** {@link HeatmapFigure#logStepAxis(boolean)}: cells drawn on log10(step), tiling the axis. */
class HeatmapLogStepTest {

    /** Java2D edges are computed from the same doubles, so neighbours share them exactly. */
    private static final double SAME_EDGE = 1e-9;
    /** Pixel-to-value round trip of JFreeChart's axis transform. */
    private static final double AXIS_ROUND_TRIP = 1e-9;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    @Test
    void drawnCellsTileTheLogAxisAndContainTheirStep() {
        MetricGrid grid = SyntheticFigureData.grid("anisotropy", 7, 11, 2, 345);
        JFreeChart chart = new HeatmapFigure(grid).logStepAxis(true).build();
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
        g2.dispose();

        XYPlot plot = chart.getXYPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        int layer = 4;
        List<Rectangle2D> row = new ArrayList<>();
        for (int s = 0; s < grid.stepCount(); s++) {
            row.add(cellBounds(info, layer * grid.stepCount() + s));
        }
        for (int s = 0; s < row.size(); s++) {
            Rectangle2D cell = row.get(s);
            assertThat(cell.getWidth()).as("width of cell %d", s).isPositive();
            if (s > 0) {
                assertThat(cell.getMinX()).as("left edge of cell %d", s).isCloseTo(row.get(s - 1).getMaxX(), within(SAME_EDGE));
            }
            long step = grid.step(s);
            if (step > 0) {
                double lo = plot.getDomainAxis().java2DToValue(cell.getMinX(), area, RectangleEdge.BOTTOM);
                double hi = plot.getDomainAxis().java2DToValue(cell.getMaxX(), area, RectangleEdge.BOTTOM);
                assertThat(Math.log10(step)).as("log10 of step %d", step).isBetween(lo - AXIS_ROUND_TRIP, hi + AXIS_ROUND_TRIP);
            }
        }
        // the cells fill the data area from edge to edge
        assertThat(row.get(0).getMinX()).isCloseTo(area.getMinX(), within(SAME_EDGE));
        assertThat(row.get(row.size() - 1).getMaxX()).isCloseTo(area.getMaxX(), within(SAME_EDGE));
    }

    @Test
    void columnsAgreeWithTheTrajectoryAxisAndKeepStepZeroSymbolic() {
        long[] steps = SyntheticFigureData.steps(7);
        StepColumns columns = StepColumns.logStep(steps);
        LogStepAxis axis = new LogStepAxis("training step", steps);
        for (int i = 0; i < steps.length; i++) {
            assertThat(columns.x(i)).isEqualTo(axis.position(steps[i]));
            assertThat(columns.left(i)).isLessThan(columns.x(i));
            assertThat(columns.right(i)).isGreaterThan(columns.x(i));
            assertThat(columns.columnAt(columns.centre(i))).isEqualTo(i);
        }
        // step 0 keeps to its symbolic quarter-decade either side; steps 16 and 53 meet at the midpoint
        assertThat(columns.left(0)).isCloseTo(axis.zeroPosition() - 0.25, within(1e-12));
        assertThat(columns.right(0)).isCloseTo(axis.zeroPosition() + 0.25, within(1e-12));
        assertThat(columns.right(1)).isCloseTo((Math.log10(steps[1]) + Math.log10(steps[2])) / 2, within(1e-12));
        // the last column extends as far right as it reaches left
        int last = steps.length - 1;
        assertThat(columns.right(last) - columns.x(last)).isCloseTo(columns.x(last) - columns.left(last), within(1e-12));
        assertThat(columns.columnAt(columns.lower() - 0.01)).isEqualTo(-1);
        assertThat(columns.columnAt(columns.upper() + 0.01)).isEqualTo(-1);
    }

    @Test
    void edgeSizesOneAndTwoCheckpoints() {
        StepColumns one = StepColumns.logStep(new long[] {100});
        assertThat(one.left(0)).isLessThan(2).isEqualTo(1.75);
        assertThat(one.right(0)).isEqualTo(2.25);
        StepColumns zeroOnly = StepColumns.logStep(new long[] {0});
        assertThat(zeroOnly.right(0)).isGreaterThan(zeroOnly.left(0));
        StepColumns two = StepColumns.logStep(new long[] {10, 1000});
        assertThat(two.right(0)).isEqualTo(2.0);
        assertThat(two.left(0)).isEqualTo(0.0);
        assertThat(two.upper()).isEqualTo(4.0);
    }

    @Test
    void indexModeKeepsUnitColumnsAndLogModeFitsTheAxisToTheColumns() {
        MetricGrid grid = SyntheticFigureData.grid("anisotropy", 5, 3, 0, 1);
        JFreeChart index = new HeatmapFigure(grid).build();
        assertThat(HeatmapFigure.columnsOf(index)).isEqualTo(StepColumns.index(5));
        assertThat(index.getXYPlot().getDomainAxis()).isInstanceOf(IndexAxis.class);
        JFreeChart log = new HeatmapFigure(grid).logStepAxis(true).selection(2, 1).build();
        StepColumns columns = HeatmapFigure.columnsOf(log);
        assertThat(log.getXYPlot().getDomainAxis()).isInstanceOf(LogStepAxis.class);
        assertThat(log.getXYPlot().getDomainAxis().getLowerBound()).isEqualTo(columns.lower());
        assertThat(log.getXYPlot().getDomainAxis().getUpperBound()).isEqualTo(columns.upper());
    }

    private static Rectangle2D cellBounds(ChartRenderingInfo info, int item) {
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e && e.getItem() == item) {
                return ((ChartEntity) e).getArea().getBounds2D();
            }
        }
        throw new AssertionError("no entity for item " + item);
    }
}

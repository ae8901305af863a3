package org.shapescope.viewer.figure;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * An {@link XYBlockRenderer} whose blocks are not all one width: item {@code layerIdx *
 * stepCount + stepIdx} fills column {@code stepIdx} of a {@link StepColumns} and one unit of y
 * around its layer. {@code XYBlockRenderer} knows a single block width, which cannot tile a log
 * step axis; everything else (paint scale, tooltips and entities) is inherited.
 * Vertical plots only, as the heatmap is.
 */
final class HeatmapCellRenderer extends XYBlockRenderer {

    private final StepColumns columns;

    HeatmapCellRenderer(StepColumns columns) {
        this.columns = columns;
    }

    StepColumns columns() {
        return columns;
    }

    @Override
    public Range findDomainBounds(XYDataset dataset) {
        return columns.size() == 0 ? null : new Range(columns.lower(), columns.upper());
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        int column = item % columns.size();
        double y = dataset.getYValue(series, item);
        double z = dataset instanceof XYZDataset xyz ? xyz.getZValue(series, item) : 0.0;
        double x0 = domainAxis.valueToJava2D(columns.left(column), dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(columns.right(column), dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(y - 0.5, dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(y + 0.5, dataArea, plot.getRangeAxisEdge());
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1),
                Math.abs(x1 - x0), Math.abs(y1 - y0));
        g2.setPaint(getPaintScale().getPaint(z));
        g2.fill(block);
        // as XYBlockRenderer does: a hairline in the cell's own colour hides anti-aliasing seams
        g2.setStroke(new BasicStroke(1.0f));
        g2.draw(block);
        EntityCollection entities = state.getEntityCollection();
        if (entities != null) {
            addEntity(entities, block, dataset, series, item, block.getCenterX(), block.getCenterY());
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof HeatmapCellRenderer r && columns.equals(r.columns) && super.equals(obj);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + columns.hashCode();
    }
}

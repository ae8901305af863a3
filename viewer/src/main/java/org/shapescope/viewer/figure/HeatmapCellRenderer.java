package org.shapescope.viewer.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
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
 * Draws the heatmap's cells as <b>one image</b> covering the data area, so a 154 × 25 grid is one
 * embedded picture inside vector axes in SVG and PDF rather than thousands of styled
 * rectangles. Columns need not be one width: item {@code layerIdx * stepCount + stepIdx} fills
 * column {@code stepIdx} of a {@link StepColumns} and one unit of y around its layer
 * ({@code XYBlockRenderer} knows a single block width, which cannot tile a log step axis). The
 * image has {@code max(rasterDensity, device scale)} pixels per unit, each pixel taking the cell
 * under its centre; the paint scale, tooltips and entities (one per cell, for hit-testing) are
 * inherited from {@link XYBlockRenderer}. Vertical plots only, as the heatmap is.
 */
final class HeatmapCellRenderer extends XYBlockRenderer {

    /** Largest image side in pixels, whatever the density asked for. */
    private static final int MAX_IMAGE_SIDE = 4096;

    private final StepColumns columns;
    private final double rasterDensity;

    /**
     * @param rasterDensity pixels per Java2D unit of the cell image, at least (1 on screen,
     *                      300 dpi in exports); the device's own scale is used when higher
     */
    HeatmapCellRenderer(StepColumns columns, double rasterDensity) {
        this.columns = columns;
        this.rasterDensity = rasterDensity;
    }

    StepColumns columns() {
        return columns;
    }

    @Override
    public Range findDomainBounds(XYDataset dataset) {
        return columns.size() == 0 ? null : new Range(columns.lower(), columns.upper());
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
            PlotRenderingInfo info) {
        XYItemRendererState state = super.initialise(g2, dataArea, plot, dataset, info);
        if (dataset instanceof XYZDataset xyz && dataset.getSeriesCount() > 0 && columns.size() > 0
                && !dataArea.isEmpty()) {
            drawCells(g2, dataArea, plot, xyz);
        }
        return state;
    }

    /** The whole cell grid as one image; pixels outside every cell stay transparent. */
    private void drawCells(Graphics2D g2, Rectangle2D area, XYPlot plot, XYZDataset dataset) {
        AffineTransform device = g2.getTransform();
        double density = Math.max(rasterDensity, Math.sqrt(Math.abs(device.getDeterminant())));
        int w = (int) Math.min(MAX_IMAGE_SIDE, Math.max(1, Math.ceil(area.getWidth() * density)));
        int h = (int) Math.min(MAX_IMAGE_SIDE, Math.max(1, Math.ceil(area.getHeight() * density)));
        int steps = columns.size();
        int layers = dataset.getItemCount(0) / steps;
        int[][] argb = new int[layers][steps];
        for (int l = 0; l < layers; l++) {
            for (int s = 0; s < steps; s++) {
                Paint paint = getPaintScale().getPaint(dataset.getZValue(0, l * steps + s));
                argb[l][s] = paint instanceof Color c ? c.getRGB() : 0;
            }
        }
        ValueAxis domain = plot.getDomainAxis();
        ValueAxis range = plot.getRangeAxis();
        int[] columnOf = new int[w];
        for (int px = 0; px < w; px++) {
            double x = domain.java2DToValue(area.getX() + (px + 0.5) * area.getWidth() / w, area, plot.getDomainAxisEdge());
            columnOf[px] = x < columns.lower() || x > columns.upper() ? -1 : columns.columnAt(x);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        for (int py = 0; py < h; py++) {
            double y = range.java2DToValue(area.getY() + (py + 0.5) * area.getHeight() / h, area, plot.getRangeAxisEdge());
            int l = (int) Math.floor(y + 0.5);
            for (int px = 0; px < w; px++) {
                int s = columnOf[px];
                row[px] = l < 0 || l >= layers || s < 0 || s >= steps ? 0 : argb[l][s];
            }
            image.setRGB(0, py, w, 1, row, 0, w);
        }
        Object interpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(image, new AffineTransform(area.getWidth() / w, 0, 0, area.getHeight() / h, area.getX(), area.getY()),
                null);
        if (interpolation != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
    }

    /** Cells are drawn in {@link #initialise}; here each item only adds its entity (tooltip, hit area). */
    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        EntityCollection entities = state.getEntityCollection();
        if (entities == null) {
            return;
        }
        int column = item % columns.size();
        double y = dataset.getYValue(series, item);
        double x0 = domainAxis.valueToJava2D(columns.left(column), dataArea, plot.getDomainAxisEdge());
        double x1 = domainAxis.valueToJava2D(columns.right(column), dataArea, plot.getDomainAxisEdge());
        double y0 = rangeAxis.valueToJava2D(y - 0.5, dataArea, plot.getRangeAxisEdge());
        double y1 = rangeAxis.valueToJava2D(y + 0.5, dataArea, plot.getRangeAxisEdge());
        Rectangle2D block = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1),
                Math.abs(x1 - x0), Math.abs(y1 - y0));
        addEntity(entities, block, dataset, series, item, block.getCenterX(), block.getCenterY());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof HeatmapCellRenderer r && columns.equals(r.columns) && rasterDensity == r.rasterDensity
                && super.equals(obj);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + columns.hashCode();
    }
}

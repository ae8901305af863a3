package org.shapescope.viewer.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * An {@link XYShapeRenderer} that draws all points of series 0 into <b>one transparent image</b>
 * over the data area (anti-aliased, {@code rasterDensity} pixels per unit) instead of one
 * vector shape per point: a projection of 20 000 tokens is then one picture inside vector axes
 * (a few hundred kB of PDF instead of megabytes), and grid lines still show between points.
 * Points are drawn in dataset order, so later points lie on top, as with the plain renderer.
 */
final class PointCloudRenderer extends XYShapeRenderer {

    /** Largest image side in pixels. */
    private static final int MAX_IMAGE_SIDE = 4096;

    private final double rasterDensity;

    PointCloudRenderer(double rasterDensity) {
        this.rasterDensity = rasterDensity;
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
            PlotRenderingInfo info) {
        XYItemRendererState state = super.initialise(g2, dataArea, plot, dataset, info);
        if (dataset != null && dataset.getSeriesCount() > 0 && !dataArea.isEmpty()) {
            drawPoints(g2, dataArea, plot, dataset);
        }
        return state;
    }

    private void drawPoints(Graphics2D g2, Rectangle2D area, XYPlot plot, XYDataset dataset) {
        double density = Math.max(rasterDensity, Math.sqrt(Math.abs(g2.getTransform().getDeterminant())));
        int w = (int) Math.min(MAX_IMAGE_SIDE, Math.max(1, Math.ceil(area.getWidth() * density)));
        int h = (int) Math.min(MAX_IMAGE_SIDE, Math.max(1, Math.ceil(area.getHeight() * density)));
        double kx = w / area.getWidth();
        double ky = h / area.getHeight();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D img = image.createGraphics();
        try {
            img.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            img.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Shape dot = AffineTransform.getScaleInstance(kx, ky).createTransformedShape(getDefaultShape());
            ValueAxis domain = plot.getDomainAxis();
            ValueAxis range = plot.getRangeAxis();
            XYZDataset xyz = dataset instanceof XYZDataset z ? z : null;
            AffineTransform at = new AffineTransform();
            for (int i = 0; i < dataset.getItemCount(0); i++) {
                double x = dataset.getXValue(0, i);
                double y = dataset.getYValue(0, i);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    continue;
                }
                double px = (domain.valueToJava2D(x, area, plot.getDomainAxisEdge()) - area.getX()) * kx;
                double py = (range.valueToJava2D(y, area, plot.getRangeAxisEdge()) - area.getY()) * ky;
                img.setPaint(getPaintScale().getPaint(xyz == null ? 0 : xyz.getZValue(0, i)));
                at.setToTranslation(px, py);
                img.fill(at.createTransformedShape(dot));
            }
        } finally {
            img.dispose();
        }
        Object interpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g2.drawImage(image, new AffineTransform(1 / kx, 0, 0, 1 / ky, area.getX(), area.getY()), null);
        if (interpolation != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        }
    }

    /** Points are drawn in {@link #initialise}; no shape, entity or crosshair per item. */
    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PointCloudRenderer r && rasterDensity == r.rasterDensity && super.equals(obj);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

package org.shapescope.viewer.figure;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.ui.Drawable;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.shapescope.viewer.data.PointValue;
import org.shapescope.viewer.data.Projection;

/**
 * The 2-D PCA scatter of one cell's hidden states, coloured by a per-point value, plus the
 * explained-variance spectrum of the leading components as a separate small bar chart.
 * {@link #composite()} draws both side by side for export (scatter left, spectrum right).
 * Axis labels carry each component's explained-variance percentage.
 */
public final class ProjectionFigure {

    private final Projection projection;
    private PointValue colourBy;
    private ColorMap colorMap = ColorMap.VIRIDIS;
    private String title;
    private double pointSize = 3.0;
    private FigureStyle style = FigureStyle.SCREEN;
    private double[] range;
    private int[] highlighted = new int[0];
    private java.util.List<double[][]> trails = java.util.List.of();

    public ProjectionFigure(Projection projection) {
        this.projection = projection;
        this.colourBy = projection.available().isEmpty() ? null : projection.available().iterator().next();
    }

    /** Which per-point value sets the colour; null or unavailable draws all points one colour. */
    public ProjectionFigure colourBy(PointValue value) {
        this.colourBy = value;
        return this;
    }

    public ProjectionFigure colorMap(ColorMap map) {
        this.colorMap = map;
        return this;
    }

    /** Fonts, line widths, marker sizes and title policy; {@link FigureStyle#SCREEN} by default. */
    public ProjectionFigure style(FigureStyle style) {
        this.style = style;
        return this;
    }

    /** Fixed axis ranges {minX, maxX, minY, maxY} (e.g. over all checkpoints of an aligned series); null: fit the points. */
    public ProjectionFigure range(double[] range) {
        this.range = range == null ? null : range.clone();
        return this;
    }

    /** Points drawn again on top, larger and ringed (search hits, pinned tokens); null or empty for none. */
    public ProjectionFigure highlight(int[] points) {
        this.highlighted = points == null ? new int[0] : points.clone();
        return this;
    }

    /** Paths of tokens across checkpoints, each {xs, ys}, drawn as lines ending at the current point. */
    public ProjectionFigure trails(java.util.List<double[][]> trails) {
        this.trails = java.util.List.copyOf(trails);
        return this;
    }

    public ProjectionFigure title(String title) {
        this.title = title;
        return this;
    }

    /** Diameter of a point at screen size (pixels at scale 1; scaled by the style). */
    public ProjectionFigure pointSize(double size) {
        this.pointSize = size;
        return this;
    }

    /** Axis label of principal component {@code k} (0-based), e.g. "PC1 (23.4 %)", or the projection's own axis label. */
    public String componentLabel(int k) {
        if (k < 2 && projection.axisLabel(k) != null) {
            return projection.axisLabel(k);
        }
        double[] evr = projection.explainedVarianceRatio();
        return k < evr.length
                ? String.format(Locale.ROOT, "PC%d (%.1f %%)", k + 1, 100 * evr[k])
                : "PC" + (k + 1);
    }

    /** The scatter: dataset 0 is one XYZ series with z the colour value (0 when uncoloured). */
    public JFreeChart scatter() {
        double[] z = colourBy == null ? null : projection.values(colourBy);
        int n = projection.size();
        double[] zz = z != null ? z : new double[n];
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("points", new double[][] {projection.x(), projection.y(), zz});

        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : zz) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        ColorMapScale scale = new ColorMapScale(colorMap, lo > hi ? 0 : lo, lo > hi ? 1 : hi);
        XYShapeRenderer renderer = new PointCloudRenderer(style.rasterDensity());
        renderer.setDrawOutlines(false);
        renderer.setAutoPopulateSeriesShape(false);
        renderer.setDefaultShape(style.dot(pointSize));
        if (z != null) {
            renderer.setPaintScale(scale);
        } else {
            renderer.setPaintScale(new LookupPaintScale(-1, 1, new Color(0x1F, 0x4E, 0x79)));
        }
        NumberAxis xAxis = style.axis(new NumberAxis(componentLabel(0)), componentLabel(0));
        NumberAxis yAxis = style.axis(new NumberAxis(componentLabel(1)), componentLabel(1));
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        if (range != null) {
            double px = (range[1] - range[0]) * RANGE_PADDING;
            double py = (range[3] - range[2]) * RANGE_PADDING;
            xAxis.setAutoRangeIncludesZero(false);
            yAxis.setAutoRangeIncludesZero(false);
            xAxis.setRange(range[0] - px, range[1] + px);
            yAxis.setRange(range[2] - py, range[3] + py);
        }
        if (!trails.isEmpty()) {
            XYSeriesCollection paths = new XYSeriesCollection();
            for (int t = 0; t < trails.size(); t++) {
                XYSeries path = new XYSeries("trail " + t, false, true);
                for (int i = 0; i < trails.get(t)[0].length; i++) {
                    path.add(trails.get(t)[0][i], trails.get(t)[1][i]);
                }
                paths.addSeries(path);
            }
            XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
            for (int t = 0; t < trails.size(); t++) {
                lines.setSeriesPaint(t, TRAIL);
                lines.setSeriesStroke(t, style.stroke(1.2));
                lines.setSeriesShape(t, style.dot(pointSize * 0.8));
            }
            plot.setDataset(TRAILS_DATASET, paths);
            plot.setRenderer(TRAILS_DATASET, lines);
        }
        if (highlighted.length > 0) {
            XYSeries hits = new XYSeries("highlighted", false, true);
            for (int i : highlighted) {
                hits.add(projection.x()[i], projection.y()[i]);
            }
            XYShapeRenderer rings = new XYShapeRenderer();
            rings.setAutoPopulateSeriesShape(false);
            rings.setDefaultShape(style.dot(pointSize * 2.4));
            rings.setDrawOutlines(true);
            rings.setUseOutlinePaint(true);
            rings.setPaintScale(new LookupPaintScale(-1, 1, HIGHLIGHT));
            rings.setSeriesOutlinePaint(0, Color.BLACK);
            rings.setSeriesOutlineStroke(0, style.stroke(1));
            plot.setDataset(HIGHLIGHT_DATASET, new XYSeriesCollection(hits));
            plot.setRenderer(HIGHLIGHT_DATASET, rings);
        }
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        style.plot(plot, true);
        JFreeChart chart = style.chart(title, plot, false);
        if (z != null) {
            chart.addSubtitle(style.colourBar(scale, colourBy.label()));
        }
        return chart;
    }

    /** Explained-variance ratio per component as bars (x = component number from 1). */
    public JFreeChart spectrum() {
        double[] evr = projection.explainedVarianceRatio();
        XYSeries series = new XYSeries("explained variance", false, false);
        for (int k = 0; k < evr.length; k++) {
            series.add(k + 1, evr[k]);
        }
        XYBarRenderer renderer = new XYBarRenderer(0.2);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, new Color(0x44, 0x44, 0x44));
        // no y label: the x label says what the bars are, and a rotated label would not fit a short panel
        NumberAxis xAxis = style.axis(new NumberAxis(SPECTRUM_LABEL), SPECTRUM_LABEL);
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        xAxis.setRange(0.4, Math.max(1, evr.length) + 0.6);
        NumberAxis yAxis = style.axis(new NumberAxis(), null);
        yAxis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), xAxis, yAxis, renderer);
        style.plot(plot, true);
        plot.setDomainGridlinesVisible(false);
        return style.chart(null, plot, false);
    }

    /**
     * Scatter and spectrum as one drawing: side by side (scatter left 72 %, spectrum right in the
     * middle 60 % of the height) when the area is at least {@link #SIDE_BY_SIDE_EMS} label
     * heights wide, else stacked (scatter on top, spectrum in the bottom {@link #STACKED_SPECTRUM_SHARE}),
     * as at one column's width.
     */
    public Drawable composite() {
        JFreeChart scatter = scatter();
        JFreeChart spectrum = spectrum();
        double em = style.labelFont().getSize2D();
        return (Graphics2D g2, Rectangle2D area) -> {
            g2.setPaint(Color.WHITE);
            g2.fill(area);
            if (area.getWidth() >= SIDE_BY_SIDE_EMS * em) {
                double split = area.getWidth() * 0.72;
                scatter.draw(g2, new Rectangle2D.Double(area.getX(), area.getY(), split, area.getHeight()));
                spectrum.draw(g2, new Rectangle2D.Double(area.getX() + split, area.getY() + area.getHeight() * 0.2,
                        area.getWidth() - split, area.getHeight() * 0.6));
            } else {
                double split = area.getHeight() * (1 - STACKED_SPECTRUM_SHARE);
                scatter.draw(g2, new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), split));
                spectrum.draw(g2, new Rectangle2D.Double(area.getX(), area.getY() + split, area.getWidth(),
                        area.getHeight() - split));
            }
        };
    }

    /** Dataset index of the trails (one series per token). */
    public static final int TRAILS_DATASET = 1;
    /** Dataset index of the highlighted points. */
    public static final int HIGHLIGHT_DATASET = 2;
    /** Share of a fixed range added on each side, as the interactive view pads. */
    public static final double RANGE_PADDING = 0.03;
    /** Colour of highlighted points (the view's too). */
    public static final Color HIGHLIGHT = new Color(0xE3, 0x1A, 0x1C);
    /** Colour of trails and of the pinned points they lead to (the view's too). */
    public static final Color TRAIL = new Color(0xFF, 0x7F, 0x00, 0xD0);

    /** Narrower than this many label heights, {@link #composite()} stacks instead of placing side by side. */
    public static final double SIDE_BY_SIDE_EMS = 40;
    /** Height share of the spectrum when stacked. */
    public static final double STACKED_SPECTRUM_SHARE = 0.36;
    private static final String SPECTRUM_LABEL = "share of variance per component";
}

package org.shapescope.viewer.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.function.UnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every Shapescope figure: white background, no plot outline, light grid.
 * Two kinds: {@link #SCREEN} (the explorer's panes, Java's logical sans-serif at 15/13 px) and
 * {@link #paper(double)} (exports at a print size: {@link FigureFont} DejaVu Sans at the given
 * point size, no chart title, sparser ticks). Every length a figure draws — line widths,
 * markers, paddings, the colour bar's strip — is given at screen size and passed through
 * {@link #size(double)}, which multiplies it by {@code labelFont / 15} (× 0.8 on paper), so lines
 * and markers keep their proportion to the text at any print size.
 */
public final class FigureStyle {

    /** Axis-label size of the screen style; the reference for {@link #size(double)}. */
    public static final double SCREEN_LABEL_SIZE = 15;
    /** Font size of exported figures unless asked otherwise (points at the final size). */
    public static final double DEFAULT_PAPER_FONT_PT = 8;
    /** Smallest text a paper figure draws (tick labels shrink to this, never below). */
    public static final double MIN_PAPER_TEXT_PT = 6;
    /** Tick and legend text relative to axis labels in the paper style. */
    private static final double PAPER_TICK_RATIO = 7.0 / 8.0;
    /** Pixels per point of images embedded in vector output (the heatmap's cells): 300 dpi. */
    public static final double PAPER_RASTER_DENSITY = 300.0 / 72.0;
    /** Free space around a tick label, in label heights, in the paper style (sets tick density). */
    private static final double PAPER_TICK_GAP_EM = 1.2;
    /** The same along a vertical axis, where labels are one line high and need less room. */
    private static final double PAPER_VERTICAL_TICK_GAP_EM = 1.0;
    /**
     * Lines and markers of the paper style relative to the screen's proportion to the text: on
     * paper a figure is seen from closer and in finer print, so they are drawn lighter.
     */
    private static final double PAPER_LINE_RATIO = 0.8;

    public static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    public static final Color AXIS = new Color(0x33, 0x33, 0x33);

    /** The explorer's panes. */
    public static final FigureStyle SCREEN = new FigureStyle(
            new Font(Font.SANS_SERIF, Font.BOLD, 16), new Font(Font.SANS_SERIF, Font.PLAIN, 15),
            new Font(Font.SANS_SERIF, Font.PLAIN, 13), 1.0, true, 1.0, 0, UnaryOperator.identity());

    private final Font titleFont;
    private final Font labelFont;
    private final Font tickFont;
    private final double unit;
    private final boolean titles;
    private final double rasterDensity;
    private final double tickGapEm;
    private final UnaryOperator<String> valueLabels;

    private FigureStyle(Font titleFont, Font labelFont, Font tickFont, double unit, boolean titles,
            double rasterDensity, double tickGapEm, UnaryOperator<String> valueLabels) {
        this.titleFont = titleFont;
        this.labelFont = labelFont;
        this.tickFont = tickFont;
        this.unit = unit;
        this.titles = titles;
        this.rasterDensity = rasterDensity;
        this.tickGapEm = tickGapEm;
        this.valueLabels = valueLabels;
    }

    /**
     * Exports: axis labels at {@code fontPt} points, tick and legend labels at 7/8 of that (at
     * least {@link #MIN_PAPER_TEXT_PT}), no chart titles (a paper's caption says it).
     */
    public static FigureStyle paper(double fontPt) {
        if (!(fontPt >= MIN_PAPER_TEXT_PT)) {
            throw new IllegalArgumentException("font size must be at least " + MIN_PAPER_TEXT_PT + " pt: " + fontPt);
        }
        float label = (float) fontPt;
        float tick = (float) Math.max(MIN_PAPER_TEXT_PT, fontPt * PAPER_TICK_RATIO);
        return new FigureStyle(FigureFont.of(Font.BOLD, label + 1), FigureFont.of(Font.PLAIN, label),
                FigureFont.of(Font.PLAIN, tick), PAPER_LINE_RATIO * fontPt / SCREEN_LABEL_SIZE, false, PAPER_RASTER_DENSITY,
                PAPER_TICK_GAP_EM, UnaryOperator.identity());
    }

    /** This style with chart titles drawn (true) or left out (false). */
    public FigureStyle withTitles(boolean on) {
        return new FigureStyle(titleFont, labelFont, tickFont, unit, on, rasterDensity, tickGapEm, valueLabels);
    }

    /** This style naming a grid's values by {@code labels} (metric id to axis label with units). */
    public FigureStyle withValueLabels(UnaryOperator<String> labels) {
        return new FigureStyle(titleFont, labelFont, tickFont, unit, titles, rasterDensity, tickGapEm, labels);
    }

    public Font titleFont() {
        return titleFont;
    }

    public Font labelFont() {
        return labelFont;
    }

    public Font tickFont() {
        return tickFont;
    }

    public Font legendFont() {
        return tickFont;
    }

    /** Whether chart titles are drawn. */
    public boolean titles() {
        return titles;
    }

    /** {@code title} when this style draws titles, else null. */
    public String title(String title) {
        return titles ? title : null;
    }

    /** The axis label of a grid's values, e.g. "anisotropy" → "anisotropy (share of variance)". */
    public String valueLabel(String metric) {
        return valueLabels.apply(metric);
    }

    /** A length given at screen size, at this style's size: {@code screen × labelFont / 15} (× 0.8 on paper). */
    public double size(double screen) {
        return screen * unit;
    }

    /** A solid stroke of {@code screenWidth} (scaled by {@link #size}). */
    public BasicStroke stroke(double screenWidth) {
        return new BasicStroke((float) size(screenWidth));
    }

    /** A round-capped, round-joined stroke of {@code screenWidth}. */
    public BasicStroke roundStroke(double screenWidth) {
        return new BasicStroke((float) size(screenWidth), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed stroke: {@code dash} and {@code gap} at screen size. */
    public BasicStroke dashed(double screenWidth, double dash, double gap) {
        return new BasicStroke((float) size(screenWidth), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) size(dash), (float) size(gap)}, 0f);
    }

    /** A circle marker of {@code screenDiameter}, centred on the origin. */
    public Shape dot(double screenDiameter) {
        double d = size(screenDiameter);
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }

    /** Insets given at screen size. */
    public RectangleInsets insets(double top, double left, double bottom, double right) {
        return new RectangleInsets(size(top), size(left), size(bottom), size(right));
    }

    /**
     * Pixels per unit of images a figure embeds (the heatmap's cell grid): at least the device's
     * own resolution, and {@link #PAPER_RASTER_DENSITY} in exports so that vector files stay sharp.
     */
    public double rasterDensity() {
        return rasterDensity;
    }

    /** Extra space along the axis around each tick label, in pixels at this style's size. */
    public double tickLabelGap() {
        return tickGapEm > 0 ? tickGapEm * tickFont.getSize2D() : 12 * unit;
    }

    /** Styles an axis: label, fonts, dark axis line, no auto-range zero. */
    public <A extends ValueAxis> A axis(A axis, String label) {
        axis.setLabel(label);
        axis.setLabelFont(labelFont);
        axis.setTickLabelFont(tickFont);
        axis.setLabelPaint(AXIS);
        axis.setTickLabelPaint(AXIS);
        axis.setAxisLinePaint(AXIS);
        axis.setAxisLineStroke(stroke(1));
        axis.setTickMarkPaint(AXIS);
        axis.setTickMarkStroke(stroke(1));
        axis.setTickMarkOutsideLength((float) size(4));
        axis.setLabelInsets(insets(3, 3, 3, 3));
        axis.setTickLabelInsets(insets(2, 4, 2, 4));
        if (axis instanceof TickAxis t) {
            t.setLabelGap(tickLabelGap());
        }
        if (axis instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
            // otherwise a series starting at 0 loses its margin and half its first marker
            n.setAutoRangeStickyZero(false);
        }
        return axis;
    }

    /**
     * Keeps the value axis of {@code plot}'s primary dataset from collapsing onto one value: a
     * single point (the first cell of a trajectory) or equal values would auto-range to a span
     * of 1e-8 with ten identical tick labels; the span is kept at least 2 % of the values'
     * magnitude (1e-6 for values at 0).
     */
    public static void keepReadableRange(XYPlot plot) {
        if (plot.getDataset() == null || !(plot.getRangeAxis() instanceof NumberAxis axis)) {
            return;
        }
        org.jfree.data.Range r = org.jfree.data.general.DatasetUtils.findRangeBounds(plot.getDataset(), true);
        if (r == null) {
            return;
        }
        double magnitude = Math.max(Math.abs(r.getLowerBound()), Math.abs(r.getUpperBound()));
        axis.setAutoRangeMinimumSize(Math.max(MINIMUM_VALUE_SPAN, RELATIVE_VALUE_SPAN * magnitude));
    }

    /** Smallest value-axis span, relative to the values' magnitude ({@link #keepReadableRange}). */
    static final double RELATIVE_VALUE_SPAN = 0.02;
    /** Smallest value-axis span for values at 0 ({@link #keepReadableRange}). */
    static final double MINIMUM_VALUE_SPAN = 1e-6;

    /** White plot, light grid, no outline, small insets; sparser ticks in the paper style. */
    public void plot(XYPlot plot, boolean grid) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(grid);
        plot.setRangeGridlinesVisible(grid);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(stroke(0.8));
        plot.setRangeGridlineStroke(stroke(0.8));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(insets(6, 4, 4, 10));
        boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            spaceTicks(plot.getDomainAxis(i), vertical);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            spaceTicks(plot.getRangeAxis(i), !vertical);
        }
    }

    /**
     * JFreeChart picks the finest regular tick unit whose labels, with their insets, do not
     * overlap; wider insets along the axis therefore mean fewer ticks. Axes with their own tick
     * rule ({@link TickAxis}) use {@link #tickLabelGap()} instead.
     */
    public void spaceTicks(ValueAxis axis, boolean horizontal) {
        if (axis == null || tickGapEm <= 0 || axis instanceof TickAxis) {
            return;
        }
        double near = size(2);
        if (horizontal) {
            double gap = tickLabelGap() / 2;
            axis.setTickLabelInsets(new RectangleInsets(near, gap, near, gap));
        } else {
            double gap = PAPER_VERTICAL_TICK_GAP_EM * tickFont.getSize2D() / 2;
            axis.setTickLabelInsets(new RectangleInsets(gap, near, gap, near));
        }
    }

    /** A chart around {@code plot}: white background, title only if this style draws titles, legend at the bottom. */
    public JFreeChart chart(String title, XYPlot plot, boolean legend) {
        String shown = title(title);
        JFreeChart chart = new JFreeChart(shown, titleFont, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(insets(8, 8, 8, 8));
        if (shown == null || shown.isEmpty()) {
            chart.setTitle((TextTitle) null);
        } else {
            chart.getTitle().setPaint(AXIS);
        }
        LegendTitle lt = chart.getLegend();
        if (lt != null) {
            lt.setItemFont(legendFont());
            lt.setFrame(BlockBorder.NONE);
            lt.setBackgroundPaint(Color.WHITE);
            lt.setPosition(RectangleEdge.BOTTOM);
            lt.setItemLabelPadding(insets(2, 2, 2, 2));
            lt.setLegendItemGraphicPadding(insets(2, 2, 2, 2));
        }
        return chart;
    }

    /** A vertical colour bar on the right, labelled with {@code label}. */
    public PaintScaleLegend colourBar(PaintScale scale, String label) {
        return colourBar(scale, axis(new NumberAxis(label), label));
    }

    /** A vertical colour bar on the right using {@code axis} (already labelled) for its scale. */
    public PaintScaleLegend colourBar(PaintScale scale, NumberAxis axis) {
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        spaceTicks(axis, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setSubdivisionCount(COLOUR_BAR_STEPS);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setAxisOffset(size(4));
        legend.setStripWidth(size(14));
        legend.setStripOutlineVisible(false);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(insets(10, 8, 30, 0));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    /** Bands of a colour bar: fine enough that neighbours differ by less than 1/128 of the map. */
    private static final int COLOUR_BAR_STEPS = 128;
}

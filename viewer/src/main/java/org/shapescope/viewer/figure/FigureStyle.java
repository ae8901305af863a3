package org.shapescope.viewer.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every Shapescope figure: white background, no plot outline shadow or
 * gradients, light grid, fonts sized to stay readable when a 640-pixel-wide figure is printed
 * one column wide (axis labels 15 pt, tick labels 13 pt).
 */
public final class FigureStyle {

    public static final String FONT_FAMILY = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 16);
    public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 15);
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    public static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    public static final Color AXIS = new Color(0x33, 0x33, 0x33);

    private FigureStyle() {
    }

    /** Styles an axis: label, fonts, dark axis line, no auto-range zero. */
    public static <A extends ValueAxis> A axis(A axis, String label) {
        axis.setLabel(label);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(AXIS);
        axis.setTickLabelPaint(AXIS);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
        axis.setTickMarkOutsideLength(4f);
        if (axis instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
            // otherwise a series starting at 0 loses its margin and half its first marker
            n.setAutoRangeStickyZero(false);
        }
        return axis;
    }

    /** White plot, light grid, no outline, small insets. */
    public static void plot(XYPlot plot, boolean grid) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(grid);
        plot.setRangeGridlinesVisible(grid);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(6, 4, 4, 10));
    }

    /** A chart around {@code plot} with white background, optional title and legend at the bottom. */
    public static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        if (title == null || title.isEmpty()) {
            chart.setTitle((TextTitle) null);
        } else {
            chart.getTitle().setPaint(AXIS);
        }
        LegendTitle lt = chart.getLegend();
        if (lt != null) {
            lt.setItemFont(LEGEND_FONT);
            lt.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            lt.setBackgroundPaint(Color.WHITE);
            lt.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /** A vertical colour bar on the right, labelled with {@code label}. */
    public static PaintScaleLegend colourBar(PaintScale scale, String label) {
        return colourBar(scale, axis(new NumberAxis(label), label));
    }

    /** A vertical colour bar on the right using {@code axis} (already labelled) for its scale. */
    public static PaintScaleLegend colourBar(PaintScale scale, NumberAxis axis) {
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setSubdivisionCount(256);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setAxisOffset(4);
        legend.setStripWidth(14);
        legend.setStripOutlineVisible(false);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 8, 30, 0));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }
}

package org.shapescope.viewer.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class FittedLabelAxisTest {

    @Test
    void theFullLabelWhereItFitsTheShortOneWhereItDoesNot() {
        FittedLabelAxis axis = new FittedLabelAxis("anisotropy (share of variance on PC1)", "anisotropy");
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        Graphics2D g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            double full = axis.getLabelFont().getStringBounds(axis.getLabel(), g2.getFontRenderContext()).getWidth();
            // a left axis's label runs along the plot area's height, a bottom one along its width
            Rectangle2D data = new Rectangle2D.Double(40, 0, 100, 50);
            assertThat(axis.labelFor(g2, new Rectangle2D.Double(0, 0, 1000, full + 1), data, RectangleEdge.LEFT))
                    .isEqualTo(axis.getLabel());
            assertThat(axis.labelFor(g2, new Rectangle2D.Double(0, 0, 1000, full - 1), data, RectangleEdge.LEFT))
                    .isEqualTo("anisotropy");
            assertThat(axis.labelFor(g2, new Rectangle2D.Double(0, 0, full - 1, 1000), data, RectangleEdge.BOTTOM))
                    .isEqualTo("anisotropy");
        } finally {
            g2.dispose();
        }
    }
}

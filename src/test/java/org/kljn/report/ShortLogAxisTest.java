package org.kljn.report;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A short log axis is labelled over its whole range, not only below 1. */
class ShortLogAxisTest {
    private static List<Double> ticks(double lo, double hi) {
        ShortLogAxis axis = new ShortLogAxis("y");
        axis.setRange(lo, hi);
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            @SuppressWarnings("unchecked")
            List<NumberTick> t = axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 600, 400),
                    RectangleEdge.LEFT);
            return t.stream().map(NumberTick::getValue).toList();
        } finally {
            g.dispose();
        }
    }

    @Test
    void theResidualPlotsRangeHasTicksAboveOne() {
        // the main job's residual-versus-length axis: 0.45 to 1.6, where the distributed lines lie above 1
        List<Double> t = ticks(0.45, 1.6);
        assertTrue(t.stream().anyMatch(v -> v > 1.05), "a tick above 1: " + t);
        assertTrue(t.stream().anyMatch(v -> v < 0.6), "a tick near the bottom: " + t);
        assertTrue(t.size() <= 15, "readable, not crowded: " + t);
    }

    @Test
    void everyRangeIsLabelledNearBothEnds() {
        double[][] ranges = {{0.45, 1.6}, {1.1, 1.9}, {0.2, 7}, {3e-3, 0.8}, {0.9, 1.12}, {12, 95}};
        for (double[] r : ranges) {
            List<Double> t = ticks(r[0], r[1]);
            double span = Math.log10(r[1] / r[0]);
            assertTrue(t.size() >= 3, "at least three ticks on " + r[0] + ".." + r[1] + ": " + t);
            assertTrue(Math.log10(r[1] / t.get(t.size() - 1)) <= ShortLogAxis.MAX_BARE_END * span + 1e-12,
                    "upper end labelled on " + r[0] + ".." + r[1] + ": " + t);
            assertTrue(Math.log10(t.get(0) / r[0]) <= ShortLogAxis.MAX_BARE_END * span + 1e-12,
                    "lower end labelled on " + r[0] + ".." + r[1] + ": " + t);
        }
    }
}

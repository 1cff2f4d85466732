package org.kljn.report;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A log axis for a range of under two decades, where powers of ten alone leave it bare and JFreeChart's
 * fractional powers (10^0.3) are unreadable: ticks at 1-2-5 (or finer) times a power of ten, labelled as
 * plain numbers.
 */
final class ShortLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    private static final double[][] MANTISSAS = {
            {1, 2, 5},
            {1, 2, 3, 4, 5, 6, 7, 8, 9},
            fine(),
    };

    ShortLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
    }

    private static double[] fine() {
        double[] m = new double[90];
        for (int i = 0; i < m.length; i++) {
            m[i] = 1 + 0.1 * i;
        }
        return m;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        TextAnchor anchor = vertical
                ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List<NumberTick> ticks = new ArrayList<>();
        for (double[] mantissas : MANTISSAS) {
            ticks = ticks(mantissas, anchor);
            if (ticks.size() >= 3) {
                break;
            }
        }
        return ticks;
    }

    private List<NumberTick> ticks(double[] mantissas, TextAnchor anchor) {
        double lo = getLowerBound();
        double hi = getUpperBound();
        List<NumberTick> ticks = new ArrayList<>();
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (double m : mantissas) {
                // round to the mantissa's digits so that 0.3 prints as 0.3, not 0.30000000000000004
                double v = Double.parseDouble(m + "e" + k);
                if (v >= lo && v <= hi) {
                    ticks.add(new NumberTick(TickType.MAJOR, v, Charts.number(v), anchor, anchor, 0.0));
                }
            }
        }
        return ticks;
    }
}

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
            {1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9},
            {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 9},
            steps(0.1),
    };

    /**
     * The largest part of the axis (as a fraction of its log range) left without a tick at either end: an axis
     * from 0.45 to 1.6 labelled 0.5 ... 1 only would leave the upper part, where curves may lie, unlabelled.
     */
    static final double MAX_BARE_END = 0.3;

    ShortLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
    }

    /** Mantissas 1, 1 + step, ... below 10, rounded to the step's digits (9.7, not 9.700000000000001). */
    private static double[] steps(double step) {
        int n = (int) Math.round(9 / step);
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = Math.round((1 + step * i) / step) * step;
            m[i] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", m[i]));
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
        // the coarsest set that labels both ends; failing that (a range of a few per cent across a power of
        // ten), the coarsest with three ticks
        List<NumberTick> enough = null;
        List<NumberTick> ticks = new ArrayList<>();
        for (double[] mantissas : MANTISSAS) {
            ticks = ticks(mantissas, anchor);
            if (ticks.size() >= 3 && coversBothEnds(ticks)) {
                return ticks;
            }
            if (enough == null && ticks.size() >= 3) {
                enough = ticks;
            }
        }
        return enough != null ? enough : ticks;
    }

    private boolean coversBothEnds(List<NumberTick> ticks) {
        double lo = Math.log10(getLowerBound());
        double hi = Math.log10(getUpperBound());
        double range = hi - lo;
        double first = Math.log10(ticks.get(0).getValue());
        double last = Math.log10(ticks.get(ticks.size() - 1).getValue());
        return first - lo <= MAX_BARE_END * range && hi - last <= MAX_BARE_END * range;
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

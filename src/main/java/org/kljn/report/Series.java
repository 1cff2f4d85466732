package org.kljn.report;

import java.util.Objects;

/**
 * One named curve of a chart: points (x, y), how to draw them, and for {@link Style#ERROR_BARS} the lower
 * and upper end of each point's interval. Series that share a colour key share a colour (a predicted curve
 * and the Monte Carlo points it predicts, say); without one, the name is the key.
 *
 * <p>The arrays are copied in and out, so a series is immutable.
 */
public record Series(String name, double[] x, double[] y, Style style, double[] yLow, double[] yHigh,
                     String colourKey) {

    /** The colour key of reference curves (a slope, a bound): drawn in dark grey, outside the palette. */
    public static final String REFERENCE = "reference";

    /** How a series is drawn. */
    public enum Style {
        /** A solid line through the points. */
        LINE,
        /** A dashed line, for reference curves (a slope), or a curve drawn over another. */
        DASHED,
        /** A dotted line. */
        DOTTED,
        /** Markers only. */
        POINTS,
        /** A solid line with a marker at each point. */
        LINE_POINTS,
        /** Markers with a vertical interval [yLow, yHigh] at each point. */
        ERROR_BARS
    }

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        x = Objects.requireNonNull(x, "x").clone();
        y = Objects.requireNonNull(y, "y").clone();
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but "
                    + y.length + " y values");
        }
        if (style == Style.ERROR_BARS) {
            Objects.requireNonNull(yLow, "yLow");
            Objects.requireNonNull(yHigh, "yHigh");
        }
        if (yLow != null || yHigh != null) {
            if (yLow == null || yHigh == null || yLow.length != x.length || yHigh.length != x.length) {
                throw new IllegalArgumentException("series '" + name + "': interval arrays must both be given, "
                        + "each with " + x.length + " values");
            }
            yLow = yLow.clone();
            yHigh = yHigh.clone();
        }
        colourKey = colourKey == null ? name : colourKey;
    }

    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.LINE, null, null, null);
    }

    public static Series dashed(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.DASHED, null, null, null);
    }

    public static Series dotted(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.DOTTED, null, null, null);
    }

    public static Series points(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.POINTS, null, null, null);
    }

    public static Series linePoints(String name, double[] x, double[] y) {
        return new Series(name, x, y, Style.LINE_POINTS, null, null, null);
    }

    /** Points with intervals: {@code yLow[i] <= y[i] <= yHigh[i]} (a 95% interval, say). */
    public static Series errorBars(String name, double[] x, double[] y, double[] yLow, double[] yHigh) {
        return new Series(name, x, y, Style.ERROR_BARS, yLow, yHigh, null);
    }

    /** The same series drawn another way (error bars need intervals). */
    public Series withStyle(Style newStyle) {
        return new Series(name, x, y, newStyle, yLow, yHigh, colourKey);
    }

    /** The same series, coloured like every other series (and marker) with this key. */
    public Series withColourKey(String key) {
        return new Series(name, x, y, style, yLow, yHigh, key);
    }

    public int size() {
        return x.length;
    }

    public boolean hasIntervals() {
        return yLow != null;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] yLow() {
        return yLow == null ? null : yLow.clone();
    }

    @Override
    public double[] yHigh() {
        return yHigh == null ? null : yHigh.clone();
    }

    /** Element access without copying. */
    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }

    double lowAt(int i) {
        return yLow[i];
    }

    double highAt(int i) {
        return yHigh[i];
    }
}

package org.kljn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a chart shows, as plain data: title, an optional subtitle (what was normalised, how), the two
 * axes, the series and the marker lines. {@link Charts} renders it; nothing here touches AWT.
 */
public record ChartSpec(String title, String subtitle, Axis x, Axis y, List<Series> series, List<Marker> markers) {

    public ChartSpec {
        Objects.requireNonNull(title, "title");
        subtitle = subtitle == null ? "" : subtitle;
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        series = List.copyOf(series);
        markers = List.copyOf(markers);
    }

    public static ChartSpec of(String title, Axis x, Axis y, List<Series> series) {
        return new ChartSpec(title, "", x, y, series, List.of());
    }

    public ChartSpec withSubtitle(String text) {
        return new ChartSpec(title, text, x, y, series, markers);
    }

    public ChartSpec withMarkers(List<Marker> more) {
        List<Marker> all = new ArrayList<>(markers);
        all.addAll(more);
        return new ChartSpec(title, subtitle, x, y, series, all);
    }

    /**
     * An axis: its quantity, its unit ("" for a dimensionless one), log or linear scale, and an optional fixed
     * range (NaN bounds: automatic, widened to take in the markers).
     */
    public record Axis(String label, String unit, boolean log, double min, double max) {
        public Axis {
            Objects.requireNonNull(label, "label");
            unit = unit == null ? "" : unit;
            if (!Double.isNaN(min) && !Double.isNaN(max) && !(min < max)) {
                throw new IllegalArgumentException("axis '" + label + "': empty range " + min + ".." + max);
            }
            if (log && (min <= 0 || max <= 0)) {
                throw new IllegalArgumentException("axis '" + label + "': a log axis needs a positive range");
            }
        }

        public static Axis linear(String label, String unit) {
            return new Axis(label, unit, false, Double.NaN, Double.NaN);
        }

        public static Axis log(String label, String unit) {
            return new Axis(label, unit, true, Double.NaN, Double.NaN);
        }

        public Axis withRange(double lower, double upper) {
            return new Axis(label, unit, log, lower, upper);
        }

        public boolean hasFixedRange() {
            return !Double.isNaN(min) && !Double.isNaN(max);
        }

        /** "label [unit]", or the label alone for a dimensionless quantity. */
        public String title() {
            return unit.isEmpty() ? label : label + " [" + unit + "]";
        }
    }

    /** Which way a marker line runs: a vertical line marks an x value, a horizontal one a y value. */
    public enum Orientation { VERTICAL, HORIZONTAL }

    /**
     * A labelled reference line at a fixed x (vertical) or y (horizontal) value, drawn dashed; coloured like
     * the series with the same colour key, grey without one.
     */
    public record Marker(Orientation orientation, double value, String label, String colourKey) {
        public Marker {
            Objects.requireNonNull(orientation, "orientation");
            label = label == null ? "" : label;
        }

        public static Marker vertical(double x, String label) {
            return new Marker(Orientation.VERTICAL, x, label, null);
        }

        public static Marker horizontal(double y, String label) {
            return new Marker(Orientation.HORIZONTAL, y, label, null);
        }

        public Marker withColourKey(String key) {
            return new Marker(orientation, value, label, key);
        }
    }
}

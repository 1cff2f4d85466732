package org.kljn.report;

import org.kljn.io.AtomicFiles;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ChartSpec} with JFreeChart, headless, to PNG and SVG; every file is written through a
 * temporary sibling and a rename. On a log axis, points with a non-positive coordinate cannot be drawn and
 * are left out (a lower error bar end at or below zero is drawn down to the axis).
 */
public final class Charts {
    static {
        // Before any AWT class asks for a toolkit: no display is needed, or wanted, on a build machine.
        System.setProperty("java.awt.headless", "true");
    }

    /** Distinct on white and for the common colour-vision deficiencies (Okabe-Ito, darkened yellow). */
    private static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x8C6D00), new Color(0x000000),
    };
    private static final Color MARKER_GREY = new Color(0x555555);
    private static final Color REFERENCE_GREY = new Color(0x404040);
    private static final Color GRID = new Color(0xD0D0D0);
    private static final String FONT = Font.SANS_SERIF;

    private Charts() {
    }

    /** The two files one chart was written to. */
    public record Rendered(Path png, Path svg) {
    }

    /** Writes {@code dir/stem.png} (width x height pixels) and {@code dir/stem.svg} (same size in px). */
    public static Rendered write(ChartSpec spec, Path dir, String stem, int width, int height) throws IOException {
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        writePng(spec, png, width, height);
        writeSvg(spec, svg, width, height);
        return new Rendered(png, svg);
    }

    public static void writePng(ChartSpec spec, Path target, int width, int height) throws IOException {
        AtomicFiles.writeBytes(target, png(spec, width, height));
    }

    public static void writeSvg(ChartSpec spec, Path target, int width, int height) throws IOException {
        AtomicFiles.writeString(target, svg(spec, width, height));
    }

    /** The chart as PNG bytes. */
    public static byte[] png(ChartSpec spec, int width, int height) {
        BufferedImage image = image(spec, width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as an SVG document (text drawn as text, so titles and legend stay searchable). */
    public static String svg(ChartSpec spec, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart(spec, width).draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    public static BufferedImage image(ChartSpec spec, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            chart(spec, width).draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The JFreeChart for a spec, styled for a 900-pixel-wide drawing. */
    public static JFreeChart chart(ChartSpec spec) {
        return chart(spec, 900);
    }

    /**
     * The JFreeChart for a spec, styled; one dataset and renderer per series, later series drawn on top.
     * The width (pixels) decides on which side of its line a marker label fits.
     */
    public static JFreeChart chart(ChartSpec spec, int width) {
        Map<String, Color> colours = colours(spec);
        ValueAxis xAxis = axis(spec.x(), spec, true);
        ValueAxis yAxis = axis(spec.y(), spec, false);
        XYPlot plot = new XYPlot(null, xAxis, yAxis, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        int shapeIndex = 0;
        for (int i = 0; i < spec.series().size(); i++) {
            Series s = spec.series().get(i);
            Color colour = colours.get(s.colourKey());
            Shape shape = SHAPES[shapeIndex % SHAPES.length];
            if (s.style() == Series.Style.POINTS || s.style() == Series.Style.ERROR_BARS
                    || s.style() == Series.Style.LINE_POINTS) {
                shapeIndex++;
            }
            if (s.style() == Series.Style.ERROR_BARS) {
                plot.setDataset(i, intervals(s, spec));
                plot.setRenderer(i, errorBars(colour, shape));
            } else {
                plot.setDataset(i, points(s, spec));
                plot.setRenderer(i, lines(s.style(), colour, shape));
            }
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        addMarkers(plot, spec, colours, Math.max(100, width - 110));

        JFreeChart chart = new JFreeChart(spec.title(), new Font(FONT, Font.BOLD, 17), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 8, 6, 14));
        if (!spec.subtitle().isEmpty()) {
            TextTitle sub = new TextTitle(spec.subtitle(), new Font(FONT, Font.PLAIN, 12));
            sub.setPaint(new Color(0x333333));
            sub.setPadding(new RectangleInsets(0, 0, 6, 0));
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(new Font(FONT, Font.PLAIN, 13));
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
        return chart;
    }

    /** Vertical error bars in the series' colour, a filled marker at each point. */
    private static XYErrorRenderer errorBars(Color colour, Shape shape) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(false);
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(6);
        r.setErrorPaint(colour);
        r.setErrorStroke(new BasicStroke(1.4f));
        r.setSeriesPaint(0, colour);
        r.setSeriesShape(0, shape);
        r.setSeriesShapesFilled(0, true);
        return r;
    }

    /** A solid, dashed or dotted line and/or filled markers, as the style says. */
    private static XYLineAndShapeRenderer lines(Series.Style style, Color colour, Shape shape) {
        boolean lines = style != Series.Style.POINTS;
        boolean shapes = style == Series.Style.POINTS || style == Series.Style.LINE_POINTS;
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, switch (style) {
            case DASHED -> dashed(2.2f);
            case DOTTED -> new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    new float[]{0.5f, 5f}, 0f);
            default -> new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        });
        r.setSeriesShape(0, shape);
        r.setSeriesShapesFilled(0, true);
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    private static final Shape[] SHAPES = {
            new Ellipse2D.Double(-4, -4, 8, 8),
            new Rectangle2D.Double(-3.5, -3.5, 7, 7),
            triangle(),
            diamond(),
    };

    private static Shape triangle() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -5);
        p.lineTo(4.5, 3.5);
        p.lineTo(-4.5, 3.5);
        p.closePath();
        return p;
    }

    private static Shape diamond() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -5);
        p.lineTo(5, 0);
        p.lineTo(0, 5);
        p.lineTo(-5, 0);
        p.closePath();
        return p;
    }

    private static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[]{7f, 5f}, 0f);
    }

    /** Colour keys in order of first appearance (series first, then markers) to palette colours. */
    static Map<String, Color> colours(ChartSpec spec) {
        Map<String, Color> map = new LinkedHashMap<>();
        int next = 0;
        for (Series s : spec.series()) {
            if (s.colourKey().equals(Series.REFERENCE)) {
                map.putIfAbsent(Series.REFERENCE, REFERENCE_GREY);
            } else if (!map.containsKey(s.colourKey())) {
                map.put(s.colourKey(), PALETTE[next++ % PALETTE.length]);
            }
        }
        return map;
    }

    private static boolean drawable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static XYSeriesCollection points(Series s, ChartSpec spec) {
        XYSeries data = new XYSeries(s.name(), false, true);
        for (int i = 0; i < s.size(); i++) {
            if (drawable(s.xAt(i), spec.x().log()) && drawable(s.yAt(i), spec.y().log())) {
                data.add(s.xAt(i), s.yAt(i));
            }
        }
        return new XYSeriesCollection(data);
    }

    private static YIntervalSeriesCollection intervals(Series s, ChartSpec spec) {
        boolean logY = spec.y().log();
        YIntervalSeries data = new YIntervalSeries(s.name(), false, true);
        for (int i = 0; i < s.size(); i++) {
            double y = s.yAt(i);
            if (!drawable(s.xAt(i), spec.x().log()) || !drawable(y, logY)) {
                continue;
            }
            double lo = s.lowAt(i);
            double hi = s.highAt(i);
            lo = Double.isFinite(lo) ? lo : y;
            hi = Double.isFinite(hi) ? hi : y;
            if (logY && lo <= 0) {
                lo = Double.MIN_NORMAL; // drawn down to the axis
            }
            data.add(s.xAt(i), y, lo, hi);
        }
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(data);
        return c;
    }

    private static ValueAxis axis(ChartSpec.Axis a, ChartSpec spec, boolean isX) {
        double[] range = a.hasFixedRange() ? new double[]{a.min(), a.max()} : autoRange(spec, a.log(), isX);
        ValueAxis axis;
        double decades = a.log() ? Math.log10(range[1] / range[0]) : 0;
        if (a.log() && decades < 2) {
            // A short log range: ticks at 1, 2, 5 x 10^k with plain labels, not fractional powers of ten.
            axis = new ShortLogAxis(a.title());
        } else if (a.log()) {
            // One labelled power of ten per decade (per few decades on a wide range).
            LogAxis log = new LogAxis(a.title());
            log.setBase(10);
            log.setSmallestValue(1e-300);
            log.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(decades / 8))));
            log.setMinorTickMarksVisible(true);
            log.setMinorTickCount(9);
            axis = log;
        } else {
            NumberAxis lin = new NumberAxis(a.title());
            lin.setAutoRangeIncludesZero(false);
            axis = lin;
        }
        axis.setLabelFont(new Font(FONT, Font.PLAIN, 14));
        axis.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(new Color(0x222222));
        axis.setAxisLinePaint(Color.GRAY);
        axis.setTickMarkPaint(Color.GRAY);
        axis.setRange(range[0], range[1]);
        return axis;
    }

    /** The data (with intervals) and the markers on this axis, plus a margin; something sane if empty. */
    private static double[] autoRange(ChartSpec spec, boolean log, boolean isX) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean otherLog = isX ? spec.y().log() : spec.x().log();
        for (Series s : spec.series()) {
            for (int i = 0; i < s.size(); i++) {
                double v = isX ? s.xAt(i) : s.yAt(i);
                double w = isX ? s.yAt(i) : s.xAt(i);
                if (!drawable(v, log) || !drawable(w, otherLog)) {
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                if (!isX && s.hasIntervals()) {
                    for (double e : new double[]{s.lowAt(i), s.highAt(i)}) {
                        if (drawable(e, log)) {
                            lo = Math.min(lo, e);
                            hi = Math.max(hi, e);
                        }
                    }
                }
            }
        }
        ChartSpec.Orientation along = isX ? ChartSpec.Orientation.VERTICAL : ChartSpec.Orientation.HORIZONTAL;
        for (ChartSpec.Marker m : spec.markers()) {
            if (m.orientation() == along && drawable(m.value(), log)) {
                lo = Math.min(lo, m.value());
                hi = Math.max(hi, m.value());
            }
        }
        if (!(lo <= hi)) {
            return log ? new double[]{0.1, 10} : new double[]{0, 1};
        }
        if (log) {
            double span = Math.log10(hi / lo);
            double pad = span == 0 ? 0.5 : 0.04 * span;
            return new double[]{lo / Math.pow(10, pad), hi * Math.pow(10, pad)};
        }
        double span = hi - lo;
        double pad = span == 0 ? Math.max(Math.abs(hi) * 0.1, 1e-300) : 0.04 * span;
        return new double[]{lo - pad, hi + pad};
    }

    private static void addMarkers(XYPlot plot, ChartSpec spec, Map<String, Color> colours, int plotWidth) {
        Font font = new Font(FONT, Font.PLAIN, 12);
        double xLo = plot.getDomainAxis().getLowerBound();
        double xHi = plot.getDomainAxis().getUpperBound();
        boolean logX = spec.x().log();
        int verticalRow = 0;
        int horizontalRow = 0;
        for (ChartSpec.Marker m : spec.markers()) {
            boolean vertical = m.orientation() == ChartSpec.Orientation.VERTICAL;
            if (!Double.isFinite(m.value()) || (vertical ? logX : spec.y().log()) && m.value() <= 0) {
                continue;
            }
            Color colour = m.colourKey() == null ? MARKER_GREY : colours.getOrDefault(m.colourKey(), MARKER_GREY);
            ValueMarker marker = new ValueMarker(m.value(), colour, dashed(1.5f));
            if (!m.label().isEmpty()) {
                marker.setLabel(m.label());
                marker.setLabelFont(font);
                marker.setLabelPaint(colour.darker());
                marker.setLabelBackgroundColor(new Color(255, 255, 255, 215));
            }
            if (vertical) {
                // Labels stacked downwards from the top, each on its own row, so coincident lines stay legible;
                // on the side of the line with more room.
                double where = logX ? Math.log(m.value() / xLo) / Math.log(xHi / xLo) : (m.value() - xLo) / (xHi - xLo);
                double labelWidth = 7.3 * m.label().length() + 12;
                boolean rightSide = where * plotWidth + labelWidth < plotWidth;
                marker.setLabelAnchor(rightSide ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
                marker.setLabelTextAnchor(rightSide ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
                marker.setLabelOffset(new RectangleInsets(6 + 18 * verticalRow, 5, 0, 5));
                if (!m.label().isEmpty()) {
                    verticalRow++;
                }
                plot.addDomainMarker(marker);
            } else {
                marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                marker.setLabelOffset(new RectangleInsets(0, 0, 3, 6 + 160 * horizontalRow));
                if (!m.label().isEmpty()) {
                    horizontalRow++;
                }
                plot.addRangeMarker(marker);
            }
        }
    }

    /** A compact number for labels: up to 4 decimals in 0.1..1e4, else 4 significant digits in scientific form. */
    public static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (a >= 0.1 && a < 1e4) {
            return new DecimalFormat("0.####", sym).format(v);
        }
        return new DecimalFormat("0.###E0", sym).format(v).replace("E", "e");
    }

    static List<String> seriesNames(ChartSpec spec) {
        List<String> names = new ArrayList<>();
        for (Series s : spec.series()) {
            names.add(s.name());
        }
        return names;
    }
}

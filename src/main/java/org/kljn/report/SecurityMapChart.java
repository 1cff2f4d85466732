package org.kljn.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.kljn.analysis.study.SecurityMap;
import org.kljn.circuit.SpiceNumbers;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * The security map as a heat map: Eve's optimal success over log cable length × log band, with the contour where
 * it reaches 0.5 + ε. Axes carry log10 of the values, labelled with the values themselves.
 */
public final class SecurityMapChart {
    private SecurityMapChart() {
    }

    /** Writes {@code stem}.png and {@code stem}.svg into {@code dir} (atomically). */
    public static Charts.Rendered write(SecurityMap map, boolean temperatures, String title, Path dir, String stem)
            throws IOException {
        return render(() -> chart(map, temperatures, title), dir, stem);
    }

    /** Draws a chart (made twice: PNG and SVG) into {@code stem}.png and {@code stem}.svg (atomically). */
    static Charts.Rendered render(java.util.function.Supplier<JFreeChart> make, Path dir, String stem)
            throws IOException {
        int width = 900, height = 640;
        JFreeChart chart = make.get();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Path pngPath = dir.resolve(stem + ".png");
        Path svgPath = dir.resolve(stem + ".svg");
        org.kljn.io.AtomicFiles.writeBytes(pngPath, png.toByteArray());
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        make.get().draw(svg, new Rectangle2D.Double(0, 0, width, height));
        org.kljn.io.AtomicFiles.writeString(svgPath, svg.getSVGDocument());
        return new Charts.Rendered(pngPath, svgPath);
    }

    static JFreeChart chart(SecurityMap map, boolean temperatures, String title) {
        int nl = map.lengths().length, nb = map.bandwidths().length;
        double[][] data = new double[3][nl * nb];
        for (int b = 0; b < nb; b++) {
            for (int l = 0; l < nl; l++) {
                SecurityMap.Point p = map.at(l, b);
                int i = b * nl + l;
                data[0][i] = Math.log10(p.length());
                data[1][i] = Math.log10(p.bandwidth());
                data[2][i] = EDGE.level(temperatures ? p.successBestTemperatures() : p.successBestBeta());
            }
        }
        DefaultXYZDataset xyz = new DefaultXYZDataset();
        xyz.addSeries("Eve's optimal success", data);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(step(map.lengths()));
        blocks.setBlockHeight(step(map.bandwidths()));
        blocks.setPaintScale(EDGE);
        blocks.setSeriesVisibleInLegend(0, false); // the colour bar is its legend
        NumberAxis x = logAxis("cable length [m]");
        NumberAxis y = logAxis("band Δf [Hz]");
        XYPlot plot = new XYPlot(xyz, x, y, blocks);
        plot.setBackgroundPaint(BACKGROUND);
        XYSeries contour = new XYSeries("Eve = 0.5 + " + map.epsilon() + " (secure to the left)", false);
        double[] secure = map.secureLength(temperatures);
        for (int b = 0; b < nb; b++) {
            if (Double.isFinite(secure[b])) {
                contour.add(Math.log10(secure[b]), Math.log10(map.bandwidths()[b]));
            }
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, new Color(0xD62728)); // red: apart from every viridis colour
        line.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(1, new XYSeriesCollection(contour));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis scaleAxis = new NumberAxis("Eve's optimal success − 0.5 (log scale)");
        scaleAxis.setRange(EDGE.getLowerBound(), EDGE.getUpperBound());
        scaleAxis.setTickUnit(new NumberTickUnit(1));
        scaleAxis.setNumberFormatOverride(new PowerOfTen(true));
        PaintScaleLegend legend = new PaintScaleLegend(EDGE, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Behind the cells: a grey that no colour of {@link #EDGE} comes near, so that no cell vanishes into it. */
    static final Color BACKGROUND = new Color(0xE6E6E6);

    /** The colour scale: Eve's success − 0.5 on a log scale, so cells near 0.5 stay apart from each other. */
    static final EdgeScale EDGE = new EdgeScale(1e-5);

    /**
     * Viridis (perceptually uniform, readable in grey and by colour-blind readers) over log10(success − 0.5), from
     * {@code floor} to 0.5: a linear scale from 0.5 to 1 painted 0.5, 0.5001 and 0.505 alike, in white, on a white
     * background; here each decade near 0.5 gets its own colours. Success at or below 0.5 + floor takes the darkest.
     */
    static final class EdgeScale implements org.jfree.chart.renderer.PaintScale {
        private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
            0x6DCD59, 0xB4DE2C, 0xFDE725};
        private final double floor;

        EdgeScale(double floor) {
            this.floor = floor;
        }

        /** The level a success is painted at: log10(success − 0.5), clamped to the scale. */
        double level(double success) {
            return Math.max(Math.log10(floor), Math.log10(Math.max(success - 0.5, floor)));
        }

        /** The colour of a success probability. */
        Color colourOf(double success) {
            return (Color) getPaint(level(success));
        }

        @Override
        public double getLowerBound() {
            return Math.log10(floor);
        }

        @Override
        public double getUpperBound() {
            return Math.log10(0.5);
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            double f = (Math.min(Math.max(value, getLowerBound()), getUpperBound()) - getLowerBound())
                    / (getUpperBound() - getLowerBound()) * (VIRIDIS.length - 1);
            int i = Math.min((int) Math.floor(f), VIRIDIS.length - 2);
            double t = f - i;
            Color a = new Color(VIRIDIS[i]), b = new Color(VIRIDIS[i + 1]);
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }

    static double step(double[] values) {
        return values.length < 2 ? 1 : Math.log10(values[1] / values[0]);
    }

    static NumberAxis logAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setTickUnit(new NumberTickUnit(1));
        a.setNumberFormatOverride(new PowerOfTen(false));
        return a;
    }

    /** Formats x as the value of 10^x: engineering (10k) on the map's axes, a power of ten (10⁻³) on the legend. */
    private static final class PowerOfTen extends NumberFormat {
        private final boolean scientific;

        PowerOfTen(boolean scientific) {
            this.scientific = scientific;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            double v = Math.pow(10, number);
            return toAppendTo.append(scientific ? org.kljn.io.Units.scientific(v) : SpiceNumbers.engineering(v));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }
    }

    /** One CSV row per grid point (lengths fastest). */
    public static String csv(SecurityMap map) {
        StringBuilder sb = new StringBuilder("length_m,bandwidth_hz,r_c_ohm,c_c_f,l_c_h,beta_minimizing,"
                + "jeffreys_best_beta,success_best_beta,t_la_over_t_ha,t_hb_over_t_ha,t_lb_over_t_ha,"
                + "jeffreys_best_temperatures,success_best_temperatures\n");
        for (SecurityMap.Point p : map.points()) {
            var t = p.bestTemperatures();
            sb.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.6g,%.6g,%.9g,%.6e,%.9f,%.6g,%.6g,%.6g,%.6e,%.9f%n",
                    p.length(), p.bandwidth(), p.resistance(), p.capacitance(), p.inductance(), p.betaMinimizing(),
                    p.jeffreysBestBeta(), p.successBestBeta(), t.lowAtAlice() / t.highAtAlice(),
                    t.highAtBob() / t.highAtAlice(), t.lowAtBob() / t.highAtAlice(), p.jeffreysBestTemperatures(),
                    p.successBestTemperatures()));
        }
        return sb.toString();
    }

}

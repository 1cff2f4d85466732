package org.kljn.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.kljn.analysis.SecurityMap;
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
                data[2][i] = temperatures ? p.successBestTemperatures() : p.successBestBeta();
            }
        }
        DefaultXYZDataset xyz = new DefaultXYZDataset();
        xyz.addSeries("Eve's optimal success", data);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(step(map.lengths()));
        blocks.setBlockHeight(step(map.bandwidths()));
        LookupPaintScale scale = new LookupPaintScale(0.5, 1.0, Color.WHITE);
        int steps = 50;
        for (int i = 0; i < steps; i++) {
            float f = (float) i / (steps - 1);
            // white (secure) → yellow → red (Eve certain)
            scale.add(0.5 + 0.5 * i / (double) steps,
                    new Color(1f, Math.max(0f, 1f - 0.6f * f - 0.4f * f * f), Math.max(0f, 1f - 2f * f)));
        }
        blocks.setPaintScale(scale);
        NumberAxis x = logAxis("cable length [m]");
        NumberAxis y = logAxis("band Δf [Hz]");
        XYPlot plot = new XYPlot(xyz, x, y, blocks);
        plot.setBackgroundPaint(Color.WHITE);
        XYSeries contour = new XYSeries("Eve = 0.5 + " + map.epsilon() + " (secure to the left)", false);
        double[] secure = map.secureLength(temperatures);
        for (int b = 0; b < nb; b++) {
            if (Double.isFinite(secure[b])) {
                contour.add(Math.log10(secure[b]), Math.log10(map.bandwidths()[b]));
            }
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, new Color(0x1f3a93));
        line.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(1, new XYSeriesCollection(contour));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis scaleAxis = new NumberAxis("Eve's optimal success for the bit");
        scaleAxis.setRange(0.5, 1.0);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    static double step(double[] values) {
        return values.length < 2 ? 1 : Math.log10(values[1] / values[0]);
    }

    static NumberAxis logAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setTickUnit(new NumberTickUnit(1));
        a.setNumberFormatOverride(new PowerOfTen());
        return a;
    }

    /** Formats x as the engineering value of 10^x. */
    private static final class PowerOfTen extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(SpiceNumbers.engineering(Math.pow(10, number)));
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

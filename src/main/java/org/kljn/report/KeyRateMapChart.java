package org.kljn.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.kljn.analysis.study.KeyRateMap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The key-rate map as a heat map: the best secret-key rate over log cable length × log band, on a log colour scale
 * over four decades below the best cell. A cell with no key is grey (not the white background); the weakest
 * positive cells are pale blue, so a small rate is never mistaken for none. The zero-rate contour and the user's
 * point are drawn on top.
 */
public final class KeyRateMapChart {
    /** Decades of the colour scale below the best rate; smaller positive rates take the palest colour. */
    static final double DECADES = 4;
    static final Color NO_KEY = new Color(0xb0b0b0);

    private KeyRateMapChart() {
    }

    /**
     * Writes {@code stem}.png and {@code stem}.svg into {@code dir}.
     *
     * @param point the user's (length, band) to mark, or null
     */
    public static Charts.Rendered write(KeyRateMap map, String title, double[] point, Path dir, String stem)
            throws IOException {
        return SecurityMapChart.render(() -> chart(map, title, point), dir, stem);
    }

    static JFreeChart chart(KeyRateMap map, String title, double[] point) {
        int nl = map.lengths().length, nb = map.bandwidths().length;
        double top = Math.log10(Math.max(map.best().bitsPerSecond(), Double.MIN_NORMAL));
        double bottom = top - DECADES;
        double[][] data = new double[3][nl * nb];
        for (int b = 0; b < nb; b++) {
            for (int l = 0; l < nl; l++) {
                KeyRateMap.Cell c = map.at(l, b);
                int i = b * nl + l;
                data[0][i] = Math.log10(c.length());
                data[1][i] = Math.log10(c.bandwidth());
                // no key: below the scale (grey); a positive rate at least at the scale's palest step
                data[2][i] = c.bitsPerSecond() > 0 ? Math.max(bottom, Math.log10(c.bitsPerSecond())) : bottom - 1;
            }
        }
        DefaultXYZDataset xyz = new DefaultXYZDataset();
        xyz.addSeries("secret-key rate", data);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(SecurityMapChart.step(map.lengths()));
        blocks.setBlockHeight(SecurityMapChart.step(map.bandwidths()));
        LookupPaintScale scale = new LookupPaintScale(bottom - 1, top + 1e-9, NO_KEY);
        int steps = 40;
        for (int i = 0; i < steps; i++) {
            float f = (float) i / (steps - 1);
            // pale blue (a little key) → deep blue (the most)
            scale.add(bottom + DECADES * i / (double) steps, new Color(0.85f - 0.75f * f, 0.92f - 0.62f * f,
                    1f - 0.45f * f));
        }
        blocks.setPaintScale(scale);
        NumberAxis x = SecurityMapChart.logAxis("cable length [m]");
        NumberAxis y = SecurityMapChart.logAxis("band Δf [Hz]");
        XYPlot plot = new XYPlot(xyz, x, y, blocks);
        plot.setBackgroundPaint(Color.WHITE);
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries contour = new XYSeries("zero rate (a key to the left)", false);
        double[] zero = map.zeroRateLength();
        for (int b = 0; b < nb; b++) {
            if (Double.isFinite(zero[b])) {
                contour.add(Math.log10(zero[b]), Math.log10(map.bandwidths()[b]));
            }
        }
        lines.addSeries(contour);
        if (point != null) {
            XYSeries mark = new XYSeries("your point", false);
            mark.add(Math.log10(point[0]), Math.log10(point[1]));
            lines.addSeries(mark);
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, new Color(0xc0392b));
        line.setSeriesStroke(0, new BasicStroke(2.5f));
        line.setSeriesPaint(1, Color.BLACK);
        line.setSeriesLinesVisible(1, false);
        line.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        plot.setDataset(1, lines);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis scaleAxis = new NumberAxis("log10 secret-key rate [bit/s] (grey: no key)");
        scaleAxis.setRange(bottom - 1, top);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        return chart;
    }
}

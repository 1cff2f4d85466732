package org.kljn.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generic renderer: sizes, styles, awkward data, markup in names, atomic files. */
@Tag("integration") // rendering: runs in mvn verify (failsafe), not in the fast mvn test
class ChartsIT {
    @TempDir
    Path dir;

    private static ChartSpec everyStyle(boolean logY) {
        double[] x = {1, 2, 3, 4, 5};
        return new ChartSpec("Every style <&> \"quoted\"", "a subtitle with & and <tags>",
                ChartSpec.Axis.linear("x", "s"), logY ? ChartSpec.Axis.log("y", "V²") : ChartSpec.Axis.linear("y", ""),
                List.of(Series.line("line", x, new double[]{1, 2, 3, 4, 5}),
                        Series.dashed("dashed", x, new double[]{2, 3, 4, 5, 6}),
                        Series.dotted("dotted", x, new double[]{3, 4, 5, 6, 7}),
                        Series.points("points <b>", x, new double[]{1.5, 2.5, 3.5, 4.5, 5.5}),
                        Series.linePoints("linePoints & co", x, new double[]{0.5, 1, 2, 4, 8}),
                        Series.errorBars("errors", x, new double[]{1, 1.2, 1.4, 1.6, 1.8},
                                new double[]{-0.2, 1.0, 1.2, 1.4, 1.6}, new double[]{1.2, 1.4, 1.6, 1.8, 2.0})),
                List.of(ChartSpec.Marker.vertical(2.5, "x marker"),
                        ChartSpec.Marker.vertical(2.5, "same place"),
                        ChartSpec.Marker.horizontal(3, "y marker").withColourKey("line")));
    }

    @Test
    void everyStyleRendersOnLinearAndLogAxes() throws Exception {
        for (boolean logY : new boolean[]{false, true}) {
            ChartSpec spec = everyStyle(logY);
            ChartAssertions.renderAndCheck(spec, dir, "styles-" + logY, 640, 480);
        }
        Charts.write(everyStyle(true), ChartAssertions.SAMPLES, "every-style-log", 800, 560);
    }

    @Test
    void requestedSizesAreHonoured() throws Exception {
        byte[] png = Charts.png(everyStyle(false), 333, 222);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(333, img.getWidth());
        assertEquals(222, img.getHeight());
        String svg = Charts.svg(everyStyle(false), 333, 222);
        var root = ChartAssertions.parseXml(svg).getDocumentElement();
        assertEquals(333.0, Double.parseDouble(root.getAttribute("width").replace("px", "")));
        assertEquals(222.0, Double.parseDouble(root.getAttribute("height").replace("px", "")));
    }

    @Test
    void nonPositiveAndNonFiniteValuesAreSkippedOnLogAxes() throws Exception {
        double[] x = {0, 1, 10, 100, 1000};
        ChartSpec spec = ChartSpec.of("log-log with awkward values", ChartSpec.Axis.log("length", "m"),
                ChartSpec.Axis.log("residual", ""),
                List.of(Series.linePoints("awkward", x, new double[]{1, -1, Double.NaN, 1e-3, 1e-6}),
                        Series.linePoints("fine", x, new double[]{5, 4, 3, 2, 1})));
        ChartAssertions.renderAndCheck(spec, dir, "awkward", 500, 400);
    }

    @Test
    void anEmptyChartStillRenders() throws Exception {
        ChartSpec spec = ChartSpec.of("nothing yet", ChartSpec.Axis.log("x", ""), ChartSpec.Axis.linear("y", ""),
                List.of());
        Charts.Rendered r = Charts.write(spec, dir, "empty", 300, 200);
        assertEquals(300, ImageIO.read(r.png().toFile()).getWidth());
        ChartAssertions.checkSvg(r.svg(), spec);
    }

    @Test
    void rewritingReplacesTheFilesAndLeavesNoTemporaries() throws Exception {
        Charts.write(everyStyle(false), dir, "again", 400, 300);
        long first = Files.size(dir.resolve("again.png"));
        Charts.write(everyStyle(false), dir, "again", 800, 600);
        assertTrue(Files.size(dir.resolve("again.png")) > first);
        ChartAssertions.assertNoTemporaries(dir);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("again.png", "again.svg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void seriesAreImmutableAndValidated() {
        double[] x = {1, 2};
        double[] y = {3, 4};
        Series s = Series.line("s", x, y);
        x[0] = 99;
        s.y()[0] = 99;
        assertArrayEquals(new double[]{1, 2}, s.x());
        assertArrayEquals(new double[]{3, 4}, s.y());
        assertThrows(IllegalArgumentException.class, () -> Series.line("bad", new double[2], new double[3]));
        assertThrows(NullPointerException.class,
                () -> new Series("bad", x, y, Series.Style.ERROR_BARS, null, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> Series.errorBars("bad", x, y, new double[1], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> ChartSpec.Axis.log("x", "").withRange(0, 1));
        assertEquals("s", s.colourKey());
        assertEquals("T [K]", ChartSpec.Axis.linear("T", "K").title());
        assertEquals("β", ChartSpec.Axis.linear("β", "").title());
    }

    @Test
    void numbersAreCompact() {
        assertEquals("1.0448", Charts.number(1.044776119));
        assertEquals("4.034e-11", Charts.number(4.034036523e-11));
        assertEquals("-2.386e-11", Charts.number(-2.38635e-11));
        assertEquals("0", Charts.number(0));
    }
}

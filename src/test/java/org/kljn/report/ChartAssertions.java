package org.kljn.report;

import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What "a valid image with the expected series" means for the chart tests. */
final class ChartAssertions {
    private ChartAssertions() {
    }

    /** Where the sample renders go, to be looked at. */
    static final Path SAMPLES = Path.of(System.getProperty("java.io.tmpdir"), "kljn-plots");

    /**
     * Renders the spec to PNG and SVG in {@code dir}, and checks both: the PNG decodes at the requested size,
     * is not blank, and shows every series' colour; the SVG parses with an {@code <svg>} root and names every
     * series; no temporary file is left.
     */
    static Charts.Rendered renderAndCheck(ChartSpec spec, Path dir, String stem, int width, int height)
            throws Exception {
        Charts.Rendered r = Charts.write(spec, dir, stem, width, height);
        checkPng(r.png(), spec, width, height);
        checkSvg(r.svg(), spec);
        assertNoTemporaries(dir);
        return r;
    }

    static void checkPng(Path png, ChartSpec spec, int width, int height) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "not a decodable image: " + png);
        assertEquals(width, img.getWidth(), "width");
        assertEquals(height, img.getHeight(), "height");
        Set<Integer> distinct = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                distinct.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertTrue(distinct.size() > 50, "only " + distinct.size() + " colours in " + png);
        assertTrue(nonWhite > 0.01 * width * height, "almost blank: " + nonWhite + " non-white pixels");
        for (Map.Entry<String, Color> e : Charts.colours(spec).entrySet()) {
            long n = countNear(img, e.getValue(), 40);
            assertTrue(n >= 20, "series colour of '" + e.getKey() + "' drawn on only " + n + " pixels");
        }
    }

    private static long countNear(BufferedImage img, Color c, int tolerance) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int dr = ((rgb >> 16) & 0xFF) - c.getRed();
                int dg = ((rgb >> 8) & 0xFF) - c.getGreen();
                int db = (rgb & 0xFF) - c.getBlue();
                if (Math.abs(dr) + Math.abs(dg) + Math.abs(db) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    static Document parseXml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static void checkSvg(Path svg, ChartSpec spec) throws Exception {
        Document doc = parseXml(Files.readString(svg));
        assertEquals("svg", doc.getDocumentElement().getLocalName(), "root element");
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains(spec.title()), "title missing from SVG text");
        List<String> names = Charts.seriesNames(spec);
        for (String name : names) {
            assertTrue(text.contains(name), "series '" + name + "' missing from the SVG legend");
        }
    }

    static void assertNoTemporaries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> tmp = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(tmp.isEmpty(), "temporary files left: " + tmp);
        }
    }
}

package org.kljn.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    @TempDir
    Path dir;

    private HtmlReport sample(Path reportDir) throws Exception {
        ChartSpec spec = KljnCharts.signalVersusBeta(KljnChartsIT.ltraAttacks(), 1.17647);
        Charts.Rendered signal = Charts.write(spec, reportDir.resolve("figures"), "signal beta", 900, 600);
        Charts.Rendered ladder = Charts.write(KljnCharts.ladderConvergence(List.of(
                new KljnCharts.ConvergenceCurve("bsy", new int[]{1, 2, 4}, new double[]{1, 0.25, 0.0625})), ""),
                reportDir, "ladder", 600, 400);
        Files.writeString(reportDir.resolve("sweep.csv"), "beta,bsy\n1,2\n");
        return HtmlReport.titled("KLJN <check> & \"eq. 11\"")
                .withVerdict("Eq. 11's β does not null the Second-Law signal: it reverses it.\n\n"
                        + "Second paragraph with <b>markup</b> & an ampersand.")
                .withTable("Paper against simulation <lumped>", List.of("eq.", "paper", "simulated", "verdict"),
                        List.of(List.of("7", "4.930489084e-13", "4.034036523e-13", "DIFFERS"),
                                List.of("11", "1.089108911e+00", "1.044776119e+00", "DIFFERS <&>"),
                                List.of("1", "short row")))
                .withFigure("Signals against β (normalised at β = 1)", signal)
                .withFigure(new HtmlReport.Figure("PNG only", ladder.png(), null))
                .withDataFile("β sweep, one row per β", reportDir.resolve("sweep.csv"))
                .withDataFile("contract", reportDir.resolve("crosscheck.json"));
    }

    @Test
    void pageIsWellFormedEscapedAndComplete() throws Exception {
        Path reportDir = dir.resolve("report");
        HtmlReport report = sample(reportDir);
        Path index = report.write(reportDir);
        assertEquals(reportDir.resolve("index.html"), index);
        String html = Files.readString(index);

        Document doc = ChartAssertions.parseXml(html); // well-formed XML, so every tag is closed and escaped
        Element root = doc.getDocumentElement();
        assertEquals("html", root.getLocalName());
        assertEquals("KLJN <check> & \"eq. 11\"", text(doc, "title").get(0));
        assertEquals("KLJN <check> & \"eq. 11\"", text(doc, "h1").get(0));
        assertTrue(html.contains("KLJN &lt;check&gt; &amp; &quot;eq. 11&quot;"));
        assertFalse(html.contains("<b>markup"), "verdict markup must be escaped");
        assertTrue(text(doc, "p").contains("Second paragraph with <b>markup</b> & an ampersand."));

        List<String> cells = text(doc, "td");
        for (String c : List.of("7", "4.930489084e-13", "4.034036523e-13", "DIFFERS", "DIFFERS <&>", "short row")) {
            assertTrue(cells.contains(c), "cell " + c);
        }
        assertEquals(12, cells.size(), "a short row is padded to the header's width");
        assertEquals(List.of("eq.", "paper", "simulated", "verdict"), text(doc, "th"));
        assertEquals(List.of("Paper against simulation <lumped>"), text(doc, "caption"));

        NodeList imgs = doc.getElementsByTagName("img");
        assertEquals(2, imgs.getLength(), "one <img> per figure");
        assertEquals("figures/signal%20beta.png", ((Element) imgs.item(0)).getAttribute("src"));
        assertEquals("ladder.png", ((Element) imgs.item(1)).getAttribute("src"));
        for (int i = 0; i < imgs.getLength(); i++) {
            String src = ((Element) imgs.item(i)).getAttribute("src").replace("%20", " ");
            assertTrue(Files.exists(reportDir.resolve(src)), "figure file " + src);
        }
        List<String> hrefs = new ArrayList<>();
        NodeList links = doc.getElementsByTagName("a");
        for (int i = 0; i < links.getLength(); i++) {
            hrefs.add(((Element) links.item(i)).getAttribute("href"));
        }
        assertTrue(hrefs.contains("figures/signal%20beta.svg"), hrefs.toString());
        assertTrue(hrefs.contains("sweep.csv"));
        assertTrue(hrefs.contains("crosscheck.json"));
        assertFalse(hrefs.contains("ladder.svg"), "no SVG link for a PNG-only figure");

        assertFalse(html.toLowerCase().contains("<script"), "no JavaScript");
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/1999/xhtml", "").contains("http://"),
                "no external resources");
        assertFalse(html.contains("https://"));
        ChartAssertions.assertNoTemporaries(reportDir);
    }

    @Test
    void sampleReportForLooking() throws Exception {
        Path reportDir = ChartAssertions.SAMPLES.resolve("report");
        Path index = sample(reportDir).write(reportDir);
        ChartAssertions.parseXml(Files.readString(index));
    }

    @Test
    void escapeCoversMarkupQuotesAndControlCharacters() {
        assertEquals("a&lt;b&gt;&amp;&quot;&#39;c", HtmlReport.escape("a<b>&\"'c"));
        assertEquals("xy", HtmlReport.escape("x\u0001y"));
        assertEquals("β ±", HtmlReport.escape("β ±"));
    }

    @Test
    void emptyReportIsStillAPage() throws Exception {
        Path index = HtmlReport.titled("empty").write(dir);
        Document doc = ChartAssertions.parseXml(Files.readString(index));
        assertEquals("empty", text(doc, "h1").get(0));
        assertEquals(0, doc.getElementsByTagName("table").getLength());
    }

    /**
     * Numbers never break across lines: a narrow column broke "0.4810 – 0.8545" after its dash and "-4.70e-02" after
     * its minus. Whole-number cells are right-aligned and unbreakable; numbers inside text are unbreakable spans;
     * the cell's text is unchanged.
     */
    @Test
    void numbersInCellsStayOnOneLine() throws Exception {
        HtmlReport report = HtmlReport.titled("cells").withTable("t", List.of("a", "b", "c", "d"),
                List.of(List.of("0.4810 – 0.8545", "-4.70e-02", "RC ladder, R_c = 168 Ω, C_c = 52 nF", "h = 500 µs")));
        String html = report.toHtml(dir);
        assertTrue(html.contains("<td class=\"num\"><span class=\"nw\">0.4810 – 0.8545</span></td>"), html);
        assertTrue(html.contains("<td class=\"num\"><span class=\"nw\">-4.70e-02</span></td>"), html);
        assertTrue(html.contains("R_c = <span class=\"nw\">168 Ω</span>, C_c = <span class=\"nw\">52 nF</span>"), html);
        assertTrue(html.contains("<span class=\"nw\">500 µs</span>"), html);
        assertTrue(html.matches("(?s).*td\\.num \\{[^}]*white-space: nowrap.*"), "numeric cells do not wrap");
        assertTrue(html.matches("(?s).*\\.nw \\{ white-space: nowrap; \\}.*"), "number spans do not wrap");
        Document doc = ChartAssertions.parseXml(html);
        assertEquals(List.of("0.4810 – 0.8545", "-4.70e-02", "RC ladder, R_c = 168 Ω, C_c = 52 nF", "h = 500 µs"),
                text(doc, "td"));
    }

    /** A line's description as the command prints it, spelled on a page with the page's units; nothing else moves. */
    @Test
    void spiceQuantitiesAreSpelledWithSiUnits() {
        assertEquals("lumped R_c = 100 Ω", CommandReports.siSpelling("lumped R_c = 100ohm"));
        assertEquals("RC ladder, 20 T sections, R_c = 336 Ω, C_c = 104 nF; R_L = 1 kΩ, R_H = 2.2 MΩ",
                CommandReports.siSpelling("RC ladder, 20 T sections, R_c = 336ohm, C_c = 104nF; R_L = 1kohm,"
                        + " R_H = 2.2megohm"));
        assertEquals("LTRA line, R_c = 500 mΩ, L_c = 520 µH, C_c = 52 nF",
                CommandReports.siSpelling("LTRA line, R_c = 500mohm, L_c = 520uH, C_c = 52nF"));
        String untouched = "band 0..1k Hz, 1000 Hz, a bit of 0.5000 s, 1.00e-18 V²/Hz, T_eff = 1.000e+09 K, R2D2H";
        assertEquals(untouched, CommandReports.siSpelling(untouched));
    }

    @Test
    void entitiesAndWordsWithDigitsAreLeftWhole() {
        assertEquals("Eve&#39;s T_LA/T_HA 10k", HtmlReport.cellHtml("Eve's T_LA/T_HA 10k").replace(
                "<span class=\"nw\">10k</span>", "10k"));
        assertEquals("R2D2", HtmlReport.cellHtml("R2D2"));
    }

    private static List<String> text(Document doc, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}

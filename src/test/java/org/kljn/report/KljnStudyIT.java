package org.kljn.report;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.analysis.study.LineStudy;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main job end to end on a small configuration: every report file is there and holds what it should. */
@Tag("integration") // end to end: runs in mvn verify (failsafe), not in the fast mvn test
@ExtendWith(NgSpiceExtension.class)
class KljnStudyIT {

    /**
     * The main job's study made small (1 km, a 10-section ladder, 20 bits of 20 samples per Monte Carlo point, null
     * confirmations of 40 bits): every part of the report, in a fraction of the main job's time. {@link
     * ReportInBrowserIT} opens its report too.
     */
    static final LineStudy.Config SMALL = new LineStudy.Config(new ResistorPair(1e3, 10e3), CablePreset.CAT5, 1e3,
            1e9, 500, 10, 20, new int[] {20}, 7, 40, 50);

    @NgSpiceExtension.Session
    static NgSpice spice;

    private static LineStudy.Result small;
    /** The small study's progress lines (the main job prints them on stderr). */
    private static final List<String> PROGRESS = new java.util.ArrayList<>();

    /** The small study, run once for the tests of this class. */
    private static synchronized LineStudy.Result study() {
        if (small == null) {
            small = LineStudy.run(spice, SMALL, PROGRESS::add);
        }
        return small;
    }

    @Test
    void theStudyWritesItsReportWithEveryFigureAndTable(@TempDir Path dir) throws Exception {
        LineStudy.Result study = study();
        Path out = dir.resolve("report");
        String verdict = KljnStudy.write(study, out);
        assertTrue(verdict.contains("eq. 11 gives β = "), verdict);
        String html = Files.readString(out.resolve("index.html"));
        // 1 km of Cat5 at 500 Hz, bits of 1000 Nyquist samples: the best eavesdropper is certain whatever the
        // temperatures (security map: secure below ~6.5 m at 500 Hz), and the verdict says so in words
        assertTrue(verdict.contains("no temperature defence makes 1000 m of cat5 at 500 Hz secure"), verdict);
        assertTrue(verdict.contains("no temperature set can reach J = 0"), verdict);
        BufferedImage map = ImageIO.read(out.resolve("security-map.png").toFile());
        assertEquals(900, map.getWidth());
        assertTrue(html.contains("security-map.png") && html.contains("security-map.csv"), "the page shows the map");
        assertEquals(50, Files.readAllLines(out.resolve("security-map.csv")).size(), "7 x 7 points and a header");
        for (String stem : List.of("signal-versus-beta", "success-versus-bit-duration", "residual-versus-length",
                "ladder-convergence")) {
            BufferedImage png = ImageIO.read(out.resolve(stem + ".png").toFile());
            assertEquals(900, png.getWidth(), stem);
            assertEquals(600, png.getHeight(), stem);
            assertTrue(html.contains(stem + ".png"), "the page shows " + stem);
            assertTrue(Files.size(out.resolve(stem + ".csv")) > 100, stem + ".csv");
        }
        String betaSvg = Files.readString(out.resolve("signal-versus-beta.svg"));
        for (String series : List.of("bsy", "secondLaw", "current", "β eq. 11")) {
            assertTrue(betaSvg.contains(series), "signal-versus-beta.svg names " + series);
        }
        String lengthSvg = Files.readString(out.resolve("residual-versus-length.svg"));
        for (String model : List.of("lumped", "ladder", "urc", "ltra")) {
            assertTrue(lengthSvg.contains(model), "residual-versus-length.svg names " + model);
        }
        String successSvg = Files.readString(out.resolve("success-versus-bit-duration.svg"));
        assertTrue(successSvg.contains("no defence") && successSvg.contains("minimax") && successSvg.contains("Monte Carlo"),
                "success plot has the conditions and the Monte Carlo points");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        double eq11 = summary.get("betaEq11").asDouble();
        double rc = CablePreset.CAT5.resistance(1e3);
        assertEquals((1 + rc / 1e3) / (1 + rc / 10e3), eq11, 1e-12);
        for (String model : List.of("lumped", "ladder", "urc", "ltra")) {
            assertTrue(summary.get("models").has(model), "summary has " + model);
        }
        // the transient confirmation of the ladder's nulls is in the report and the summary (40 bits: too few to
        // confirm anything, so only its presence is checked here; NullConfirmationIT checks the physics)
        assertTrue(html.contains("Transient confirmation of the exact nulls"), "the page has the null confirmation");
        for (String attack : List.of("bsy", "secondLaw", "current")) {
            JsonNode n = summary.get("nullConfirmation").get(attack);
            assertTrue(n != null && n.get("standardError").asDouble() > 0, "summary confirms " + attack);
        }
        // the lumped model's Second-Law null is the closed form (1 + R_c/2R_L)/(1 + R_c/2R_H)
        assertEquals((1 + rc / 2e3) / (1 + rc / 20e3),
                summary.get("models").get("lumped").get("betaNull_secondLaw").asDouble(), 1e-9);
    }

    /**
     * Every number the main job states (its printed verdict, its progress lines, each table caption and each table
     * cell of its page except the row labels in the first column) is in summary.json, to the digits shown: a number a
     * reader sees and a script cannot read would have to be scraped from the page. The only exceptions are the text's constants: "eq. 11", "0.5 + ε"'s
     * 0.5 and "J = 0".
     */
    @Test
    void summaryJsonHoldsEveryNumberTheTextStates(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        String verdict = KljnStudy.write(study(), out);
        List<Double> values = new java.util.ArrayList<>();
        numbers(new ObjectMapper().readTree(out.resolve("summary.json").toFile()), values);
        List<String> texts = new java.util.ArrayList<>(List.of(verdict));
        texts.addAll(PROGRESS);
        String html = Files.readString(out.resolve("index.html"));
        java.util.regex.Matcher caption = java.util.regex.Pattern.compile("<caption>(.*?)</caption>").matcher(html);
        while (caption.find()) {
            texts.add(caption.group(1).replace("&#39;", "'").replace("&amp;", "&"));
        }
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr>(.*?)</tr>").matcher(html);
        while (row.find()) {
            java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1));
            for (int c = 0; cell.find(); c++) {
                if (c > 0) {
                    texts.add(cell.group(1).replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&amp;", "&"));
                }
            }
        }
        assertTrue(texts.size() > 30, "the page's cells were read: " + texts);
        List<String> missing = new java.util.ArrayList<>();
        int checked = 0;
        for (String text : texts) {
            String t = text.replace("eq. 11", "eq. XI").replace("0.5 + ", "").replace("J = 0 ", "");
            java.util.regex.Matcher m = NUMBER.matcher(t);
            while (m.find()) {
                checked++;
                if (!inJson(m, values)) {
                    missing.add(m.group() + " (in \"" + text + "\")");
                }
            }
        }
        assertTrue(checked > 60, "numbers checked: " + checked);
        assertTrue(missing.isEmpty(), "numbers of the text missing from summary.json: " + missing);
    }

    /** A number as the text writes it, with an attached SPICE scale and unit ({@code 52nF}, {@code 1k}, {@code 168Ω}). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "(?<![\\w.])([-+]?)(\\d+)(?:\\.(\\d+))?(?:[eE]([-+]?\\d+))?([a-zA-ZµΩ]*)");

    /** Whether a value of the JSON lies within half a unit of the number's last digit shown. */
    private static boolean inJson(java.util.regex.Matcher m, List<Double> values) {
        String decimals = m.group(3) == null ? "" : m.group(3);
        double exponent = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        String letters = m.group(5);
        double scale = 1;
        if (letters.startsWith("meg")) {
            scale = 1e6;
        } else if (!letters.isEmpty() && "fpnuµmkgt".indexOf(letters.charAt(0)) >= 0
                && (letters.length() == 1 || List.of("F", "H", "Ω", "Hz", "s").contains(letters.substring(1)))) {
            scale = Math.pow(10, 3 * ("fpnum".indexOf(letters.charAt(0)) >= 0 ? "fpnum".indexOf(letters.charAt(0)) - 5
                    : letters.charAt(0) == 'µ' ? -2 : "kgt".indexOf(letters.charAt(0)) + 1));
        }
        double x = Double.parseDouble(m.group(1) + m.group(2) + (decimals.isEmpty() ? "" : "." + decimals))
                * Math.pow(10, exponent) * scale;
        double tolerance = 0.5 * Math.pow(10, exponent - decimals.length()) * scale * (1 + 1e-9) + 1e-300;
        return values.stream().anyMatch(v -> Math.abs(v - x) <= tolerance);
    }

    private static void numbers(JsonNode node, List<Double> out) {
        if (node.isNumber()) {
            out.add(node.asDouble());
        }
        node.forEach(child -> numbers(child, out));
    }
}

package org.kljn.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.cli.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every HTML report opens in a real browser: each image loads and each link resolves. The reports are written
 * as a user writes them, from a working folder with a relative {@code --out} (the case that once linked
 * {@code kljn-report/x.png} from inside {@code kljn-report/}), and read by headless Chromium (Debian's
 * {@code chromium}, installed by {@code native/ensure-chromium.sh} in Maven's validate phase).
 *
 * <p>The page under test is not modified: a probe page beside it loads it in an iframe, inspects
 * {@code document.images} (complete with a non-zero natural width) and requests every {@code href}, and
 * writes one line per element into its own DOM, which {@code --dump-dom} prints (a table: its caption and each body
 * row's first two cells, and its narrowest width beside the page's). The frame is 1200 px wide, so that the page has
 * its full width (1100 px), as on a desktop.
 */
@Tag("integration") // runs in mvn verify (failsafe)
class ReportInBrowserIT {
    private static final String PROBE = """
            <!DOCTYPE html><html><body><pre id="result">pending</pre>
            <iframe id="f" src="index.html" width="1200" height="600"></iframe>
            <script>
            function check(url) {
              return new Promise(res => { const x = new XMLHttpRequest();
                x.onload = () => res(x.status === 0 || x.status === 200); x.onerror = () => res(false);
                try { x.open('GET', url); x.send(); } catch (e) { res(false); } });
            }
            document.getElementById('f').onload = async function () {
              const d = this.contentDocument; const out = [];
              for (const img of d.images) out.push('image ' + img.getAttribute('src') + ' '
                  + (img.complete && img.naturalWidth > 0 ? 'ok' : 'broken'));
              for (const t of d.querySelectorAll('table')) out.push('table ' + (t.caption ? t.caption.textContent : '')
                  + ' | ' + Array.from(t.tBodies[0].rows).map(r => r.cells[0].textContent + ' = '
                  + r.cells[1].textContent).join(' ; '));
              for (const t of d.querySelectorAll('table')) { t.style.width = 'min-content'; out.push('width '
                  + t.offsetWidth + ' of ' + t.parentElement.clientWidth + ' ' + (t.caption ? t.caption.textContent : ''));
                  t.style.width = ''; }
              for (const a of d.querySelectorAll('a[href]')) {
                const ok = await check(new URL(a.getAttribute('href'), d.baseURI).href);
                out.push('link ' + a.getAttribute('href') + ' ' + (ok ? 'ok' : 'missing'));
              }
              document.getElementById('result').textContent = out.join('\\n') + '\\nDONE';
            };
            </script></body></html>
            """;

    /** How long a child may take before the test calls it a hang: far above any run on a loaded machine. */
    private static final long HANG_GUARD_MINUTES = 30;

    /**
     * The main job's report, on the small study of {@link KljnStudyIT} (the same writer as {@code kljn --out}, every
     * figure and link; the full study's cost would only test the machine's speed).
     */
    @Test
    void theMainJobsReportOpensWithEveryFigureAndLink(@TempDir Path work) throws Exception {
        runJava(work, SmallStudyMain.class, "kljn-report");
        List<String> lines = probe(work.resolve("kljn-report"));
        assertEveryElementLoads(lines, 4);
    }

    @Test
    void aSweepReportOpensWithEveryFigureAndLink(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("grid.spec"), String.join("\n", "rl: 1k", "rh: 10k", "cable: lumped",
                "rc: lin 100 400 3", "bandwidth: 1k", "beta: 1", "analyses: exact", ""));
        run(work, "sweep", "grid.spec", "--out", "sw/points.csv", "--progress", "never");
        run(work, "report", "sw/points.csv", "--out", "sw/report");
        List<String> lines = probe(work.resolve("sw/report"));
        assertEveryElementLoads(lines, 1);
    }

    /**
     * {@code kljn analyze --report}: a ladder line, so that every attack has a null and every figure its curves. The
     * first table the browser shows is the key-rate table (the verdict's numbers): one row per defence of the
     * command's JSON beside the page ({@code keyRateDefences.defences}), in its order, each with its rate.
     */
    @Test
    void anAnalyzeReportOpensWithEveryFigureAndLink(@TempDir Path work) throws Exception {
        run(work, "analyze", "--cable", "ladder", "--rc", "200", "--cc", "100n", "--sections", "10", "--bandwidth", "500",
                "--bit-samples", "100", "--report", "an");
        List<String> lines = probe(work.resolve("an"));
        assertEveryElementLoads(lines, 2);
        assertOpensWithTheVerdict(work.resolve("an"), "secret key"); // the key-rate verdict, as the text
        assertKeyRateTableFirst(lines, work.resolve("an/analysis.json"), "keyRateDefences",
                "the bit of 100 Nyquist samples");
    }

    /**
     * The first table the browser shows is the key-rate table (the verdict's numbers): one row per defence of the
     * command's JSON beside the page ({@code KEY.defences}), in its order, each with its rate.
     */
    private static void assertKeyRateTableFirst(List<String> lines, Path json, String key, String bit)
            throws IOException {
        List<String> tables = lines.stream().filter(l -> l.startsWith("table ")).toList();
        assertTrue(!tables.isEmpty() && tables.get(0).startsWith("table Secret-key rate of each defence at " + bit),
                "the key-rate table comes first: " + tables);
        com.fasterxml.jackson.databind.JsonNode defences = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.toFile()).get(key).get("defences");
        List<String> rows = new ArrayList<>();
        defences.forEach(d -> rows.add(d.get("name").asText() + " = "
                + ("window-bound".equals(d.get("eveMethod").asText()) ? "≥ " : "")
                + org.kljn.io.Units.significant(d.get("bitsPerSecond").asDouble(), 6)));
        assertTrue(rows.size() >= 2, "the analysed beta and the defences: " + defences);
        assertEquals(String.join(" ; ", rows), tables.get(0).substring(tables.get(0).indexOf(" | ") + 3));
    }

    @Test
    void aDefendReportOpensWithEveryFigureAndLink(@TempDir Path work) throws Exception {
        run(work, "defend", "--rc", "100", "--bit-samples", "200", "--report", "de");
        List<String> lines = probe(work.resolve("de"));
        assertEveryElementLoads(lines, 1);
        assertOpensWithTheVerdict(work.resolve("de"), "secret key");
        assertKeyRateTableFirst(lines, work.resolve("de/defences.json"), "keyRate", "the bit of 200 Nyquist samples");
        assertTablesFit(lines);
        String html = Files.readString(work.resolve("de/index.html"));
        assertTrue(html.contains("over lumped R_c = 100 Ω at up to"), "the verdict spells the line as the page does");
        assertFalse(html.contains("ohm"), "no quantity in SPICE's spelling on the page");
    }

    /**
     * Every table fits the page at its full width (the body's 1100 px in the 1200 px frame) without losing a column:
     * its narrowest layout (cells wrapped where they may) is no wider than the page.
     */
    private static void assertTablesFit(List<String> lines) {
        List<String> widths = lines.stream().filter(l -> l.startsWith("width ")).toList();
        assertFalse(widths.isEmpty(), "the probe measured the tables: " + lines);
        widths.forEach(ReportInBrowserIT::assertTableFits);
    }

    /** A probe's "width W of P caption" line: the table's narrowest layout W is no wider than the page's P. */
    private static void assertTableFits(String widthLine) {
        String[] t = widthLine.split(" ", 5);
        assertTrue(Integer.parseInt(t[1]) <= Integer.parseInt(t[3]), "a table wider than the page: " + widthLine);
    }

    /** A 3 × 3 map: every part of the page, a fraction of the default map's work. */
    @Test
    void aMapReportOpensWithEveryFigureAndLink(@TempDir Path work) throws Exception {
        run(work, "map", "--metric", "success", "--preset", "cat5", "--lengths", "10,1k", "--length-points", "3",
                "--bandwidths", "10,1k", "--band-points", "3", "--jobs", "1", "--out", "mp", "--report", "mp/report");
        List<String> lines = probe(work.resolve("mp/report"));
        assertEveryElementLoads(lines, 2);
        assertOpensWithTheVerdict(work.resolve("mp/report"), "KLJN over cat5");
    }

    /**
     * The key-rate map's page (2 × 2 cells at a set bit of 20 samples: every part, little work): the verdict first,
     * the heat map with its operating point, the CSV and JSON links.
     */
    @Test
    void aKeyRateMapReportOpensWithTheVerdictAndItsFigure(@TempDir Path work) throws Exception {
        run(work, "map", "--preset", "cat5", "--lengths", "10,1k", "--length-points", "2", "--bandwidths", "100,1k",
                "--band-points", "2", "--bit-samples", "20", "--point", "100,1k", "--jobs", "1", "--out", "kr",
                "--report", "kr/report");
        List<String> lines = probe(work.resolve("kr/report"));
        assertEveryElementLoads(lines, 1);
        assertOpensWithTheVerdict(work.resolve("kr/report"), "secret key");
        String html = Files.readString(work.resolve("kr/report/index.html"));
        for (String part : List.of("key-rate-map.png", "key-rate-map.svg", "key-rate-map.csv", "key-rate-map.json",
                "a key up to", "the operating point")) {
            assertTrue(html.contains(part), part + " in " + html);
        }
    }

    /** The verdict section's first paragraph is the one-sentence answer, in bold. */
    private static void assertOpensWithTheVerdict(Path reportDir, String words) throws IOException {
        String html = Files.readString(reportDir.resolve("index.html"));
        Matcher m = Pattern.compile("<section class=\"verdict\">\\s*<h2>Verdict</h2>\\s*<p class=\"headline\">([^<]*)</p>")
                .matcher(html);
        assertTrue(m.find(), "the page opens with its verdict: " + html);
        assertTrue(m.group(1).contains(words), m.group(1));
        assertFalse(Pattern.compile("\\. \\p{Lu}").matcher(m.group(1)).find(), "one sentence: " + m.group(1));
    }

    /**
     * Each image "ok", each link "ok", at least {@code images} images, every table the page has fits it ({@link
     * #assertTablesFit}'s rule); the lines are in the message.
     */
    private static void assertEveryElementLoads(List<String> lines, int images) {
        long loaded = lines.stream().filter(l -> l.startsWith("image ") && l.endsWith(" ok")).count();
        List<String> bad = lines.stream().filter(l -> !l.endsWith(" ok") && !l.equals("DONE") && !l.startsWith("table ")
                && !l.startsWith("width ")).toList();
        assertTrue(bad.isEmpty(), "elements that did not load: " + bad + " (all: " + lines + ")");
        assertTrue(loaded >= images, "expected at least " + images + " images, the browser saw " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("link ")), "the page has links: " + lines);
        lines.stream().filter(l -> l.startsWith("width ")).forEach(ReportInBrowserIT::assertTableFits);
    }

    /** kljn in a child JVM whose working folder is {@code work}, as a user runs it. */
    private static void run(Path work, String... args) throws Exception {
        runJava(work, Main.class, args);
    }

    /** {@code main} of a class in a child JVM whose working folder is {@code work}. */
    private static void runJava(Path work, Class<?> main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(work, "kljn", ".log");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(main.getSimpleName() + " " + String.join(" ", args) + " hung (no end in " + HANG_GUARD_MINUTES
                    + " minutes)");
        }
        assertEquals(0, p.exitValue(), main.getSimpleName() + " " + String.join(" ", args) + ": "
                + Files.readString(log));
    }

    /** Opens the probe beside {@code reportDir/index.html} in headless Chromium and returns its result lines. */
    private static List<String> probe(Path reportDir) throws Exception {
        assertTrue(Files.isRegularFile(reportDir.resolve("index.html")), "report written: " + reportDir);
        Path probe = reportDir.resolve("browser-probe.html");
        Files.writeString(probe, PROBE);
        Process p = new ProcessBuilder(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--allow-file-access-from-files", "--virtual-time-budget=20000", "--dump-dom",
                probe.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("chromium did not finish reading " + probe);
        }
        Files.delete(probe);
        Matcher m = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "chromium printed no probe result for " + reportDir + ": " + dom);
        List<String> lines = m.group(1).strip().lines().map(String::strip).toList();
        assertTrue(lines.contains("DONE"), "the probe finished inside the browser: " + lines);
        return lines;
    }

    /** The browser program; the test fails (never skips) with the install command when it is missing. */
    private static String chromium() throws IOException {
        for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(name))) {
                return name;
            }
        }
        fail("headless Chromium is missing: run native/ensure-chromium.sh (apt-get install chromium)");
        return null;
    }
}

package org.kljn.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweep reports from real sweeps: the swept parameter with its unit on the axis, failed points named. */
@Tag("integration") // end to end: runs in mvn verify (failsafe), not in the fast mvn test
class SweepReportIT {
    @TempDir
    static Path dir;
    static Path lumped;
    static Path cat5;

    @BeforeAll
    static void sweeps() throws Exception {
        Files.writeString(dir.resolve("a.spec"), String.join("\n", "rl: 1k", "rh: 10k", "cable: lumped, ladder",
                "cc: 100n", "rc: lin 100 400 3", "bandwidth: 1k", "beta: 1", "analyses: exact", ""));
        Files.writeString(dir.resolve("b.spec"), String.join("\n", "rl: 1k", "rh: 10k", "preset: cat5", "cable: ltra",
                "length: log 100 1000 3", "bandwidth: 1k", "beta: 1, null", "analyses: exact", ""));
        lumped = dir.resolve("a.csv");
        cat5 = dir.resolve("b.csv");
        assertEquals(0, kljn("sweep", dir.resolve("a.spec").toString(), "--out", lumped.toString(), "--progress", "never"));
        assertEquals(0, kljn("sweep", dir.resolve("b.spec").toString(), "--out", cat5.toString(), "--progress", "never"));
    }

    private static int kljn(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aLengthSweepIsPlottedAgainstLengthInMetresWithTheBitDuration() throws Exception {
        Path out = dir.resolve("r1");
        String html = Files.readString(SweepReport.write(List.of(cat5), out));
        assertTrue(html.contains("Eve&#39;s best predicted success against length") || html.contains("Eve's best predicted success against length"),
                "the x axis is the swept length, not betaUsed");
        assertTrue(html.contains("length [m]"), "the table and axis carry units");
        assertTrue(html.contains("1000 Nyquist samples (0.5 s)") || html.contains("1000 Nyquist samples (0.5000 s)"),
                "the bit duration in seconds is stated");
        String svg = Files.readString(out.resolve("sweep-success.svg"));
        assertTrue(svg.contains("length [m]"), "the plotted axis is labelled with its unit");
        assertTrue(svg.contains("beta 1") && svg.contains("beta null"), "one series per β rule");
    }

    @Test
    void sweepsOfTwoKindsReportTogetherOnACommonAxis() throws Exception {
        // the lumped sweep has no lengths: the common swept parameter is R_c (once: "empty String")
        String html = Files.readString(SweepReport.write(List.of(lumped, cat5), dir.resolve("r2")));
        assertTrue(html.contains("against rc"), "R_c is the common axis");
        assertTrue(html.contains("12 points from 2 files: 12 finished, 0 failed."), html);
    }

    @Test
    void failedPointsAreNamedInTheVerdict() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(cat5));
        String row = lines.get(2);
        lines.set(2, row.substring(0, row.lastIndexOf(",ok,")) + ",failed,Timestep too small");
        Path edited = dir.resolve("edited.csv");
        Files.write(edited, lines);
        String html = Files.readString(SweepReport.write(List.of(edited), dir.resolve("r3")));
        String index = row.substring(0, row.indexOf(','));
        assertTrue(html.contains("5 finished, 1 failed. Failed points: #" + index + " (Timestep too small);"), html);
    }

    @Test
    void aTornRowIsRefusedNamingTheFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(cat5));
        lines.set(3, lines.get(3).substring(0, 40));
        Path torn = dir.resolve("torn.csv");
        Files.write(torn, lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepReport.write(List.of(torn), dir.resolve("r4")));
        assertTrue(e.getMessage().contains(torn.toString()) && e.getMessage().contains("line 4"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("r4/index.html")), "nothing written");
    }
}

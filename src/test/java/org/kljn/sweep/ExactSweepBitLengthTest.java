package org.kljn.sweep;

import org.kljn.io.Csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exact-only sweep takes the bit length: its predicted columns depend on it (issue 15, item 10). */
class ExactSweepBitLengthTest {
    @Test
    void theSpecAcceptsBitSamplesWithoutTheAttackAnalysis() {
        SweepSpec s = SweepSpec.parse("rc: 100\nbitSamples: 20, 2000\nanalyses: exact\n", "t.spec", Path.of("."));
        assertEquals(List.of(20, 2000), s.points().stream().map(SweepPoint::bitSamples).toList());
    }

    @Test
    void longerBitsGiveEveMoreInTheExactColumns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bits.spec"), "rl: 1k\nrh: 10k\nrc: 1k\nbandwidth: 1k\nbitSamples: 20, 2000\n"
                + "analyses: exact\n");
        Path csv = dir.resolve("bits.csv");
        PrintStream oldErr = System.err;
        int status;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            status = Main.execute("sweep", dir.resolve("bits.spec").toString(), "--out", csv.toString(),
                    "--progress", "never");
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(0, status);
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Csv.parse(lines.get(1)); // after the stamp line
        int m = header.indexOf("bitSamples");
        int p = header.indexOf("predicted_bsy");
        double p20 = Double.NaN;
        double p2000 = Double.NaN;
        for (String line : lines.subList(2, lines.size())) {
            List<String> row = Csv.parse(line);
            if (row.get(m).equals("20")) {
                p20 = Double.parseDouble(row.get(p));
            } else if (row.get(m).equals("2000")) {
                p2000 = Double.parseDouble(row.get(p));
            }
        }
        // R_c = 1k between 1k and 10k: Eve's BSY success grows from ~0.7 at 20 samples to ~1 at 2000
        assertTrue(p20 > 0.55 && p20 < 0.9, "20 samples: " + p20);
        assertTrue(p2000 > 0.99, "2000 samples: " + p2000);
    }
}

package org.kljn.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.io.Csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key rate through the commands: a sweep's row carries the same key rate as {@code analyze} at the same point
 * (two paths through the CLI: the sweep's evaluator and analyze's JSON), and the verdict opens analyze's output.
 */
@Tag("integration")
class KeyRateCommandsIT {
    private static String run(String... args) {
        RunCommandTest.Result r = RunCommandTest.kljn(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
        return r.out();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSweepsKeyRateEqualsTheSamePointsAnalyze(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("k.spec"), "rl: 1k\nrh: 10k\nrc: 300\nbandwidth: 1k\nbeta: 1.2\nbitSamples: 24\n"
                + "analyses: exact, key_rate\n");
        Path csv = dir.resolve("k.csv");
        run("sweep", dir.resolve("k.spec").toString(), "--out", csv.toString(), "--progress", "never");
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Csv.parse(lines.get(1)); // after the stamp line
        List<String> row = Csv.parse(lines.get(2));
        String json = run("analyze", "--rl", "1k", "--rh", "10k", "--rc", "300", "--bandwidth", "1k", "--beta", "1.2",
                "--bit-samples", "24", "--json");
        Map<String, Object> root = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        assertEquals("verdict", root.keySet().iterator().next(), "the verdict comes first");
        assertTrue(((String) root.get("verdict")).startsWith("A secret key is possible over lumped R_c = 300ohm at up"
                + " to "), (String) root.get("verdict"));
        Map<String, Object> key = (Map<String, Object>) root.get("keyRate");
        for (String f : List.of("bitsPerSecond", "bitsPerKeptBit", "aliceBobInformation", "eveInformation",
                "keptFraction", "reconciliation", "bitDuration")) {
            double sweep = Double.parseDouble(row.get(header.indexOf("keyRate_" + f)));
            double analyze = ((Number) key.get(f)).doubleValue();
            assertEquals(analyze, sweep, 1e-12 * Math.abs(analyze), f);
        }
        assertTrue(((Number) key.get("bitsPerSecond")).doubleValue() > 0, "a lumped 300 ohm loop has a key: " + key);
    }
}

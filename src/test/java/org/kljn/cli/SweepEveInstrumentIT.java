package org.kljn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.io.Csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep point with Eve's instrument and the reconciliation given in the spec ({@code eveNoiseVoltage},
 * {@code eveNoiseCurrent}, {@code reconciliation}) computes the same key rate and the same best-eavesdropper
 * columns as {@code analyze} of that point with {@code --eve-noise-voltage}, {@code --eve-noise-current},
 * {@code --reconciliation} (issue 21: "key rate in a sweep equals the same point's analyze"): two paths through the
 * CLI, the sweep's evaluator and analyze's JSON. The loop is a capacitive ladder where the floors matter: the test
 * first shows that analyze at the default floors differs from analyze at the chosen ones by more than 5 % in the rate,
 * Eve's information and her advantage, so a sweep that dropped the floors would fail the 1e-12 comparison; one that
 * dropped ξ would fail on {@code keyRate_reconciliation} and on the rate (ξ multiplies I(A;B) in it).
 */
@Tag("integration")
class SweepEveInstrumentIT {
    private static final List<String> LOOP = List.of("--rl", "1k", "--rh", "10k", "--cable", "ladder", "--rc", "300",
            "--cc", "10n", "--bandwidth", "1k", "--bit-samples", "24");
    private static final List<String> FLOORS = List.of("--eve-noise-voltage", "1e-14", "--eve-noise-current", "1e-20",
            "--reconciliation", "0.95");

    private static String run(List<String> args) {
        RunCommandTest.Result r = RunCommandTest.kljn(args.toArray(String[]::new));
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
        return r.out();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> analyze(String beta, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("analyze", "--beta", beta, "--json"));
        args.addAll(LOOP);
        args.addAll(options);
        return new ObjectMapper().readValue(run(args), Map.class);
    }

    /** The spec lines of {@link #LOOP}'s loop; a test adds its β, bit and analyses. */
    private static final String LOOP_SPEC = """
                rl: 1k
                rh: 10k
                cable: ladder
                rc: 300
                cc: 10n
                bandwidth: 1k
                """;

    /** Runs {@code sweep} on LOOP_SPEC plus {@code keys} and returns its rows, each keyed by the CSV's header. */
    private static List<Map<String, String>> sweep(Path dir, String keys) throws Exception {
        Path spec = dir.resolve("eve.spec");
        Path csv = dir.resolve("eve.csv");
        Files.writeString(spec, LOOP_SPEC + keys);
        run(List.of("sweep", spec.toString(), "--out", csv.toString(), "--progress", "never"));
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Csv.parse(lines.get(1)); // after the stamp line
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<String> cells = Csv.parse(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static double field(Map<String, Object> root, String object, String name) {
        return ((Number) ((Map<String, Object>) root.get(object)).get(name)).doubleValue();
    }

    @Test
    void aSweepPointWithNonDefaultFloorsEqualsAnalyzeWithTheSameOptions(@TempDir Path dir) throws Exception {
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (Map<String, String> row : sweep(dir, """
                beta: 1.1, optimal
                bitSamples: 24
                eveNoiseVoltage: 1e-14
                eveNoiseCurrent: 1e-20
                reconciliation: 0.95
                analyses: exact, key_rate
                """)) {
            rows.put(row.get("beta"), row);
        }
        assertEquals(2, rows.size());
        // the provenance: the floors and ξ are parameter columns and part of each point's key
        for (Map<String, String> row : rows.values()) {
            assertEquals("ok", row.get("status"), row.toString());
            assertEquals(List.of(1e-14, 1e-20, 0.95), List.of(Double.parseDouble(row.get("eveNoiseVoltage")),
                    Double.parseDouble(row.get("eveNoiseCurrent")), Double.parseDouble(row.get("reconciliation"))));
            assertTrue(row.get("key").endsWith(";eveNoiseVoltage=1.0e-14;eveNoiseCurrent=1.0e-20;reconciliation=0.95"),
                    row.get("key"));
        }

        Map<String, Object> fixed = analyze("1.1", FLOORS);
        Map<String, Object> defaults = analyze("1.1", List.of("--reconciliation", "0.95")); // the default floors
        for (String f : List.of("bitsPerSecond", "eveInformation")) {
            double a = field(fixed, "keyRate", f);
            double d = field(defaults, "keyRate", f);
            assertTrue(Math.abs(a - d) > 0.05 * Math.abs(d), "the floors must matter here: " + f + " " + a + " vs " + d);
        }
        for (String f : List.of("bitsPerSecond", "bitsPerKeptBit", "aliceBobInformation", "eveInformation",
                "keptFraction", "reconciliation", "bitDuration")) {
            double analyze = field(fixed, "keyRate", f);
            double sweep = Double.parseDouble(rows.get("1.1").get("keyRate_" + f));
            assertEquals(analyze, sweep, 1e-12 * Math.abs(analyze), f);
        }

        Map<String, Object> optimal = analyze("optimal", FLOORS);
        Map<String, Object> optimalDefaults = analyze("optimal", List.of("--reconciliation", "0.95"));
        double p = field(optimal, "optimal", "successProbability");
        double pDefault = field(optimalDefaults, "optimal", "successProbability");
        assertTrue(Math.abs((p - 0.5) - (pDefault - 0.5)) > 0.05 * (pDefault - 0.5),
                "the floors must change Eve's advantage: " + p + " vs " + pDefault);
        Map<String, String> row = rows.get("optimal");
        assertEquals(p, Double.parseDouble(row.get("predicted_optimal")), 1e-12);
        assertEquals(field(optimal, "optimal", "errorProbability"),
                Double.parseDouble(row.get("predictedError_optimal")), 1e-12);
        assertEquals(field(optimal, "optimal", "betaMinimizing"), Double.parseDouble(row.get("betaMinimizing")), 1e-12);
        assertEquals(field(optimal, "optimal", "jeffreysRate"), Double.parseDouble(row.get("jeffreysRate")),
                1e-12 * field(optimal, "optimal", "jeffreysRate"));
        for (String f : List.of("bitsPerSecond", "eveInformation", "reconciliation")) {
            double analyze = field(optimal, "keyRate", f);
            assertEquals(analyze, Double.parseDouble(row.get("keyRate_" + f)), 1e-12 * Math.abs(analyze), f);
        }
    }

    /**
     * The floors reach the sweep's Monte Carlo too: {@code mc_optimal} (the likelihood-ratio detector on the simulated
     * bits, which adds the floor as noise) agrees with {@code predicted_optimal} at a current floor of 1e-14 A²/Hz,
     * where Eve is nearly blind (p about 0.50), while at the default floors analyze predicts p about 0.62. With 1000
     * bits the standard error is at most 0.016; the tolerance is z = 4 standard errors (false failure 6e-5); a sweep
     * whose Monte Carlo kept the default floor would measure about 0.62, over 7 standard errors away (asserted below),
     * so the test fails on any bias of 0.07 or more.
     */
    @Test
    void theSweepsMonteCarloDetectorSeesTheSameFloor(@TempDir Path dir) throws Exception {
        List<Map<String, String>> rows = sweep(dir, """
                beta: optimal
                bitSamples: 24
                bits: 1000
                seed: 7
                eveNoiseCurrent: 1e-14
                analyses: exact, attack
                """);
        assertEquals(1, rows.size());
        double predicted = Double.parseDouble(rows.get(0).get("predicted_optimal"));
        double measured = Double.parseDouble(rows.get(0).get("mc_optimal"));
        double se = Math.sqrt(predicted * (1 - predicted) / 1000);
        double atDefaultFloors = field(analyze("optimal", List.of()), "optimal", "successProbability");
        assertTrue(atDefaultFloors - predicted > 7 * se, "the floor must matter: " + predicted + " vs "
                + atDefaultFloors);
        assertEquals(predicted, measured, 4 * se, "mc_optimal against predicted_optimal at the same floor");
    }
}

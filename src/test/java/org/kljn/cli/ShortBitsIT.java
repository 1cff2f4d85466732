package org.kljn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 item 14: the shortest documented bits, 2 to 5 Nyquist samples (one or two likelihood-ratio bins), run in
 * analyze, defend, attack and map (they failed on "--points" or "AC vector a has 1 points"); that the bins' spectra
 * are ngspice's own values is {@code SituationSpectraTest}. And defend on a loop where J can reach 0 (it failed with
 * Commons Math's "maximal count (20,000) exceeded"). End to end (nine analyses, defends, attacks and maps): it runs in
 * mvn verify.
 */
@Tag("integration")
class ShortBitsIT {

    private static JsonNode json(String... args) throws Exception {
        RunCommandTest.Result r = RunCommandTest.kljn(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /**
     * M = 2 to 5 run end to end (the spectral detector's bins, floor(M/2) of them, come from AC sweeps of one and two
     * frequencies: {@code SituationSpectraTest} checks those equal a 9-point sweep's values), and the best
     * eavesdropper there is the exact window likelihood ratio, whose success cannot fall as the bit grows (a longer
     * window holds the shorter one).
     */
    @Test
    void bitsOfTwoToFiveNyquistSamplesGiveTheExactWindowTestOnALumpedLoop() throws Exception {
        double[] p = new double[6];
        for (int m = 2; m <= 5; m++) {
            JsonNode o = json("analyze", "--rc", "300", "--bit-samples", Integer.toString(m), "--json").get("optimal");
            assertEquals(m / 2, o.get("bins").asInt(), "bins (k - 1/2)/tau below the band edge: floor(M/2)");
            assertEquals("window", o.get("method").asText());
            p[m] = o.get("successProbability").asDouble();
            assertEquals(1, p[m] + o.get("errorProbability").asDouble(), 1e-6);
        }
        assertTrue(p[2] > 0.5 && p[3] >= p[2] && p[4] >= p[3] && p[5] >= p[4], java.util.Arrays.toString(p));
    }

    /** defend, attack and map at 2 to 5 Nyquist samples on a capacitive line. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void bitsOfTwoToFiveNyquistSamplesRunInDefendAttackAndMap(int m, @TempDir Path dir) throws Exception {
        String bits = Integer.toString(m);
        JsonNode defend = json("defend", "--rc", "300", "--cable", "ladder", "--cc", "100n", "--bit-samples", bits,
                "--json").get("defences");
        for (String k : List.of("betaOne", "betaEq11", "betaMinimizing", "bestTemperatures")) {
            double q = defend.get(k).get("successProbability").asDouble();
            assertTrue(q >= 0.5 - 1e-9 && q <= 1, k + ": " + q);
        }
        JsonNode attack = json("attack", "--rc", "300", "--cable", "ladder", "--cc", "100n", "--bits", "40",
                "--bit-samples", bits, "--seed", "5", "--json");
        // the exact window test on every simulated bit (the spectral one had M/2 bins)
        JsonNode optimal = attack.get("optimal");
        assertEquals("window", optimal.get("method").asText(), optimal.toString());
        assertTrue(optimal.get("basisFunctions").asInt() > m, optimal.toString());
        double predicted = optimal.get("predictedSuccessProbability").asDouble();
        assertTrue(predicted >= 0.5 && predicted <= 1, optimal.toString());
        assertEquals(predicted, attack.get("eve").get("optimal").get("predicted").asDouble(), 0);
        RunCommandTest.Result map = RunCommandTest.kljn("map", "--metric", "success", "--preset", "cat5", "--lengths", "100,1k",
                "--length-points", "2", "--bandwidths", "100,1k", "--band-points", "2", "--bit-samples", bits,
                "--out", dir.resolve("map").toString());
        assertEquals(0, map.status(), map.err());
        assertTrue(Files.isRegularFile(dir.resolve("map").resolve("security-map.csv")));
    }

    /**
     * R_L = 100, R_H = 100k on a 1 kΩ lumped line: J = 0 is reachable, so Nelder-Mead's relative test never holds
     * while J keeps falling; the best point seen is kept, and it beats every standard defence.
     */
    @Test
    void defendFindsTheBestTemperaturesWhereJCanReachZero() throws Exception {
        JsonNode d = json("defend", "--rc", "1k", "--rl", "100", "--rh", "100k", "--json");
        assertTrue(d.get("temperatureNullSpace").get("zeroReachable").asBoolean());
        JsonNode defences = d.get("defences");
        double best = defences.get("bestTemperatures").get("jeffreysRate").asDouble();
        for (String k : List.of("betaOne", "betaEq11", "betaNull", "betaMinimax", "betaMinimizing")) {
            assertTrue(best <= defences.get(k).get("jeffreysRate").asDouble() * (1 + 1e-9), k + " beats the best");
        }
        assertTrue(best < 1e-20 * defences.get("betaOne").get("jeffreysRate").asDouble(), "J near 0: " + best);
        assertEquals(0.5, defences.get("bestTemperatures").get("successProbability").asDouble(), 1e-6);
    }
}

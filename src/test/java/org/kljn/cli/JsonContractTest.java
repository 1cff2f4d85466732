package org.kljn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kljn.analysis.closedform.LumpedKljn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented JSON of analyze and attack: names exactly as the issues, docs/exact-analysis.md and docs/transient.md
 * give them, SI units.
 */
class JsonContractTest {

    /**
     * The β's, the ends' powers and the attack signals are AC expectations, the same at any bit length: a bit of 20
     * Nyquist samples keeps Eve's finite-bit part of the run cheap (the whole analyze measured at 0.3 CPU seconds
     * against 3.6 at the default 1000) without changing one asserted value.
     */
    @Test
    void analyzeJson() throws Exception {
        RunCommandTest.Result r = RunCommandTest.kljn("analyze", "--rl", "1k", "--rh", "10k", "--rc", "100", "--beta", "null",
                "--bit-samples", "20", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        double betaStar = LumpedKljn.betaNullSecondLaw(1e3, 10e3, 100);
        assertEquals(betaStar, j.get("beta").asDouble(), 1e-9);
        assertEquals((1 + 0.1) / (1 + 0.01), j.get("betaEq11").asDouble(), 1e-12);
        for (String end : new String[] {"A", "B"}) {
            for (String f : new String[] {"voltageMeanSquare", "currentMeanSquare", "power"}) {
                assertTrue(j.get("ends").get(end).get(f).isNumber(), "ends." + end + "." + f);
            }
        }
        for (String a : new String[] {"bsy", "secondLaw", "current"}) {
            assertTrue(j.get("attacks").get(a).has("signal") && j.get("attacks").get(a).has("betaNull"), "attacks." + a);
        }
        // at the β that nulls secondLaw, its signal is zero to the scale of the powers
        assertEquals(0, j.get("attacks").get("secondLaw").get("signal").asDouble(),
                1e-9 * j.get("ends").get("A").get("power").asDouble());
        assertTrue(j.get("attacks").get("current").get("betaNull").isNull(), "a lumped line has no current signal");
    }

    @Test
    void attackJson() throws Exception {
        RunCommandTest.Result r = RunCommandTest.kljn("attack", "--rc", "300", "--bits", "30", "--bit-samples", "20",
                "--seed", "4", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(30, j.get("bits").asInt());
        assertEquals(20, j.get("bitSamples").asInt());
        for (String a : new String[] {"bsy", "secondLaw", "current"}) {
            JsonNode e = j.get("eve").get(a);
            double p = e.get("successRate").asDouble();
            assertTrue(e.get("ci95").size() == 2 && e.get("ci95").get(0).asDouble() <= p && p <= e.get("ci95").get(1).asDouble(),
                    "ci95 brackets the rate: " + e);
            assertTrue(e.get("predicted").asDouble() >= 0.5 && e.get("predicted").asDouble() <= 1, "predicted: " + e);
        }
        assertTrue(j.get("aliceBobErrorRate").isNumber());
        // who answered ngspice's per-point callbacks: the native shim wherever it is built (TabulatedRunTest
        // fails where gcc exists and the shim does not load)
        assertEquals(org.kljn.ngspice.NgSpice.shimAvailable() ? "shim" : "jna", j.get("callbacks").asText());
    }
}

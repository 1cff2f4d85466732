package org.kljn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kljn.analysis.closedform.LumpedKljn;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The crosscheck contract and its verdicts on the lumped loop, through the real library. */
class CrosscheckCommandTest {

    @ParameterizedTest(name = "R_L={0} R_H={1} R_c={2} Alice={3}")
    @CsvSource({"1k, 10k, 100, H", "1k, 10k, 100, L", "2k, 9k, 500, H"})
    void verdictsOnTheLumpedLoop(String rl, String rh, String rc, String alice) throws Exception {
        RunCommandTest.Result r = RunCommandTest.kljn("crosscheck", "--rl", rl, "--rh", rh, "--rc", rc,
                "--alice", alice, "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1e-6, root.get("tolerance").asDouble());
        Map<String, JsonNode> byEq = new HashMap<>();
        for (JsonNode e : root.get("equations")) {
            byEq.put(e.get("equation").asText(), e);
            for (String field : new String[] {"beta", "paper", "simulated", "relativeDeviation", "agrees", "note"}) {
                assertTrue(e.has(field), "equation " + e.get("equation") + " lacks " + field);
            }
        }
        for (String eq : new String[] {"1", "2", "3", "4", "5", "6", "9"}) {
            assertTrue(byEq.get(eq).get("agrees").asBoolean(), "eq. " + eq + ": " + byEq.get(eq));
        }
        for (String eq : new String[] {"7", "11", "12", "13"}) {
            assertFalse(byEq.get(eq).get("agrees").asBoolean(), "eq. " + eq + " should differ: " + byEq.get(eq));
        }
        double l = org.kljn.circuit.SpiceNumbers.parse("rl", rl);
        double h = org.kljn.circuit.SpiceNumbers.parse("rh", rh);
        double c = org.kljn.circuit.SpiceNumbers.parse("rc", rc);
        assertEquals(LumpedKljn.betaNullSecondLaw(l, h, c), byEq.get("11").get("simulated").asDouble(), 1e-9);
    }

    /**
     * R_c = 0: the paper's cable powers and Delta_KS are exactly zero, and so are the simulated ones up to round-off
     * (7e-27 W): every equation agrees, and bsy vanishes at every β (U_A = U_B), not "at β = NaN".
     */
    @org.junit.jupiter.api.Test
    void aCableWithoutResistanceAgreesEverywhere() throws Exception {
        RunCommandTest.Result r = RunCommandTest.kljn("crosscheck", "--rc", "0", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        for (JsonNode e : root.get("equations")) {
            assertTrue(e.get("agrees").asBoolean(), "eq. " + e.get("equation") + ": " + e);
            assertFalse(e.get("note").asText().contains("NaN"), e.toString());
        }
        assertTrue(r.out().contains("bsy vanishes at every beta"), r.out());
    }
}

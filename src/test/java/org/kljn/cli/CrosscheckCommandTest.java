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
    /** Each equation's unit: V² for mean-square voltages (eqs. 1, 2, 12, 13), W for powers, 1 for eq. 11's β. */
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("1", "V^2"), Map.entry("2", "V^2"),
            Map.entry("3", "W"), Map.entry("4", "W"), Map.entry("5", "W"), Map.entry("6", "W"), Map.entry("7", "W"),
            Map.entry("8", "W"), Map.entry("9", "W"), Map.entry("10", "W"), Map.entry("11", "1"),
            Map.entry("12", "V^2"), Map.entry("13", "V^2"));

    /** The number printed after {@code label} in {@code text}. */
    private static double number(String text, String label) {
        int i = text.indexOf(label);
        assertTrue(i >= 0, "no '" + label + "' in: " + text);
        String rest = text.substring(i + label.length());
        return Double.parseDouble(rest.split("[ ,;)]")[0]);
    }

    @ParameterizedTest(name = "R_L={0} R_H={1} R_c={2} Alice={3}")
    @CsvSource({"1k, 10k, 100, H", "1k, 10k, 100, L", "2k, 9k, 500, H"})
    void verdictsOnTheLumpedLoop(String rl, String rh, String rc, String alice) throws Exception {
        RunCommandTest.Result r = RunCommandTest.kljn("crosscheck", "--rl", rl, "--rh", rh, "--rc", rc,
                "--alice", alice, "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1e-6, root.get("tolerance").asDouble());
        double l = org.kljn.circuit.SpiceNumbers.parse("rl", rl);
        double h = org.kljn.circuit.SpiceNumbers.parse("rh", rh);
        double c = org.kljn.circuit.SpiceNumbers.parse("rc", rc);
        Map<String, JsonNode> byEq = new HashMap<>();
        for (JsonNode e : root.get("equations")) {
            byEq.put(e.get("equation").asText(), e);
            for (String field : new String[] {"beta", "paper", "simulated", "unit", "relativeDeviation", "applicable",
                    "agrees", "note"}) {
                assertTrue(e.has(field), "equation " + e.get("equation") + " lacks " + field);
            }
        }
        assertEquals(UNITS.keySet(), byEq.keySet(), "eqs. 1-13, 8 and 10 included");
        for (String eq : new String[] {"1", "2", "3", "4", "5", "6", "8", "9"}) {
            assertTrue(byEq.get(eq).get("agrees").asBoolean(), "eq. " + eq + ": " + byEq.get(eq));
        }
        for (String eq : new String[] {"7", "10", "11", "12", "13"}) {
            assertFalse(byEq.get(eq).get("agrees").asBoolean(), "eq. " + eq + " should differ: " + byEq.get(eq));
        }
        for (JsonNode e : byEq.values()) {
            assertTrue(e.get("applicable").asBoolean(), "every equation is derived for a lumped R_c: " + e);
            assertEquals(UNITS.get(e.get("equation").asText()), e.get("unit").asText(), e.toString());
            assertFalse(e.get("note").asText().contains("not applicable"), e.toString());
        }
        // eq. 7's note: both statements hold on the lumped loop, and its numbers are the simulated ones
        JsonNode eq7 = byEq.get("7");
        String note7 = eq7.get("note").asText();
        assertTrue(note7.contains("the printed R_c (R_H + R_L) is P_HL + P_LH"), note7);
        assertTrue(note7.contains("eq. 5 - eq. 6 = 4kT df R_c (R_H - R_L)/R^2"), note7);
        double simulatedDifference = eq7.get("simulated").asDouble();
        assertEquals(simulatedDifference, number(note7, "simulated P_HL - P_LH = "), 1e-6 * simulatedDifference);
        assertEquals(eq7.get("paper").asDouble(), number(note7, "(the cable's dissipation) = "),
                1e-5 * eq7.get("paper").asDouble(), "the printed form is the simulated dissipation");
        // eq. 10 at eq. 11's β: the simulated ΔP_HL is eq. 11's reversal, -R_H/(R_H + R_c) of its β = 1 value
        assertEquals(-h / (h + c) * simulatedDifference, byEq.get("10").get("simulated")
                .asDouble(), 1e-6 * simulatedDifference);
        assertTrue(byEq.get("10").get("note").asText().contains("the sign reversed, not nulled"), byEq.get("10")
                .toString());
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

    /**
     * A distributed line (20-section ladder of 2 km of Cat5, and LTRA of 6 km of telephone pair, where the simulated
     * P_HL - P_LH is negative): every equation but eq. 2 is derived for a lumped R_c, so it is printed with its
     * values, marked not applicable, and its note claims nothing of the lumped derivation; eq. 7's note gives the
     * simulated difference and dissipation.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"'--cable ladder --preset cat5 --length 2k'", "'--cable ltra --preset telephone --length 6k'"})
    void aDistributedLineGetsNoLumpedReasoning(String line) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("crosscheck", "--json"));
        args.addAll(java.util.List.of(line.split(" ")));
        RunCommandTest.Result r = RunCommandTest.kljn(args.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        Map<String, JsonNode> byEq = new HashMap<>();
        for (JsonNode e : new ObjectMapper().readTree(r.out()).get("equations")) {
            byEq.put(e.get("equation").asText(), e);
            String eq = e.get("equation").asText();
            String note = e.get("note").asText();
            assertEquals(UNITS.get(eq), e.get("unit").asText(), e.toString());
            if (eq.equals("2")) {
                assertTrue(e.get("applicable").asBoolean() && e.get("agrees").asBoolean(), e.toString());
            } else {
                assertFalse(e.get("applicable").asBoolean(), e.toString());
                assertFalse(e.get("agrees").asBoolean(), "not applicable is never 'agrees': " + e);
                assertTrue(note.startsWith("not applicable: derived for a lumped R_c, and this line"), note);
            }
            for (String lumpedReasoning : new String[] {"R_c (R_H - R_L)", "is P_HL + P_LH", "> 0 for R_H"}) {
                assertFalse(note.contains(lumpedReasoning), "eq. " + eq + " uses the lumped reasoning: " + note);
            }
        }
        assertEquals(UNITS.keySet(), byEq.keySet());
        JsonNode eq7 = byEq.get("7");
        double difference = eq7.get("simulated").asDouble();
        assertEquals(difference, number(eq7.get("note").asText(), "simulated P_HL - P_LH = "),
                1e-6 * Math.abs(difference));
        // the dissipation in the note is P_HL + P_LH, the simulated eqs. 5 and 6
        assertEquals(byEq.get("5").get("simulated").asDouble() + byEq.get("6").get("simulated").asDouble(),
                number(eq7.get("note").asText(), "(the cable's dissipation) = "), 1e-6 * byEq.get("5").get("simulated")
                        .asDouble());
        if (line.contains("ltra")) {
            assertTrue(difference < 0, "the telephone line's simulated P_HL - P_LH is negative: " + difference);
        }
        RunCommandTest.Result text = RunCommandTest.kljn(args.stream().filter(a -> !a.equals("--json"))
                .toArray(String[]::new));
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("eq. ") && l.contains(" unit ")), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("7 ") && l.contains(" W ") && l.contains(" n/a ")),
                text.out());
    }
}

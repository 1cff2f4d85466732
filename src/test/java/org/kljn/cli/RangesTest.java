package org.kljn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accepted ranges of issue 22 item 5, end to end: at each end of a range the answer is right (against an answer
 * that does not depend on the value, or a closed form), just outside it the value is refused naming the option
 * ({@code BadInputTest}). Before the ranges: "+/- NaN" at --teff 1e25 and 1e-3, "weight 0 is NaN" at a 1e-300 Hz band,
 * J = 0 and p = 0.5 at --rc 1e308, LTRA's null β 2.5e-4 off at θ² = 4.5e-24.
 */
class RangesTest {

    private static JsonNode json(String... args) throws Exception {
        RunCommandTest.Result r = RunCommandTest.kljn(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static void assertSameProbabilities(JsonNode expected, JsonNode actual, String what) {
        for (String attack : List.of("bsy", "secondLaw", "current")) {
            assertEquals(expected.get("eve").get(attack).get("successProbability").asDouble(),
                    actual.get("eve").get(attack).get("successProbability").asDouble(), 1e-8, what + ": " + attack);
        }
        assertEquals(expected.get("aliceBob").get("errorProbability").asDouble(),
                actual.get("aliceBob").get("errorProbability").asDouble(), 1e-8, what + ": Alice/Bob error");
        double bound = actual.get("aliceBob").get("errorBound").asDouble();
        assertTrue(bound >= 0 && bound < 1e-8, what + ": Alice/Bob error bound " + bound);
        assertEquals(expected.get("optimal").get("successProbability").asDouble(),
                actual.get("optimal").get("successProbability").asDouble(), 1e-8, what + ": best eavesdropper");
    }

    /**
     * On the lumped loop every probability for a bit of M Nyquist samples is the same at any band and any T_eff (the
     * statistics scale with 4kTΔf and the bit with 1/Δf): so at each end of both ranges it must equal the value at
     * 1 kHz and 1e9 K, with a finite, small bound.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--bandwidth 1e-6", "--bandwidth 1e12", "--teff 1e-3", "--teff 1e25", "--teff 1e30"})
    void theLumpedLoopIsTheSameAtTheEndsOfTheBandAndTemperatureRanges(String option) throws Exception {
        JsonNode reference = json("analyze", "--rc", "100", "--bit-samples", "100", "--json");
        String[] o = option.split(" ");
        JsonNode end = json("analyze", "--rc", "100", "--bit-samples", "100", o[0], o[1], "--json");
        assertSameProbabilities(reference, end, option);
    }

    /** At the largest R_c the lumped loop's optimal β is the closed form (1 + R_c/2R_L)/(1 + R_c/2R_H) and Eve learns nothing there. */
    @Test
    void theLargestCableResistanceGivesTheClosedFormOptimalBeta() throws Exception {
        JsonNode d = json("analyze", "--rc", "1e15", "--beta", "optimal", "--json");
        double betaStar = (1 + 1e15 / 2e3) / (1 + 1e15 / 2e4);
        assertEquals(betaStar, d.get("beta").asDouble(), 1e-6 * betaStar);
        assertEquals(0.5, d.get("optimal").get("successProbability").asDouble(), 1e-6);
    }

    /**
     * LTRA at the smallest θ² = 2πΔf R_c C_c it accepts (1.26e-10: R_c = 1 kΩ, C_c = 100 fF, 0.2 Hz) agrees with the
     * 20-section ladder of the same line (exact to θ⁴ here) on every attack's null β to 1e-8 (at θ² = 4.5e-24 LTRA was
     * 2.5e-4 off); just below the threshold it is refused.
     */
    @Test
    void ltraAtTheSmallestAcceptedThetaAgreesWithTheLadder() throws Exception {
        String[] line = {"--rc", "1k", "--cc", "100f", "--bandwidth", "0.2", "--json"};
        JsonNode ltra = json(concat(new String[] {"analyze", "--cable", "ltra"}, line)).get("attacks");
        JsonNode ladder = json(concat(new String[] {"analyze", "--cable", "ladder", "--sections", "20"}, line))
                .get("attacks");
        for (String attack : List.of("bsy", "secondLaw")) {
            double expected = ladder.get(attack).get("betaNull").asDouble();
            assertTrue(expected > 1.4, attack + ": the null beta of a 1 kOhm line: " + expected);
            assertEquals(expected, ltra.get(attack).get("betaNull").asDouble(), 1e-8 * expected, attack);
        }
        RunCommandTest.Result below = RunCommandTest.kljn("analyze", "--cable", "ltra", "--rc", "1k", "--cc", "100f",
                "--bandwidth", "0.1");
        assertEquals(1, below.status());
        assertTrue(below.err().contains("--cable: the ltra model loses precision on a line this short electrically")
                && below.err().contains("allowed at least 1e-10"), below.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

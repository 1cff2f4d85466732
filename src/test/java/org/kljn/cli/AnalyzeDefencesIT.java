package org.kljn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * analyze puts the single-β defences side by side for the bit and recommends one in words (issue 15, item 6). Two
 * full analyses with their defences: it runs in mvn verify.
 */
@Tag("integration")
class AnalyzeDefencesIT {
    private static JsonNode analyze(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "analyze";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--json";
        RunCommandTest.Result r = RunCommandTest.kljn(all);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void onTheLumpedLineTheNullBetaIsRecommendedAndSecure() throws Exception {
        JsonNode d = analyze("--rl", "1k", "--rh", "10k", "--rc", "100").get("defences");
        // at the lumped null β* = (1 + R_c/2R_L)/(1 + R_c/2R_H) = 1.05/1.005 every second-order statistic has the
        // same distribution in HL and LH: Eve is reduced to guessing, by any detector
        assertEquals(1.05 / 1.005, d.get("betaNull").get("beta").asDouble(), 1e-9);
        assertEquals(0.5, d.get("betaNull").get("attackSuccessProbability").asDouble(), 1e-6);
        assertEquals(0.5, d.get("betaNull").get("optimalSuccessProbability").asDouble(), 1e-6);
        assertTrue(d.get("betaOne").get("attackSuccessProbability").asDouble() > 0.6, "β = 1 leaks: " + d);
        assertTrue(d.get("secure").asBoolean(), d.toString());
        assertTrue(d.get("recommendation").asText().contains("secure for this bit"), d.toString());
        String rec = d.get("recommended").asText();
        assertEquals(0.5, d.get(rec).get("attackSuccessProbability").asDouble(), 1e-6, "recommended " + rec);
    }

    @Test
    void onACapacitiveLineNoBetaProtectsAndTheRecommendationSaysSo() throws Exception {
        JsonNode d = analyze("--rl", "2k", "--rh", "20k", "--preset", "telephone", "--length", "500", "--cable", "ltra",
                "--bit-duration", "0.1").get("defences");
        assertFalse(d.get("secure").asBoolean(), d.toString());
        assertTrue(d.get("recommendation").asText().startsWith("recommendation: no single beta protects this line"),
                d.toString());
        // the recommended defence leaves Eve no more than any other, by the larger of her two detectors
        String rec = d.get("recommended").asText();
        double recommended = Math.max(d.get(rec).get("attackSuccessProbability").asDouble(),
                d.get(rec).get("optimalSuccessProbability").asDouble());
        for (String key : new String[] {"betaOne", "betaEq11", "betaNull", "betaMinimax", "betaMinimizing"}) {
            JsonNode c = d.get(key);
            double eve = Math.max(c.get("attackSuccessProbability").asDouble(), c.get("optimalSuccessProbability").asDouble());
            assertTrue(recommended <= eve, key + " leaves Eve " + eve + " < recommended " + recommended);
        }
    }
}

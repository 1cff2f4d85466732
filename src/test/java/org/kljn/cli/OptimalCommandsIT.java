package org.kljn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * analyze's optimal.* keys and defend, through the command line: five full analyses (Eve's window test and its bound,
 * defend's search over the temperatures), so it runs in mvn verify; attack's eve.optimal and map are
 * {@code OptimalCommandsTest}.
 */
@Tag("integration")
class OptimalCommandsIT {

    /**
     * At the lumped null β the best eavesdropper learns nothing; at β = 1 she does, and J is positive. The default
     * bit (1000 Nyquist samples) gets the window bound, which can be no lower than the exact window's success at 256
     * samples (a longer window never gives Eve less): a bound that fell below it would understate her.
     */
    @Test
    void analyzeReportsTheOptimalEavesdropper() throws Exception {
        JsonNode atNull = json("analyze", "--rc", "100", "--beta", "optimal", "--json");
        JsonNode o = atNull.get("optimal");
        double betaStar = (1 + 100 / 2e3) / (1 + 100 / 2e4);
        assertEquals(betaStar, atNull.get("beta").asDouble(), 1e-6 * betaStar, "--beta optimal on the lumped line");
        assertEquals(betaStar, o.get("betaMinimizing").asDouble(), 1e-6 * betaStar);
        assertEquals(0.5, o.get("successProbability").asDouble(), 1e-9);
        JsonNode atOne = json("analyze", "--rc", "100", "--json").get("optimal");
        assertTrue(atOne.get("jeffreysRate").asDouble() > 1, "J at beta = 1: " + atOne);
        double p = atOne.get("successProbability").asDouble(), q = atOne.get("errorProbability").asDouble();
        assertEquals("window-bound", atOne.get("method").asText());
        JsonNode exact = json("analyze", "--rc", "100", "--bit-samples", "256", "--json").get("optimal");
        assertEquals("window", exact.get("method").asText());
        double p256 = exact.get("successProbability").asDouble();
        assertTrue(p256 > 0.55 && p <= 1 && p >= p256, "optimal success at beta = 1: " + p + ", at M = 256: " + p256);
        assertTrue(atOne.get("mutualInformation").asDouble() >= exact.get("mutualInformation").asDouble());
        assertEquals(1, p + q, 1e-6, "success and error are complementary (each computed directly)");
    }

    @Test
    void defendSaysWhetherZeroIsReachable() throws Exception {
        JsonNode lumped = json("defend", "--rc", "100", "--bit-samples", "200", "--json");
        assertTrue(lumped.get("temperatureNullSpace").get("zeroReachable").asBoolean());
        assertEquals(0.5, lumped.get("defences").get("betaMinimizing").get("successProbability").asDouble(), 1e-9);
        JsonNode line = json("defend", "--cable", "ltra", "--rc", "336", "--cc", "104n", "--bandwidth", "500",
                "--bit-samples", "200", "--json");
        assertTrue(!line.get("temperatureNullSpace").get("zeroReachable").asBoolean());
        JsonNode d = line.get("defences");
        double best = d.get("bestTemperatures").get("jeffreysRate").asDouble();
        for (String k : List.of("betaOne", "betaEq11", "betaNull", "betaMinimax", "betaMinimizing")) {
            assertTrue(best <= d.get(k).get("jeffreysRate").asDouble() * (1 + 1e-9), k + " beats the best temperatures");
        }
    }

    private static JsonNode json(String... args) throws Exception {
        RunCommandTest.Result r = RunCommandTest.kljn(args);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(r.out());
    }
}

package org.kljn.analysis.exact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one typed β rule: its words, its range, and the minimax rule through the command line. */
class BetaRuleTest {

    @Test
    void wordsAndNumbersReadBackAndBadOnesNameEveryWord() {
        for (String text : new String[] {"eq11", "null", "minimax", "1.05", "1000"}) {
            assertEquals(text, BetaRule.parse(text).toString());
        }
        assertEquals(BetaRule.minimax(), BetaRule.parse("MINIMAX"));
        assertEquals(1.5e-3, BetaRule.parse("1.5m").value(), 1e-18);
        for (String bad : new String[] {"0", "-1", "1001", "best"}) {
            ParameterException e = assertThrows(ParameterException.class, () -> BetaRule.parse(bad));
            assertEquals(Parameter.BETA, e.parameter());
            assertTrue(e.getMessage().contains("eq11, null, minimax"), e.getMessage());
        }
    }

    /**
     * The minimax β and every attack's |μ|/√V rate come from the AC spectra (long-bit rates), the same at any bit
     * length: a bit of 20 Nyquist samples keeps Eve's finite-bit part of the run cheap.
     */
    @Test
    void analyzeWithTheMinimaxRuleUsesTheMinimaxBeta() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("analyze", "--cable", "ltra", "--rc", "200", "--cc", "200n", "--bandwidth", "10k",
                "--beta", "minimax", "--bit-samples", "20", "--json");
        assertEquals(0, status, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        double minimax = j.get("eve").get("betaMinimax").asDouble();
        assertEquals(minimax, j.get("beta").asDouble());
        // at the minimax β, Eve's best |μ|/√V is the minimum the search reports, and no attack exceeds it
        double best = j.get("eve").get("bestSnrRateAtBetaMinimax").asDouble();
        for (String a : new String[] {"bsy", "secondLaw", "current"}) {
            assertTrue(j.get("attacks").get(a).get("snrRate").asDouble() <= best * (1 + 1e-12), a);
        }
    }
}

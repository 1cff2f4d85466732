package org.kljn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.analysis.closedform.LumpedKljn;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 items 2-4 through the command line: the line model is the one the user's values need, and it runs (four
 * full analyses, so in mvn verify); the refusals of a model that does not fit are {@code CableRulesTest}.
 */
@Tag("integration")
class CableRulesIT {

    @Test
    void aFourTerminalPairCarriesTheReturnCurrent(@TempDir Path dir) throws Exception {
        // a balanced pair: 84 ohm out, 84 ohm back. Grounding both references would short the return
        // conductor and show 84 ohm; the loop is 168 ohm.
        Path lib = dir.resolve("pair.lib");
        Files.writeString(lib, ".subckt pair a aref b bref\nR1 a b 84\nR2 aref bref 84\n.ends\n");
        RunCommandTest.Result r = RunCommandTest.kljn("analyze", "--cable", "subckt", "--subckt", lib.toString(),
                "--subckt-name", "pair", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(168, j.get("lumpedEquivalent").get("seriesResistance").asDouble(), 1e-9 * 168);
        // the loop is exactly a lumped 168 ohm line: its Second-Law null is the closed form for R_c = 168
        assertEquals(LumpedKljn.betaNullSecondLaw(1e3, 10e3, 168),
                j.get("attacks").get("secondLaw").get("betaNull").asDouble(), 1e-9);
        assertEquals(0, j.get("lumpedEquivalent").get("maxTransferDeviation").asDouble(), 1e-9);
    }

    @Test
    void aSubcircuitChoosesItsModel() {
        RunCommandTest.Result chosen = RunCommandTest.kljn("analyze", "--subckt", "netlists/twisted-pair.lib",
                "--subckt-name", "twisted_pair");
        assertEquals(0, chosen.status(), chosen.err());
        assertTrue(chosen.out().contains("subcircuit twisted_pair"), chosen.out());
    }

    @Test
    void aPresetWithAModelThatUsesItsCapacitanceRunsAndHeadersSayTheMetres() throws Exception {
        RunCommandTest.Result ltra = RunCommandTest.kljn("analyze", "--cable", "ltra", "--preset", "telephone", "--length",
                "500");
        assertEquals(0, ltra.status(), ltra.err());
        assertTrue(ltra.out().contains("(500 m of telephone cable)"), ltra.out());
        RunCommandTest.Result json = RunCommandTest.kljn("analyze", "--cable", "ltra", "--preset", "telephone",
                "--length", "500", "--json");
        assertEquals(500, new ObjectMapper().readTree(json.out()).get("parameters").get("length").asDouble());
    }
}

package org.kljn.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kljn.sweep.SweepSpec;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep refuses what the commands refuse, with the same domain rule (issue 10 item 10, issue 11): each row is one
 * loop as a command line and as a sweep spec; both are refused before anything runs, naming the same physics
 * (the command with its option, the spec with its file, line and key).
 */
class OneSetOfRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a ladder too coarse for the band
            "analyze --cable ladder --rc 1k --cc 10u --sections 2 --bandwidth 100k"
                    + " | cable: ladder\\nrc: 1k\\ncc: 10u\\nsections: 2\\nbandwidth: 100k"
                    + " | --sections: 2 sections cannot resolve this line | t.spec:4: sections: 2 sections cannot resolve this line",
            // LTRA cannot run bit exchanges: RLC fails in ngspice 39.3 ('Timestep too small'), RC is biased (issue 22)
            "attack --cable ltra --preset cat5 --length 1k"
                    + " | cable: ltra\\npreset: cat5\\nlength: 1k\\nanalyses: exact, attack"
                    + " | --cable: the ltra model cannot run bit exchanges | t.spec:1: cable: the ltra model cannot run bit exchanges",
            "attack --cable ltra --rc 1.2k --cc 60n"
                    + " | cable: ltra\\nrc: 1.2k\\ncc: 60n\\nanalyses: exact, attack"
                    + " | --cable: the ltra model cannot run bit exchanges | t.spec:1: cable: the ltra model cannot run bit exchanges",
            // eq. 11 needs R_c, which a subcircuit does not state
            "analyze --cable subckt --subckt netlists/twisted-pair.lib --subckt-name twisted_pair --beta eq11"
                    + " | cable: subckt\\nsubckt: netlists/twisted-pair.lib twisted_pair\\nbeta: eq11"
                    + " | --beta: eq11 needs the cable's resistance R_c | t.spec:3: beta: eq11 needs the cable's resistance R_c",
            // a preset with no model chosen: the lumped default would drop its C and L (issue 15 item 2)
            "analyze --preset telephone --length 500"
                    + " | preset: telephone\\nlength: 500"
                    + " | --cable: 500 m of telephone cable has C_c = 25nF | t.spec:1: preset: gives the cable's capacitance, which the default lumped model (R_c alone) would drop",
            // C_c given to a model that does not use it
            "analyze --cable lumped --cc 100n"
                    + " | cable: lumped\\ncc: 100n"
                    + " | --cc: a lumped cable has no capacitance | t.spec:2: cc: no listed cable model uses C_c",
            // a bit must span a Nyquist interval
            "attack --bit-samples 1"
                    + " | analyses: exact, attack\\nbitSamples: 1"
                    + " | --bit-samples: the bit length M in Nyquist samples 1: allowed 2 to 10000000 | t.spec:2: bitSamples: the bit length M in Nyquist samples 1: allowed 2 to 10000000"})
    void sweepRefusesWhatTheCommandRefuses(String commandLine, String spec, String commandSays, String specSays,
            @TempDir Path dir) {
        RunCommandTest.Result r = RunCommandTest.kljn(commandLine.strip().split("\\s+"));
        assertEquals(1, r.status(), commandLine + ": " + r.err() + r.out());
        assertTrue(r.err().contains(commandSays), commandLine + " should say \"" + commandSays + "\" but said: " + r.err());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.parse(spec.replace("\\n", "\n"), "t.spec", Path.of("").toAbsolutePath()));
        assertTrue(e.getMessage().startsWith(specSays), "the spec should say \"" + specSays + "\" but said: "
                + e.getMessage());
    }

    /**
     * A user's line model with an independent source (it injects its own signal) is refused for bit exchanges by
     * attack and by a sweep with the attack analysis, naming the file, line and element; analyze accepts it.
     */
    @org.junit.jupiter.api.Test
    void aSubcircuitWithASourceIsRefusedForTransientsByAttackAndSweep(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("src.lib");
        java.nio.file.Files.write(lib, java.util.List.of(".subckt cable a b", "R1 a m 100", "V1 m b sin(0 1m 100)",
                ".ends cable"));
        String says = lib + " line 3 'V1 m b sin(0 1m 100)': this line model cannot run bit exchanges: an independent"
                + " source with a value";
        RunCommandTest.Result r = RunCommandTest.kljn("attack", "--cable", "subckt", "--subckt", lib.toString(),
                "--subckt-name", "cable", "--bits", "10");
        assertEquals(1, r.status(), r.err() + r.out());
        assertTrue(r.err().contains("--subckt: " + says), r.err());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(
                "cable: subckt\nsubckt: src.lib cable\nanalyses: exact, attack\n", "t.spec", dir));
        assertTrue(e.getMessage().startsWith("t.spec:2: subckt: " + says), e.getMessage());
        // whether analyze accepts the file does not depend on the bit length: a bit of 20 Nyquist samples keeps Eve's
        // finite-bit part of the run cheap
        assertEquals(0, RunCommandTest.kljn("analyze", "--cable", "subckt", "--subckt", lib.toString(), "--subckt-name",
                "cable", "--bit-samples", "20").status(), "the exact analysis accepts it");
    }
}

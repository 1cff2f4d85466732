package org.kljn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line-model file is untrusted input (issue 22 items 3, 13, 17): it may hold circuit elements only. Whatever
 * else it holds is refused before ngspice sees it, naming the file and line, with exit status 1: no program runs,
 * no other file is read or quoted, nothing hangs or crashes, and no typo is simulated as a default value.
 */
class UntrustedLineModelTest {

    /** The body of subcircuit {@code cable} (lines separated by {@code /}), what the refusal says. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // code: a control block (shell runs a program; a while loop never ends), an included file
            "R1 a b 100/.control/shell touch MARK/.endc  | line 4: .control is not allowed",
            "R1 a b 100/.control/while 1/echo x/end/.endc | line 4: .control is not allowed",
            "R1 a b 100/.include /etc/passwd             | line 4: .include is not allowed",
            "R1 a b 100/.inc SELF                        | line 4: .inc is not allowed",
            "R1 a b 100/.lib SELF x                      | line 4: .lib is not allowed",
            "R1 a b 100/  .CONTROL/shell touch MARK/.endc | line 4: .control is not allowed",
            "R1 a b 100/.options savecurrents            | line 4: .options is not allowed",
            "R1 a b 100/.tran 1u 1m                      | line 4: .tran is not allowed",
            "R1 a b 100/A1 a b filesrc                   | line 4: not an element line of a kind a line model may hold",
            // an EXTERNAL source with a DC value segfaults ngspice 39.3 (exit 134/139 before)
            "R1 a x 100/V1 x b dc 0 external             | line 4: V1 is an external source",
            // typos ngspice would simulate with a default value
            "R1 a m 100/R2 m b                           | line 4: R2 has no value",
            "R1 a b 100/C1 b 0 10q                       | line 4: the value of C1 is not a number",
            "R1 a b 100/C1 b 0                           | line 4: C1 has no value",
            "R1 a b 100/L1 b 0 1uu                       | line 4: the value of L1 is not a number",
            "R1 a b 1kk                                  | line 3: the value of R1 is not a number"})
    void refusedBeforeNgspiceSeesIt(String body, String expected, @TempDir Path dir) throws Exception {
        Path lib = dir.resolve("cable.lib");
        Path mark = dir.resolve("MARK");
        String text = String.join("\n", "* a line model", ".subckt cable a b",
                body.strip().replace("/", "\n").replace("MARK", mark.toString()).replace("SELF", lib.toString()),
                ".ends cable", "");
        Files.writeString(lib, text);
        RunCommandTest.Result r = RunCommandTest.kljn("analyze", "--subckt", lib.toString(), "--subckt-name", "cable");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--subckt: " + lib + " " + expected), r.err());
        if (expected.contains("not allowed") || expected.contains("not an element")) {
            assertTrue(r.err().contains("a line-model file holds circuit elements only"), "says what is allowed: "
                    + r.err());
        }
        assertFalse(r.err().contains("root:"), "never quotes another file: " + r.err());
        assertFalse(Files.exists(mark), "no command ran");
    }

    @Test
    void noCommandThatReadsALineModelRunsItsControlBlock(@TempDir Path dir) throws Exception {
        Path mark = dir.resolve("ran");
        Path lib = dir.resolve("evil.lib");
        Files.writeString(lib, String.join("\n", ".subckt cable a b", "R1 a b 100", ".ends cable", ".control",
                "shell touch " + mark, ".endc", ""));
        Files.writeString(dir.resolve("s.spec"), String.join("\n", "rl: 1k", "rh: 10k", "cable: subckt",
                "subckt: evil.lib cable", "bandwidth: 1k", "beta: 1", "analyses: exact", ""));
        List<String[]> commands = List.of(
                new String[] {"analyze", "--subckt", lib.toString(), "--subckt-name", "cable"},
                new String[] {"attack", "--subckt", lib.toString(), "--subckt-name", "cable", "--bits", "10"},
                new String[] {"defend", "--subckt", lib.toString(), "--subckt-name", "cable"},
                new String[] {"netlist", "--subckt", lib.toString(), "--subckt-name", "cable"},
                new String[] {"sweep", dir.resolve("s.spec").toString(), "--out", dir.resolve("s.csv").toString(),
                        "--progress", "never"},
                new String[] {"sweep", dir.resolve("s.spec").toString(), "--out", dir.resolve("i.csv").toString(),
                        "--isolate", "--progress", "never"});
        for (String[] command : commands) {
            RunCommandTest.Result r = RunCommandTest.kljn(command);
            assertEquals(1, r.status(), String.join(" ", command) + ": " + r.out() + r.err());
            assertTrue(r.err().contains(lib + " line 4: .control is not allowed"), String.join(" ", command) + ": "
                    + r.err());
            assertFalse(Files.exists(mark), String.join(" ", command) + " ran the line model's shell command");
        }
    }

    @Test
    void aGoodLineModelWithCommentsContinuationsModelsAndParametersStillRuns(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("good.lib");
        Files.writeString(lib, String.join("\n", "* 84 + 74 + 10 ohm", ".param half=84", ".subckt pair a b",
                "R1 a m {half} ; the forward conductor", "R2 m x", "+ 74 $ the return, continued",
                "R3 x b rmod l=10u w=1u", ".model rmod R(rsh=1)", "C1 b 0 1pF", ".ends pair", ".end", ""));
        // the lumped equivalent is the line's DC resistance, the same at any bit length: a bit of 20 Nyquist
        // samples keeps Eve's finite-bit part of the run cheap
        RunCommandTest.Result r = RunCommandTest.kljn("analyze", "--subckt", lib.toString(), "--subckt-name", "pair",
                "--bit-samples", "20", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(168, new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("lumpedEquivalent")
                .get("seriesResistance").asDouble(), 1e-9 * 168, "the file's text, as written, is what ran");
    }

    @Test
    void ngspiceWarningsAboutALineModelReachTheUser(@TempDir Path dir) throws Exception {
        // a parameter ngspice does not know is ignored with a warning; it once vanished, and the circuit ran
        Path lib = dir.resolve("warned.lib");
        Files.writeString(lib, String.join("\n", ".subckt pair a b", "R1 a x 158", "R2 x b rmod l=10u w=1u",
                ".model rmod R(rsh=1 foo=3)", ".ends pair", ""));
        RunCommandTest.Result r = RunCommandTest.kljn("analyze", "--subckt", lib.toString(), "--subckt-name", "pair");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--subckt: " + lib + ": ngspice warned about the subcircuit pair from warned.lib")
                && r.err().contains("unrecognized parameter (foo) - ignored"), r.err());
    }
}

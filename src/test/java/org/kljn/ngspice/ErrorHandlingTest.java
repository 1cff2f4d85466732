package org.kljn.ngspice;

import org.kljn.testing.NgSpiceExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ngspice reports errors as text: the session turns them into typed exceptions and recovers. */
@ExtendWith(NgSpiceExtension.class)
class ErrorHandlingTest {
    private static final List<String> GOOD = List.of("good divider", "V1 in 0 dc 1", "R1 in out 1k",
            "R2 out 0 3k", ".op");
    @NgSpiceExtension.Session
    static NgSpice spice;

    private static void assertGoodCircuitStillRight() {
        spice.loadCircuit(GOOD);
        spice.run();
        assertEquals(0.75, spice.vector("out").last(), 1e-12);
    }

    @Test
    void unknownSubcircuitIsATypedErrorWithNgspicesMessageAndTheLine() {
        NgSpiceException e = assertThrows(NgSpiceException.class, () -> spice.loadCircuit(List.of(
                "broken", "V1 in 0 dc 1", "X1 in out nosuchline", "R2 out 0 1k", ".op")));
        assertTrue(e.ngspiceMessages().stream().anyMatch(m -> m.contains("unknown subckt")),
                e.ngspiceMessages().toString());
        assertEquals("X1 in out nosuchline", e.netlistLine().orElseThrow());
        assertEquals(3, e.netlistLineNumber());
        assertTrue(e.getMessage().contains("unknown subckt"), e.getMessage());
        assertGoodCircuitStillRight();
    }

    @Test
    void aTitleWithErrorWordsIsNetlistTextNotAnError() {
        // ngspice echoes the title ("Circuit: * timestep too small demo"), which once matched the error words
        spice.loadCircuit(List.of("* timestep too small demo: singular matrix, no convergence", "V1 in 0 dc 1",
                "R1 in out 1k", "R2 out 0 3k", ".op"));
        spice.run();
        assertEquals(0.75, spice.vector("out").last(), 1e-12);
        NgSpiceException e = assertThrows(NgSpiceException.class, () -> spice.loadCircuit(List.of(
                "* timestep too small demo", "V1 in 0 dc 1", "X1 in out nosuchline", "R2 out 0 1k", ".op")));
        assertTrue(e.ngspiceMessages().stream().anyMatch(m -> m.contains("unknown subckt")), e.getMessage());
        assertTrue(e.ngspiceMessages().stream().noneMatch(m -> m.contains("demo")),
                "the title is not quoted as ngspice's error: " + e.ngspiceMessages());
        assertGoodCircuitStillRight();
    }

    @Test
    void aWarningAndItsContinuationLinesAreAWarningNotAnError() {
        // ngspice runs this circuit; it warns on three stderr lines
        spice.loadCircuit(List.of("diode with a parameter ngspice does not know", "V1 in 0 dc 1", "R1 in out 1k",
                "D1 out 0 dm", ".model dm D(is=1e-14 foo=3)", ".op"));
        spice.run();
        assertEquals(List.of("Warning: Model issue on line 5 : .model dm d(is=1e-14 foo=3) ... unrecognized parameter"
                + " (foo) - ignored"), spice.warnings());
        double vd = spice.vector("out").last();
        assertTrue(vd > 0.5 && vd < 0.8, "a forward-biased silicon diode: " + vd);
        assertGoodCircuitStillRight();
        assertEquals(List.of(), spice.warnings(), "warnings belong to the circuit that caused them");
    }

    @Test
    void aValueNgspiceReplacesByADefaultRefusesTheCircuit() {
        // "10q" is no number: ngspice 39.3 reads it as a model it cannot find, warns on stdout, and would simulate
        // the capacitor at its default (issue 22 item 3)
        NgSpiceException e = assertThrows(NgSpiceException.class, () -> spice.loadCircuit(List.of(
                "typo", "V1 in 0 dc 1 ac 1", "R1 in out 1k", "C1 out 0 10q", ".ac lin 3 1 10")));
        assertTrue(e.getMessage().contains("could not read a value") && e.getMessage().contains("can't find model '10q'"),
                e.getMessage());
        assertEquals("C1 out 0 10q", e.netlistLine().orElseThrow(), e.getMessage());
        assertGoodCircuitStillRight();
    }

    @Test
    void badValueNamesTheLine() {
        NgSpiceException e = assertThrows(NgSpiceException.class, () -> spice.loadCircuit(List.of(
                "bad value", "V1 in 0 dc 1", "R1 in out 1k", "R2 out 0 abc", ".op")));
        // ngspice reads "abc" as a model name it cannot find
        assertEquals(4, e.netlistLineNumber(), e.getMessage());
        assertEquals("R2 out 0 abc", e.netlistLine().orElseThrow());
        assertGoodCircuitStillRight();
    }

    @Test
    void aFailedRunIsATypedErrorAndTheSessionRecovers() {
        // two ideal voltage sources in parallel: singular matrix, the operating point fails
        spice.loadCircuit(List.of("source loop", "V1 in 0 dc 1", "V2 in 0 dc 2", ".op"));
        NgSpiceException e = assertThrows(NgSpiceException.class, spice::run);
        assertTrue(e.ngspiceMessages().stream().anyMatch(m -> m.toLowerCase().contains("singular")
                || m.toLowerCase().contains("aborted")), e.ngspiceMessages().toString());
        assertGoodCircuitStillRight();
    }

    @Test
    void quitAndOverlongCommandsAreRefusedBeforeReachingNgspice() {
        IllegalArgumentException quit = assertThrows(IllegalArgumentException.class, () -> spice.command("quit"));
        assertTrue(quit.getMessage().contains("quit"));
        String longCommand = "echo " + "x".repeat(1019); // 1024 bytes
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> spice.command(longCommand));
        assertTrue(tooLong.getMessage().contains("1024 bytes"), tooLong.getMessage());
        // 1023 bytes still pass, unchanged
        NgSpiceOutput echoed = spice.command("echo " + "y".repeat(1018));
        assertEquals("y".repeat(1018), echoed.stdout().get(echoed.stdout().size() - 1).strip());
        assertGoodCircuitStillRight();
    }

    @Test
    void unknownVectorIsATypedError() {
        assertGoodCircuitStillRight();
        NgSpiceException e = assertThrows(NgSpiceException.class, () -> spice.vector("nosuchnode"));
        assertTrue(e.getMessage().contains("nosuchnode"));
    }

    @Test
    void controlledExitMarksTheInstanceDeadAndTheSessionReloadsAFreshOne() {
        try (NgSpice victim = NgSpice.open()) {
            java.nio.file.Path before = victim.libraryFile();
            victim.commandUncheckedForTest("quit");
            assertTrue(victim.instanceDeadForTest(), "ControlledExit must have been called");
            // next use: a fresh private copy of the library, fully working
            victim.loadCircuit(GOOD);
            victim.run();
            assertEquals(0.75, victim.vector("out").last(), 1e-12);
            assertFalse(victim.instanceDeadForTest());
            assertFalse(before.equals(victim.libraryFile()), "a new library file must have been loaded");
        }
    }
}

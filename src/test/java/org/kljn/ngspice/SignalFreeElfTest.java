package org.kljn.ngspice;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loaded copies of ngspice leave every signal handler of the JVM alone. */
class SignalFreeElfTest {

    @Test
    void thePatchRenamesOnlyTheSignalImportOfTheInstalledLibrary() throws Exception {
        byte[] original = Files.readAllBytes(LibraryFiles.systemLibrary());
        byte[] patched = original.clone();
        assertTrue(SignalFreeElf.neutraliseSignal(patched), "39.3 imports signal()");
        int differing = 0;
        for (int i = 0; i < original.length; i++) {
            if (original[i] != patched[i]) {
                differing++;
            }
        }
        assertTrue(differing >= 1 && differing <= 4, "one 4-byte st_name changed, got " + differing + " bytes");
        byte[] again = patched.clone();
        assertFalse(SignalFreeElf.neutraliseSignal(again), "no signal import is left to rename");
        assertArrayEquals(patched, again);
        assertThrows(SignalFreeElf.NotPatchable.class, () -> SignalFreeElf.neutraliseSignal(new byte[100]));
    }

    @Test
    void theClockImportIsRenamedToo() throws Exception {
        // 39.3 calls clock() on every accepted point for console feedback only (outitf.c); as getpid() it costs
        // no kernel walk over the JVM's threads
        byte[] original = Files.readAllBytes(LibraryFiles.systemLibrary());
        byte[] patched = original.clone();
        assertTrue(SignalFreeElf.neutraliseClock(patched), "39.3 imports clock()");
        int differing = 0;
        for (int i = 0; i < original.length; i++) {
            if (original[i] != patched[i]) {
                differing++;
            }
        }
        assertTrue(differing >= 1 && differing <= 4, "one 4-byte st_name changed, got " + differing + " bytes");
        assertFalse(SignalFreeElf.neutraliseClock(patched.clone()), "no clock import is left to rename");
        assertTrue(SignalFreeElf.neutraliseSignal(patched), "the signal rename is independent of it");
    }

    @Test
    void startingSessionsAndEvaluatingVectorExpressionsChangesNoJvmHandler() {
        // evaluate.c sets SIGILL to SIG_DFL after every vector expression; ngSpice_Init swaps SIGSEGV
        try (NgSpice a = NgSpice.open(); NgSpice b = NgSpice.open()) {
            for (NgSpice s : List.of(a, b)) {
                s.loadCircuit(List.of("divider", "V1 in 0 dc 2", "R1 in out 1k", "R2 out 0 1k", ".op"));
                s.run();
                s.command("let doubled = v(out) * 2 + sqrt(abs(v(in)))");
                assertEquals(1.0 * 2 + Math.sqrt(2), s.vector("doubled").last(), 1e-12);
            }
        }
        assertEquals(List.of(), NgSpiceInstance.signalsChangedSinceStartForTest(),
                "signals whose JVM handler ngspice replaced");
        assertNull(LibraryFiles.signalPatchProblem());
    }
}

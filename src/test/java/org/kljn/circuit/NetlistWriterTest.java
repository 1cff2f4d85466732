package org.kljn.circuit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated netlist text, compared without running a simulator. */
class NetlistWriterTest {

    @Test
    void lumpedAcNetlist() {
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, new LumpedLine(100));
        assertEquals(List.of(
                "* KLJN loop HL: Alice R_H = 10kohm at A, Bob R_L = 1kohm at B; lumped R_c = 100ohm",
                "* AC transfer functions from the noise generators to the probes",
                "VNA na 0 dc 0 ac 1",
                "RA na a0 10000",
                "VIA a0 a 0",
                "Rline a b 100",
                "VIB b b0 0",
                "RB b0 nb 1000",
                "VNB nb 0 dc 0 ac 0",
                ".ac lin 5 0 1000",
                ".end"), NetlistWriter.ac(loop, 1, 0, 5, 0, 1e3));
    }

    @Test
    void externalSourcesCarryNoDcValue() {
        // ngspice 39.3 segfaults on any DC value on an EXTERNAL source
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.L, new LumpedLine(100));
        List<String> lines = NetlistWriter.transientExternal(loop, 1e-4, 1, 1e-4, true);
        assertTrue(lines.contains("VNA na 0 external"));
        assertTrue(lines.contains("VNB nb 0 external"));
        assertTrue(lines.contains(".save none"));
        assertTrue(lines.contains("RA na a0 1000"), "Alice holds R_L");
    }

    @Test
    void ladderHasSymmetricTSections() {
        List<String> e = new RcLadder(100, 1e-6, 2).elements("line", "a", "b");
        assertEquals(List.of("Rline_a1 a line_m1 25", "Cline_1 line_m1 0 5.0e-7", "Rline_b1 line_m1 line_n1 25",
                "Rline_a2 line_n1 line_m2 25", "Cline_2 line_m2 0 5.0e-7", "Rline_b2 line_m2 b 25"), e);
    }

    @Test
    void numbersAreLocaleIndependent() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.5e-7", SpiceNumbers.format(1.5e-7));
            assertEquals("2.5", SpiceNumbers.format(2.5));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void spiceSuffixesAndBadValues() {
        assertEquals(10e3, SpiceNumbers.parse("--rh", "10k"), 0);
        assertEquals(100e-9, SpiceNumbers.parse("--cc", "100n"), 1e-21);
        assertEquals(1.5e6, SpiceNumbers.parse("--x", "1.5meg"), 0);
        assertEquals(1e3, SpiceNumbers.parse("--rl", "1kohm"), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpiceNumbers.parse("--rc", "10x"));
        assertTrue(e.getMessage().contains("--rc") && e.getMessage().contains("10x"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ResistorPair(1e3, 1e3));
        assertThrows(IllegalArgumentException.class, () -> new LumpedLine(-1));
    }
}

package org.kljn.circuit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line checks read a line model's comments as ngspice 39.3 does: a check that saw a line ngspice runs as a
 * comment (or the reverse) could pass what ngspice then runs. Each case is a line holding a 1 kΩ resistor from
 * node a to ground, commented out in one of ngspice's ways or kept; ngspice's operating point counts the resistors
 * it runs (1 mA each from a 1 V source), which must equal the number of resistor lines {@link SpiceLines} sees.
 */
@ExtendWith(NgSpiceExtension.class)
class SpiceLinesTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /** Lines and whether ngspice runs the resistor on them (the expectation, from the ngspice 39.3 source). */
    private static final List<Object[]> CASES = List.of(
            new Object[] {"R1 a 0 1k", true},
            new Object[] {";R2 a 0 1k", false},
            new Object[] {"   * R3 a 0 1k", false},
            new Object[] {"//R4 a 0 1k", false},
            new Object[] {"$R5 a 0 1k", false},
            new Object[] {"=R6 a 0 1k", false},
            new Object[] {"R7 a 0 1k ; a comment", true},
            new Object[] {"R8 a 0 1k // a comment", true},
            new Object[] {"R9 a 0 1k,$ a comment", true},
            new Object[] {"R10 a 0 1k\t$ a comment", true},
            new Object[] {"R11 a 0\n+ 1k ; the value on a continuation", true},
            new Object[] {"(R12 a 0 1k", false});

    @Test
    void commentsAreReadAsNgspiceReadsThem() {
        List<String> raw = new ArrayList<>();
        int ngspiceRuns = 0;
        for (Object[] c : CASES) {
            raw.addAll(List.of(((String) c[0]).split("\n")));
            ngspiceRuns += (Boolean) c[1] ? 1 : 0;
        }
        long seen = SpiceLines.logical(raw).stream().filter(l -> l.words()[0].startsWith("r")).count();
        assertEquals(ngspiceRuns, seen, "resistor lines the checks see");

        List<String> netlist = new ArrayList<>(List.of("comment rules", "V1 a 0 dc 1"));
        raw.forEach(l -> netlist.add(SpiceLines.asCarried(l)));
        netlist.add(".op");
        spice.loadCircuit(netlist);
        spice.run();
        assertEquals(-1e-3 * ngspiceRuns, spice.vector("v1#branch").last(), 1e-12, "current through the resistors"
                + " ngspice ran");
        assertTrue(spice.warnings().isEmpty(), "the carried text gives ngspice nothing to warn about: "
                + spice.warnings());
    }

    @Test
    void anOrphanContinuationIsRefusedNamingTheFileAndLine() {
        ParameterException e = assertThrows(ParameterException.class, () -> LineModelText.check(Path.of("line.lib"),
                List.of("* a comment", "+ 1k")));
        assertTrue(e.getMessage().contains("line.lib line 2"), e.getMessage());
    }
}

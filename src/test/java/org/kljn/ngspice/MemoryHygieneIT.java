package org.kljn.ngspice;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.testing.NativeMemory;
import org.kljn.testing.NgSpiceExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thousands of load-run-free cycles in one JVM keep resident memory flat. */
@Tag("integration") // soak: runs in mvn verify (failsafe), not in the fast mvn test
@ExtendWith(NgSpiceExtension.class)
public class MemoryHygieneIT {

    /** This process's resident set size (VmRSS), bytes. */
    public static long residentBytes() {
        return NativeMemory.residentBytes();
    }

    @Test
    void twoThousandLoadRunFreeCyclesGrowResidentMemoryByLessThan20MB(NgSpice s) {
        // warm-up: JIT (in the shared failsafe JVM the cycle's code is still being compiled after 200 cycles),
        // ngspice's first allocations
        for (int i = 0; i < 1000; i++) {
            cycle(s, i);
        }
        NativeMemory before = NativeMemory.measure();
        for (int i = 0; i < 2000; i++) {
            cycle(s, i);
        }
        NativeMemory after = NativeMemory.measure();
        // what the JVM tracks for itself (compiler arenas, G1's structures, the shared test JVM's heap) is not
        // memory kept by ngspice or the bridge: resident memory outside it (the failsafe JVM runs with Native
        // Memory Tracking)
        double growthMB = (after.outsideJvm() - before.outsideJvm()) / 1e6;
        System.out.printf("MemoryHygieneIT: resident %.1f MB -> %.1f MB over 2000 cycles, the JVM's own %+.2f MB"
                + " (growth outside it %.2f MB; native code's malloc %+.3f MB)%n", before.resident() / 1e6,
                after.resident() / 1e6, (after.jvmCommitted() - before.jvmCommitted()) / 1e6, growthMB,
                (after.foreignMalloc() - before.foreignMalloc()) / 1e6);
        assertTrue(growthMB < 20, "resident memory grew " + growthMB + " MB");
    }

    private static void cycle(NgSpice s, int i) {
        double r = 1e3 + i;
        s.loadCircuit(List.of("cycle " + i, "V1 in 0 pulse(0 1 0 1u 1u 50u 100u)", "R1 in out 1k",
                "C1 out 0 10n", "R2 out 0 " + r, ".tran 1u 200u"));
        s.run();
        SpiceVector out = s.vector("out");
        assertTrue(out.length() > 100);
        assertEquals(0.0, out.real(0), 1e-12);
    }
}

package org.kljn.ngspice;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.testing.NgSpiceExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streaming through SendData with ngspice keeping no vectors, and 39.3's sticky output modes. */
@Tag("integration") // long transient: runs in mvn verify (failsafe), not in the fast mvn test
@ExtendWith(NgSpiceExtension.class)
class StreamingIT {

    /** Accumulates the time-weighted mean square of node "out" (trapezoidal rule over accepted points). */
    static final class MeanSquare implements StreamListener {
        int time = -1;
        int out = -1;
        long points;
        double lastT;
        double lastV2;
        double integral;

        @Override
        public void plotStarted(String plotName, String plotType, List<String> names) {
            time = names.indexOf("time");
            out = names.indexOf("out");
        }

        @Override
        public void point(int index, double[] real, double[] imag) {
            double t = real[time];
            double v2 = real[out] * real[out];
            if (points > 0) {
                integral += 0.5 * (v2 + lastV2) * (t - lastT);
            }
            lastT = t;
            lastV2 = v2;
            points++;
        }
    }

    @Test
    void saveNoneStreamsEveryPointWithFlatMemoryAndTheNextPlainCircuitStillKeepsItsVectors(NgSpice s) {
        MeanSquare ms = new MeanSquare();
        s.setStreamListener(ms);
        // 10^6 accepted points of a 1 kHz sine: ngspice would otherwise keep 3 vectors x 10^6 doubles
        // warm-up run (JIT, ngspice's first allocations), then the measured one
        s.loadCircuit(List.of("warm-up", NgSpice.streamOnly(), "V1 in 0 sin(0 1 1k)", "R1 in out 1k",
                "R2 out 0 1k", ".tran 1u 0.1 0 1u"));
        s.run();
        ms = new MeanSquare();
        s.setStreamListener(ms);
        long before = MemoryHygieneIT.residentBytes();
        s.loadCircuit(List.of("streamed sine", NgSpice.streamOnly(), "V1 in 0 sin(0 1 1k)", "R1 in out 1k",
                "R2 out 0 1k", ".tran 1u 1 0 1u"));
        s.run();
        long after = MemoryHygieneIT.residentBytes();
        s.setStreamListener(null);
        assertTrue(ms.points >= 1_000_000, "points " + ms.points);
        // <(sin/2)^2> over whole periods = 1/8; the trapezoid error at 1000 points per period is ~1e-6
        assertEquals(0.125, ms.integral / ms.lastT, 1e-5);
        assertTrue(s.vector("out").length() <= 1, "ngspice kept only the latest point");
        double growthMB = (after - before) / 1e6;
        System.out.printf("StreamingIT: 10^6 streamed points, resident growth %.2f MB%n", growthMB);
        assertTrue(growthMB < 10, "resident memory grew " + growthMB + " MB over a streamed run");

        // ngspice 39.3 never resets `.save none`: the session must move to a clean instance
        java.nio.file.Path tainted = s.libraryFile();
        s.loadCircuit(List.of("plain", "V1 in 0 sin(0 1 1k)", "R1 in out 1k", "R2 out 0 1k", ".tran 10u 1m"));
        s.run();
        assertTrue(s.vector("out").length() > 100, "a plain circuit keeps all its points again");
        assertNotEquals(tainted, s.libraryFile());
    }

    @Test
    void trnoiseIsNotReproducibleIn39SoInjectedNoiseMustComeFromJava(NgSpice s) {
        // ngspice 39.3 seeds TRNOISE's generator from the process id: `set rndseed` does not make two
        // runs in one process repeat. This documents the defect the Java noise path works around.
        double[] first = trnoiseRun(s, 42);
        double[] second = trnoiseRun(s, 42);
        assertEquals(first.length, second.length);
        double maxDifference = 0;
        for (int i = 0; i < first.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs(first[i] - second[i]));
        }
        assertTrue(maxDifference > 0.1, "two TRNOISE runs with the same seed differ (max |dv| = "
                + maxDifference + ")");
    }

    private static double[] trnoiseRun(NgSpice s, int seed) {
        s.command("set rndseed=" + seed);
        s.loadCircuit(List.of("trnoise", "V1 n 0 dc 0 trnoise(1 1u 0 0)", "R1 n 0 1k", ".tran 1u 200u"));
        s.run();
        return s.vector("n").real();
    }
}

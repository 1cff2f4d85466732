package org.kljn.ngspice;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Private copies of the library run concurrently with independent global state. */
class ParallelInstancesTest {

    /** Divider ratio r/(r+1k) after a transient, so each thread's answer depends on its own circuit. */
    private static double runDivider(NgSpice s, double r, int round) {
        s.loadCircuit(List.of("divider " + r + " round " + round, "V1 in 0 sin(0 1 1k)",
                "R1 in out 1k", "R2 out 0 " + r, ".tran 10u 2m"));
        s.run();
        SpiceVector in = s.vector("in");
        SpiceVector out = s.vector("out");
        double ratio = 0;
        int n = 0;
        for (int i = 0; i < in.length(); i++) {
            if (Math.abs(in.real(i)) > 0.1) {
                ratio += out.real(i) / in.real(i);
                n++;
            }
        }
        return ratio / n;
    }

    @Test
    void twoInstancesInParallelThreadsGiveIndependentCorrectResults() throws Exception {
        try (NgSpicePool pool = NgSpicePool.of(2)) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<double[]>> results = new ArrayList<>();
                double[] loads = {1e3, 3e3};
                for (double r : loads) {
                    results.add(threads.submit(() -> {
                        double[] ratios = new double[40];
                        for (int round = 0; round < ratios.length; round++) {
                            ratios[round] = pool.withSession(s -> runDivider(s, r, 0));
                        }
                        return ratios;
                    }));
                }
                for (int k = 0; k < loads.length; k++) {
                    double expected = loads[k] / (loads[k] + 1e3);
                    for (double ratio : results.get(k).get()) {
                        assertEquals(expected, ratio, 1e-9);
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void sessionsOpenedTogetherUseDifferentLibraryFiles() {
        try (NgSpice a = NgSpice.open(); NgSpice b = NgSpice.open()) {
            assertNotEquals(a.libraryFile(), b.libraryFile());
            // state set in one is invisible in the other
            a.loadCircuit(List.of("only in a", "V1 x 0 dc 2", "R1 x 0 1k", ".op"));
            a.run();
            b.loadCircuit(List.of("only in b", "V1 y 0 dc 3", "R1 y 0 1k", ".op"));
            b.run();
            assertEquals(2.0, a.vector("x").last(), 0);
            assertEquals(3.0, b.vector("y").last(), 0);
            assertEquals(List.of(a.currentPlot()), a.plots().subList(0, 1));
        }
    }
}

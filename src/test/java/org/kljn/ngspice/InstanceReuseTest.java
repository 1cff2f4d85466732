package org.kljn.ngspice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.testing.NgSpiceExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session that alternates plain circuits and {@code .save none} ones (which ngspice 39.3 never resets in a library
 * instance) moves between instances it reuses, instead of loading one more private library copy each time (issue
 * 22.12: one 7.4 MB copy, ~5 MB resident and 7.4 MB of deleted /tmp files per sweep point; {@code SweepSoakIT}
 * measures the memory), and what the session set before a load that moves it goes with it.
 */
@ExtendWith(NgSpiceExtension.class)
class InstanceReuseTest {
    private static final List<String> PLAIN = List.of("plain", "V1 in 0 dc 1", "R1 in out 1k", "R2 out 0 1k",
            ".tran 10u 100u");

    private static List<String> streamed(String title) {
        return List.of(title, NgSpice.streamOnly(), "Vext in 0 external", "R1 in out 1k", "R2 out 0 1k",
                ".tran 10u 100u 0 10u");
    }

    @Test
    void alternatingPlainAndStreamedCircuitsReuseTwoLibraryCopies(NgSpice spice) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            spice.loadCircuit(PLAIN);
            spice.run();
            assertTrue(spice.vector("out").length() > 5, "a plain circuit keeps its points");
            files.add(spice.libraryFile());
            spice.loadCircuit(streamed("streamed " + i));
            spice.run();
            files.add(spice.libraryFile());
        }
        // before the fix every plain circuit after a streamed one loaded a new copy: 20 distinct files or more
        Set<Path> steady = new HashSet<>(files.subList(4, files.size()));
        assertEquals(2, steady.size(), "library copies used over the last 18 rounds: " + steady);
    }

    @Test
    void sourcesAndListenerSetBeforeALoadThatMovesTheSessionGoWithIt(NgSpice spice) {
        // leave an idle instance stuck in `.save none`, so that the next streamed circuit moves the session to it
        spice.loadCircuit(streamed("stick"));
        spice.run();
        spice.loadCircuit(PLAIN);
        spice.run();
        Path clean = spice.libraryFile();
        List<double[]> rows = new ArrayList<>();
        spice.setExternalVoltage("vext", t -> 2.0);
        spice.setStreamListener(new StreamListener() {
            private int time = -1;
            private int out = -1;

            @Override
            public void plotStarted(String plotName, String plotType, List<String> names) {
                time = names.indexOf("time");
                out = names.indexOf("out");
            }

            @Override
            public void point(int index, double[] real, double[] imag) {
                rows.add(new double[] {real[time], real[out]});
            }
        });
        try {
            spice.loadCircuit(streamed("moved"));
            spice.run();
        } finally {
            spice.clearHooks();
        }
        assertTrue(!clean.equals(spice.libraryFile()), "the streamed circuit moved the session to the stuck instance");
        assertTrue(rows.size() >= 10, "the listener followed the session: " + rows.size() + " points");
        for (double[] r : rows) {
            assertEquals(1.0, r[1], 1e-12, "the source followed the session: v(out) at t = " + r[0]);
        }
    }
}

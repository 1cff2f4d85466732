package org.kljn.ngspice;

import org.kljn.testing.NgSpiceExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EXTERNAL sources driven from Java, step control, breakpoints and the streaming listener. */
@ExtendWith(NgSpiceExtension.class)
class CoSimulationTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /** Collects every streamed point of the named vectors. */
    static final class Recorder implements StreamListener {
        final List<String> wanted;
        final List<double[]> rows = new ArrayList<>();
        int[] columns;
        String plotType;

        Recorder(String... wanted) {
            this.wanted = List.of(wanted);
        }

        @Override
        public void plotStarted(String plotName, String type, List<String> names) {
            plotType = type;
            columns = new int[wanted.size()];
            for (int i = 0; i < wanted.size(); i++) {
                columns[i] = -1;
                for (int j = 0; j < names.size(); j++) {
                    if (names.get(j).equalsIgnoreCase(wanted.get(i))) {
                        columns[i] = j;
                    }
                }
                if (columns[i] < 0) {
                    throw new AssertionError("no vector " + wanted.get(i) + " in " + names);
                }
            }
        }

        @Override
        public void point(int index, double[] real, double[] imag) {
            double[] row = new double[columns.length];
            for (int i = 0; i < columns.length; i++) {
                row[i] = real[columns[i]];
            }
            rows.add(row);
        }
    }

    @Test
    void externalSourceFeedsADividerAndEveryAcceptedPointMatchesTheJavaFunction() {
        DoubleUnaryOperator drive = t -> Math.sin(2 * Math.PI * 1e3 * t) + 0.3 * Math.cos(2 * Math.PI * 7e3 * t);
        spice.setExternalVoltage("vext", drive);
        Recorder rec = new Recorder("time", "in", "out");
        spice.setStreamListener(rec);
        try {
            // no DC value on the EXTERNAL source: ngspice 39.3 segfaults on one
            spice.loadCircuit(List.of("external divider", "Vext in 0 external", "R1 in out 1k", "R2 out 0 1k",
                    ".tran 10u 3m 0 10u"));
            spice.run();
        } finally {
            spice.clearHooks();
        }
        assertEquals("Transient Analysis", rec.plotType);
        assertTrue(rec.rows.size() >= 300, "points: " + rec.rows.size());
        for (double[] row : rec.rows) {
            double expected = drive.applyAsDouble(row[0]);
            assertEquals(expected, row[1], 1e-12, "v(in) at t=" + row[0]);
            assertEquals(expected / 2, row[2], 1e-12, "v(out) at t=" + row[0]);
        }
        // the streamed points are the stored ones
        assertEquals(spice.vector("time").length(), rec.rows.size());
    }

    @Test
    void externalCurrentSourceIntoAResistor() {
        spice.setExternalCurrent("iext", t -> 1e-3 * t / 1e-3);
        try {
            spice.loadCircuit(List.of("external current", "Iext 0 n external", "R1 n 0 2k", ".tran 10u 1m"));
            spice.run();
        } finally {
            spice.clearHooks();
        }
        SpiceVector t = spice.vector("time");
        SpiceVector v = spice.vector("n");
        for (int i = 0; i < t.length(); i++) {
            assertEquals(2e3 * 1e-3 * t.real(i) / 1e-3, v.real(i), 1e-9);
        }
    }

    @Test
    void stepControlMakesTheSolverLandOnEverySampleTime() {
        // A piecewise-linear waveform with kinks every h = 7 us (not a divisor of ngspice's own steps).
        // EXTERNAL sources set no breakpoints: step control must shorten the steps so that none straddles
        // a kink; otherwise the solver would cut the corner.
        double h = 7e-6;
        spice.setExternalVoltage("vext", t -> {
            double k = Math.floor(t / h);
            double frac = t / h - k;
            return (k % 2 == 0) ? frac : 1 - frac; // triangle between 0 and 1
        });
        spice.setStepControl((time, delta) -> {
            double next = (Math.floor(time / h * (1 + 1e-12)) + 1) * h;
            return next - time;
        });
        Recorder rec = new Recorder("time", "in");
        spice.setStreamListener(rec);
        try {
            spice.loadCircuit(List.of("grid", "Vext in 0 external", "R1 in out 1k", "C1 out 0 10n",
                    ".tran 7u 700u 0 7u"));
            spice.run();
        } finally {
            spice.clearHooks();
        }
        java.util.TreeSet<Long> gridHits = new java.util.TreeSet<>();
        for (double[] row : rec.rows) {
            double k = row[0] / h;
            if (Math.abs(k - Math.rint(k)) < 1e-6) {
                gridHits.add(Math.round(k));
                assertEquals(Math.round(k) % 2 == 0 ? 0.0 : 1.0, row[1], 1e-9, "kink value at t=" + row[0]);
            }
        }
        for (long k = 0; k <= 100; k++) {
            assertTrue(gridHits.contains(k), "no accepted point at the kink t = " + k + " h");
        }
    }

    @Test
    void breakpointIsHit() {
        spice.loadCircuit(List.of("bkpt", "V1 in 0 dc 1", "R1 in out 1k", "C1 out 0 1u", ".tran 100u 1m"));
        assertTrue(spice.setBreakpoint(333.3e-6));
        spice.run();
        double[] t = spice.vector("time").real();
        boolean hit = false;
        for (double x : t) {
            hit |= Math.abs(x - 333.3e-6) < 1e-12;
        }
        assertTrue(hit, "a time point at the breakpoint");
    }

    @Test
    void backgroundRunCanBeHaltedAndTheSessionGoesOn() {
        spice.loadCircuit(List.of("long", "V1 in 0 sin(0 1 1k)", "R1 in out 1k", "C1 out 0 1u",
                ".tran 1u 10 0 1u"));
        spice.runInBackground();
        assertTrue(spice.isRunning());
        spice.halt();
        assertTrue(!spice.isRunning(), "halted");
        spice.loadCircuit(List.of("after", "V1 in 0 dc 1", "R1 in out 1k", "R2 out 0 1k", ".op"));
        spice.run();
        assertEquals(0.5, spice.vector("out").last(), 1e-12);
    }

    @Test
    void backgroundRunCompletes() {
        // uic: the capacitor starts discharged, v(out) = 1 - exp(-t/RC)
        spice.loadCircuit(List.of("short", "V1 in 0 dc 1", "R1 in out 1k", "C1 out 0 1u", ".tran 1u 1m 0 1u uic"));
        spice.runInBackground();
        assertTrue(spice.awaitBackground(java.time.Duration.ofMinutes(20)));
        assertEquals(1 - Math.exp(-1), spice.vector("out").last(), 1e-6);
    }

    @Test
    void anExceptionInAJavaCallbackFailsTheRunInsteadOfVanishing() {
        spice.setExternalVoltage("vext", t -> {
            throw new IllegalStateException("noise source exhausted");
        });
        try {
            spice.loadCircuit(List.of("throwing source", "Vext in 0 external", "R1 in 0 1k", ".tran 10u 100u"));
            NgSpiceException e = org.junit.jupiter.api.Assertions.assertThrows(NgSpiceException.class, spice::run);
            assertTrue(e.getMessage().contains("noise source exhausted"), e.getMessage());
        } finally {
            spice.clearHooks();
        }
        spice.loadCircuit(List.of("after", "V1 in 0 dc 1", "R1 in out 1k", "R2 out 0 1k", ".op"));
        spice.run();
        assertEquals(0.5, spice.vector("out").last(), 1e-12);
    }
}

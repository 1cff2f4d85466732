package org.kljn.ngspice;

import org.kljn.testing.NgSpiceExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An RC circuit through the real library against its closed forms. */
@ExtendWith(NgSpiceExtension.class)
class RcCircuitTest {
    private static final double R = 1e3;
    private static final double C = 1e-6;
    private static final double TAU = R * C;
    @NgSpiceExtension.Session
    static NgSpice spice;

    @Test
    void transientDischargeFollowsTheExponential() {
        // C charged to 1 V discharges through R: v(t) = exp(-t/RC). Steps of at most tau/1000 keep the
        // trapezoidal rule's local error near (h/tau)^3/12 ~ 1e-10 per step, far below the 1e-6 bound.
        spice.loadCircuit(List.of("rc discharge", "R1 out 0 1k", "C1 out 0 1u ic=1",
                ".tran 1u 5m 0 1u uic"));
        spice.run();
        SpiceVector time = spice.vector("time");
        SpiceVector out = spice.vector("out");
        assertEquals(time.length(), out.length());
        assertTrue(time.length() > 4000, "at least one point per microsecond: " + time.length());
        double worst = 0;
        for (int i = 0; i < time.length(); i++) {
            double expected = Math.exp(-time.real(i) / TAU);
            worst = Math.max(worst, Math.abs(out.real(i) - expected));
        }
        assertTrue(worst < 1e-6, "largest deviation from exp(-t/RC): " + worst);
        assertEquals(5e-3, time.last(), 1e-12);
    }

    @Test
    void acResponseIsTheFirstOrderLowPass() {
        // H(f) = 1 / (1 + j 2 pi f R C): the AC solve is a direct complex linear solve, exact to rounding.
        spice.loadCircuit(List.of("rc low-pass", "V1 in 0 dc 0 ac 1", "R1 in out 1k", "C1 out 0 1u",
                ".ac dec 20 1 1meg"));
        spice.run();
        SpiceVector f = spice.vector("frequency");
        SpiceVector out = spice.vector("out");
        assertTrue(out.isComplex());
        assertEquals(121, out.length());
        for (int i = 0; i < out.length(); i++) {
            double wrc = 2 * Math.PI * f.real(i) * TAU;
            double denominator = 1 + wrc * wrc;
            assertEquals(1 / denominator, out.real(i), 1e-12, "Re H at " + f.real(i) + " Hz");
            assertEquals(-wrc / denominator, out.imag(i), 1e-12, "Im H at " + f.real(i) + " Hz");
        }
    }

    @Test
    void vectorsOfANamedPlotAndTheirListing() {
        spice.loadCircuit(List.of("divider", "V1 in 0 dc 2", "R1 in out 3k", "R2 out 0 1k", ".op"));
        spice.run();
        String plot = spice.currentPlot();
        assertTrue(plot.startsWith("op"), plot);
        assertTrue(spice.plots().contains(plot));
        assertTrue(spice.vectorNames(plot).containsAll(List.of("out", "in", "v1#branch")),
                spice.vectorNames(plot).toString());
        assertEquals(0.5, spice.vector(plot + ".out").last(), 1e-12);
        assertEquals(-0.5e-3, spice.vector("v1#branch").last(), 1e-15);
    }
}

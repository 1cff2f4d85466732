package org.kljn.analysis.finitebit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.exact.ProbeQuadraticForm;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.BandShape;
import org.kljn.testing.NgSpiceExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The costly check of {@link FiniteBitStatistics}: ten window forms at the switch took 11 of the fast suite's 140
 * class-seconds on a loaded machine, so it runs in mvn verify; the closed-form checks are in
 * {@code FiniteBitStatisticsTest}.
 */
@Tag("integration") // runs in mvn verify (failsafe), not in the fast mvn test
@ExtendWith(NgSpiceExtension.class)
class FiniteBitStatisticsIT {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /**
     * Where {@link FiniteBitStatistics#distribution} switches to the spectral form (2 f_max τ = 128) the two agree
     * within the accuracy target in both tails down to 1e-9 (relative 10 %), for every statistic
     * on a capacitive line, and the window form is converged in its node density (4 vs 5 nodes per Nyquist
     * interval: ≤ 0.3 %).
     */
    @Test
    void spectralFormIsInsideTheTargetAboveTheSwitch() {
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H,
                CableSpec.of(CableKind.LADDER, 500, 100e-9, Double.NaN, 8).line());
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(1e3), 257);
        FiniteBitStatistics stats = FiniteBitStatistics.of(loop, tf, 1e9, 1);
        double tau = FiniteBitStatistics.WINDOW_LIMIT / (2 * stats.upperFrequency());
        List<ProbeQuadraticForm> forms = new ArrayList<>();
        for (Attack a : Attack.values()) {
            forms.add(ProbeQuadraticForm.of(a));
        }
        forms.add(ProbeQuadraticForm.meanSquare(Probe.U_A));
        forms.add(ProbeQuadraticForm.meanSquare(Probe.U_B));
        double worst = 0;
        for (ProbeQuadraticForm f : forms) {
            ChiSquareMixture w = stats.window(f, tau);
            ChiSquareMixture w5 = stats.window(f, tau, 5);
            ChiSquareMixture s = stats.spectral(f, tau);
            double sd = Math.sqrt(w.variance());
            for (double z = -9; z <= 9; z += 0.5) {
                double x = w.mean() + z * sd;
                double sw = w.survival(x);
                double cw = w.cdf(x);
                if (sw > 1e-9 && sw < 0.5) {
                    worst = Math.max(worst, Math.abs(s.survival(x) / sw - 1));
                    assertEquals(sw, w5.survival(x), 3e-3 * sw, f.name() + " window converged at z=" + z);
                }
                if (cw > 1e-9 && cw < 0.5) {
                    worst = Math.max(worst, Math.abs(s.cdf(x) / cw - 1));
                    assertEquals(cw, w5.cdf(x), 3e-3 * cw, f.name() + " window converged at z=" + z);
                }
            }
        }
        assertTrue(worst < 0.1, "spectral vs window at the switch: worst relative tail difference " + worst);
    }
}

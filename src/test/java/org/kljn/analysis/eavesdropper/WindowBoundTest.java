package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.circuit.UniformRcLine;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eve's window bound ({@link WindowEavesdropper#bound}) against the exact window likelihood ratio it must never
 * fall below, and its zero at the lumped null.
 */
@ExtendWith(NgSpiceExtension.class)
class WindowBoundTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    static LineModel randomLine(java.util.Random random, int kind) {
        return switch (kind % 4) {
            case 0 -> new LumpedLine(50 + 500 * random.nextDouble());
            case 1 -> new RcLadder(200 + 800 * random.nextDouble(), (5 + 100 * random.nextDouble()) * 1e-9, 8);
            case 2 -> new UniformRcLine(200 + 800 * random.nextDouble(), (5 + 100 * random.nextDouble()) * 1e-9, 16);
            default -> new LossyLine(50 + 300 * random.nextDouble(), 0, 0, (5 + 100 * random.nextDouble()) * 1e-9);
        };
    }

    /**
     * The bound is a bound: over seeded random loops on every line model (lumped, RC ladder, uniform RC, lossy line),
     * β, floors from ×0.01 to ×10⁶ and bits of 2 to 60 Nyquist samples, each extrapolated from a random shorter
     * reference window, its success and information are at least the exact window's (whose own numerical upper
     * values carry at most 1e-9). A wrong factor in the slope's rate (one- against two-sided), a sign in the
     * Bhattacharyya sum, a missing left-out term, or Le Cam's or the Hellinger inequality misapplied, each makes the
     * bound fall below the exact value on some of these loops (the bound is within a factor ~1.3 of the exact
     * information for the shortest references, where the slope term vanishes).
     */
    @Test
    void neverBelowTheExactWindow() {
        java.util.Random random = new java.util.Random(2020);
        double bandwidth = 1e3;
        int checked = 0;
        for (int trial = 0; trial < 8; trial++) {
            double rl = 500 * Math.pow(10, random.nextDouble());
            ResistorPair pair = new ResistorPair(rl, rl * (2 + 20 * random.nextDouble()));
            LineModel line = randomLine(random, trial);
            Map<Situation, TransferFunctions> tf = WindowEavesdropperTest.situations(spice, pair, line, bandwidth);
            WindowEavesdropper eve = WindowEavesdropper.of(pair, line, tf);
            NoiseTemperatures t = NoiseTemperatures.standard(1e9, 0.5 + random.nextDouble());
            EveInstrument floor = EveInstrument.defaults().scaled(Math.pow(10, -2 + 8 * random.nextDouble()));
            for (int m : new int[] {2, 6, 20, 60}) {
                double tau = m / (2 * bandwidth);
                WindowLikelihoodRatio exact = eve.test(t, tau, floor);
                double reference = tau * (0.15 + 0.85 * random.nextDouble());
                WindowBound bound = eve.bound(t, tau, floor, reference);
                String where = String.format(java.util.Locale.ROOT, "%s %s M=%d reference %.3g s", line, t, m,
                        reference);
                assertTrue(bound.successProbability() >= exact.successProbability() - 1e-9,
                        where + ": success bound " + bound.successProbability() + " < " + exact.successProbability());
                assertTrue(bound.mutualInformation() >= exact.mutualInformation() - 1e-9,
                        where + ": information bound " + bound.mutualInformation() + " < " + exact.mutualInformation());
                checked++;
            }
        }
        assertEquals(32, checked);
    }

    /**
     * With the reference window the bit itself the slope term vanishes and the bound is the exact Bhattacharyya
     * distance of the pencil (plus half the left-out energy, ~1e-20): B = Σ ½ ln(1 + δ/2) − ¼ ln(1 + δ) from the
     * exact δ's, to 1e-9 relative. A bound that double-counts the reference or mixes the situations fails.
     */
    @Test
    void atItsReferenceItIsTheExactBhattacharyyaDistance() {
        ResistorPair pair = new ResistorPair(1.5e3, 12e3);
        LineModel line = new RcLadder(800, 15e-9, 8);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line,
                WindowEavesdropperTest.situations(spice, pair, line, 1e3));
        NoiseTemperatures t = NoiseTemperatures.standard(2e9, 1);
        double tau = 20 / 2e3;
        double b = 0;
        for (double d : eve.test(t, tau, EveInstrument.defaults()).relativeEigenvalues()) {
            b += 0.5 * Math.log1p(0.5 * d) - 0.25 * Math.log1p(d);
        }
        WindowBound bound = eve.bound(t, tau, EveInstrument.defaults(), tau);
        assertEquals(b, bound.bhattacharyya(), 1e-9 * b);
    }

    /**
     * At the lumped null β* = (1 + R_c/2R_L)/(1 + R_c/2R_H) G_HL = G_LH: the bound on Eve's information is zero (to
     * 1e-12 bits) and on her success ½ (to 1e-6) at every bit length up to 10⁷ Nyquist samples and every floor,
     * including the default floor at T_eff = 1e25 K where the pencil cannot be factored. A bound that ignored the
     * null (the slope bound alone, ~0.1 nats here) fails.
     */
    @Test
    void zeroAtTheLumpedNull() {
        double rl = 1e3, rh = 10e3, rc = 300;
        ResistorPair pair = new ResistorPair(rl, rh);
        LineModel line = new LumpedLine(rc);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line,
                WindowEavesdropperTest.situations(spice, pair, line, 1e3));
        double nullBeta = (1 + rc / (2 * rl)) / (1 + rc / (2 * rh));
        for (double tEff : new double[] {1e9, 1e25}) {
            for (int m : new int[] {2, 300, 10_000, 10_000_000}) {
                for (double scale : new double[] {1e-2, 1, 1e2}) {
                    WindowBound b = eve.bound(NoiseTemperatures.standard(tEff, nullBeta), m / 2e3,
                            EveInstrument.defaults().scaled(scale), 64 / 2e3);
                    String where = "T_eff " + tEff + " M=" + m + " floor x" + scale;
                    assertTrue(b.mutualInformation() <= 1e-12, where + ": I <= " + b.mutualInformation());
                    assertEquals(0.5, b.successProbability(), 1e-6, where);
                }
            }
        }
    }
}

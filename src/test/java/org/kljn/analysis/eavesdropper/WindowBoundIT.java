package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optimal eavesdropper, exact or bounded, against every attack and the exact window up to its limit. */
@Tag("integration")
@ExtendWith(NgSpiceExtension.class)
class WindowBoundIT {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /**
     * Over seeded random loops on every line model and bits of 2 to 10⁴ Nyquist samples, {@code optimal}'s success
     * (exact window or bound) is at least each attack's exact success for the same bit (ExactProbabilities), to 1e-9,
     * and its information never falls as the bit grows (exact up to 256 samples, bounded beyond: a bound at 10⁴ below
     * the exact value at 256 would understate Eve). Catches a bound or an exact value that any known detector beats.
     */
    @Test
    void optimalIsNeverBelowAnyAttackUpToTenThousandSamples() {
        java.util.Random random = new java.util.Random(21);
        double bandwidth = 1e3;
        int checked = 0;
        for (int trial = 0; trial < 8; trial++) {
            double rl = 500 * Math.pow(10, random.nextDouble());
            ResistorPair pair = new ResistorPair(rl, rl * (2 + 20 * random.nextDouble()));
            LineModel line = WindowBoundTest.randomLine(random, trial);
            Map<Situation, TransferFunctions> tf = WindowEavesdropperTest.situations(spice, pair, line, bandwidth);
            OptimalEavesdropper eve = OptimalEavesdropper.of(pair, line, tf, bandwidth);
            double beta = 0.5 + random.nextDouble();
            NoiseTemperatures t = NoiseTemperatures.standard(1e9, beta);
            ExactProbabilities.Situations bits = ExactProbabilities.situations(pair, line, tf, 1e9, beta);
            double previous = 0;
            for (int m : new int[] {2, 9, 40, 256, 257, 1000, 10_000}) {
                double tau = m / (2 * bandwidth);
                OptimalResult o = OptimalResult.of(eve, eve.detectorBins(spice, m), t);
                ExactProbabilities exact = ExactProbabilities.compute(bits, tau);
                for (Attack a : Attack.values()) {
                    double attack = exact.of(a).successProbability();
                    assertTrue(o.successProbability() >= attack - 1e-9, String.format(java.util.Locale.ROOT,
                            "%s M=%d beta=%.3f: optimal (%s) %.9f < %s %.9f", line, m, beta, o.method(),
                            o.successProbability(), a.key(), attack));
                    checked++;
                }
                assertTrue(o.mutualInformation() >= previous - 1e-12, line + " M=" + m + ": " + o.mutualInformation()
                        + " < " + previous);
                assertEquals(m <= OptimalResult.WINDOW_LIMIT ? OptimalResult.WINDOW : OptimalResult.WINDOW_BOUND,
                        o.method());
                previous = o.mutualInformation();
            }
        }
        assertEquals(8 * 7 * Attack.values().length, checked);
    }

    /**
     * The bound is at least the exact window at the exact method's longest bits (M = 128 and 256 from a reference
     * of 64 and 128 samples) on random loops of every line model: the extrapolation over a long stretch, where a
     * wrong rate or slope would show first.
     */
    @Test
    void boundNeverBelowTheExactWindowUpToItsLimit() {
        java.util.Random random = new java.util.Random(22);
        for (int trial = 0; trial < 4; trial++) {
            double rl = 500 * Math.pow(10, random.nextDouble());
            ResistorPair pair = new ResistorPair(rl, rl * (2 + 20 * random.nextDouble()));
            LineModel line = WindowBoundTest.randomLine(random, trial);
            WindowEavesdropper eve = WindowEavesdropper.of(pair, line,
                    WindowEavesdropperTest.situations(spice, pair, line, 1e3));
            NoiseTemperatures t = NoiseTemperatures.standard(1e9, 0.5 + random.nextDouble());
            EveInstrument floor = EveInstrument.defaults().scaled(Math.pow(10, 6 * random.nextDouble()));
            for (int m : new int[] {128, 256}) {
                double tau = m / 2e3;
                WindowLikelihoodRatio exact = eve.test(t, tau, floor);
                WindowBound bound = eve.bound(t, tau, floor, tau / 2);
                assertTrue(bound.successProbability() >= exact.successProbability() - 1e-9, line + " M=" + m);
                assertTrue(bound.mutualInformation() >= exact.mutualInformation() - 1e-9, line + " M=" + m);
            }
        }
    }
}

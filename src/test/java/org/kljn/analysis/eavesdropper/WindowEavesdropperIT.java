package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eve's exact window likelihood ratio against every attack kljn knows, over random loops and bit lengths up to 256
 * Nyquist samples: thirty window tests and exact finite-bit distributions (the fast suite's costliest method before it
 * moved here, so it runs in mvn verify); the closed forms and bad input are {@code WindowEavesdropperTest}.
 */
@Tag("integration")
@ExtendWith(NgSpiceExtension.class)
class WindowEavesdropperIT {
    @NgSpiceExtension.Session
    static NgSpice spice;

    private static Map<Situation, TransferFunctions> situations(ResistorPair pair, LineModel line, double bandwidth) {
        return WindowEavesdropperTest.situations(spice, pair, line, bandwidth);
    }

    /**
     * The best detector is never beaten by a detector kljn knows: over random loops (lumped, RC ladders with the
     * current attack strong, a lossy line), β and bit lengths, the window likelihood ratio's success is at least
     * each attack's exact success for the same bit (FiniteBitStatistics' exact distributions), to 1e-9.
     */
    @Test
    void neverBelowAnyAttack() {
        java.util.Random random = new java.util.Random(20);
        double bandwidth = 1e3;
        for (int trial = 0; trial < 6; trial++) {
            double rl = 500 * Math.pow(10, random.nextDouble());
            ResistorPair pair = new ResistorPair(rl, rl * (2 + 20 * random.nextDouble()));
            LineModel line = switch (trial % 3) {
                case 0 -> new LumpedLine(50 + 500 * random.nextDouble());
                case 1 -> new RcLadder(200 + 800 * random.nextDouble(), (5 + 50 * random.nextDouble()) * 1e-9, 8);
                default -> new RcLadder(100 + 300 * random.nextDouble(), (20 + 200 * random.nextDouble()) * 1e-9, 4);
            };
            Map<Situation, TransferFunctions> tf = situations(pair, line, bandwidth);
            WindowEavesdropper eve = WindowEavesdropper.of(pair, line, tf);
            double beta = 0.5 + random.nextDouble();
            ExactProbabilities.Situations bits = ExactProbabilities.situations(pair, line, tf, 1e9, beta);
            for (int m : new int[] {2, 5, 20, 100, 256}) {
                double tau = m / (2 * bandwidth);
                long t0 = System.nanoTime();
                WindowLikelihoodRatio lr = eve.test(NoiseTemperatures.standard(1e9, beta), tau, EveInstrument.defaults());
                double p = lr.successProbability();
                long t1 = System.nanoTime();
                ExactProbabilities exact = ExactProbabilities.compute(bits, tau);
                for (Attack a : Attack.values()) {
                    double attack = exact.of(a).successProbability();
                    assertTrue(p >= attack - 1e-9, String.format("%s M=%d beta=%.3f: window LR %.9f < %s %.9f",
                            line, m, beta, p, a.key(), attack));
                }
                System.out.printf("%s M=%d beta=%.3f: LR %.6f I %.4e bits (K=%d, %.0f ms); attacks %.6f %.6f %.6f%n",
                        line, m, beta, p, lr.mutualInformation(), lr.basisFunctions(), (t1 - t0) / 1e6,
                        exact.of(Attack.BSY).successProbability(), exact.of(Attack.SECOND_LAW).successProbability(),
                        exact.of(Attack.CURRENT).successProbability());
            }
        }
    }
}

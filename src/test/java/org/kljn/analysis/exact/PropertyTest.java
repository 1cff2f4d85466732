package org.kljn.analysis.exact;

import org.kljn.testing.NgSpiceExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.closedform.LumpedKljn;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random parameter sets (fixed seeds): closed forms and the Alice/Bob mirror symmetry hold everywhere. */
@ExtendWith(NgSpiceExtension.class)
class PropertyTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /** Log-uniform in [lo, hi]. */
    private static double logUniform(SplittableRandom r, double lo, double hi) {
        return lo * Math.pow(hi / lo, r.nextDouble());
    }

    @Test
    void lumpedAnalysisMatchesTheClosedFormsOnRandomParameters() {
        SplittableRandom r = new SplittableRandom(20261127);
        for (int i = 0; i < 60; i++) {
            double rl = logUniform(r, 10, 1e5);
            double rh = rl * logUniform(r, 1.01, 100);
            double rc = rl * logUniform(r, 1e-4, 2);
            double beta = logUniform(r, 0.2, 5);
            double tEff = logUniform(r, 1e3, 1e12);
            double df = logUniform(r, 1, 1e6);
            Resistor alice = r.nextBoolean() ? Resistor.H : Resistor.L;
            KljnLoop loop = KljnLoop.secure(new ResistorPair(rl, rh), alice, new LumpedLine(rc));
            KljnMoments m = KljnMoments.of(loop, ExactAnalysis.integrals(spice, loop, df, 5), tEff, beta);
            double tA = alice == Resistor.H ? tEff : beta * tEff;
            double tB = alice == Resistor.H ? beta * tEff : tEff;
            LumpedKljn c = new LumpedKljn(loop.aliceResistance(), loop.bobResistance(), rc, tA, tB, df);
            String at = "set " + i + ": R_L=" + rl + " R_H=" + rh + " R_c=" + rc + " beta=" + beta + " Alice " + alice;
            assertEquals(c.meanSquareVoltageA(), m.meanSquareVoltageA(), 1e-6 * c.meanSquareVoltageA(), at);
            assertEquals(c.meanSquareVoltageB(), m.meanSquareVoltageB(), 1e-6 * c.meanSquareVoltageB(), at);
            assertEquals(c.meanSquareCurrent(), m.meanSquareCurrentA(), 1e-6 * c.meanSquareCurrent(), at);
            assertEquals(c.secondLawSignal(), m.signal(Attack.SECOND_LAW), 1e-6 * m.scale(Attack.SECOND_LAW), at);
            assertEquals(c.bsySignal(), m.signal(Attack.BSY), 1e-6 * m.scale(Attack.BSY), at);
        }
    }

    @Test
    void swappingAlicesAndBobsResistorsMirrorsEverySignal() {
        // the symmetric T-section ladder is its own mirror image, so LH is HL seen from the other end
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 30; i++) {
            double rl = logUniform(r, 100, 1e4);
            double rh = rl * logUniform(r, 1.5, 50);
            double rc = rl * logUniform(r, 1e-3, 1);
            double cc = logUniform(r, 1e-10, 1e-6);
            double df = logUniform(r, 10, 1e4);
            double beta = logUniform(r, 0.5, 2);
            int sections = 1 + r.nextInt(30);
            RcLadder line = new RcLadder(rc, cc, sections);
            KljnLoop hl = KljnLoop.secure(new ResistorPair(rl, rh), Resistor.H, line);
            KljnMoments a = KljnMoments.of(hl, ExactAnalysis.integrals(spice, hl, df, 129), 1e9, beta);
            KljnMoments b = KljnMoments.of(hl.swapped(), ExactAnalysis.integrals(spice, hl.swapped(), df, 129), 1e9, beta);
            for (Attack attack : Attack.values()) {
                assertEquals(-a.signal(attack), b.signal(attack), 1e-9 * a.scale(attack), "set " + i + " " + attack);
            }
            assertEquals(a.meanSquareVoltageA(), b.meanSquareVoltageB(), 1e-9 * a.meanSquareVoltageA(), "set " + i);
        }
    }
}

package org.kljn.analysis.exact;

import org.kljn.testing.NgSpiceExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kljn.analysis.closedform.CableModel;
import org.kljn.analysis.closedform.LoopMoments;
import org.kljn.analysis.closedform.LumpedKljn;
import org.kljn.analysis.closedform.NoiseBand;
import org.kljn.analysis.exact.PaperFormulas;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ngspice AC-based exact analysis against closed forms derived independently in Java. */
@ExtendWith(NgSpiceExtension.class)
class ExactAnalysisTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    private static KljnMoments exact(KljnLoop loop, double tEff, double bandwidth, double beta) {
        LoopIntegrals j = ExactAnalysis.integrals(spice, loop, bandwidth, ExactAnalysis.DEFAULT_POINTS);
        return KljnMoments.of(loop, j, tEff, beta);
    }

    /** |a-b| within rel of the scale the quantity is built from (signals are differences of moments). */
    private static void assertClose(double expected, double actual, double scale, double rel, String what) {
        assertEquals(expected, actual, rel * scale, what);
    }

    @ParameterizedTest(name = "R_L={0} R_H={1} R_c={2} Alice={3} beta={4}")
    @CsvSource({
            "1e3, 10e3, 100, H, 1",
            "1e3, 10e3, 100, L, 1",
            "1e3, 9e3, 100, H, 1.0879",
            "2e3, 50e3, 1e3, L, 0.7",
            "10, 1e4, 0.5, H, 1.3"}) // R_H/R_L at its limit, 1000 (ResistorPair.MAX_RATIO; was 1e5)
    void lumpedLineMatchesTheClosedFormsTo1e6(double rl, double rh, double rc, Resistor alice, double beta) {
        double tEff = 1e9;
        double bandwidth = 1e3;
        KljnLoop loop = KljnLoop.secure(new ResistorPair(rl, rh), alice, new LumpedLine(rc));
        KljnMoments m = exact(loop, tEff, bandwidth, beta);
        double tA = alice == Resistor.H ? tEff : beta * tEff;
        double tB = alice == Resistor.H ? beta * tEff : tEff;
        LumpedKljn c = new LumpedKljn(loop.aliceResistance(), loop.bobResistance(), rc, tA, tB, bandwidth);
        double rel = 1e-6; // the bound; AC solves and Simpson on a flat integrand do far better
        assertClose(c.meanSquareVoltageA(), m.meanSquareVoltageA(), c.meanSquareVoltageA(), rel, "<U_A^2>");
        assertClose(c.meanSquareVoltageB(), m.meanSquareVoltageB(), c.meanSquareVoltageB(), rel, "<U_B^2>");
        assertClose(c.meanSquareCurrent(), m.meanSquareCurrentA(), c.meanSquareCurrent(), rel, "<I_A^2>");
        assertClose(c.meanSquareCurrent(), m.meanSquareCurrentB(), c.meanSquareCurrent(), rel, "<I_B^2>");
        double powerScale = Math.sqrt(c.meanSquareVoltageA() * c.meanSquareCurrent());
        assertClose(c.powerIntoCableA(), m.powerIntoCableA(), powerScale, rel, "P_A");
        assertClose(c.powerIntoCableB(), m.powerIntoCableB(), powerScale, rel, "P_B");
        assertClose(c.bsySignal(), m.signal(Attack.BSY), m.scale(Attack.BSY), rel, "bsy");
        assertClose(c.secondLawSignal(), m.signal(Attack.SECOND_LAW), m.scale(Attack.SECOND_LAW), rel, "secondLaw");
        assertClose(0, m.signal(Attack.CURRENT), m.scale(Attack.CURRENT), 1e-12, "current (lumped: I_A = I_B)");

        BetaCurve curve = BetaCurve.of(loop, ExactAnalysis.integrals(spice, loop, bandwidth, 5), tEff);
        double betaStar = LumpedKljn.betaNullSecondLaw(rl, rh, rc);
        assertEquals(betaStar, curve.betaNull(Attack.SECOND_LAW).orElseThrow(), 1e-9 * betaStar);
        assertEquals(betaStar, curve.betaNull(Attack.BSY).orElseThrow(), 1e-9 * betaStar);
        assertTrue(curve.betaNull(Attack.CURRENT).isEmpty(), "a lumped line has no current signal to null");
    }

    @Test
    void paperEq11DoesNotNullTheSecondLawSignalItReversesIt() {
        double rl = 1e3;
        double rh = 9e3;
        double rc = 100;
        KljnLoop loop = KljnLoop.secure(new ResistorPair(rl, rh), Resistor.H, new LumpedLine(rc));
        BetaCurve curve = BetaCurve.of(loop, ExactAnalysis.integrals(spice, loop, 1e3, 5), 1e9);
        double betaEq11 = PaperFormulas.eq11Beta(rl, rh, rc);
        double atOne = curve.signal(Attack.SECOND_LAW, 1);
        double atEq11 = curve.signal(Attack.SECOND_LAW, betaEq11);
        // closed form: secondLaw(beta_eq11) = -R_H/(R_H+R_c) secondLaw(1)
        assertEquals(-rh / (rh + rc) * atOne, atEq11, 1e-9 * Math.abs(atOne));
    }

    @Test
    void rcLadderMatchesTheTwoPortCascade() {
        LineModel ladder = new RcLadder(200, 200e-9, 20);
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, ladder);
        double bandwidth = 10e3;
        KljnMoments m = exact(loop, 1e9, bandwidth, 1.0);
        LoopMoments c = LoopMoments.compute(10e3, 1e3, 1e9, 1e9, CableModel.rcLadder(200, 200e-9, 20),
                NoiseBand.brickWall(bandwidth), 1e-12);
        // same circuit both ways; the error is Simpson's on 257 points (bound printed by the analysis)
        double rel = 1e-7;
        assertClose(c.meanSquareVoltageA(), m.meanSquareVoltageA(), c.meanSquareVoltageA(), rel, "<U_A^2>");
        assertClose(c.meanSquareCurrentB(), m.meanSquareCurrentB(), c.meanSquareCurrentB(), rel, "<I_B^2>");
        assertClose(c.bsySignal(), m.signal(Attack.BSY), m.scale(Attack.BSY), rel, "bsy");
        assertClose(c.secondLawSignal(), m.signal(Attack.SECOND_LAW), m.scale(Attack.SECOND_LAW), rel, "secondLaw");
        assertClose(c.currentSignal(), m.signal(Attack.CURRENT), m.scale(Attack.CURRENT), rel, "current");
    }

    @Test
    void ltraRcLineMatchesTheExactUniformRcLine() {
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, new LossyLine(200, 0, 0, 200e-9));
        double bandwidth = 10e3;
        KljnMoments m = exact(loop, 1e9, bandwidth, 1.0);
        LoopMoments c = LoopMoments.compute(10e3, 1e3, 1e9, 1e9, CableModel.uniformRcLine(200, 200e-9),
                NoiseBand.brickWall(bandwidth), 1e-12);
        // LTRA's AC model is the exact line; 1e-6 covers the 1e-9 Hz sliver and Simpson's error
        double rel = 1e-6;
        assertClose(c.meanSquareVoltageA(), m.meanSquareVoltageA(), c.meanSquareVoltageA(), rel, "<U_A^2>");
        assertClose(c.bsySignal(), m.signal(Attack.BSY), m.scale(Attack.BSY), rel, "bsy");
        assertClose(c.secondLawSignal(), m.signal(Attack.SECOND_LAW), m.scale(Attack.SECOND_LAW), rel, "secondLaw");
        assertClose(c.currentSignal(), m.signal(Attack.CURRENT), m.scale(Attack.CURRENT), rel, "current");
    }

    @Test
    void ladderConvergesToTheUniformLineAtSecondOrder() {
        double bandwidth = 10e3;
        KljnLoop exactLine = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, new LossyLine(200, 0, 0, 500e-9));
        double reference = exact(exactLine, 1e9, bandwidth, 1).signal(Attack.CURRENT);
        double previous = Double.NaN;
        for (int n : new int[] {4, 8, 16, 32}) {
            KljnLoop ladder = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, new RcLadder(200, 500e-9, n));
            double error = Math.abs(exact(ladder, 1e9, bandwidth, 1).signal(Attack.CURRENT) - reference);
            if (!Double.isNaN(previous)) {
                double ratio = previous / error;
                System.out.printf("ladder N=%d: |current - exact line| = %.3e, ratio to N/2: %.3f%n", n, error, ratio);
                // O(1/N^2): halving the section length quarters the error
                assertEquals(4.0, ratio, 0.2, "error ratio N/2 -> N");
            }
            previous = error;
        }
    }

    @Test
    void lumpedEquivalentOfADistributedModelHasItsDcResistance() {
        KljnLoop nearlyLumped = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, new RcLadder(200, 1e-15, 4));
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, nearlyLumped,
                org.kljn.noise.BandShape.brickWall(1e3), 129);
        LumpedComparison c = LumpedComparison.of(spice, nearlyLumped, tf, 1e3, 1e9);
        assertEquals(200, c.seriesResistance(), 1e-6);
        assertTrue(c.maxDeviation() < 1e-6, "a femtofarad ladder is lumped: " + c.maxDeviation());

        KljnLoop pair = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H,
                org.kljn.circuit.UserSubcircuit.read(java.nio.file.Path.of("netlists/twisted-pair.lib"), "twisted_pair"));
        TransferFunctions tp = ExactAnalysis.transferFunctions(spice, pair, org.kljn.noise.BandShape.brickWall(1e3), 129);
        LumpedComparison cp = LumpedComparison.of(spice, pair, tp, 1e3, 1e9);
        // ten sections of 16.8 ohm plus ten 1 micro-ohm links; ngspice's gmin shunts (1e-12 S per node) move
        // the DC loop current by about 1e-8 of itself, i.e. 1e-4 ohm of the 11 kohm loop
        assertEquals(168 + 10e-6, cp.seriesResistance(), 1e-3);
        assertTrue(cp.maxDeviation() > 0.1, "52 nF at 1 kHz is far from lumped: " + cp.maxDeviation());
    }

    /**
     * ngspice's URC against the exact uniform RC line (hyperbolic two-port, closedform). URC splits the line
     * into lumps whose lengths grow geometrically (K = 2), so its error falls with the number of lumps but not
     * as a fixed power; the bound at 16 lumps (our default) is 1e-3 of each signal's scale on a line that is
     * 1.6 radians long at the band edge (θ = √(2π Δf R C)).
     */
    @Test
    void urcApproachesTheExactUniformRcLine() {
        double bandwidth = 10e3;
        LoopMoments exact = LoopMoments.compute(10e3, 1e3, 1e9, 1e9, CableModel.uniformRcLine(200, 200e-9),
                NoiseBand.brickWall(bandwidth), 1e-12);
        double previous = Double.POSITIVE_INFINITY;
        for (int lumps : new int[] {2, 4, 8, 16}) {
            KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H,
                    new org.kljn.circuit.UniformRcLine(200, 200e-9, lumps));
            KljnMoments m = exact(loop, 1e9, bandwidth, 1.0);
            double error = Math.max(Math.abs(m.signal(Attack.BSY) - exact.bsySignal()) / m.scale(Attack.BSY),
                    Math.abs(m.signal(Attack.CURRENT) - exact.currentSignal()) / m.scale(Attack.CURRENT));
            System.out.printf("URC %d lumps: largest signal deviation from the exact line %.3e of its scale%n", lumps, error);
            assertTrue(error < previous, "more lumps, closer to the exact line");
            previous = error;
        }
        assertTrue(previous < 1e-3, "16 lumps: " + previous);
    }
}

package org.kljn.analysis.closedform;

import org.kljn.noise.Johnson;

import org.kljn.analysis.exact.Probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LumpedKljnTest {

    /**
     * Closed form vs the general loop solution: both are a handful of floating-point operations on positive
     * terms, so they agree to ~1e-15; 1e-12 (the brief's figure) leaves room without hiding a wrong term,
     * which would show up at O(R_c/R) &ge; 1e-9 for the parameter ranges used.
     */
    private static final double RELATIVE = 1e-12;

    /** Moments of the loop straight from LoopTransfer with a series resistor, for a brick-wall band. */
    private record Direct(LoopTransfer h, double sa, double sb) {
        static Direct of(RandomLoops.Loop p) {
            return new Direct(LoopTransfer.of(p.rA(), p.rB(), TwoPort.seriesResistor(p.rc())),
                    Johnson.meanSquareVoltage(p.tA(), p.rA(), p.bandwidth()),
                    Johnson.meanSquareVoltage(p.tB(), p.rB(), p.bandwidth()));
        }

        double moment(Probe x, Probe y) {
            return sa * re(h.fromAlice(), x, y) + sb * re(h.fromBob(), x, y);
        }

        private static double re(LoopTransfer.Response r, Probe x, Probe y) {
            return r.to(x).multiply(r.to(y).conjugate()).getReal();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.kljn.analysis.closedform.RandomLoops#loops")
    void closedFormsMatchTheLoopSolution(RandomLoops.Loop p) {
        LumpedKljn k = p.lumped();
        Direct d = Direct.of(p);
        assertRelative(d.moment(Probe.U_A, Probe.U_A), k.meanSquareVoltageA(), "<U_A^2>");
        assertRelative(d.moment(Probe.U_B, Probe.U_B), k.meanSquareVoltageB(), "<U_B^2>");
        assertRelative(d.moment(Probe.I_A, Probe.I_A), k.meanSquareCurrent(), "<I_A^2>");
        assertRelative(d.moment(Probe.I_B, Probe.I_B), k.meanSquareCurrent(), "<I_B^2>");
        assertRelative(d.moment(Probe.U_A, Probe.U_B), k.voltageCorrelation(), "<U_A U_B>");
        // P_A and P_B are differences of two terms that can nearly cancel: compare on the scale of the terms,
        // sqrt(<U^2><I^2>) (Cauchy-Schwarz bound of |<U I>|).
        double powerScale = Math.sqrt(k.meanSquareVoltageA() * k.meanSquareCurrent())
                + Math.sqrt(k.meanSquareVoltageB() * k.meanSquareCurrent());
        assertEquals(d.moment(Probe.U_A, Probe.I_A), k.powerIntoCableA(), RELATIVE * powerScale, "P_A");
        assertEquals(-d.moment(Probe.U_B, Probe.I_B), k.powerIntoCableB(), RELATIVE * powerScale, "P_B");
        // The signals: the loop gives them only as differences of moments, so the tolerance is set by the
        // moments subtracted, not by the (possibly tiny) signal.
        double voltageScale = k.meanSquareVoltageA() + k.meanSquareVoltageB();
        assertEquals(d.moment(Probe.U_A, Probe.U_A) - d.moment(Probe.U_B, Probe.U_B), k.bsySignal(),
                RELATIVE * voltageScale, "bsy");
        assertEquals(d.moment(Probe.U_A, Probe.I_A) + d.moment(Probe.U_B, Probe.I_B), k.secondLawSignal(),
                RELATIVE * powerScale, "secondLaw");
        assertEquals(d.moment(Probe.I_A, Probe.I_A) - d.moment(Probe.I_B, Probe.I_B), k.currentSignal(),
                RELATIVE * k.meanSquareCurrent(), "current");
        assertEquals(d.moment(Probe.U_A, Probe.I_A) - d.moment(Probe.U_B, Probe.I_B), k.cableDissipation(),
                RELATIVE * powerScale, "P_A + P_B = R_c <I^2>");
    }

    /**
     * {@code <U_A^2> - <U_B^2> = R_c (P_A - P_B)} for every lumped loop. LumpedKljn evaluates bsy that way, so the
     * identity is checked here on the general loop solution and against the closed-form mean squares.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.kljn.analysis.closedform.RandomLoops#loops")
    void bsyIsCableResistanceTimesSecondLaw(RandomLoops.Loop p) {
        LumpedKljn k = p.lumped();
        Direct d = Direct.of(p);
        double bsy = d.moment(Probe.U_A, Probe.U_A) - d.moment(Probe.U_B, Probe.U_B);
        double secondLaw = d.moment(Probe.U_A, Probe.I_A) + d.moment(Probe.U_B, Probe.I_B);
        // Both sides are differences of moments: compare on the moments' scale.
        double voltageScale = k.meanSquareVoltageA() + k.meanSquareVoltageB();
        assertEquals(p.rc() * secondLaw, bsy, RELATIVE * voltageScale, "identity on the loop solution");
        assertEquals(k.meanSquareVoltageA() - k.meanSquareVoltageB(), k.bsySignal(), RELATIVE * voltageScale,
                "closed-form bsy = difference of the closed-form mean squares");
    }

    /** Both signals vanish at beta* = (1 + R_c/(2R_L)) / (1 + R_c/(2R_H)), for either resistor assignment. */
    @ParameterizedTest(name = "R_L={0} R_H={1} R_c={2} {3}")
    @CsvSource({
            "1e3, 9e3, 100, ALICE",
            "1e3, 9e3, 100, BOB",
            "9e3, 1e3, 100, ALICE", // R_H < R_L: the paper says beta < 1 then
            "2e3, 2.2e3, 0.5, BOB",
            "10, 1e6, 3e3, ALICE"})
    void betaNullCancelsBothSignals(double rL, double rH, double rc, HighSide side) {
        double betaStar = LumpedKljn.betaNullSecondLaw(rL, rH, rc);
        assertEquals(betaStar, LumpedKljn.betaNullBsy(rL, rH, rc), 1e-15 * betaStar, "same null for both");
        assertEquals(rH > rL, betaStar > 1.0, "beta* > 1 exactly when R_L < R_H (hotter L side)");
        double tEff = 1e9;
        double df = 1e3;
        LumpedKljn atNull = LumpedKljn.of(new BitSituation(rL, rH, tEff, betaStar, side), rc, df);
        LumpedKljn unprotected = LumpedKljn.of(new BitSituation(rL, rH, tEff, 1.0, side), rc, df);
        // Cancellation leaves rounding of the two terms ~1e-16 of each, compared with the beta = 1 signal
        // which is O(R_c/R) of the terms: 1e-12 of the terms is far below any signal tested here.
        double powerTerms = (atNull.generatorMeanSquareA() + atNull.generatorMeanSquareB())
                * (rc + 2 * Math.max(rL, rH)) / Math.pow(atNull.loopResistance(), 2);
        assertEquals(0.0, atNull.secondLawSignal(), 1e-12 * powerTerms);
        assertEquals(0.0, atNull.bsySignal(), 1e-12 * powerTerms * rc);
        assertTrue(Math.abs(unprotected.secondLawSignal()) > 1e6 * 1e-12 * powerTerms, "signal exists at beta = 1");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.kljn.analysis.closedform.RandomLoops#loops")
    void signalsAreLinearInBetaWithTheClosedFormRoot(RandomLoops.Loop p) {
        // Reuse the random numbers: R_L = rA, R_H = rB, T_eff = tA.
        double rL = p.rA();
        double rH = p.rB();
        for (HighSide side : HighSide.values()) {
            LumpedKljn.LinearInBeta secondLaw =
                    LumpedKljn.secondLawSignalVersusBeta(rL, rH, p.rc(), p.tA(), p.bandwidth(), side);
            LumpedKljn.LinearInBeta bsy = LumpedKljn.bsySignalVersusBeta(rL, rH, p.rc(), p.tA(), p.bandwidth(), side);
            for (double beta : new double[] {0.0, 0.5, 1.0, 1.7, 3.0}) {
                LumpedKljn k = LumpedKljn.of(new BitSituation(rL, rH, p.tA(), beta, side), p.rc(), p.bandwidth());
                double scale = Math.abs(secondLaw.intercept()) + Math.abs(secondLaw.slope() * beta);
                assertEquals(k.secondLawSignal(), secondLaw.value(beta), RELATIVE * scale, "secondLaw beta=" + beta);
                assertEquals(k.bsySignal(), bsy.value(beta), RELATIVE * scale * p.rc(), "bsy beta=" + beta);
            }
            double betaStar = LumpedKljn.betaNullSecondLaw(rL, rH, p.rc());
            assertEquals(betaStar, secondLaw.root(), RELATIVE * betaStar, "root of secondLaw(beta)");
            assertEquals(betaStar, bsy.root(), RELATIVE * betaStar, "root of bsy(beta)");
        }
    }

    /** Swapping Alice's and Bob's resistors (and generators) negates every attack signal. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.kljn.analysis.closedform.RandomLoops#loops")
    void swappingTheResistorsMirrorsTheSignals(RandomLoops.Loop p) {
        BitSituation bit = new BitSituation(p.rA(), p.rB(), p.tA(), p.tB() / p.tA(), HighSide.ALICE);
        LumpedKljn k = LumpedKljn.of(bit, p.rc(), p.bandwidth());
        LumpedKljn m = LumpedKljn.of(bit.mirrored(), p.rc(), p.bandwidth());
        double scale = Math.abs(k.bsySignal()) + Double.MIN_NORMAL;
        assertEquals(-k.bsySignal(), m.bsySignal(), RELATIVE * scale);
        assertEquals(-k.secondLawSignal(), m.secondLawSignal(), RELATIVE * Math.abs(k.secondLawSignal()) + Double.MIN_NORMAL);
        assertEquals(-k.currentSignal(), m.currentSignal(), 0.0);
        assertRelative(k.powerIntoCableA(), m.powerIntoCableB(), "P_A <-> P_B");
        assertRelative(k.meanSquareVoltageA(), m.meanSquareVoltageB(), "<U_A^2> <-> <U_B^2>");
    }

    @Test
    void withoutCableResistanceThereIsNoSignalAtEqualTemperatures() {
        // The ideal KLJN: the Second Law gives zero net power flow (paper, after eq. 9).
        LumpedKljn k = LumpedKljn.of(BitSituation.aliceHigh(1e3, 9e3, 1e9, 1.0), 0.0, 1e3);
        assertEquals(0.0, k.secondLawSignal(), 1e-16 * k.meanSquareVoltageA() / 1e3);
        assertEquals(0.0, k.bsySignal(), 0.0);
        assertEquals(1.0, LumpedKljn.betaNullBsy(1e3, 9e3, 0.0));
        assertEquals(1.0, LumpedKljn.betaNullSecondLaw(1e3, 9e3, 0.0));
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }
}

package org.kljn.analysis.closedform;

import org.kljn.noise.Johnson;

import org.kljn.analysis.exact.Probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LoopMomentsTest {

    /** Gauss-Legendre on a constant integrand: rounding of ~20 weighted sums, well inside 1e-12. */
    private static final double RELATIVE = 1e-12;

    static Stream<RandomLoops.Loop> someLoops() {
        return RandomLoops.loops().limit(24).map(a -> (RandomLoops.Loop) a.get()[0]);
    }

    /** With the series resistor the integrand is constant over the brick wall: the quadrature is the closed form. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("someLoops")
    void lumpedCableReproducesTheClosedForms(RandomLoops.Loop p) {
        LoopMoments m = LoopMoments.compute(p.rA(), p.rB(), p.tA(), p.tB(), CableModel.lumped(p.rc()),
                NoiseBand.brickWall(p.bandwidth()), 1e-12);
        LumpedKljn k = p.lumped();
        assertRelative(k.meanSquareVoltageA(), m.meanSquareVoltageA(), "<U_A^2>");
        assertRelative(k.meanSquareVoltageB(), m.meanSquareVoltageB(), "<U_B^2>");
        assertRelative(k.meanSquareCurrent(), m.meanSquareCurrentA(), "<I_A^2>");
        assertRelative(k.meanSquareCurrent(), m.meanSquareCurrentB(), "<I_B^2>");
        double powerScale = Math.sqrt(k.meanSquareCurrent()) * (Math.sqrt(k.meanSquareVoltageA()) + Math.sqrt(k.meanSquareVoltageB()));
        assertEquals(k.powerIntoCableA(), m.powerIntoCableA(), RELATIVE * powerScale, "P_A");
        assertEquals(k.powerIntoCableB(), m.powerIntoCableB(), RELATIVE * powerScale, "P_B");
        assertEquals(k.secondLawSignal(), m.secondLawSignal(), RELATIVE * powerScale, "secondLaw");
        assertEquals(k.bsySignal(), m.bsySignal(), RELATIVE * (k.meanSquareVoltageA() + k.meanSquareVoltageB()), "bsy");
        assertEquals(0.0, m.currentSignal(), RELATIVE * k.meanSquareCurrent(), "current");
        // Per-generator cable heating: the paper's eqs. 3-4.
        assertEquals(k.cableHeatingByA(), m.cableDissipation(NoiseSource.ALICE), RELATIVE * powerScale, "heating by A");
        assertEquals(k.cableHeatingByB(), m.cableDissipation(NoiseSource.BOB), RELATIVE * powerScale, "heating by B");
        assertEquals(2, m.panels(), "a constant integrand converges at the first comparison (1 vs 2 panels)");
    }

    /**
     * A non-trivial integrand with a known integral: no series resistance, a shunt capacitor C at the joined
     * node. Each generator sees a first-order low-pass with tau = (R_A || R_B) C, so for Alice
     * {@code <U^2>_a = S_a (R_B/(R_A+R_B))^2 atan(2 pi df tau)/(2 pi tau)}. The capacitor is lossless, so
     * {@code P_A + P_B = 0} at every frequency.
     */
    @Test
    void shuntCapacitorLowPassMatchesTheAnalyticIntegral() {
        double rA = 9e3;
        double rB = 1e3;
        double c = 2e-7;
        double df = 3e3; // 2 pi df tau ~ 3.4: the low-pass corner is inside the band
        double tA = 1e9;
        double tB = 3e8;
        double relativeAccuracy = 1e-10;
        LoopMoments m = LoopMoments.compute(rA, rB, tA, tB,
                omega -> TwoPort.shuntAdmittance(new Complex(0.0, omega * c)), NoiseBand.brickWall(df), relativeAccuracy);
        double tau = rA * rB / (rA + rB) * c;
        double lowPass = Math.atan(2 * Math.PI * df * tau) / (2 * Math.PI * tau);
        double fromA = Johnson.voltagePsd(tA, rA) * Math.pow(rB / (rA + rB), 2) * lowPass;
        double fromB = Johnson.voltagePsd(tB, rB) * Math.pow(rA / (rA + rB), 2) * lowPass;
        // The promise: error <= relativeAccuracy times the moment's own scale (here the moment itself).
        assertEquals(fromA, m.secondMoment(NoiseSource.ALICE, Probe.U_A, Probe.U_A), relativeAccuracy * fromA);
        assertEquals(fromB, m.secondMoment(NoiseSource.BOB, Probe.U_B, Probe.U_B), relativeAccuracy * fromB);
        assertEquals(fromA + fromB, m.meanSquareVoltageB(), relativeAccuracy * (fromA + fromB), "U_A = U_B");
        double powerScale = Math.sqrt(m.meanSquareVoltageA() * m.meanSquareCurrentA());
        assertEquals(0.0, m.cableDissipation(), 1e-14 * powerScale, "a capacitor dissipates nothing (pointwise, so rounding only)");
        assertTrue(m.panels() > 2, "the integrand is not a low-order polynomial: panels were doubled");
    }

    /**
     * Mirror symmetry with a distributed (symmetric) cable whose shunt capacitance matters in the band:
     * swapping Alice's and Bob's resistors negates all three signals, including the current signal that a
     * lumped cable cannot produce.
     */
    @Test
    void swappingResistorsMirrorsAllThreeSignalsOnAnRcLine() {
        double rc = 200.0;
        double cTotal = 1e-7;
        double df = 2e4; // 2 pi df R_c C ~ 2.5, and the loop time constants are comparable
        BitSituation bit = new BitSituation(1e3, 9e3, 1e9, 1.05, HighSide.ALICE);
        NoiseBand band = NoiseBand.brickWall(df);
        double accuracy = 1e-12;
        LoopMoments m = LoopMoments.compute(bit, CableModel.uniformRcLine(rc, cTotal), band, accuracy);
        LoopMoments mirror = LoopMoments.compute(bit.mirrored(), CableModel.uniformRcLine(rc, cTotal), band, accuracy);
        // Each signal is a difference of moments, each good to ~accuracy of its scale: 10x that covers both runs.
        double uScale = m.meanSquareVoltageA() + m.meanSquareVoltageB();
        double iScale = m.meanSquareCurrentA() + m.meanSquareCurrentB();
        double pScale = Math.sqrt(uScale * iScale);
        assertEquals(-m.bsySignal(), mirror.bsySignal(), 10 * accuracy * uScale, "bsy");
        assertEquals(-m.secondLawSignal(), mirror.secondLawSignal(), 10 * accuracy * pScale, "secondLaw");
        assertEquals(-m.currentSignal(), mirror.currentSignal(), 10 * accuracy * iScale, "current");
        // Not vacuous: all three are far above the tolerance.
        assertTrue(Math.abs(m.bsySignal()) > 1e6 * accuracy * uScale);
        assertTrue(Math.abs(m.secondLawSignal()) > 1e6 * accuracy * pScale);
        assertTrue(Math.abs(m.currentSignal()) > 1e6 * accuracy * iScale, "shunt C makes <I_A^2> != <I_B^2>");
    }

    /**
     * At low frequency (omega R_c C &laquo; 1 over the whole band) the distributed line is the lumped resistor, so
     * the lumped beta* nulls its signals too, to O(omega R_c C) of the unprotected signal.
     */
    @Test
    void electricallyShortRcLineIsNulledByTheLumpedBeta() {
        double rL = 1e3;
        double rH = 9e3;
        double rc = 100.0;
        double cTotal = 1e-9;
        double df = 1e3; // 2 pi df R_c C = 6e-4; with the loop resistances, omega R C ~ 6e-2 at most
        double betaStar = LumpedKljn.betaNullSecondLaw(rL, rH, rc);
        NoiseBand band = NoiseBand.brickWall(df);
        CableModel line = CableModel.uniformRcLine(rc, cTotal);
        double accuracy = 1e-13;
        LoopMoments unprotected = LoopMoments.compute(BitSituation.aliceHigh(rL, rH, 1e9, 1.0), line, band, accuracy);
        LoopMoments nulled = LoopMoments.compute(BitSituation.aliceHigh(rL, rH, 1e9, betaStar), line, band, accuracy);
        LumpedKljn lumped = LumpedKljn.of(BitSituation.aliceHigh(rL, rH, 1e9, 1.0), rc, df);
        // The RC line's signal differs from the lumped one by the capacitive correction, relative O(omega R C).
        assertEquals(lumped.secondLawSignal(), unprotected.secondLawSignal(), 0.1 * Math.abs(lumped.secondLawSignal()));
        double omegaRc = 2 * Math.PI * df * (rH + rc + rL) * cTotal;
        assertTrue(Math.abs(nulled.secondLawSignal()) < omegaRc * Math.abs(unprotected.secondLawSignal()),
                () -> "residual " + nulled.secondLawSignal() + " vs " + unprotected.secondLawSignal());
        assertTrue(Math.abs(nulled.bsySignal()) < omegaRc * Math.abs(unprotected.bsySignal()),
                () -> "residual " + nulled.bsySignal() + " vs " + unprotected.bsySignal());
    }

    @Test
    void perGeneratorContributionsAddUpToTheTotals() {
        LoopMoments m = LoopMoments.compute(BitSituation.aliceHigh(1e3, 9e3, 1e9, 1.2),
                CableModel.rcLadder(300.0, 5e-8, 7), NoiseBand.brickWall(5e4), 1e-11);
        for (Probe x : Probe.values()) {
            for (Probe y : Probe.values()) {
                double sum = m.secondMoment(NoiseSource.ALICE, x, y) + m.secondMoment(NoiseSource.BOB, x, y);
                assertEquals(sum, m.secondMoment(x, y), 0.0, "total is defined as the sum");
                assertEquals(m.secondMoment(x, y), m.secondMoment(y, x), 0.0, "symmetric");
            }
        }
        // A resistive cable heats: each generator's contribution to P_A + P_B is positive.
        assertTrue(m.cableDissipation(NoiseSource.ALICE) > 0.0);
        assertTrue(m.cableDissipation(NoiseSource.BOB) > 0.0);
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }
}

package org.kljn.analysis.closedform;

import org.kljn.analysis.exact.PaperFormulas;

import org.kljn.noise.Johnson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paper's printed equations against the lumped loop. R_L = random R_A, R_H = random R_B, T_eff = random T_A
 * (reusing {@link RandomLoops}); Alice holds R_H, so P_HL = P_A and P_LH = P_B.
 */
class PaperFormulasTest {

    /** Closed forms on both sides, a few operations each: 1e-12 is ~1000 ulps of slack and far below any O(R_c/R) slip. */
    private static final double RELATIVE = 1e-12;

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.kljn.analysis.closedform.RandomLoops#loops")
    void equationsOneToSixAgreeWithTheLoopAtEqualTemperatures(RandomLoops.Loop p) {
        double rL = p.rA();
        double rH = p.rB();
        double rc = p.rc();
        double t = p.tA();
        double df = p.bandwidth();
        LumpedKljn k = LumpedKljn.of(BitSituation.aliceHigh(rL, rH, t, 1.0), rc, df);

        assertEquals(Johnson.meanSquareVoltage(t, rH, df), PaperFormulas.eq2MeanSquareVoltage(rH, t, df),
                RELATIVE * k.generatorMeanSquareA(), "eq. 2");
        assertRelative(Math.abs(k.bsySignal()), PaperFormulas.eq1DeltaKs(rL, rH, rc, t, df), "eq. 1 = |bsy|");
        assertRelative(k.cableHeatingByA(), PaperFormulas.eq3PowerHc(rL, rH, rc, t, df), "eq. 3 = H generator's heating");
        assertRelative(k.cableHeatingByB(), PaperFormulas.eq4PowerLc(rL, rH, rc, t, df), "eq. 4 = L generator's heating");
        assertRelative(PaperFormulas.eq3PowerHc(rL, rH, rc, t, df) * rL / rH, PaperFormulas.eq4PowerLc(rL, rH, rc, t, df),
                "eq. 4: P_Lc = P_Hc R_L/R_H");
        assertRelative(k.powerIntoCableA(), PaperFormulas.eq5PowerHL(rL, rH, rc, t, df), "eq. 5 = P_A");
        assertRelative(k.powerIntoCableB(), PaperFormulas.eq6PowerLH(rL, rH, rc, t, df), "eq. 6 = P_B");
        // The printed first forms of eqs. 5-6 differ from the final ones by the cancelling R_H R_L terms, which
        // are up to R/R_c times larger than the result: compare on their scale.
        double grossScale = 4 * Johnson.BOLTZMANN * t * df * rH * (rc + rL + rL) / Math.pow(rH + rc + rL, 2);
        assertEquals(PaperFormulas.eq5PowerHL(rL, rH, rc, t, df), PaperFormulas.eq5PowerHLFromVoltages(rL, rH, rc, t, df),
                RELATIVE * grossScale, "eq. 5's printed chain of equalities");
        double grossScale6 = 4 * Johnson.BOLTZMANN * t * df * rL * (rc + rH + rH) / Math.pow(rH + rc + rL, 2);
        assertEquals(PaperFormulas.eq6PowerLH(rL, rH, rc, t, df), PaperFormulas.eq6PowerLHFromVoltages(rL, rH, rc, t, df),
                RELATIVE * grossScale6, "eq. 6's printed chain of equalities");
        // At equal temperatures the net power into the H end is exactly the H generator's cable heating.
        assertRelative(PaperFormulas.eq3PowerHc(rL, rH, rc, t, df), PaperFormulas.eq5PowerHL(rL, rH, rc, t, df),
                "eq. 3 = eq. 5");
    }

    /**
     * Eq. 7 as printed is P_HL + P_LH (total cable heating, no directional information), not P_HL - P_LH:
     * printed - true = 2 P_LH exactly, and the true difference is P_Hc - P_Lc = 4kT&Delta;f R_c (R_H - R_L)/R^2.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.kljn.analysis.closedform.RandomLoops#loops")
    void equationSevenIsTheSumNotTheDifference(RandomLoops.Loop p) {
        double rL = p.rA();
        double rH = p.rB();
        double rc = p.rc();
        double t = p.tA();
        double df = p.bandwidth();
        LumpedKljn k = LumpedKljn.of(BitSituation.aliceHigh(rL, rH, t, 1.0), rc, df);
        double printed = PaperFormulas.eq7DeltaPowerHL(rL, rH, rc, t, df);
        double p5 = PaperFormulas.eq5PowerHL(rL, rH, rc, t, df);
        double p6 = PaperFormulas.eq6PowerLH(rL, rH, rc, t, df);

        assertRelative(p5 + p6, printed, "eq. 7 printed = P_HL + P_LH");
        assertRelative(k.cableDissipation(), printed, "eq. 7 printed = R_c <I^2>");
        assertEquals(k.secondLawSignal() + 2.0 * p6, printed, RELATIVE * printed, "eq. 7 printed = (P_HL - P_LH) + 2 P_LH");
        assertEquals(p5 - p6, k.secondLawSignal(), RELATIVE * printed, "the true eq. 7: eqs. 5 - 6");
        // It really is different (by 2 P_LH, a relative 2 R_L/(R_H - R_L) of the true signal).
        assertTrue(Math.abs(printed - k.secondLawSignal()) > 1e3 * RELATIVE * printed);
        // And it gives no direction: the HL and LH situations give the same printed value.
        LumpedKljn mirrored = LumpedKljn.of(BitSituation.aliceHigh(rL, rH, t, 1.0).mirrored(), rc, df);
        assertRelative(mirrored.cableDissipation(), printed, "direction-blind");
    }

    /**
     * Eq. 11 is not the null of the Second-Law signal: the paper's offset reverses the signal instead,
     * {@code secondLaw(beta_11) = -R_H/(R_H + R_c) secondLaw(1)} exactly (derivation in
     * {@link PaperFormulas#eq11Beta}); the true null has R_c/2 where eq. 11 has R_c.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("org.kljn.analysis.closedform.RandomLoops#loops")
    void equationElevenReversesTheSignalInsteadOfNullingIt(RandomLoops.Loop p) {
        double rL = p.rA();
        double rH = p.rB();
        double rc = p.rc();
        double t = p.tA();
        double df = p.bandwidth();
        for (HighSide side : HighSide.values()) {
            LumpedKljn.LinearInBeta secondLaw = LumpedKljn.secondLawSignalVersusBeta(rL, rH, rc, t, df, side);
            double beta11 = PaperFormulas.eq11Beta(rL, rH, rc);
            double termScale = Math.abs(secondLaw.intercept()) + Math.abs(secondLaw.slope()) * Math.max(1.0, beta11);
            assertEquals(-rH / (rH + rc) * secondLaw.value(1.0), secondLaw.value(beta11), RELATIVE * termScale,
                    "secondLaw at eq. 11's beta");
            // Eq. 11 is the true null with R_c doubled.
            assertEquals(LumpedKljn.betaNullSecondLaw(rL, rH, 2.0 * rc), beta11, RELATIVE * beta11);
            // It equates the gross emitted powers S_H (R_c + R_L) = S_L (R_c + R_H) with S_L at beta T.
            assertEquals(rH * (rc + rL), beta11 * rL * (rc + rH), RELATIVE * rH * (rc + rL), "gross-power balance");
        }
    }

    /**
     * Eq. 12 drops a factor 2: the true numerator is R_c^2(1 - alpha beta) - 2 alpha R_H R_c (beta - 1). Both agree
     * at beta = 1 (eq. 1) and nowhere else; eq. 13 (eq. 12 at eq. 11's beta) is zero, consistently with the slip,
     * while the real BSY signal there is R_c times the reversed Second-Law signal.
     */
    @ParameterizedTest(name = "R_L={0} R_H={1} R_c={2}")
    @CsvSource({
            "1e3, 9e3, 100",
            "2e3, 2.2e3, 0.5",
            "9e3, 1e3, 100",
            "10, 1e6, 3e3"})
    void equationTwelveMissesAFactorTwoAndEquationThirteenInheritsIt(double rL, double rH, double rc) {
        double t = 1e9;
        double df = 1e3;
        LumpedKljn.LinearInBeta bsy = LumpedKljn.bsySignalVersusBeta(rL, rH, rc, t, df, HighSide.ALICE);
        double kT = 4 * Johnson.BOLTZMANN * t * df;
        double r2 = Math.pow(rH + rc + rL, 2);
        double alpha = rL / rH;
        // Scale of the numerator's terms, for tolerances near the nulls.
        double terms = kT * rH * (rc * rc * (1 + alpha * 3) + 2 * alpha * rH * rc * 3) / r2;

        assertEquals(PaperFormulas.eq1DeltaKs(rL, rH, rc, t, df), PaperFormulas.eq12DeltaKs(rL, rH, rc, t, df, 1.0),
                RELATIVE * terms, "eq. 12 at beta = 1 is eq. 1");
        for (double beta : new double[] {0.5, 1.5, 3.0}) {
            double truth = kT * rH * (rc * rc * (1 - alpha * beta) - 2 * alpha * rH * rc * (beta - 1)) / r2;
            assertEquals(truth, bsy.value(beta), RELATIVE * terms, "corrected eq. 12 = loop, beta=" + beta);
            double printedNumerator = kT * rH * (rc * rc * (1 - alpha * beta) - alpha * rH * rc * (beta - 1)) / r2;
            assertEquals(Math.abs(printedNumerator), PaperFormulas.eq12DeltaKs(rL, rH, rc, t, df, beta),
                    RELATIVE * terms, "eq. 12 as printed, beta=" + beta);
            // The two differ by exactly the missing term alpha R_H R_c (beta - 1) = R_L R_c (beta - 1).
            assertEquals(-kT * rH * alpha * rH * rc * (beta - 1) / r2, truth - printedNumerator, RELATIVE * terms);
            assertTrue(Math.abs(truth - printedNumerator) > 1e3 * RELATIVE * terms);
        }
        double beta11 = PaperFormulas.eq11Beta(rL, rH, rc);
        assertEquals(0.0, PaperFormulas.eq13DeltaKsAtEq11Beta(rL, rH, rc, t, df), RELATIVE * terms,
                "eq. 13 holds for the printed eq. 12");
        double realBsyThere = bsy.value(beta11);
        assertEquals(-rH / (rH + rc) * bsy.value(1.0), realBsyThere, RELATIVE * terms, "reversed, not nulled");
        assertTrue(Math.abs(realBsyThere) > 0.5 * Math.abs(bsy.value(1.0)),
                "the eq. 11 offset leaves at least half of the unprotected BSY signal");
    }

    @Test
    void paperSignRuleAfterEquationNineHoldsForTheTrueDifference() {
        // "if Delta P_AB > 0 then Alice has R_H": with R_L < R_H.
        LumpedKljn aliceHigh = LumpedKljn.of(BitSituation.aliceHigh(1e3, 9e3, 1e9, 1.0), 100.0, 1e3);
        LumpedKljn aliceLow = LumpedKljn.of(BitSituation.aliceHigh(1e3, 9e3, 1e9, 1.0).mirrored(), 100.0, 1e3);
        assertTrue(aliceHigh.secondLawSignal() > 0.0);
        assertTrue(aliceLow.secondLawSignal() < 0.0);
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }
}

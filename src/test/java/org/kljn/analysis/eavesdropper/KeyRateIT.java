package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.defence.KeyRateModel;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.ChiSquareMixture;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.Johnson;
import org.kljn.testing.NgSpiceExtension;

import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key rate of a design point and its best bit duration, against independent computations: on a lumped loop with
 * a brick-wall band each party's &lt;U²&gt; over the bit is σ² Σ λ_n χ²_1 / M, λ_n the prolate eigenvalues of the
 * band on the window ({@link WindowEavesdropperTest#prolateEigenvalues}: a tridiagonal eigenproblem, no quadrature,
 * no Nyström), σ² from the loop's resistive divider by hand; at the β where HL and LH have the same cross-spectra,
 * Eve has nothing and R = ½ (1 − h(d))/τ.
 */
@Tag("integration")
@ExtendWith(NgSpiceExtension.class)
class KeyRateIT {
    private static final double RL = 1e3, RH = 10e3, RC = 200, T = 1e9, DF = 1e3;
    @NgSpiceExtension.Session
    static NgSpice spice;

    private static LoopAnalysisResult lumped() {
        KljnLoop loop = KljnLoop.secure(new ResistorPair(RL, RH), Resistor.H, new LumpedLine(RC));
        return LoopAnalysis.run(spice, loop, AnalysisSettings.builder().tEff(T).bandwidth(DF).points(257)
                .minimax(false).lumpedComparison(false).build());
    }

    /** The key rate of {@code r}'s line at {@code t} with Eve recording through {@code instrument}. */
    private static KeyRateModel model(LoopAnalysisResult r, NoiseTemperatures t, EveInstrument instrument) {
        return KeyRateModel.of(r.loop().resistors(), r.loop().line(), r.situations(), t,
                r.optimalEavesdropper().withInstrument(instrument));
    }

    /**
     * The β that makes every second-order statistic of (U_A, I_A) the same in HL and LH on a lumped loop: equal
     * &lt;U_A²&gt; and &lt;U_A I_A&gt; (the current's is equal at every β) give one equation each, both solved by
     * β = R_H(R_c + 2R_L) / (R_L(R_c + 2R_H)).
     */
    static double nullBeta() {
        return RH * (RC + 2 * RL) / (RL * (RC + 2 * RH));
    }

    /** &lt;U²&gt; at the end of the party with (ra, ta) facing (rb, tb) across R_c: the resistive divider. */
    static double meanSquare(double ra, double ta, double rb, double tb) {
        double r = ra + RC + rb;
        double k = 4 * Johnson.BOLTZMANN * DF;
        return k * (ta * ra * (RC + rb) * (RC + rb) + tb * rb * ra * ra) / (r * r);
    }

    /** P(the party misjudges): its &lt;U²&gt; (mean {@code secure}) on the wrong side of the midpoint to {@code same}. */
    static double oracleError(double secure, double same, double[] lambda, int m) {
        double[] w = new double[lambda.length];
        double[] d = new double[lambda.length];
        for (int n = 0; n < w.length; n++) {
            w[n] = secure * lambda[n] / m;
            d[n] = 1;
        }
        ChiSquareMixture q = ChiSquareMixture.of(w, d);
        double t = 0.5 * (secure + same);
        return same > secure ? q.survival(t) : q.cdf(t);
    }

    /** {R_H holder's error, R_L holder's error, P(A) + P(B) in HL, the same in LH} from the prolate oracle. */
    static double[] oracle(double beta, int m) {
        double c = Math.PI * DF * m / (2 * DF);
        double[] lambda = WindowEavesdropperTest.prolateEigenvalues(c, (int) Math.ceil(2 * c / Math.PI + 40));
        double tl = beta * T;
        // HL: Alice (R_H, T) against HH; Bob (R_L, βT) against LL
        double aHl = oracleError(meanSquare(RH, T, RL, tl), meanSquare(RH, T, RH, T), lambda, m);
        double bHl = oracleError(meanSquare(RL, tl, RH, T), meanSquare(RL, tl, RL, tl), lambda, m);
        // LH: Alice (R_L, βT) against LL; Bob (R_H, T) against HH
        double aLh = oracleError(meanSquare(RL, tl, RH, T), meanSquare(RL, tl, RL, tl), lambda, m);
        double bLh = oracleError(meanSquare(RH, T, RL, tl), meanSquare(RH, T, RH, T), lambda, m);
        return new double[] {0.5 * (aHl + bLh), 0.5 * (bHl + aLh), aHl + bHl, aLh + bLh};
    }

    /** 1e-3 relative (+1e-12): a 0.1 % error fails; the window method at M = 4 is 4e-4 off in the R_H tail. */
    private static double tolerance(double p) {
        return 1e-3 * p + 1e-12;
    }

    /**
     * Per role: the R_H holder and the R_L holder decide with very different errors (here ~1e-6 against 0.25 at M
     * = 20); the code's per-role errors and its disagreement (the top of the P(A or B) bracket) equal the oracle's
     * within 1e-3 relative ({@link #tolerance}), at β = 1 and at the null β, for short and 100-sample bits.
     */
    @Test
    void perRoleErrorsMatchTheProlateOracle() {
        LoopAnalysisResult r = lumped();
        for (double beta : new double[] {1, nullBeta()}) {
            KeyRateModel k = KeyRateModel.of(r, NoiseTemperatures.standard(T, beta));
            for (int m : new int[] {4, 20, 100}) {
                KeyRate.Errors e = k.at(m, 1).errors();
                double[] o = oracle(beta, m);
                String at = "beta " + beta + ", M " + m;
                System.out.printf("%s: high %.9g/%.9g low %.9g/%.9g hl %.9g/%.9g%n", at, e.highHolderError(), o[0],
                        e.lowHolderError(), o[1], e.disagreementHl(), o[2]);
                assertEquals(o[0], e.highHolderError(), tolerance(o[0]), "R_H holder, " + at);
                assertEquals(o[1], e.lowHolderError(), tolerance(o[1]), "R_L holder, " + at);
                assertEquals(Math.min(0.5, o[2]), e.disagreementHl(), tolerance(o[2]), "HL disagreement, " + at);
                assertEquals(Math.min(0.5, o[3]), e.disagreementLh(), tolerance(o[3]), "LH disagreement, " + at);
                if (m == 20) {
                    assertTrue(e.lowHolderError() > 100 * e.highHolderError(), "the roles differ: " + e);
                }
            }
        }
    }

    /**
     * At the null β Eve's window information is 0 (to 1e-9 bits), so R = ½ (1 − h(d))/τ; the search's best M is the
     * brute-force best over every M up to where ½/τ falls below it, with d from the prolate oracle; the rates agree
     * within 1e-4 relative (the code's d carries its numerical bounds, ~2e-5 of R here).
     */
    @Test
    void lumpedLoopAtItsNullBetaKeepsEveOutAndTheBestBitIsTheBruteForceOne() {
        LoopAnalysisResult r = lumped();
        double beta = nullBeta();
        KeyRateModel k = KeyRateModel.of(r, NoiseTemperatures.standard(T, beta));
        KeyRateSearch.Optimum best = k.best(1, KeyRateDefences.MAX_SAMPLES);
        assertTrue(best.stoppedByCeiling(), "the ceiling ½/τ stops the search: " + best);
        KeyRate at = best.rate();
        assertTrue(at.eveInformation() < 1e-9, "Eve's information at the null beta: " + at.eveInformation());
        double tau = best.bitSamples() / (2 * DF);
        assertEquals(0.5 * at.aliceBobInformation() / tau, at.bitsPerSecond(), 1e-9 * at.bitsPerSecond());
        IntToDoubleFunction oracleRate = m -> {
            double[] o = oracle(beta, m);
            double d = 0.5 * (Math.min(0.5, o[2]) + Math.min(0.5, o[3]));
            return 0.5 * (1 - KeyRate.binaryEntropy(d)) / (m / (2 * DF));
        };
        int bruteArg = 2;
        double bruteBest = 0;
        for (int m = 2; 0.5 / (m / (2 * DF)) > bruteBest; m++) {
            double v = oracleRate.applyAsDouble(m);
            if (v > bruteBest) {
                bruteBest = v;
                bruteArg = m;
            }
        }
        assertEquals(bruteBest, at.bitsPerSecond(), 1e-4 * bruteBest, "best rate (brute force at M = " + bruteArg
                + ", search at M = " + best.bitSamples() + ")");
        assertTrue(Math.abs(best.bitSamples() - bruteArg) <= 1
                || Math.abs(oracleRate.applyAsDouble(best.bitSamples()) - bruteBest) <= 1e-4 * bruteBest,
                "search M " + best.bitSamples() + ", brute force M " + bruteArg);
        System.out.printf("lumped null beta %.6g: best M %d (brute force %d), R %.6g bit/s, %d evaluated%n", beta,
                best.bitSamples(), bruteArg, at.bitsPerSecond(), best.evaluated());
    }

    /**
     * A long capacitive line (20-section ladder, 1.2 kΩ, 60 nF, R_H = 100 kΩ) with long bits (M = 256): Eve's error
     * is tiny (her success above 0.999). R is the formula of its parts, not a verdict rounded from Eve's success;
     * the verdict says "no key" exactly when R = 0 at the bit, and names the rate otherwise; a weaker instrument
     * (floor ×1e6) never gives a lower rate.
     */
    @Test
    void longCapacitiveLineGivesWhatTheFormulaGivesAndTheVerdictFollowsR() {
        ResistorPair pair = new ResistorPair(1e3, 100e3);
        org.kljn.circuit.LineModel line = org.kljn.circuit.CableSpec.of(org.kljn.circuit.CableKind.LADDER, 1.2e3,
                60e-9, Double.NaN, 20).line();
        LoopAnalysisResult r = LoopAnalysis.run(spice, KljnLoop.secure(pair, Resistor.H, line), AnalysisSettings
                .builder().tEff(T).bandwidth(DF).points(257).minimax(false).lumpedComparison(false).build());
        double previous = -1;
        for (double scale : new double[] {1, 1e6}) {
            EveInstrument instrument = EveInstrument.defaults().scaled(scale);
            KeyRateModel k = model(r, NoiseTemperatures.standard(T, 1), instrument);
            KeyRate at = k.at(256, 1);
            double tau = 256 / (2 * DF);
            double formula = 0.5 * Math.max(0, at.aliceBobInformation() - at.eveInformation()) / tau;
            assertEquals(formula, at.bitsPerSecond(), 1e-15 * Math.max(1, formula), "R from its parts");
            assertEquals(1 - KeyRate.binaryEntropy(at.errors().disagreement()), at.aliceBobInformation(), 1e-15);
            assertTrue(at.bitsPerSecond() >= previous, "a weaker Eve never lowers R");
            previous = at.bitsPerSecond();
            if (scale == 1) {
                assertTrue(at.eveSuccess() > 0.999, "Eve's error is tiny here: success " + at.eveSuccess());
            }
            KeyRateDefences.Defence d = new KeyRateDefences.Defence("beta = 1", "betaOne",
                    NoiseTemperatures.standard(T, 1));
            KeyRateDefences one = new KeyRateDefences(java.util.List.of(KeyRateDefences.row(k, d, 1, 256, 256)), 256,
                    256, 1, instrument, DF);
            String verdict = one.verdict("the ladder");
            assertEquals(at.bitsPerSecond() > 0, verdict.startsWith("A secret key is possible over the ladder at up"
                    + " to"), verdict);
            assertEquals(at.bitsPerSecond() == 0, verdict.startsWith("No secret key is possible over the ladder"),
                    verdict);
            System.out.printf("ladder M=256 floor x%.0g: d %.4g I(A;B) %.6g I(A;E) %.6g Eve %.6g R %.6g%n%s%n", scale,
                    at.errors().disagreement(), at.aliceBobInformation(), at.eveInformation(), at.eveSuccess(),
                    at.bitsPerSecond(), verdict);
        }
    }

    /** R never rises when Eve's instrument floor falls (a better Eve), at fixed bits and at the optimum. */
    @Test
    void rateNeverRisesWhenEvesFloorFalls() {
        LoopAnalysisResult r = lumped();
        double previousBest = Double.POSITIVE_INFINITY;
        double[] previous = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        int[] bits = {10, 30, 60};
        for (double scale : new double[] {1e6, 1e3, 1, 1e-3}) {
            KeyRateModel k = model(r, NoiseTemperatures.standard(T, 1), EveInstrument.defaults().scaled(scale));
            for (int i = 0; i < bits.length; i++) {
                double v = k.at(bits[i], 1).bitsPerSecond();
                assertTrue(v <= previous[i] * (1 + 1e-12), "M " + bits[i] + ": floor x" + scale + " gives " + v
                        + " > " + previous[i]);
                previous[i] = v;
            }
            double best = k.best(1, KeyRateDefences.MAX_SAMPLES).rate().bitsPerSecond();
            assertTrue(best <= previousBest * (1 + 1e-12), "optimum at floor x" + scale + ": " + best);
            previousBest = best;
        }
    }

}

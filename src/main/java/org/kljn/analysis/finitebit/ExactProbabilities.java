package org.kljn.analysis.finitebit;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.exact.ProbeQuadraticForm;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.noise.BandShape;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Eve's and Alice/Bob's probabilities for one bit of finite duration τ, from the exact distribution of each
 * per-bit statistic ({@link FiniteBitStatistics}, {@link ChiSquareMixture}); no Gaussian approximation.
 *
 * <p><b>Eve</b> guesses HL or LH from an attack's statistic Q with the Bayes rule for equal priors: HL where
 * f_HL(Q) &gt; f_LH(Q). Between the two means the densities cross once at the threshold t (a root of
 * ln f_HL − ln f_LH, Brent's method); she says HL on μ_HL's side of t. Her error probability is
 * ½[P_HL(Q on LH's side) + P_LH(Q on HL's side)], each tail computed directly; her success probability is the
 * complementary pair of probabilities, also computed directly. On a mirror-symmetric line LH is HL mirrored and
 * every attack statistic changes sign, so t = 0 = midway; on an asymmetric line (an RC ladder) it is not.
 * Where μ_HL = μ_LH (the current attack on a lumped line) she has nothing: success = error = ½.
 *
 * <p><b>Alice and Bob</b> decide by the KLJN protocol: Alice compares her own &lt;U_A²&gt; with the midpoint
 * between its means in the secure situation and in the situation where Bob holds her resistor (HH or LL);
 * Bob likewise with &lt;U_B²&gt;. The bit is wrong when either errs: P = P(A) + P(B) − P(A and B). Both
 * statistics are quadratic forms of the same probes, so P(A and B) ≤ P(s_A Q_A + κ s_B Q_B &gt; s_A t_A + κ s_B
 * t_B) for every κ &gt; 0 (s = ±1 the side of each error): this is again a χ² mixture; κ = σ_A/σ_B. The
 * reported error is P(A) + P(B) − ½·bound with the uncertainty ½·bound ({@link AliceBob#errorBound}); the two
 * secure situations are equally likely.
 */
public record ExactProbabilities(double bitDuration, String method, Map<Attack, EveAttack> eve, AliceBob aliceBob,
                                 AliceBob aliceBobHl, AliceBob aliceBobLh) {

    public ExactProbabilities {
        eve = Map.copyOf(eve);
    }

    /**
     * One attack.
     *
     * @param threshold          the Bayes threshold t on the statistic
     * @param hlAbove            whether Eve says HL above t
     * @param successProbability P(correct guess), exact
     * @param errorProbability   P(wrong guess), computed directly from the tails
     * @param numericalError     bound on the numerical error of both probabilities
     * @param rule               "bayes", or "midpoint" where the densities had no crossing between the means, or
     *                           "blind" where the means coincide
     */
    public record EveAttack(Attack attack, double threshold, boolean hlAbove, double successProbability,
                            double errorProbability, double numericalError, String rule) {
    }

    /**
     * Alice and Bob in one secure situation ({@link #aliceBobHl}, {@link #aliceBobLh}) or averaged over the two
     * ({@link #aliceBob}). Per role: in HL Alice holds R_H, in LH Bob does.
     *
     * @param errorProbability P(Alice or Bob wrong), the midpoint of its bracket
     * @param errorBound       half the width of the bracket [P(A)+P(B) − bound(both), P(A)+P(B)] plus numerics
     * @param aliceError       P(Alice wrong)
     * @param bobError         P(Bob wrong)
     */
    public record AliceBob(double errorProbability, double errorBound, double aliceError, double bobError) {
    }

    /** The attack's entry. */
    public EveAttack of(Attack attack) {
        return eve.get(attack);
    }

    /** The statistics of the two secure situations and the means Alice and Bob compare against. */
    public record Situations(FiniteBitStatistics hl, FiniteBitStatistics lh, KljnMoments hl2, KljnMoments lh2,
                             KljnMoments hh, KljnMoments ll) {
    }

    /**
     * Runs the AC sweeps of the four bit situations (HL, LH, HH, LL) of {@code resistors} on {@code line} and
     * collects what {@link #compute} needs.
     */
    public static Situations situations(SpiceSimulator spice, ResistorPair resistors, LineModel line, BandShape band,
            int points, double tEff, double beta) {
        Map<Situation, TransferFunctions> tf = ExactAnalysis.transferFunctions(spice, resistors, line, band, points,
                List.of(Situation.values()));
        return situations(resistors, line, tf, tEff, beta);
    }

    /** {@link #situations} then {@link #compute}: everything for a bit of {@code seconds}. */
    public static ExactProbabilities forBits(SpiceSimulator spice, ResistorPair resistors, LineModel line,
            BandShape band, int points, double tEff, double beta, double seconds) {
        return compute(situations(spice, resistors, line, band, points, tEff, beta), seconds);
    }

    /** The same from transfer functions already computed for the four situations. */
    public static Situations situations(ResistorPair resistors, LineModel line, Map<Situation, TransferFunctions> tf,
            double tEff, double beta) {
        return situations(resistors, line, tf, NoiseTemperatures.standard(tEff, beta));
    }

    /** The same with each resistor's generator at its own temperature (generalised KLJN). */
    public static Situations situations(ResistorPair resistors, LineModel line, Map<Situation, TransferFunctions> tf,
            NoiseTemperatures t) {
        KljnLoop hl = Situation.HL.loop(resistors, line);
        KljnLoop lh = Situation.LH.loop(resistors, line);
        return new Situations(FiniteBitStatistics.of(hl, tf.get(Situation.HL), t),
                FiniteBitStatistics.of(lh, tf.get(Situation.LH), t),
                moments(resistors, line, tf, Situation.HL, t), moments(resistors, line, tf, Situation.LH, t),
                moments(resistors, line, tf, Situation.HH, t), moments(resistors, line, tf, Situation.LL, t));
    }

    private static KljnMoments moments(ResistorPair resistors, LineModel line, Map<Situation, TransferFunctions> tf,
            Situation s, NoiseTemperatures t) {
        return KljnMoments.of(s.loop(resistors, line), ExactAnalysis.integrals(tf.get(s)), t);
    }

    /** All probabilities for a bit of {@code seconds}. */
    public static ExactProbabilities compute(Situations s, double seconds) {
        Map<Attack, EveAttack> eve = new EnumMap<>(Attack.class);
        for (Attack a : Attack.values()) {
            double muHl = s.hl2().signal(a);
            double muLh = s.lh2().signal(a);
            if (Math.abs(muHl - muLh) <= 1e-9 * Math.max(s.hl2().scale(a), s.lh2().scale(a))) {
                // identical means (the current attack on a lumped line, where I_A = I_B): nothing to go on
                eve.put(a, new EveAttack(a, 0.5 * (muHl + muLh), true, 0.5, 0.5, 0, "blind"));
                continue;
            }
            ProbeQuadraticForm form = ProbeQuadraticForm.of(a);
            try {
                eve.put(a, eve(a, s.hl().distribution(form, seconds), s.lh().distribution(form, seconds)));
            } catch (FiniteBitStatistics.VanishingStatistic e) {
                // the statistic is zero in every bit (no cable resistance: U_A = U_B): nothing to go on
                eve.put(a, new EveAttack(a, 0.5 * (muHl + muLh), true, 0.5, 0.5, 0, "blind"));
            }
        }
        AliceBob hlBits = aliceBob(s, Resistor.H, seconds);
        AliceBob lhBits = aliceBob(s, Resistor.L, seconds);
        return new ExactProbabilities(seconds, s.hl().methodFor(seconds), eve, mean(hlBits, lhBits), hlBits, lhBits);
    }

    /** The two secure situations averaged (equal priors). */
    static AliceBob mean(AliceBob hl, AliceBob lh) {
        return new AliceBob(0.5 * (hl.errorProbability() + lh.errorProbability()),
                0.5 * (hl.errorBound() + lh.errorBound()), 0.5 * (hl.aliceError() + lh.aliceError()),
                0.5 * (hl.bobError() + lh.bobError()));
    }

    /** Alice and Bob in the secure situation where Alice holds {@code alice} (H: HL, L: LH). */
    public static AliceBob aliceBob(Situations s, Resistor alice, double seconds) {
        return alice == Resistor.H ? aliceBob(s.hl(), s.hl2(), s.hh(), s.ll(), seconds)
                : aliceBob(s.lh(), s.lh2(), s.ll(), s.hh(), seconds);
    }

    /** Eve's Bayes decision between the distributions of one statistic under HL and LH. */
    static EveAttack eve(Attack attack, ChiSquareMixture hl, ChiSquareMixture lh) {
        double muHl = hl.mean();
        double muLh = lh.mean();
        boolean hlAbove = muHl > muLh;
        double lo = Math.min(muHl, muLh);
        double hi = Math.max(muHl, muLh);
        String rule = "bayes";
        double t;
        if (mirrorImages(hl, lh)) {
            // LH is HL mirrored (a mirror-symmetric line): f_LH(x) = f_HL(−x), so the densities cross at 0
            t = 0;
        } else {
        java.util.function.DoubleUnaryOperator logRatio = x -> hl.logDensity(x) - lh.logDensity(x);
        double fLo = logRatio.applyAsDouble(lo);
        double fHi = logRatio.applyAsDouble(hi);
        if (Double.isFinite(fLo) && Double.isFinite(fHi) && fLo * fHi < 0) {
            // the success and error probabilities are stationary at the Bayes threshold (their derivative
            // f_HL − f_LH vanishes there), so a threshold to 1e-7 of the spread of the means is plenty
            t = new BrentSolver(1e-7 * (hi - lo), 1e-14).solve(200, logRatio::applyAsDouble, lo, hi);
        } else {
            t = 0.5 * (muHl + muLh);
            rule = "midpoint";
        }
        }
        ChiSquareMixture.Probability hlAboveT = hl.survivalWithBound(t);
        ChiSquareMixture.Probability hlBelowT = hl.cdfWithBound(t);
        ChiSquareMixture.Probability lhAboveT = lh.survivalWithBound(t);
        ChiSquareMixture.Probability lhBelowT = lh.cdfWithBound(t);
        double success;
        double error;
        if (hlAbove) {
            success = 0.5 * (hlAboveT.value() + lhBelowT.value());
            error = 0.5 * (hlBelowT.value() + lhAboveT.value());
        } else {
            success = 0.5 * (hlBelowT.value() + lhAboveT.value());
            error = 0.5 * (hlAboveT.value() + lhBelowT.value());
        }
        double numerical = 0.5 * Math.max(hlAboveT.errorBound() + lhBelowT.errorBound(),
                hlBelowT.errorBound() + lhAboveT.errorBound());
        return new EveAttack(attack, t, hlAbove, success, error, numerical, rule);
    }

    /** Whether lh is the distribution of −(hl's statistic): its first four cumulants, odd ones negated, agree. */
    static boolean mirrorImages(ChiSquareMixture hl, ChiSquareMixture lh) {
        for (int n = 1; n <= 4; n++) {
            double a = hl.cumulant(n);
            double b = (n % 2 == 1 ? -1 : 1) * lh.cumulant(n);
            double size = Math.pow(hl.variance(), 0.5 * n);
            if (Math.abs(a - b) > 1e-7 * size) {
                return false;
            }
        }
        return true;
    }

    /**
     * Alice and Bob in one secure situation: {@code secure} the loop's statistics, {@code aliceSame} the
     * situation where Bob holds Alice's resistor, {@code bobSame} where Alice holds Bob's.
     */
    static AliceBob aliceBob(FiniteBitStatistics secure, KljnMoments secureMoments, KljnMoments aliceSame,
            KljnMoments bobSame, double seconds) {
        ProbeQuadraticForm ua = ProbeQuadraticForm.meanSquare(Probe.U_A);
        ProbeQuadraticForm ub = ProbeQuadraticForm.meanSquare(Probe.U_B);
        ChiSquareMixture qa = secure.distribution(ua, seconds);
        ChiSquareMixture qb = secure.distribution(ub, seconds);
        double tA = 0.5 * (secureMoments.meanSquareVoltageA() + aliceSame.meanSquareVoltageA());
        double tB = 0.5 * (secureMoments.meanSquareVoltageB() + bobSame.meanSquareVoltageB());
        // the side of each error: +1 when the other situation's mean is above
        double sA = aliceSame.meanSquareVoltageA() > secureMoments.meanSquareVoltageA() ? 1 : -1;
        double sB = bobSame.meanSquareVoltageB() > secureMoments.meanSquareVoltageB() ? 1 : -1;
        ChiSquareMixture.Probability pA = sA > 0 ? qa.survivalWithBound(tA) : qa.cdfWithBound(tA);
        ChiSquareMixture.Probability pB = sB > 0 ? qb.survivalWithBound(tB) : qb.cdfWithBound(tB);
        // P(both) ≤ P(s_A Q_A + κ s_B Q_B > s_A t_A + κ s_B t_B), κ the ratio of the standard deviations
        double kappa0 = Math.sqrt(qa.variance() / qb.variance());
        double both = Math.min(pA.value(), pB.value());
        double jointThreshold = sA * tA + kappa0 * sB * tB;
        try {
            ChiSquareMixture joint = secure.distribution(ua.plus(sA, kappa0 * sB, ub), seconds);
            both = Math.min(both, joint.survival(jointThreshold));
        } catch (FiniteBitStatistics.VanishingStatistic e) {
            // the combined statistic is identically 0 (U_A = U_B with opposite error sides): both err only if 0 > it
            both = 0 > jointThreshold ? both : 0;
        }
        double sum = pA.value() + pB.value();
        return new AliceBob(sum - 0.5 * both, 0.5 * both + pA.errorBound() + pB.errorBound(), pA.value(), pB.value());
    }
}

package org.kljn.analysis.defence;

import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.ngspice.SpiceSimulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The single-β defences a designer chooses between, side by side for one bit: no defence (β = 1), the paper's
 * eq. 11, the β that nulls the Second-Law signal, the minimax β of the three published attacks and the β that
 * minimises the Jeffreys rate J of the best second-order eavesdropper. For each, Eve's best exact success over the
 * three attacks (exact finite-bit distributions, Bayes threshold: {@link ExactProbabilities}) and the
 * likelihood-ratio eavesdropper's ({@link OptimalResult}). The recommended defence is the one that leaves Eve the
 * least, judged by the larger of the two.
 *
 * @param bitSamples  the bit, in Nyquist samples
 * @param bitDuration the bit, in seconds
 * @param epsilon     the margin above guessing (0.5 + ε) under which a bit counts as secure
 * @param choices     one per defence that exists for the loop (eq. 11 needs R_c, a null needs a root β > 0)
 */
public record DefenceChoices(int bitSamples, double bitDuration, double epsilon, List<Choice> choices) {
    /** The margin above 0.5 under which a bit counts as secure, as in {@code kljn map}. */
    public static final double EPSILON = 0.01;

    public DefenceChoices {
        choices = List.copyOf(choices);
    }

    /**
     * One defence.
     *
     * @param name           in words, e.g. "paper's eq. 11"
     * @param key            the JSON key
     * @param beta           T_L / T_H
     * @param bestAttack     the attack that serves Eve best there
     * @param attackSuccess  that attack's exact success probability for the bit
     * @param optimalSuccess the likelihood-ratio eavesdropper's success probability for the bit
     * @param jeffreysRate   J there, nats/s
     * @param keyRate        the secret-key rate for the bit at ξ = 1 (from the same exact probabilities and Eve's
     *                       result; no further computation)
     */
    public record Choice(String name, String key, double beta, Attack bestAttack, double attackSuccess,
                         double optimalSuccess, double jeffreysRate, KeyRate keyRate) {
        /** What Eve gets with the better of her attacks and the likelihood-ratio detector. */
        public double eveSuccess() {
            return Math.max(attackSuccess, optimalSuccess);
        }
    }

    /** The defence that leaves Eve the least (ties: the smaller J). */
    public Choice recommended() {
        return choices.stream().min(Comparator.comparingDouble(Choice::eveSuccess)
                .thenComparingDouble(Choice::jeffreysRate)).orElseThrow();
    }

    /** Whether the recommended defence keeps Eve within 0.5 + ε for this bit. */
    public boolean secure() {
        return recommended().eveSuccess() <= 0.5 + epsilon;
    }

    /**
     * The defences of {@code r}'s loop for {@code r}'s bit. The exact probabilities and J at every β come from the
     * transfer functions {@code r} already holds; {@code spice} runs only the likelihood-ratio detector's sweep of
     * the bit's bins, once for all the defences.
     */
    public static DefenceChoices of(SpiceSimulator spice, LoopAnalysisResult r) {
        AnalysisSettings s = r.settings();
        OptimalEavesdropper eve = r.optimalEavesdropper();
        LikelihoodRatioDetector.Bins bins = eve.detectorBins(spice, s.bitSamples());
        List<Choice> choices = new ArrayList<>();
        add(choices, r, eve, bins, "no defence", "betaOne", OptionalDouble.of(1));
        add(choices, r, eve, bins, "paper's eq. 11", "betaEq11", r.betaEq11());
        add(choices, r, eve, bins, "secondLaw null", "betaNull", r.betaNull(Attack.SECOND_LAW));
        add(choices, r, eve, bins, "minimax of the attacks", "betaMinimax",
                OptionalDouble.of(r.eveStatistics().betaMinimax()));
        add(choices, r, eve, bins, "minimising J", "betaMinimizing",
                OptionalDouble.of(eve.betaMinimizing()));
        return new DefenceChoices(s.bitSamples(), s.bitDuration(), EPSILON, choices);
    }

    private static void add(List<Choice> choices, LoopAnalysisResult r, OptimalEavesdropper eve,
            LikelihoodRatioDetector.Bins bins, String name, String key, OptionalDouble beta) {
        if (beta.isEmpty()) {
            return;
        }
        double b = beta.getAsDouble();
        AnalysisSettings s = r.settings();
        ExactProbabilities p = r.exactProbabilities(b, s.bitDuration());
        Attack best = Attack.BSY;
        for (Attack a : Attack.values()) {
            if (p.of(a).successProbability() > p.of(best).successProbability()) {
                best = a;
            }
        }
        OptimalResult o = OptimalResult.of(eve, bins, NoiseTemperatures.standard(s.tEff(), b));
        choices.add(new Choice(name, key, b, best, p.of(best).successProbability(), o.successProbability(),
                o.jeffreysRate(), KeyRate.of(KeyRate.Errors.of(p.aliceBobHl(), p.aliceBobLh()), o, 1)));
    }
}

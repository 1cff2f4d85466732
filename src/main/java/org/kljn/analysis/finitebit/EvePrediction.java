package org.kljn.analysis.finitebit;

import java.util.Map;
import java.util.OptionalDouble;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.EveStatistics;

/**
 * Eve's predicted performance for one bit length at the β used, from the exact distribution of each attack's
 * statistic over the finite bit ({@link ExactProbabilities}: Bayes threshold, success and error probabilities),
 * Alice and Bob's exact error, the long-window rate |μ|/√V of each attack ({@link EveStatistics}), and the β that
 * minimises her best attack.
 *
 * @param beta                     the β these statistics are for
 * @param bitSamples               the bit length M in Nyquist samples
 * @param bitDuration              τ = M/(2Δf), s
 * @param attacks                  each attack's statistic
 * @param betaMinimax              the β minimising max over attacks of |μ|/√V, empty when not computed
 * @param bestSnrRateAtBetaMinimax that minimum, s^-1/2, empty when not computed
 * @param exact                    the exact finite-bit probabilities these predictions come from
 */
public record EvePrediction(double beta, int bitSamples, double bitDuration, Map<Attack, AttackPrediction> attacks,
                            OptionalDouble betaMinimax, OptionalDouble bestSnrRateAtBetaMinimax,
                            ExactProbabilities exact) {
    public EvePrediction {
        attacks = Map.copyOf(attacks);
    }

    /**
     * One attack's statistic.
     *
     * @param attack             the attack
     * @param mean               μ, the exact signal
     * @param varianceRate       V: the time average over τ has variance V/τ
     * @param snrRate            |μ|/√V, s^-1/2
     * @param successProbability Eve's probability of a correct guess from one bit of τ (exact, Bayes threshold)
     * @param errorProbability   her probability of a wrong guess, computed directly from the tails
     */
    public record AttackPrediction(Attack attack, double mean, double varianceRate, double snrRate,
                                   double successProbability, double errorProbability) {
    }

    /** The distribution method: "window" (exact finite window) or "spectral" (long-window form). */
    public String method() {
        return exact.method();
    }

    /** P(Alice or Bob decides wrongly) per bit, exact (see {@link ExactProbabilities.AliceBob}). */
    public double aliceBobErrorProbability() {
        return exact.aliceBob().errorProbability();
    }

    /** The prediction of {@code attack}. */
    public AttackPrediction of(Attack attack) {
        return attacks.get(attack);
    }

    /** Eve's best success probability over the attacks. */
    public double bestSuccessProbability() {
        return attacks.values().stream().mapToDouble(AttackPrediction::successProbability).max().orElse(0.5);
    }
}

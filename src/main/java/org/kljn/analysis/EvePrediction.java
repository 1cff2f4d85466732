package org.kljn.analysis;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Eve's predicted performance for one bit length at the β used (Gaussian limit of each attack's time average:
 * p = Φ(|μ|√(τ/V)), {@link EveStatistics}), and the β that minimises her best attack.
 *
 * @param beta                     the β these statistics are for
 * @param bitSamples               the bit length M in Nyquist samples
 * @param bitDuration              τ = M/(2Δf), s
 * @param attacks                  each attack's statistic
 * @param betaMinimax              the β minimising max over attacks of |μ|/√V, empty when not computed
 * @param bestSnrRateAtBetaMinimax that minimum, s^-1/2, empty when not computed
 */
public record EvePrediction(double beta, int bitSamples, double bitDuration, Map<Attack, AttackPrediction> attacks,
                            OptionalDouble betaMinimax, OptionalDouble bestSnrRateAtBetaMinimax) {
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
     * @param successProbability Eve's probability of a correct guess from one bit of τ
     */
    public record AttackPrediction(Attack attack, double mean, double varianceRate, double snrRate,
                                   double successProbability) {
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

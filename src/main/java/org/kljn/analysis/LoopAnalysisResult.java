package org.kljn.analysis;

import org.kljn.circuit.KljnLoop;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything {@link LoopAnalysis} finds for one loop. The numbers are final; {@link #betaCurve()} and
 * {@link #eveStatistics()} are immutable functions of the same transfer functions, for other β and bit lengths.
 *
 * @param loop              the loop analysed
 * @param settings          what was asked for
 * @param transferFunctions the AC transfer functions from each generator to Eve's probes
 * @param integrals         their band integrals, with the integration error bound
 * @param betaCurve         each attack's signal as a function of β (exactly linear)
 * @param eveStatistics     Eve's statistics at any β
 * @param betaUsed          the β the rule resolved to
 * @param betaEq11          the paper's eq. 11 β, empty for a cable that does not state R_c
 * @param moments           the probes' second moments at {@code betaUsed}
 * @param attacks           each attack's signal, null β and residuals
 * @param eve               Eve's predicted success at {@code betaUsed}, and the minimax β
 * @param lumpedEquivalent  for a non-lumped line (when asked for): the lumped line of its DC resistance and how far
 *                          the model is from it
 * @param optimal           the best second-order eavesdropper (when asked for): J and her likelihood-ratio success at
 *                          {@code betaUsed}, and the β minimising J
 */
public record LoopAnalysisResult(KljnLoop loop, AnalysisSettings settings, TransferFunctions transferFunctions,
                                 LoopIntegrals integrals, BetaCurve betaCurve, EveStatistics eveStatistics,
                                 double betaUsed, OptionalDouble betaEq11, KljnMoments moments,
                                 Map<Attack, AttackSignal> attacks, EvePrediction eve,
                                 Optional<LumpedComparison> lumpedEquivalent, Optional<OptimalPrediction> optimal) {
    public LoopAnalysisResult {
        attacks = Map.copyOf(attacks);
    }

    /** The integration error bound, relative to the largest band integral. */
    public double errorBound() {
        return integrals.errorBound();
    }

    /** The β that nulls {@code attack}'s signal, empty when none does. */
    public OptionalDouble betaNull(Attack attack) {
        return attacks.get(attack).betaNull();
    }

    /** {@code attack}'s signal at the β used. */
    public double signal(Attack attack) {
        return attacks.get(attack).signal();
    }

    /** The β minimising Eve's best attack, empty when the settings did not ask for it. */
    public OptionalDouble betaMinimax() {
        return eve.betaMinimax();
    }
}

package org.kljn.analysis.loop;

import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.eavesdropper.OptimalPrediction;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.AttackSignal;
import org.kljn.analysis.exact.BetaCurve;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.LoopIntegrals;
import org.kljn.analysis.exact.LumpedComparison;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.EvePrediction;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Situation;

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
 * @param situations        the same for each of the four bit situations, keyed by {@link KljnLoop#situation()}
 *                          ("HL", "LH", "HH", "LL"; the analysed loop's is {@code transferFunctions}): every
 *                          question about other β, bit lengths or the best eavesdropper on this loop is answered
 *                          from them without another AC sweep ({@link #exactProbabilities}, {@link
 *                          #optimalEavesdropper})
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
                                 Map<Situation, TransferFunctions> situations, LoopIntegrals integrals, BetaCurve betaCurve, EveStatistics eveStatistics,
                                 double betaUsed, OptionalDouble betaEq11, KljnMoments moments,
                                 Map<Attack, AttackSignal> attacks, EvePrediction eve,
                                 Optional<LumpedComparison> lumpedEquivalent, Optional<OptimalPrediction> optimal) {
    public LoopAnalysisResult {
        attacks = Map.copyOf(attacks);
        situations = Map.copyOf(situations);
    }

    /**
     * The finite-bit statistics of the four situations at β (T_L/T_H) for {@link ExactProbabilities#compute}: no
     * simulation.
     */
    public ExactProbabilities.Situations bitSituations(double beta) {
        return ExactProbabilities.situations(loop.resistors(), loop.line(), situations, settings.tEff(), beta);
    }

    /** Eve's and Alice/Bob's exact probabilities at β for a bit of {@code seconds}: no simulation. */
    public ExactProbabilities exactProbabilities(double beta, double seconds) {
        return ExactProbabilities.compute(bitSituations(beta), seconds);
    }

    /**
     * The best second-order eavesdropper on this loop's line over the analysis band, from the secure situations'
     * transfer functions (no simulation; its likelihood-ratio detector still sweeps the bit's bins).
     */
    public OptimalEavesdropper optimalEavesdropper() {
        return OptimalEavesdropper.of(loop.resistors(), loop.line(), situations, settings.bandwidth())
                .withInstrument(settings.eveInstrument());
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

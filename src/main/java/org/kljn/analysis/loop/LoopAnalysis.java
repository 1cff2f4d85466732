package org.kljn.analysis.loop;

import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.eavesdropper.OptimalPrediction;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.AttackSignal;
import org.kljn.analysis.exact.BetaCurve;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.LoopIntegrals;
import org.kljn.analysis.exact.LumpedComparison;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.EvePrediction;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.noise.BandShape;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The exact analysis of one KLJN loop, as every caller (the commands, the sweep, the main job, Java users) runs
 * it: two ngspice AC sweeps (one per generator) of each of the four bit situations (kept in the result, which
 * answers the finite-bit, other-β and best-eavesdropper questions from them) → transfer functions → band integrals with their error bound →
 * each attack's signal as a linear function of β and its null (paper, eqs. 10-13) → Eve's statistics
 * ({@link EveStatistics}) → the β rule resolved → the minimax β → for a non-lumped line, the comparison with the
 * lumped line of its DC resistance.
 *
 * <pre>{@code
 * KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, CableSpec.lumped(100).line());
 * try (NgSpice spice = NgSpice.open()) {
 *     LoopAnalysisResult r = LoopAnalysis.run(spice, loop, AnalysisSettings.builder().bandwidth(1e3).build());
 *     r.betaNull(Attack.SECOND_LAW);   // 1.0447761...
 * }
 * }</pre>
 */
public final class LoopAnalysis {
    private LoopAnalysis() {
    }

    /**
     * Checks that {@code loop} can be analysed with {@code settings} without running anything: the line resolves
     * the band, and the β rule applies to the line.
     *
     * @throws ParameterException naming the quantity at fault
     */
    public static void check(KljnLoop loop, AnalysisSettings settings) {
        loop.line().checkResolves(settings.bandwidth());
        settings.beta().checkApplicable(loop.line());
    }

    /**
     * Analyses {@code loop} on {@code spice} (which it leaves with no circuit loaded).
     *
     * @throws ParameterException when {@link #check} fails, when the integration error bound exceeds
     *                            {@link LoopIntegrals#TOLERANCE}, or the β rule has no answer for this
     *                            loop ({@code null} where no β > 0 nulls the Second-Law signal)
     */
    public static LoopAnalysisResult run(SpiceSimulator spice, KljnLoop loop, AnalysisSettings settings) {
        check(loop, settings);
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(settings.bandwidth()),
                settings.points());
        Optional<LumpedComparison> lumped = settings.lumpedComparison() && !(loop.line() instanceof LumpedLine)
                ? Optional.of(LumpedComparison.of(spice, loop, tf, settings.bandwidth(), settings.tEff()))
                : Optional.empty();
        // the other bit situations' transfer functions: Eve's decision compares HL with LH, Alice and Bob compare
        // the secure situation with HH or LL
        java.util.EnumSet<Situation> others = java.util.EnumSet.complementOf(java.util.EnumSet.of(loop.situation()));
        Map<Situation, TransferFunctions> situations = ExactAnalysis.transferFunctions(spice, loop.resistors(),
                loop.line(), BandShape.brickWall(settings.bandwidth()), settings.points(), others);
        situations.put(loop.situation(), tf);
        OptimalEavesdropper best = settings.needsOptimal()
                ? OptimalEavesdropper.of(loop.resistors(), loop.line(), situations, settings.bandwidth())
                        .withInstrument(settings.eveInstrument()) : null;
        OptionalDouble betaOptimal = best == null ? OptionalDouble.empty()
                : OptionalDouble.of(best.betaMinimizing());
        LoopAnalysisResult r = evaluate(loop, settings, tf, lumped, situations, betaOptimal);
        if (best == null) {
            return r;
        }
        OptimalPrediction o = new OptimalPrediction(betaOptimal.getAsDouble(),
                best.jeffreysRate(betaOptimal.getAsDouble()),
                OptimalResult.of(spice, best, NoiseTemperatures.standard(settings.tEff(), r.betaUsed()),
                        settings.bitSamples()));
        return new LoopAnalysisResult(r.loop(), r.settings(), r.transferFunctions(), r.situations(), r.integrals(), r.betaCurve(),
                r.eveStatistics(), r.betaUsed(), r.betaEq11(), r.moments(), r.attacks(), r.eve(), r.lumpedEquivalent(),
                Optional.of(o));
    }

    /**
     * The analysis from transfer functions already computed (no simulation): {@code situations} holds each bit
     * situation's, {@code betaOptimal} the β minimising the Jeffreys rate when the settings ask for it.
     */
    private static LoopAnalysisResult evaluate(KljnLoop loop, AnalysisSettings settings, TransferFunctions tf,
            Optional<LumpedComparison> lumped, Map<Situation, TransferFunctions> situations, OptionalDouble betaOptimal) {
        LoopIntegrals integrals = ExactAnalysis.integrals(tf).withinTolerance(settings.points(), settings.bandwidth());
        BetaCurve curve = BetaCurve.of(loop, integrals, settings.tEff());
        EveStatistics eve = EveStatistics.of(loop, tf, settings.tEff());
        OptionalDouble eq11 = BetaRule.eq11(loop);
        OptionalDouble minimax = settings.needsMinimax() ? OptionalDouble.of(eve.betaMinimax()) : OptionalDouble.empty();
        double used = resolve(settings.beta(), eq11, curve, minimax, betaOptimal);

        Map<Attack, AttackSignal> attacks = new EnumMap<>(Attack.class);
        KljnMoments m = curve.momentsAt(used);
        for (Attack a : Attack.values()) {
            Map<Attack, OptionalDouble> atNulls = new EnumMap<>(Attack.class);
            for (Attack other : Attack.values()) {
                OptionalDouble n = curve.betaNull(other);
                atNulls.put(other, n.isPresent() ? OptionalDouble.of(curve.signal(a, n.getAsDouble())) : OptionalDouble.empty());
            }
            attacks.put(a, new AttackSignal(a, m.signal(a), curve.betaNull(a),
                    eq11.isPresent() ? OptionalDouble.of(curve.signal(a, eq11.getAsDouble())) : OptionalDouble.empty(),
                    atNulls));
        }
        double tau = settings.bitDuration();
        ExactProbabilities exact = ExactProbabilities.compute(ExactProbabilities.situations(loop.resistors(),
                loop.line(), situations, settings.tEff(), used), tau);
        Map<Attack, EvePrediction.AttackPrediction> predictions = new EnumMap<>(Attack.class);
        eve.at(used).forEach((a, s) -> predictions.put(a, new EvePrediction.AttackPrediction(a, s.mean(),
                s.varianceRate(), s.snrRate(), exact.of(a).successProbability(), exact.of(a).errorProbability())));
        EvePrediction prediction = new EvePrediction(used, settings.bitSamples(), tau, predictions, minimax,
                minimax.isPresent() ? OptionalDouble.of(eve.bestSnrRate(minimax.getAsDouble())) : OptionalDouble.empty(),
                exact);
        return new LoopAnalysisResult(loop, settings, tf, situations, integrals, curve, eve, used, eq11, m, attacks, prediction,
                lumped, Optional.empty());
    }

    private static double resolve(BetaRule rule, OptionalDouble eq11, BetaCurve curve, OptionalDouble minimax,
            OptionalDouble optimal) {
        return switch (rule.kind()) {
            case NUMBER -> rule.value();
            case EQ11 -> eq11.orElseThrow(() -> new ParameterException(Parameter.BETA, "eq11 needs the cable's"
                    + " resistance R_c, which a user subcircuit does not state; give a number, null or minimax"));
            case NULL -> curve.betaNull(Attack.SECOND_LAW).orElseThrow(() -> new ParameterException(Parameter.BETA,
                    "null: no β > 0 nulls the secondLaw signal of this loop; give a number, eq11 or minimax"));
            case MINIMAX -> minimax.orElseThrow();
            case OPTIMAL -> optimal.orElseThrow(() -> new IllegalStateException("the optimal β needs LoopAnalysis.run"));
        };
    }
}

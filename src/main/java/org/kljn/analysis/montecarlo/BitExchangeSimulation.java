package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.noise.BandShape;
import org.kljn.noise.InjectedNoise;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.IntConsumer;

/**
 * Monte Carlo of KLJN bit exchanges at circuit level: Java generates each generator's noise (Gaussian,
 * reproducible from one seed, independent per party and per bit), ngspice solves the loop with the noise
 * injected through EXTERNAL sources, and every accepted point streams into per-bit time averages.
 *
 * <p>A run, in its parts:
 * <ul>
 * <li>{@link BitSchedule}: which bits (LH or HL at random from the seed), the noise grid and guard, and the fixed
 * blocks of consecutive bits of one situation, each one ngspice run. Blocks are independent, so they run in parallel
 * on an {@link NgSpicePool}; the block layout depends only on the settings, so a given seed gives the same numbers
 * whatever the number of threads.</li>
 * <li>{@link SituationExpectations}: the exact expectations over the band the injected noise really has;
 * {@link StepChoice}: how the solver steps (a memoryless loop is exact at one step per noise sample; a line with
 * capacitance is integrated by ngspice's trapezoidal rule).</li>
 * <li>{@link TransientBlock}: the ngspice run of one block, with the noise injected from Java and the accepted points
 * streamed into each bit's averages and Eve's likelihood-ratio statistic ({@link OptimalDetector}).</li>
 * <li>{@link BitDecisions}: Eve's decision per attack (the Bayes rule for equal priors, {@link ExactProbabilities}),
 * the likelihood-ratio eavesdropper's, and Alice's and Bob's (midpoint rule on their own mean-square voltage).</li>
 * <li>{@link BitExchangeResult}: all of it, beside the predictions.</li>
 * </ul>
 */
public final class BitExchangeSimulation {
    private BitExchangeSimulation() {
    }

    /**
     * Runs every block on one session, in order.
     *
     * @throws org.kljn.circuit.ParameterException for a line whose transient the accuracy bound does not cover
     *                                             ({@link org.kljn.circuit.LineModel#checkTransientCapable()}), before anything runs
     */
    public static BitExchangeResult run(NgSpice spice, BitExchangeSettings s, IntConsumer progress) {
        return run(s, progress, Sessions.of(spice));
    }

    /**
     * Runs the blocks on the pool's sessions in parallel; the numbers do not depend on the pool's size.
     *
     * @throws org.kljn.circuit.ParameterException as {@link #run(NgSpice, BitExchangeSettings, IntConsumer)}
     */
    public static BitExchangeResult run(NgSpicePool pool, BitExchangeSettings s, IntConsumer progress) {
        return run(s, progress, Sessions.of(pool));
    }

    /**
     * The settings with the grid of a pre-warped run fixed: {@code moments} takes {@link AccuracyGoal#MOMENTS_GRID};
     * {@code distributions} the coarsest grid whose variance inflation is within {@link StepChoice#INFLATION_TARGET}
     * ({@link StepChoice#distributionsGrid}, from one AC sweep over the nominal band), and for bits on which the
     * window likelihood ratio is measured (at most {@link OptimalResult#WINDOW_LIMIT} Nyquist samples) at least
     * {@link TransientWindowDetector#windowGrid()}, whose band edge is within
     * {@link TransientWindowDetector#MAX_EDGE_COMPRESSION}. Other settings unchanged.
     */
    public static BitExchangeSettings resolve(NgSpice spice, BitExchangeSettings s) {
        if (!s.prewarped() || s.oversampling() > 0) {
            return s;
        }
        if (s.accuracy() == AccuracyGoal.MOMENTS) {
            return s.withOversampling(AccuracyGoal.MOMENTS_GRID);
        }
        BandShape nominal = BandShape.brickWall(s.bandwidth());
        Map<Situation, TransferFunctions> transfer = ExactAnalysis.transferFunctions(spice, s.resistors(), s.line(),
                nominal, ExactAnalysis.pointsFor(nominal, s.bandwidth()), Situation.SECURE);
        int grid = StepChoice.distributionsGrid(s, transfer);
        if (s.bitSamples() <= OptimalResult.WINDOW_LIMIT && s.noise() == BitExchangeSettings.NoiseMode.JAVA) {
            // the window likelihood ratio is measured on these bits: it needs the band edge within 0.2 %
            grid = Math.max(grid, TransientWindowDetector.windowGrid());
        }
        return s.withOversampling(grid);
    }

    private static BitExchangeResult run(BitExchangeSettings unresolved, IntConsumer progress, Sessions sessions) {
        // every transient passes here (attack, sweeps, the main job, NullConfirmation, the Java API): a line whose
        // transient the accuracy bound was not derived for is refused before anything runs
        unresolved.line().checkTransientCapable();
        BitExchangeSettings s = sessions.apply(spice -> resolve(spice, unresolved));
        BitSchedule schedule = BitSchedule.of(s);
        // exact expectations over the band the injected noise really has
        // (the four situations' AC sweeps run once, in parallel on the pool, and serve every exact quantity below)
        SituationExpectations exact = SituationExpectations.of(sessions, s, schedule.band());
        // Eve's Bayes thresholds and the exact predictions for this bit length (the rule below uses the same): pure
        // Java on the transfer functions and needed only for the decisions, so it runs beside the transient
        FutureTask<ExactProbabilities> probabilities = besideTheTransient(s, exact);
        InjectedNoise noise = schedule.noise();
        StepChoice chosen = schedule.trnoise() ? StepChoice.trnoise() : StepChoice.of(s, exact, noise);
        OptimalDetector optimal = OptimalDetector.design(sessions, schedule, exact, chosen);

        BitMeasurements measured = new BitMeasurements(s.bits());
        TransientBlock.Totals totals = new TransientBlock(schedule, chosen, optimal, measured)
                .runAll(sessions, progress);
        StepChoice steps = checkForcedSteps(schedule, chosen, totals.acceptedPoints());

        ExactProbabilities p = await(probabilities);
        BitDecisions d = BitDecisions.of(s, schedule.alice(), measured, exact, p);
        return new BitExchangeResult(s, d.eve(), d.aliceBobErrors(), p.aliceBob().errorProbability(),
                schedule.guard(), totals.acceptedPoints(), measured.averages(), schedule.alice(),
                totals.transientSeconds(), steps,
                BitExchangeResult.MeasuredStatistic.bySituation(exact, schedule.alice(), measured.averages()),
                schedule.noiseDescription(), optimal.outcome(d, measured), totals.callbacks(),
                optimal.keyRate(d, measured, p, s.bitDuration()));
    }

    /**
     * The step choice, its bound voided where ngspice took more points than the forced steps: the bounds assume it
     * took exactly those (the bilinear map at h_s); more points mean its truncation-error control cut steps.
     */
    private static StepChoice checkForcedSteps(BitSchedule schedule, StepChoice chosen, long acceptedPoints) {
        if (schedule.trnoise() || schedule.settings().line().capacitance() == 0) {
            return chosen;
        }
        long forced = schedule.forcedPoints(schedule.gridStep() / chosen.stepsPerSample());
        // a few rounding-split steps (a time a hair off the grid) are harmless; a cut step per thousand is not
        if (acceptedPoints > forced + forced / 1000) {
            return chosen.voided(String.format(Locale.ROOT, "ngspice took %d accepted points where %d"
                    + " steps were forced: its step control cut steps, so the step map is not the bilinear one",
                    acceptedPoints, forced));
        }
        return chosen;
    }

    /** Starts the exact probabilities of the decision rules on a thread of their own. */
    private static FutureTask<ExactProbabilities> besideTheTransient(BitExchangeSettings s,
            SituationExpectations exact) {
        FutureTask<ExactProbabilities> task = new FutureTask<>(
                () -> ExactProbabilities.compute(ExactProbabilities.situations(s.resistors(), s.line(),
                        exact.transfer(), s.tEff(), s.beta()), s.bitDuration()));
        Thread thread = new Thread(task, "kljn-exact-probabilities");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** The exact probabilities computed beside the transient; their failure is rethrown as it was raised. */
    private static ExactProbabilities await(FutureTask<ExactProbabilities> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw Sessions.rethrowCause(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the exact probabilities were computed", e);
        }
    }
}

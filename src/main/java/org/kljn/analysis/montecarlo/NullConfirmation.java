package org.kljn.analysis.montecarlo;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaCurve;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.LoopIntegrals;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.noise.InjectedNoise;

import java.util.ArrayList;
import java.util.List;

/**
 * Confirms an attack's exact null β by transient Monte Carlo, independently of the exact analysis that found
 * it: bit exchanges at that β in ngspice, and the attack's mean statistic, which must be consistent with zero
 * within ±1 % of its β = 1 value at 3σ.
 *
 * <p>The null confirmed is the one for the band the transient injects (on a line with capacitance the pre-warped band
 * of {@link org.kljn.noise.PrewarpedNoise}, flat to 0.9 Δf, on the moments goal's coarse grid: only means matter here, so the
 * {@code moments} goal, {@link AccuracyGoal#MOMENTS}), found by the same exact analysis over that band; it differs
 * from the brick-wall null by the band's edge (the outcome carries both when the caller gives the brick-wall one).
 *
 * <p>The mean signal is (m_HL − m_LH)/2 over both secure situations (a symmetric line flips the sign of every
 * attack's statistic between HL and LH), each situation's mean adjusted by {@link ControlVariates}, which
 * shrinks its standard error many times at no bias. The solver steps are chosen so that {@link TrapezoidModel}
 * predicts a discretisation bias of the signal itself below a tenth of the allowance (0.1 % of the β = 1 value):
 * a signal is a small difference of large moments, so the moments' own 0.2 % target is not enough. With pre-warped
 * noise one step per grid point already meets it (the model's residual is quadrature-level).
 */
public final class NullConfirmation {
    /** The allowance: ±1 % of the β = 1 signal. */
    public static final double ALLOWANCE = 0.01;
    /** z of the consistency interval. */
    public static final double Z = 3;

    /**
     * @param signalAtBetaOne     the exact (HL − LH)/2 signal at β = 1, the yardstick
     * @param meanSignal          the transient's adjusted mean signal at β_null
     * @param expectedSignal      the exact signal at β_null over the injected band (0 up to the null's accuracy)
     * @param discretisationBias  the trapezoidal model's predicted bias of the signal at the steps used
     */
    public record Outcome(Attack attack, double betaNull, double betaNullBrickWall, double meanSignal, double standardError,
            double expectedSignal, double signalAtBetaOne, double discretisationBias, int bits, int bitSamples,
            int stepsPerSample, double seconds) {
        /** The mean signal as a fraction of the β = 1 signal. */
        public double relativeSignal() {
            return meanSignal / Math.abs(signalAtBetaOne);
        }

        /** 3σ half-width as a fraction of the β = 1 signal. */
        public double relativeHalfWidth() {
            return Z * standardError / Math.abs(signalAtBetaOne);
        }

        /** |mean| + 3σ within ±1 % of the β = 1 signal: consistent with zero. */
        public boolean confirmed() {
            return Math.abs(meanSignal) + Z * standardError <= ALLOWANCE * Math.abs(signalAtBetaOne);
        }

        /**
         * The outcome in words: "confirmed"; "not resolved" where the mean is within 3σ of zero but 3σ alone exceeds
         * the allowance (too few bits to tell, not a failed null); "NOT confirmed" where the mean is more than 3σ
         * from zero. No digits: the main job's summary.json holds every number its text states.
         */
        public String verdict() {
            return confirmed() ? "confirmed" : Math.abs(meanSignal) <= Z * standardError
                    ? "not resolved (three sigma exceed the allowance: more bits needed)" : "NOT confirmed";
        }
    }

    private NullConfirmation() {
    }

    /**
     * Finds the attack's exact null β over the injected band and runs {@code bits} bit exchanges of
     * {@code bitSamples} Nyquist samples there. {@code betaNullBrickWall} (NaN if unknown) is only reported.
     */
    public static Outcome confirm(NgSpicePool pool, ResistorPair resistors, LineModel line, double tEff,
            double bandwidth, Attack attack, double betaNullBrickWall, int bitSamples, int bits, long seed) {
        line.checkTransientCapable(); // before the AC sweeps: the transient would refuse the line anyway
        long t0 = System.nanoTime();
        BitExchangeSettings atOneSettings = BitExchangeSettings.builder(resistors, line).tEff(tEff).beta(1.0)
                .bandwidth(bandwidth).bitSamples(bitSamples).bits(bits).seed(seed).accuracy(AccuracyGoal.MOMENTS).build();
        InjectedNoise noise = atOneSettings.injectedNoise();
        SituationExpectations atBetaOne = pool.withSession(
                spice -> SituationExpectations.of(spice, atOneSettings, noise.band()));
        KljnLoop hl = Situation.HL.loop(resistors, line);
        double betaNull = BetaCurve.of(hl, ExactAnalysis.integrals(atBetaOne.transfer().get(Situation.HL)), tEff)
                .betaNull(attack).orElseThrow(() -> new IllegalArgumentException(attack.key()
                        + " has no null beta on " + line.describe()));
        return confirmAt(pool, resistors, line, tEff, bandwidth, attack, betaNull, betaNullBrickWall, bitSamples, bits,
                seed, t0);
    }

    /** As {@link #confirm}, at a given β (β = 1 shows the full signal: the procedure is not blind). */
    public static Outcome confirmAt(NgSpicePool pool, ResistorPair resistors, LineModel line, double tEff,
            double bandwidth, Attack attack, double betaNull, double betaNullBrickWall, int bitSamples, int bits,
            long seed, long t0) {
        BitExchangeSettings base = BitExchangeSettings.builder(resistors, line).tEff(tEff).beta(betaNull)
                .bandwidth(bandwidth).bitSamples(bitSamples).bits(bits).seed(seed).accuracy(AccuracyGoal.MOMENTS).build();
        InjectedNoise noise = base.injectedNoise();
        SituationExpectations exact = pool.withSession(
                spice -> SituationExpectations.of(spice, base, noise.band()));
        double[] atOne = new double[2];
        double[] atNull = new double[2];
        List<Situation> situations = Situation.SECURE;
        for (int i = 0; i < 2; i++) {
            KljnLoop loop = situations.get(i).loop(resistors, line);
            LoopIntegrals j = ExactAnalysis.integrals(exact.transfer().get(situations.get(i)));
            atOne[i] = KljnMoments.of(loop, j, tEff, 1.0).signal(attack);
            atNull[i] = exact.moments().get(situations.get(i)).signal(attack);
        }
        double signalAtOne = (atOne[0] - atOne[1]) / 2;
        int steps = 1;
        double bias = 0;
        for (; steps <= StepChoice.MAX_STEPS; steps *= 2) {
            bias = signalBias(base, exact, noise, attack, steps);
            if (Math.abs(bias) <= 0.1 * ALLOWANCE * Math.abs(signalAtOne) || line.capacitance() == 0) {
                break;
            }
        }
        steps = Math.min(steps, StepChoice.MAX_STEPS);
        BitExchangeSettings s = base.withStepsPerSample(steps);
        BitExchangeResult r = BitExchangeSimulation.run(pool, s, i -> { });

        double h = noise.gridStep();
        long first = Math.round(r.guard() / h);
        long last = first + Math.round(s.bitDuration() / h);
        int[] lags = ControlVariates.lags(h, ControlVariates.loopTimeConstant(s));
        double[] mean = new double[2];
        double[] se = new double[2];
        for (int i = 0; i < 2; i++) {
            Resistor alice = situations.get(i).alice();
            List<double[]> controls = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int b = 0; b < bits; b++) {
                if (r.aliceResistors().get(b) == alice) {
                    controls.add(ControlVariates.controls(noise, seed, b, first, last, lags));
                    y.add(WindowMoments.statistic(attack, r.bitAverages().get(b)));
                }
            }
            ControlVariates.Estimate e = ControlVariates.adjustedMean(y.stream().mapToDouble(Double::doubleValue)
                    .toArray(), controls.toArray(new double[0][]));
            mean[i] = e.mean();
            se[i] = e.standardError();
        }
        return new Outcome(attack, betaNull, betaNullBrickWall, (mean[0] - mean[1]) / 2, Math.hypot(se[0], se[1]) / 2,
                (atNull[0] - atNull[1]) / 2, signalAtOne, bias, bits, bitSamples, steps,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The trapezoidal model's bias of the (HL − LH)/2 signal with k steps per noise grid step. */
    static double signalBias(BitExchangeSettings s, SituationExpectations exact,
            InjectedNoise noise, Attack attack, int k) {
        double[] d = new double[2];
        List<Situation> situations = Situation.SECURE;
        for (int i = 0; i < 2; i++) {
            KljnLoop loop = situations.get(i).loop(s.resistors(), s.line());
            KljnMoments trap = KljnMoments.of(loop, TrapezoidModel.integrals(exact.transfer().get(situations.get(i)), noise, k),
                    s.tEff(), s.beta());
            d[i] = trap.signal(attack) - exact.moments().get(situations.get(i)).signal(attack);
        }
        return (d[0] - d[1]) / 2;
    }
}

package org.kljn.analysis.montecarlo;

import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Situation;
import org.kljn.noise.InjectedNoise;

/**
 * How the transient steps: solver steps per grid interval of the injected noise, the resulting bound on the relative
 * discretisation error of every transient moment the decisions use (U_A², U_B², I_A², I_B², U_A·I_A, U_B·I_B; a
 * product U·I relative to √(⟨U²⟩⟨I²⟩)), and the bound on how much the decision statistics' variance rates are
 * inflated by the step.
 *
 * <p>Two schemes on a line with capacitance ({@link AccuracyGoal}):
 * <ul>
 * <li>pre-warped ({@code distributions}, {@code moments}): {@link org.kljn.noise.PrewarpedNoise}, one trapezoidal
 * step per grid point; every mean is exact at any step (the bound is {@link #SAFETY} times {@link TrapezoidModel}'s
 * residual, quadrature-level). The step sets only the distributions: each statistic's variance rate becomes
 * ∫ Q J df / ∫ Q df times its continuous value, J = 1 + (πfh)² ({@link #inflation}). {@code distributions} takes
 * the coarsest grid K (points per Nyquist interval) with every inflation within {@link #INFLATION_TARGET};
 * {@code moments} takes {@link AccuracyGoal#MOMENTS_GRID}.</li>
 * <li>FIR ({@code fir}): the fewest steps k (1, 2, 4, ... 256) per FIR grid interval whose bound, {@link #SAFETY}
 * times the error {@link TrapezoidModel} predicts from the exact transfer functions of both secure situations, is
 * within the {@link #TARGET}. The factor covers the model's own error: it predicts ngspice's measured change of
 * every mean square within 15 % (TransientAccuracyIT; within 10 % on the main job's 20-section ladder).</li>
 * </ul>
 * Both assume ngspice takes exactly the forced steps; the run counts its accepted points and voids the bound when it
 * took more. A memoryless loop needs one step per Nyquist sample and has no discretisation error.
 *
 * @param stepsPerSample    solver steps per grid interval of the injected noise
 * @param bound             bound on the relative discretisation error of every moment (NaN: not bounded)
 * @param reason            why this choice, in words
 * @param goal              the accuracy goal the choice served
 * @param varianceInflation the largest relative inflation of a decision statistic's variance rate, V_step/V − 1
 *                          (0 on a memoryless loop; NaN: not computed)
 */
public record StepChoice(int stepsPerSample, double bound, String reason, AccuracyGoal goal,
        double varianceInflation) {

    /** The accuracy target for every transient moment (relative). */
    public static final double TARGET = 2e-3;
    /**
     * The {@code distributions} goal's target for the variance inflation: 1 %, i.e. a statistic's standard deviation
     * within 0.5 %, which moves a Gaussian success probability Φ(d) by at most φ(d)·d·0.005 ≤ 0.0012 (the maximum of
     * φ(d)·d is 0.242 at d = 1): a tenth of the binomial standard error of a run of up to 1700 bits.
     */
    public static final double INFLATION_TARGET = 0.01;
    static final int MAX_STEPS = 256;
    /** Bound over prediction: the model's measured accuracy (15 %) with margin. */
    static final double SAFETY = 1.25;

    public StepChoice(int stepsPerSample, double bound, String reason) {
        this(stepsPerSample, bound, reason, AccuracyGoal.FIR, Double.NaN);
    }

    /** The largest shift of a Gaussian success probability Φ(d) the inflation can cause: 0.242·(√(1+ε) − 1). */
    public double successRateShiftBound() {
        return 0.242 * (Math.sqrt(1 + Math.max(0, varianceInflation)) - 1);
    }

    /** The same choice with its bound voided, and why. */
    StepChoice voided(String why) {
        return new StepChoice(stepsPerSample, Double.NaN, reason + "; " + why, goal, varianceInflation);
    }

    /** Whether the bound meets {@link #TARGET}. */
    public boolean meetsTarget() {
        return bound <= TARGET;
    }

    static StepChoice trnoise() {
        return new StepChoice(1, Double.NaN, "TRNOISE: ngspice's own steps (a breakpoint at every sample and a"
                + " backward-Euler step after each); not bounded");
    }

    static StepChoice of(BitExchangeSettings s, SituationExpectations exact,
            InjectedNoise noise) {
        if (s.line().capacitance() == 0) {
            int k = Math.max(1, s.stepsPerSample());
            return new StepChoice(k, 0, "memoryless loop: ngspice solves it exactly at every point and it is linear"
                    + " between points, like its sources", s.accuracy(), 0);
        }
        if (s.prewarped()) {
            double inflation = inflation(s, exact, noise.gridStep());
            String why = "pre-warped noise, one step per grid point: means exact at K = " + s.oversampling()
                    + (inflation <= INFLATION_TARGET ? "; every variance inflation within " + INFLATION_TARGET
                    : "; distributions inflated beyond " + INFLATION_TARGET);
            return new StepChoice(1, SAFETY * predictedError(s, exact, noise, 1), why, s.accuracy(), inflation);
        }
        if (s.stepsPerSample() > 0) {
            int k = s.stepsPerSample();
            return new StepChoice(k, SAFETY * predictedError(s, exact, noise, k), "given", AccuracyGoal.FIR,
                    inflation(s, exact, noise.gridStep() / k));
        }
        double err = Double.NaN;
        for (int k = 1; k <= MAX_STEPS; k *= 2) {
            err = predictedError(s, exact, noise, k);
            if (SAFETY * err <= TARGET) {
                return new StepChoice(k, SAFETY * err, "trapezoidal error model: fewest steps per noise sample within"
                        + " the target", AccuracyGoal.FIR, inflation(s, exact, noise.gridStep() / k));
            }
        }
        return new StepChoice(MAX_STEPS, SAFETY * err, "trapezoidal error model: the target needs more than "
                + MAX_STEPS + " steps per noise sample", AccuracyGoal.FIR,
                inflation(s, exact, noise.gridStep() / MAX_STEPS));
    }

    /**
     * The largest relative inflation V_step/V − 1 of a decision statistic's variance rate (the three attacks and
     * Alice's and Bob's ⟨U²⟩, both secure situations) for trapezoidal steps h_s: the weighted mean of
     * J − 1 = (πf h_s)² with each statistic's variance density as weight. Derivation: the solver's samples are the
     * continuous responses at f_w seen through the bilinear map, so the sequence's two-sided spectra are
     * P(f) = S(f_w)·J/w(f) (f_w = tan(πfh_s)/(πh_s), w the window average's weight); the variance of a windowed
     * product's average is (1/τ)∫ w² [P_xu P_yv + P_xv P_yu] df = (1/τ)∫ [S_xu S_yv + S_xv S_yu] J df_w. Exact for
     * pre-warped noise; for FIR noise subdivided by k it is the leading order of the same effect.
     */
    static double inflation(BitExchangeSettings s, SituationExpectations exact, double hs) {
        double worst = 0;
        for (Situation situation : Situation.SECURE) {
            EveStatistics stats = EveStatistics.of(situation.loop(s.resistors(), s.line()), exact.transfer().get(situation), s.tEff());
            double[] plain = stats.decisionVarianceRates(s.beta(), f -> 1);
            double[] warped = stats.decisionVarianceRates(s.beta(), f -> 1 + Math.pow(Math.PI * f * hs, 2));
            for (int i = 0; i < plain.length; i++) {
                if (plain[i] > 0) {
                    worst = Math.max(worst, warped[i] / plain[i] - 1);
                }
            }
        }
        return worst;
    }

    /**
     * The {@code distributions} grid: the coarsest K (points per Nyquist interval) whose inflation, computed from the
     * transfer functions {@code transfer} (any band close to the injected one: the weights are ratios), is within
     * {@link #INFLATION_TARGET} with 10 % margin. The inflation is (π/(2KΔf))²·max m₂, m₂ the variance-weighted
     * mean of f², so K follows in closed form.
     */
    static int distributionsGrid(BitExchangeSettings s, java.util.Map<Situation, TransferFunctions> transfer) {
        double m2 = 0;
        for (Situation situation : Situation.SECURE) {
            EveStatistics stats = EveStatistics.of(situation.loop(s.resistors(), s.line()), transfer.get(situation), s.tEff());
            double[] plain = stats.decisionVarianceRates(s.beta(), f -> 1);
            double[] second = stats.decisionVarianceRates(s.beta(), f -> f * f);
            for (int i = 0; i < plain.length; i++) {
                if (plain[i] > 0) {
                    m2 = Math.max(m2, second[i] / plain[i]);
                }
            }
        }
        double k = Math.PI / (2 * s.bandwidth()) * Math.sqrt(m2 / (0.9 * INFLATION_TARGET));
        return (int) Math.max(1, Math.min(64, Math.ceil(k)));
    }

    /** The largest predicted relative error of the six moments, over both secure situations. */
    static double predictedError(BitExchangeSettings s, SituationExpectations exact,
            InjectedNoise noise, int k) {
        double worst = 0;
        for (Situation situation : Situation.SECURE) {
            TransferFunctions tf = exact.transfer().get(situation);
            KljnLoop loop = situation.loop(s.resistors(), s.line());
            KljnMoments trapezoid = KljnMoments.of(loop, TrapezoidModel.integrals(tf, noise, k), s.tEff(), s.beta());
            for (double e : TrapezoidModel.relativeErrors(trapezoid, exact.moments().get(situation))) {
                worst = Math.max(worst, Math.abs(e));
            }
        }
        return worst;
    }
}

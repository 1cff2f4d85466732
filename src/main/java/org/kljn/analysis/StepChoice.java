package org.kljn.analysis;

import org.kljn.circuit.KljnLoop;
import org.kljn.noise.InjectedNoise;

/**
 * How many solver steps the transient takes per noise grid interval, and the resulting bound on the relative
 * discretisation error of every transient moment the decisions use (U_A², U_B², I_A², I_B², U_A·I_A, U_B·I_B;
 * a product U·I relative to √(⟨U²⟩⟨I²⟩)).
 *
 * <p>The choice: the fewest steps k (1, 2, 4, ... 256) whose bound, {@link #SAFETY} times the error
 * {@link TrapezoidModel} predicts from the exact transfer functions of both secure situations, is within the
 * {@link #TARGET}. The factor covers the model's own error: it assumes ngspice takes exactly the forced steps
 * (its truncation-error control can only add points, which lowers the error), and it predicts ngspice's measured
 * change of every mean square within 15 % (TransientAccuracyTest; within 10 % on the main job's 20-section
 * ladder). A memoryless loop needs one step per noise
 * sample and has no discretisation error.
 *
 * @param stepsPerSample solver steps per grid interval of the injected noise
 * @param bound          bound on the relative discretisation error of every moment (NaN: not bounded)
 * @param reason         why this choice, in words
 */
public record StepChoice(int stepsPerSample, double bound, String reason) {

    /** The accuracy target for every transient moment (relative). */
    public static final double TARGET = 2e-3;
    static final int MAX_STEPS = 256;
    /** Bound over prediction: the model's measured accuracy (15 %) with margin. */
    static final double SAFETY = 1.25;

    /** Whether the bound meets {@link #TARGET}. */
    public boolean meetsTarget() {
        return bound <= TARGET;
    }

    static StepChoice trnoise() {
        return new StepChoice(1, Double.NaN, "TRNOISE: ngspice's own steps (a breakpoint at every sample and a"
                + " backward-Euler step after each); not bounded");
    }

    static StepChoice of(BitExchangeSimulation.Settings s, BitExchangeSimulation.Expectations exact,
            InjectedNoise noise) {
        if (s.line().capacitance() == 0) {
            int k = Math.max(1, s.stepsPerSample());
            return new StepChoice(k, 0, "memoryless loop: ngspice solves it exactly at every point and it is linear"
                    + " between points, like its sources");
        }
        if (s.stepsPerSample() > 0) {
            return new StepChoice(s.stepsPerSample(), SAFETY * predictedError(s, exact, noise, s.stepsPerSample()),
                    "given");
        }
        double err = Double.NaN;
        for (int k = 1; k <= MAX_STEPS; k *= 2) {
            err = predictedError(s, exact, noise, k);
            if (SAFETY * err <= TARGET) {
                return new StepChoice(k, SAFETY * err, "trapezoidal error model: fewest steps per noise sample within"
                        + " the target");
            }
        }
        return new StepChoice(MAX_STEPS, SAFETY * err, "trapezoidal error model: the target needs more than "
                + MAX_STEPS + " steps per noise sample");
    }

    /** The largest predicted relative error of the six moments, over both secure situations. */
    static double predictedError(BitExchangeSimulation.Settings s, BitExchangeSimulation.Expectations exact,
            InjectedNoise noise, int k) {
        double worst = 0;
        for (String situation : new String[] {"HL", "LH"}) {
            TransferFunctions tf = exact.transfer().get(situation);
            KljnLoop loop = new KljnLoop(s.resistors(), situation.charAt(0) == 'H' ? org.kljn.circuit.Resistor.H
                    : org.kljn.circuit.Resistor.L, situation.charAt(1) == 'H' ? org.kljn.circuit.Resistor.H
                    : org.kljn.circuit.Resistor.L, s.line());
            KljnMoments trapezoid = KljnMoments.of(loop, TrapezoidModel.integrals(tf, noise, k), s.tEff(), s.beta());
            for (double e : TrapezoidModel.relativeErrors(trapezoid, exact.moments().get(situation))) {
                worst = Math.max(worst, Math.abs(e));
            }
        }
        return worst;
    }
}

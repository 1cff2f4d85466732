package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.eavesdropper.WindowEavesdropper;
import org.kljn.analysis.eavesdropper.WindowLikelihoodRatio;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.Situation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole Monte Carlo of bit exchanges ({@link BitExchangeSimulation}): each attack's success and the best
 * eavesdropper's, measured and predicted, Alice's and Bob's errors, the measured statistics against their exact
 * means, the measured key rate, and how the transient ran.
 *
 * @param settings                   the settings as run (the grid resolved, {@link BitExchangeSimulation#resolve})
 * @param eve                        each attack's outcome over all bits
 * @param aliceBobErrors             bits where Alice or Bob decided wrong
 * @param predictedAliceBobErrorRate the exact probability of that ({@link ExactProbabilities})
 * @param guard                      the guard interval before each bit, s
 * @param acceptedPoints             ngspice's accepted points over all blocks
 * @param bitAverages                each bit's time averages of the six products ({@link WindowMoments})
 * @param aliceResistors             which resistor Alice held at each bit
 * @param transientSeconds           wall time of the transient blocks
 * @param steps                      how the transient stepped, and its bounds
 * @param measured                   each attack's statistic over each secure situation's bits
 * @param noiseBand                  the injected noise, in words
 * @param optimal                    the likelihood-ratio eavesdropper; null for a bit too short to hold a frequency
 *                                   bin below the band edge
 * @param callbacks                  who answered ngspice's per-point callbacks ("shim", "jna", or both joined by +)
 * @param keyRate                    null where Eve's window test is not measured (the spectral detector's Λ is not
 *                                   calibrated: its information would not be Eve's)
 */
public record BitExchangeResult(BitExchangeSettings settings, Map<Attack, AttackOutcome> eve, int aliceBobErrors,
        double predictedAliceBobErrorRate, double guard, long acceptedPoints, List<double[]> bitAverages,
        List<Resistor> aliceResistors, double transientSeconds, StepChoice steps,
        Map<Situation, Map<Attack, MeasuredStatistic>> measured, String noiseBand, OptimalOutcome optimal,
        String callbacks, KeyRateOutcome keyRate) {

    public double aliceBobErrorRate() {
        return (double) aliceBobErrors / settings.bits();
    }

    /** Bound on the relative discretisation error of every transient moment (see {@link StepChoice}). */
    public double discretisationBound() {
        return steps.bound();
    }

    /** One attack's outcome over all bits. */
    public record AttackOutcome(Attack attack, int correct, int bits, double predicted) {
        public double successRate() {
            return (double) correct / bits;
        }

        /** Wilson score interval at 95 %. */
        public double[] ci95() {
            return wilson(correct, bits, 1.959963984540054);
        }
    }

    /**
     * An attack's statistic over the bits of one situation: its sample mean, the standard error of that mean
     * (sample standard deviation / √n) and the exact expectation over the injected band.
     */
    public record MeasuredStatistic(Attack attack, Situation situation, int bits, double mean, double standardError,
            double expected) {
        /** (mean − expected)/standardError. */
        public double z() {
            return (mean - expected) / standardError;
        }

        /** Each attack's statistic over the bits of each secure situation, against its exact mean. */
        static Map<Situation, Map<Attack, MeasuredStatistic>> bySituation(SituationExpectations exact,
                List<Resistor> alice, List<double[]> perBit) {
            Map<Situation, Map<Attack, MeasuredStatistic>> out = new LinkedHashMap<>();
            for (Resistor holds : Resistor.values()) {
                Situation situation = Situation.secure(holds);
                Map<Attack, MeasuredStatistic> m = new EnumMap<>(Attack.class);
                for (Attack a : Attack.values()) {
                    double sum = 0, sum2 = 0;
                    int n = 0;
                    for (int i = 0; i < alice.size(); i++) {
                        if (alice.get(i) == holds) {
                            double x = WindowMoments.statistic(a, perBit.get(i));
                            sum += x;
                            sum2 += x * x;
                            n++;
                        }
                    }
                    double mean = n == 0 ? Double.NaN : sum / n;
                    double se = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, sum2 / n - mean * mean) / (n - 1));
                    m.put(a, new MeasuredStatistic(a, situation, n, mean, se,
                            exact.moments().get(situation).signal(a)));
                }
                out.put(situation, m);
            }
            return out;
        }
    }

    /**
     * The likelihood-ratio eavesdropper's outcome over all bits, and its predicted success. For a bit of at most
     * {@link OptimalResult#WINDOW_LIMIT} Nyquist samples whose simulated waveform represents the continuous loop at
     * the detector's resolution ({@link TransientWindowDetector.Support}), the detector is the exact window likelihood
     * ratio through Eve's instrument ({@code method} {@link OptimalResult#WINDOW}, {@code window} its measurement);
     * otherwise it is the spectral one ({@link LikelihoodRatioDetector}, from each bit's U_A and I_A at
     * {@code frequencyBins} bins, {@code method} {@link #SPECTRAL}) and {@code windowRefused} says why the window test
     * was not measured and what setting would measure it.
     */
    public record OptimalOutcome(int correct, int bits, double predicted, int frequencyBins, String method,
            WindowMeasurement window, WindowRefusal windowRefused) {
        /**
         * {@link #method()} where the window test is not measured: the spectral likelihood ratio at the bins
         * (k − ½)/τ, whose success is not a bound on every detector.
         */
        public static final String SPECTRAL = "spectral";

        public double successRate() {
            return (double) correct / bits;
        }

        /** Wilson score interval at 95 %. */
        public double[] ci95() {
            return wilson(correct, bits, 1.959963984540054);
        }
    }

    /**
     * The window likelihood ratio measured on the simulated bits beside its prediction for the same bit, band and
     * instrument.
     *
     * @param measured        success and I(K; Eve) from the empirical Λ of each situation ({@link EmpiricalLikelihoodRatios})
     * @param predicted       the exact test ({@link WindowEavesdropper#test}) over the band the injected noise has
     * @param edgeCompression how far the solver's frequency warp pulls the band edge in, 1 − f_e/Δf ({@link TransientWindowDetector.Support})
     */
    public record WindowMeasurement(EmpiricalLikelihoodRatios measured, WindowLikelihoodRatio predicted,
            double edgeCompression) {
        public EveInstrument instrument() {
            return predicted.instrument();
        }
    }

    /**
     * The secret-key rate measured on the simulated bits beside its prediction for the same loop, line, β, band (the
     * injected noise's) and bit, both at ξ = 1 ({@link KeyRate#withReconciliation}, {@link
     * MeasuredKeyRate#bitsPerSecond(double)} for another).
     *
     * @param measured  Alice's and Bob's decisions and Eve's window Λ on each bit
     * @param predicted Alice's and Bob's exact errors ({@link ExactProbabilities}) and Eve's exact window test
     *                  ({@link WindowEavesdropper#test}), the same ones the run's other predictions use
     */
    public record KeyRateOutcome(MeasuredKeyRate measured, KeyRate predicted) {
    }

    /** The Wilson score interval of k successes in n at z standard deviations. */
    static double[] wilson(int k, int n, double z) {
        double p = (double) k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}

package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.montecarlo.BitExchangeSettings;
import org.kljn.analysis.montecarlo.BitExchangeResult;
import org.kljn.analysis.montecarlo.EmpiricalLikelihoodRatios;
import org.kljn.analysis.montecarlo.MeasuredKeyRate;
import org.kljn.analysis.montecarlo.StepChoice;
import org.kljn.analysis.montecarlo.WindowRefusal;
import org.kljn.circuit.Situation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

/**
 * {@code kljn attack}'s result (docs/transient.md; its {@code keyRate}: docs/key-rate.md): the run's bits, Eve's
 * measured success per attack beside the prediction, the best eavesdropper's measurement, the HL means of each
 * statistic, the transient's accuracy, the measured key rate, Alice's and Bob's error rate and the run's cost. A number that is not finite (TRNOISE has no
 * discretisation bound; an estimate of fewer than two bits) is written as {@code null}: strict JSON has no NaN.
 *
 * @param optimal  the best eavesdropper, left out for a bit too short for her detector
 * @param measured each attack's statistic averaged over the HL bits (Alice holds R_H)
 * @param expected its exact expectation there
 * @param seconds  the run's wall time, of which {@code transientSeconds} in the transient blocks
 */
public record AttackOutput(int bits, int bitSamples, double bitDuration, double beta, long seed,
                           Map<String, EveRow> eve, @JsonInclude(NON_NULL) Optimal optimal,
                           Means<MeasuredMean> measured, Means<ExpectedMean> expected, Double discretisationBound,
                           double discretisationTarget, String accuracyGoal, Double varianceInflationBound,
                           double varianceInflationTarget, Double successRateShiftBound, boolean distributionsInflated,
                           double solverPointsPerNyquistSample, int noiseGrid, int stepsPerSample, String noiseBand,
                           MeasuredKeyRateOutput keyRate, double aliceBobErrorRate, double aliceBobErrorRatePredicted,
                           double guardInterval, long acceptedPoints, String callbacks, double seconds,
                           double transientSeconds) {

    /**
     * One detector's success over the bits: rate, Wilson 95 % interval, prediction, bits guessed right; for the best
     * eavesdropper also its method and its resolution (window basis functions, or spectral bins).
     */
    public record EveRow(double successRate, double[] ci95, double predicted, int correct,
                         @JsonInclude(NON_NULL) String method, @JsonInclude(NON_NULL) Integer basisFunctions,
                         @JsonInclude(NON_NULL) Integer frequencyBins) {
    }

    /** The best eavesdropper measured: the window likelihood ratio ({@link Window}) or the spectral one. */
    public sealed interface Optimal permits Window, Spectral {
    }

    /** The window likelihood ratio measured on the simulated bits beside its prediction for the same bit and band. */
    public record Window(String method, EveNoise eveNoise, int bits, int basisFunctions, Double successProbability,
                         Double successProbabilityStandardError, Double mutualInformation,
                         Double mutualInformationStandardError, double predictedSuccessProbability,
                         double predictedMutualInformation, double predictedWindowJeffreys,
                         double bandEdgeCompression) implements Optimal {
    }

    /** The spectral detector (not a bound on Eve), and why the window test was not measured. */
    public record Spectral(String method, EveNoise eveNoise, double successProbability,
                           double predictedSuccessProbability, String windowRefused) implements Optimal {
    }

    /** Per attack (keyed by it, after the situation) a mean of the situation's bits. */
    @JsonPropertyOrder({"situation", "perAttack"})
    public record Means<T>(String situation, @JsonAnyGetter Map<String, T> perAttack) {
    }

    /** A statistic's sample mean over the bits, its standard error and the bits. */
    public record MeasuredMean(Double mean, Double standardError, int bits) {
    }

    /** A statistic's exact expectation. */
    public record ExpectedMean(double mean) {
    }

    /** {@code keyRate}: measured beside predicted ({@link Measured}), or why it was not measured. */
    public sealed interface MeasuredKeyRateOutput permits Measured, NotMeasured {
    }

    /**
     * The rate measured on the simulated bits beside the exact prediction for the same loop, line, β, band and bit
     * ({@link KeyRateOutput}), both at ξ = {@code reconciliation}, and the measured rate's z against it.
     */
    public record Measured(double reconciliation, MeasuredRate measured, KeyRateOutput predicted,
                           Double bitsPerSecondZ) implements MeasuredKeyRateOutput {
    }

    /** Not measured: {@code measured} and {@code predicted} are null, {@code notMeasured} says why. */
    public record NotMeasured(double reconciliation, MeasuredRate measured, KeyRateOutput predicted,
                              String notMeasured) implements MeasuredKeyRateOutput {
        static NotMeasured because(double reconciliation, String why) {
            return new NotMeasured(reconciliation, null, null, why);
        }
    }

    /** The key rate's parts measured on the bits, each with its standard error. */
    public record MeasuredRate(int bits, Double bitsPerSecond, Double bitsPerSecondStandardError,
                               Double bitsPerKeptBit, Double bitsPerKeptBitStandardError, Double aliceBobInformation,
                               Double aliceBobInformationStandardError, Double eveInformation,
                               Double eveInformationStandardError, String eveInformationMethod, double keptFraction,
                               double bitDuration, MeasuredErrors aliceBob) {
        /** How Eve's measured information is had. */
        static final String EVE_METHOD = "estimate: Eve's window likelihood ratio applied to the simulated bits"
                + " (1 - mean log2(1 + exp(-s Lambda)))";

        static MeasuredRate of(MeasuredKeyRate r, double xi) {
            MeasuredKeyRate.Estimate rate = r.bitsPerSecond(xi), kept = r.bitsPerKeptBit(xi);
            MeasuredKeyRate.Estimate ab = r.aliceBobInformation(), eve = r.eveInformation();
            return new MeasuredRate(r.bits(), finite(rate.value()), finite(rate.standardError()), finite(kept.value()),
                    finite(kept.standardError()), finite(ab.value()), finite(ab.standardError()), finite(eve.value()),
                    finite(eve.standardError()), EVE_METHOD, KeyRate.KEPT_FRACTION, r.bitDuration(),
                    MeasuredErrors.of(r));
        }
    }

    /** Alice's and Bob's measured errors per role and per situation, each with its standard error. */
    public record MeasuredErrors(Double highHolderError, Double highHolderErrorStandardError, Double lowHolderError,
                                 Double lowHolderErrorStandardError, Double disagreementHl,
                                 Double disagreementHlStandardError, Double disagreementLh,
                                 Double disagreementLhStandardError, Double disagreement,
                                 Double disagreementStandardError) {
        static MeasuredErrors of(MeasuredKeyRate r) {
            return new MeasuredErrors(finite(r.highHolderError().value()), finite(r.highHolderError().standardError()),
                    finite(r.lowHolderError().value()), finite(r.lowHolderError().standardError()),
                    finite(r.disagreementHl().value()), finite(r.disagreementHl().standardError()),
                    finite(r.disagreementLh().value()), finite(r.disagreementLh().standardError()),
                    finite(r.disagreement().value()), finite(r.disagreement().standardError()));
        }
    }

    /**
     * The result of the run {@code r}, which took {@code seconds}; the key rate at ξ = {@code xi}, or
     * {@code notMeasured} where it was not measured; {@code refusal} words why Eve's window test was not measured
     * and what would measure it as the front end names its settings.
     */
    public static AttackOutput of(BitExchangeResult r, double seconds, double xi,
                                  Function<WindowRefusal, String> refusal, String notMeasured) {
        BitExchangeSettings s = r.settings();
        Map<String, EveRow> eve = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            BitExchangeResult.AttackOutcome o = r.eve().get(a);
            eve.put(a.key(), new EveRow(o.successRate(), o.ci95(), o.predicted(), o.correct(), null, null, null));
        }
        BitExchangeResult.OptimalOutcome o = r.optimal();
        if (o != null) {
            boolean window = o.window() != null;
            eve.put("optimal", new EveRow(o.successRate(), o.ci95(), o.predicted(), o.correct(), o.method(),
                    window ? o.window().predicted().basisFunctions() : null, window ? null : o.frequencyBins()));
        }
        Map<String, MeasuredMean> measured = new LinkedHashMap<>();
        Map<String, ExpectedMean> expected = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            BitExchangeResult.MeasuredStatistic m = r.measured().get(Situation.HL).get(a);
            measured.put(a.key(), new MeasuredMean(finite(m.mean()), finite(m.standardError()), m.bits()));
            expected.put(a.key(), new ExpectedMean(m.expected()));
        }
        StepChoice steps = r.steps();
        return new AttackOutput(s.bits(), s.bitSamples(), s.bitDuration(), s.beta(), s.seed(), eve,
                o == null ? null : optimal(o, s, refusal), new Means<>(Situation.HL.name(), measured),
                new Means<>(Situation.HL.name(), expected), finite(r.discretisationBound()), StepChoice.TARGET,
                steps.goal().key(), finite(steps.varianceInflation()), StepChoice.INFLATION_TARGET,
                finite(steps.successRateShiftBound()), distributionsInflated(r),
                (double) r.acceptedPoints() / ((double) s.bits() * s.bitSamples()),
                s.noise() == BitExchangeSettings.NoiseMode.TRNOISE ? 1 : s.noiseGrid(), steps.stepsPerSample(),
                r.noiseBand(), keyRate(r.keyRate(), xi, s.bandwidth(), notMeasured), r.aliceBobErrorRate(),
                r.predictedAliceBobErrorRate(), r.guard(), r.acceptedPoints(), r.callbacks(), seconds,
                r.transientSeconds());
    }

    /** Whether the step distorts the success rates beyond the distributions goal's target. */
    public static boolean distributionsInflated(BitExchangeResult r) {
        return r.steps().varianceInflation() > StepChoice.INFLATION_TARGET * (1 + 1e-9);
    }

    private static Optimal optimal(BitExchangeResult.OptimalOutcome o, BitExchangeSettings s,
                                   Function<WindowRefusal, String> refusal) {
        EveNoise instrument = EveNoise.of(s.eveNoise());
        BitExchangeResult.WindowMeasurement w = o.window();
        if (w == null) {
            return new Spectral(o.method(), instrument, o.successRate(), o.predicted(),
                    refusal.apply(o.windowRefused()));
        }
        EmpiricalLikelihoodRatios e = w.measured();
        return new Window(o.method(), instrument, e.bits(), w.predicted().basisFunctions(),
                finite(e.successProbability()), finite(e.successStandardError()), finite(e.mutualInformation()),
                finite(e.informationStandardError()), w.predicted().successProbability(),
                w.predicted().mutualInformation(), w.predicted().jeffreys(), w.edgeCompression());
    }

    private static MeasuredKeyRateOutput keyRate(BitExchangeResult.KeyRateOutcome k, double xi, double bandwidth,
                                                 String notMeasured) {
        if (k == null) {
            return NotMeasured.because(xi, notMeasured);
        }
        KeyRate p = k.predicted().withReconciliation(xi);
        return new Measured(xi, MeasuredRate.of(k.measured(), xi), KeyRateOutput.of(p, bandwidth),
                finite(k.measured().bitsPerSecond(xi).z(p.bitsPerSecond())));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

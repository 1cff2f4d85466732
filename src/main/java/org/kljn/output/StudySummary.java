package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.defence.KeyRateModel;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.montecarlo.NullConfirmation;
import org.kljn.analysis.study.LineSecurity;
import org.kljn.analysis.study.LineStudy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The main job's {@code summary.json} (docs/main-job.md): every number its text and page state, at full precision:
 * the parameters, eq. 11's β, each line model's nulls and Eve's exact success, the transient confirmation of each
 * null, the key rate of each defence with the verdict, the Monte Carlo rows and the best eavesdropper's verdict on
 * the line.
 */
public record StudySummary(Parameters parameters, double betaEq11, Map<String, Model> models,
                           Map<String, NullCheck> nullConfirmation, KeyRates keyRate, List<MonteCarloRow> monteCarlo,
                           Security security) {

    /**
     * The loop, the line and the runs: R_L, R_H (Ω), the preset and length (m), T_eff (K), the band (Hz), the line's
     * R_c (Ω), C_c (F), L_c (H); the reference bit of the success verdict; the Monte Carlo's and the null
     * confirmation's bits; the ladder's sections, the Monte Carlo seed (a row's seed is seed + 100·row + column), and
     * the null confirmation's rule: confirmed when |mean| + {@code nullSigmas}·σ stays within {@code nullAllowance}
     * of the β = 1 signal.
     */
    public record Parameters(double rl, double rh, String preset, double length, double teff, double bandwidth,
                             double rc, double cc, double lc, int referenceBitSamples, double referenceBitDuration,
                             int monteCarloBits, int nullBits, int nullBitSamples, int ladderSections, long seed,
                             double nullSigmas, double nullAllowance) {
    }

    /**
     * One line model: each attack's exact null β ({@code betaNull_<attack>}, null: none), the minimax β and Eve's
     * best exact success for the reference bit with no defence, eq. 11's β and the minimax β.
     */
    @JsonPropertyOrder({"betaNulls", "betaMinimax"})
    public record Model(@JsonAnyGetter Map<String, Double> betaNulls, double betaMinimax,
                        double eveBestSuccessNoDefence, double eveBestSuccessEq11, double eveBestSuccessMinimax) {
    }

    /**
     * One attack's null confirmed by the transient: the null over the brick wall and over the injected band, the mean
     * signal there, its standard error, the β = 1 signal, both as fractions of it, the steps, the judgement (and in
     * words: "not resolved" and "NOT confirmed" differ), and the run's wall time in seconds.
     */
    public record NullCheck(double betaNullBrickWall, double betaNullInjectedBand, double meanSignal,
                            double standardError, double signalAtBetaOne, double relativeSignal,
                            double relativeHalfWidth3Sigma, int stepsPerSample, boolean confirmed, String verdict,
                            double seconds) {
        static NullCheck of(NullConfirmation.Outcome o) {
            return new NullCheck(o.betaNullBrickWall(), o.betaNull(), o.meanSignal(), o.standardError(),
                    o.signalAtBetaOne(), o.relativeSignal(), o.relativeHalfWidth(), o.stepsPerSample(), o.confirmed(),
                    o.verdict(), o.seconds());
        }
    }

    /**
     * The key-rate verdict and its numbers for every defence tried: the best defence, the band, the ξ shown beside,
     * Eve's instrument, the rows; the bit ({@code bitSamples}, null where each defence's best bit was searched) and
     * the range a search considers, in Nyquist samples and in seconds.
     */
    public record KeyRates(String verdict, String best, double bandwidth, double practicalReconciliation,
                           EveNoise eveNoise, Map<String, KeyRateRow> defences, Integer bitSamples, int minBitSamples,
                           int maxBitSamples, double minBitDuration, double maxBitDuration) {
        static KeyRates of(KeyRateDefences k, String verdict) {
            Map<String, KeyRateRow> rows = new LinkedHashMap<>();
            for (KeyRateDefences.Row r : k.rows()) {
                KeyRate rate = r.rate();
                NoiseTemperatures t = r.temperatures();
                rows.put(r.key(), new KeyRateRow(r.name(), rate.fields(),
                        KeyRateOutput.orNull(rate.withReconciliation(KeyRate.PRACTICAL_RECONCILIATION).bitsPerSecond()),
                        Math.round(2 * k.bandwidth() * rate.bitDuration()),
                        new double[] {t.highAtAlice(), t.lowAtAlice(), t.highAtBob(), t.lowAtBob()}));
            }
            return new KeyRates(verdict, k.best().key(), k.bandwidth(), KeyRate.PRACTICAL_RECONCILIATION,
                    EveNoise.of(k.instrument()), rows, k.bitSamples(), KeyRateModel.MIN_SAMPLES, k.maxSamples(),
                    BitLength.duration(KeyRateModel.MIN_SAMPLES, k.bandwidth()),
                    BitLength.duration(k.maxSamples(), k.bandwidth()));
        }
    }

    /**
     * One defence's key rate: its name, the rate's numbers, the rate at ξ = 0.95, the bit in Nyquist samples and the
     * temperatures {T_HA, T_LA, T_HB, T_LB} (K).
     */
    public record KeyRateRow(String name, @JsonUnwrapped KeyRate.Fields rate,
                             Double bitsPerSecondAtReconciliation095, long bitSamples, double[] temperatures) {
    }

    /** One Monte Carlo row of the page: the condition and its β, Eve's best attack, the bit, her measured success. */
    public record MonteCarloRow(String condition, double beta, String attack, int bitSamples, double bitDuration,
                                int bits, double eveSuccessRate, double low95, double high95, double predicted,
                                double aliceBobErrorRate) {
    }

    /** The best eavesdropper's verdict on the line (the security paragraph's numbers). */
    public record Security(double length, double bandwidth, int bitSamples, double epsilon, boolean secure,
                           double eveOptimalSuccess, BestTemperatures bestTemperatures, boolean zeroReachable,
                           double secureLength, double secureBandwidth) {
        static Security of(LineSecurity s) {
            NoiseTemperatures t = s.defence().temperatures();
            return new Security(s.length(), s.bandwidth(), s.bitSamples(), s.epsilon(), s.secure(), s.successBest(),
                    new BestTemperatures(t.lowAtAlice() / t.highAtAlice(), t.highAtBob() / t.highAtAlice(),
                            t.lowAtBob() / t.highAtAlice(), s.defence().jeffreysRate()), s.zeroReachable(),
                    s.secureLength(), s.secureBandwidth());
        }
    }

    /** The best temperature set relative to T_HA, and the Jeffreys rate J (nats/s) it leaves. */
    public record BestTemperatures(double lowAtAliceOverHighAtAlice, double highAtBobOverHighAtAlice,
                                   double lowAtBobOverHighAtAlice, double jeffreysRate) {
    }

    /** The summary of {@code study}, whose key-rate verdict reads {@code keyRateVerdict}. */
    public static StudySummary of(LineStudy.Result study, String keyRateVerdict) {
        LineStudy.Config c = study.config();
        Parameters parameters = new Parameters(c.resistors().low(), c.resistors().high(), c.preset().word(),
                c.length(), c.tEff(), c.bandwidth(), study.resistance(), study.capacitance(), study.inductance(),
                LineStudy.REFERENCE_BIT_SAMPLES, BitLength.duration(LineStudy.REFERENCE_BIT_SAMPLES, c.bandwidth()),
                c.mcBits(), c.nullBits(), c.nullBitSamples(), c.ladderSections(), c.seed(), NullConfirmation.Z,
                NullConfirmation.ALLOWANCE);
        Map<String, Model> models = new LinkedHashMap<>();
        for (LineStudy.ModelResult m : study.models().values()) {
            Map<String, Double> nulls = new LinkedHashMap<>();
            for (Attack a : Attack.values()) {
                OptionalDouble n = m.exact().betaNull(a);
                nulls.put("betaNull_" + a.key(), n.isPresent() ? n.getAsDouble() : null);
            }
            models.put(m.name(), new Model(nulls, m.betaMinimax(), m.eveNoDefence(), m.eveEq11(), m.eveMinimax()));
        }
        Map<String, NullCheck> nulls = new LinkedHashMap<>();
        for (NullConfirmation.Outcome o : study.nullConfirmations()) {
            nulls.put(o.attack().key(), NullCheck.of(o));
        }
        List<MonteCarloRow> rows = new ArrayList<>();
        for (LineStudy.SuccessCondition k : study.success()) {
            for (LineStudy.MonteCarloPoint p : k.monteCarlo()) {
                rows.add(new MonteCarloRow(k.label(), k.beta(), k.bestAttack().key(), p.bitSamples(), p.bitDuration(),
                        c.mcBits(), p.successRate(), p.low95(), p.high95(), p.predicted(), p.aliceBobErrorRate()));
            }
        }
        return new StudySummary(parameters, study.betaEq11(), models, nulls,
                KeyRates.of(study.keyRate(), keyRateVerdict), rows, Security.of(study.security().line()));
    }
}

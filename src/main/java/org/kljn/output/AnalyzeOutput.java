package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.AttackSignal;
import org.kljn.analysis.defence.DefenceChoices;
import org.kljn.analysis.finitebit.EvePrediction;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.KeyRateSearch;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.analysis.exact.LumpedComparison;
import org.kljn.analysis.eavesdropper.OptimalPrediction;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.io.Units;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

/**
 * {@code kljn analyze}'s result (keys: docs/exact-analysis.md): the verdict, the loop's exact expectations and
 * attack signals with each attack's null β, Eve's exact finite-bit success, Alice's and Bob's errors, the best
 * eavesdropper, the key rates and the single-β defences. Components marked {@code NON_NULL} are left out where the
 * analysis has no such part; every other absent number is written as {@code null}.
 *
 * @param keyRate         the analysed β's key rate at the bit
 * @param keyRateSearch   the same with {@code --bit-duration best}'s search for the bit, else null (left out)
 * @param keyRateDefences each defence's key rate
 */
public record AnalyzeOutput(String verdict, double beta, Double betaEq11, Parameters parameters, Ends ends,
                            Map<String, AttackEntry> attacks, double integrationRelativeError,
                            @JsonInclude(NON_NULL) Lumped lumpedEquivalent, Eve eve, AliceBob aliceBob,
                            @JsonInclude(NON_NULL) Optimal optimal, KeyRateOutput keyRate,
                            @JsonInclude(NON_NULL) KeyRateOutput keyRateSearch,
                            KeyRateOutput.Defences keyRateDefences, Defences defences) {

    /** The loop and band; {@code preset} and {@code length} only for a preset cable. */
    public record Parameters(double rl, double rh, String alice, String cable, String line, double teff,
                             double bandwidth, @JsonInclude(NON_NULL) String preset,
                             @JsonInclude(NON_NULL) Double length) {
    }

    /** The mean squares and the power into the cable at Alice's end (A) and Bob's (B). */
    public record Ends(@JsonProperty("A") End a, @JsonProperty("B") End b) {
    }

    /** One end: ⟨U²⟩ in V², ⟨I²⟩ in A², the power into the cable in W. */
    public record End(double voltageMeanSquare, double currentMeanSquare, double power) {
    }

    /**
     * One attack's exact signal, its null β (null: none), its signal at eq. 11's β (left out where eq. 11 does not
     * apply), at each attack's null β, and Eve's finite-bit success with it.
     */
    public record AttackEntry(double signal, Double betaNull, @JsonInclude(NON_NULL) Double signalAtBetaEq11,
                              Map<String, Double> signalAtEachBetaNull, double snrRate, double successProbability,
                              double errorProbability) {
    }

    /** The lumped comparison of a distributed line: its DC resistance, the transfer deviation, the signals at β = 1. */
    public record Lumped(double seriesResistance, double maxTransferDeviation, Map<String, Double> signalsAtBeta1) {
    }

    /** Eve's exact finite-bit success per attack (keyed by the attack, between the bit and the method). */
    @JsonPropertyOrder({"bitSamples", "bitDuration", "perAttack", "method", "betaMinimax", "bestSnrRateAtBetaMinimax"})
    public record Eve(int bitSamples, double bitDuration, @JsonAnyGetter Map<String, EveAttack> perAttack,
                      String method, Double betaMinimax, Double bestSnrRateAtBetaMinimax) {
    }

    /** One attack's statistic for the bit: |μ|/√V, Eve's success and error, the Bayes threshold and its rule. */
    public record EveAttack(double snrRate, double successProbability, double errorProbability, double threshold,
                            String rule) {
    }

    /** Alice's and Bob's errors per bit, and per role (the R_H and the R_L holder). */
    public record AliceBob(double errorProbability, double errorBound, double aliceErrorProbability,
                           double bobErrorProbability, double highHolderErrorProbability,
                           double lowHolderErrorProbability) {
    }

    /**
     * The best second-order eavesdropper at the β used ({@code windowJeffreys} null where the window is not
     * computed; {@code spectralSuccessProbability} is an approximation, not a bound on Eve), and the β minimising J.
     */
    public record Optimal(double jeffreysRate, double divergenceRateHlFromLh, double divergenceRateLhFromHl,
                          double jeffreysRateErrorBound, double bitDuration, int bins, String method,
                          double successProbability, double errorProbability, double mutualInformation,
                          Double windowJeffreys, EveNoise eveNoise, boolean boundsEveryDetector,
                          double spectralSuccessProbability, double betaMinimizing,
                          double jeffreysRateAtBetaMinimizing) {
        static Optimal of(OptimalPrediction p) {
            OptimalResult o = p.atBetaUsed();
            return new Optimal(o.jeffreysRate(), o.divergenceHlFromLh(), o.divergenceLhFromHl(), o.integrationError(),
                    o.bitDuration(), o.bins(), o.method(), o.successProbability(), o.errorProbability(),
                    o.mutualInformation(), Double.isNaN(o.windowJeffreys()) ? null : o.windowJeffreys(),
                    EveNoise.of(o.eveNoise()), o.boundsEveryDetector(), o.spectralSuccessProbability(),
                    p.betaMinimizing(), p.jeffreysRateAtBetaMinimizing());
        }
    }

    /** The single-β defences keyed by their key, then the recommended one in a word and in a sentence. */
    @JsonPropertyOrder({"perDefence", "recommended", "secure", "recommendation"})
    public record Defences(@JsonAnyGetter Map<String, Defence> perDefence, String recommended, boolean secure,
                           String recommendation, @JsonIgnore int bitSamples, @JsonIgnore double bitDuration) {
        private static final TextTable<Defence> TABLE = TextTable.<Defence>of()
                .column("defence", "%-24s", Defence::name).column("beta", "%12.6g", Defence::beta)
                .column("attack", "%-10s", Defence::bestAttack)
                .column("P(attack)", "%10.6f", Defence::attackSuccessProbability)
                .column("P(optimal)", "%11.6f", Defence::optimalSuccessProbability)
                .column("J [nats/s]", "%12.4e", Defence::jeffreysRate);

        public static Defences of(DefenceChoices d) {
            Map<String, Defence> per = new LinkedHashMap<>();
            for (DefenceChoices.Choice c : d.choices()) {
                per.put(c.key(), new Defence(c.beta(), c.bestAttack().key(), c.attackSuccess(), c.optimalSuccess(),
                        c.jeffreysRate(), c.name()));
            }
            return new Defences(per, d.recommended().key(), d.secure(), recommendation(d), d.bitSamples(),
                    d.bitDuration());
        }

        /** The defences side by side for the bit, and the recommendation. */
        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "%nDefences for a bit of %.6g s (%d Nyquist samples): Eve's probability of a correct"
                    + " guess%n", bitDuration, bitSamples);
            TABLE.print(out, perDefence.values().stream().toList());
            out.println(recommendation);
        }

        /** The recommendation in one sentence. */
        static String recommendation(DefenceChoices d) {
            DefenceChoices.Choice c = d.recommended();
            if (d.secure()) {
                return String.format(Locale.ROOT, "recommendation: beta = %.6g (%s): Eve's best guess of a %.4g s bit is"
                                + " right with probability %.4f (best attack %s %.4f, best eavesdropper %.4f), within 0.5"
                                + " + %.2g: secure for this bit", c.beta(), c.name(), d.bitDuration(), c.eveSuccess(),
                        c.bestAttack().key(), c.attackSuccess(), c.optimalSuccess(), d.epsilon());
            }
            if (c.attackSuccess() <= 0.5 + d.epsilon()
                    && OptimalResult.WINDOW_BOUND.equals(c.keyRate().eveMethod())) {
                // only the best eavesdropper's upper bound exceeds 0.5 + ε: that does not show she does
                return String.format(Locale.ROOT, "recommendation: beta = %.6g (%s) keeps every attack within 0.5 +"
                                + " %.2g for a %.4g s bit (best attack %s %.4f), but only an upper bound on the best"
                                + " eavesdropper is known for this bit (p <= %.4f, method window-bound): security is not"
                                + " shown; a bit of at most %d Nyquist samples (--bit-duration best) gives her exact"
                                + " success", c.beta(), c.name(), d.epsilon(), d.bitDuration(), c.bestAttack().key(),
                        c.attackSuccess(), c.optimalSuccess(), OptimalResult.WINDOW_LIMIT);
            }
            return String.format(Locale.ROOT, "recommendation: no single beta protects this line for this bit: even with"
                            + " the best, beta = %.6g (%s), Eve guesses a %.4g s bit correctly with probability %.4f (the"
                            + " %s attack %.4f, the best eavesdropper %.4f); use a shorter line, a narrower band or shorter"
                            + " bits (kljn map shows where it is secure)", c.beta(), c.name(), d.bitDuration(),
                    c.eveSuccess(), c.bestAttack().key(), c.attackSuccess(), c.optimalSuccess());
        }
    }

    /** One single-β defence: its β, Eve's best attack and her success with it and with the best eavesdropper. */
    public record Defence(double beta, String bestAttack, double attackSuccessProbability,
                          double optimalSuccessProbability, double jeffreysRate, @JsonIgnore String name) {
    }

    private static final TextTable<Map.Entry<String, End>> ENDS = TextTable.<Map.Entry<String, End>>of()
            .column("end", "%-5s", Map.Entry::getKey)
            .column(Units.superscripts("<U^2> [V^2]"), "%16.9e", e -> e.getValue().voltageMeanSquare())
            .column(Units.superscripts("<I^2> [A^2]"), "%16.9e", e -> e.getValue().currentMeanSquare())
            .column("P into cable [W]", "%16.9e", e -> e.getValue().power());

    private static final TextTable<Map.Entry<String, AttackEntry>> SIGNALS = TextTable.<Map.Entry<String, AttackEntry>>of()
            .column("attack", "%-10s", Map.Entry::getKey)
            .column("signal", "%16.9e", e -> e.getValue().signal())
            .column("beta null", "%16s", e -> e.getValue().betaNull() == null ? "none"
                    : String.format(Locale.ROOT, "%.9g", e.getValue().betaNull()))
            .column("at eq.11 beta", "%16s", e -> e.getValue().signalAtBetaEq11() == null ? "-"
                    : String.format(Locale.ROOT, "%.9e", e.getValue().signalAtBetaEq11()));

    private static final TextTable<Map.Entry<String, EveAttack>> EVE = TextTable.<Map.Entry<String, EveAttack>>of()
            .column("attack", "%-10s", Map.Entry::getKey)
            .column("P(correct)", "%12.6f", e -> e.getValue().successProbability())
            .column("P(wrong)", "%12.4e", e -> e.getValue().errorProbability())
            .column("|mu|/sqrt(V)", "   ", "%s", e -> String.format(Locale.ROOT, "%.4e /sqrt(s)%s",
                    e.getValue().snrRate(), e.getValue().rule().equals("blind")
                            ? "  (HL and LH have the same mean: a coin toss)" : ""));

    /** The mean squares and powers at both ends. */
    public void printEnds(PrintWriter out) {
        ENDS.print(out, List.of(Map.entry("A", ends.a()), Map.entry("B", ends.b())));
    }

    /** Each attack's signal, null β and signal at eq. 11's β. */
    public void printSignals(PrintWriter out) {
        SIGNALS.print(out, List.copyOf(attacks.entrySet()));
    }

    /** Eve's success and error per attack for the bit, and |μ|/√V. */
    public void printEve(PrintWriter out) {
        EVE.print(out, List.copyOf(eve.perAttack().entrySet()));
    }

    /**
     * The result of {@code r}, with the line as the user gave it ({@code cable}: its preset and length go into the
     * parameters) and in words ({@code where}, as the verdict names it), the key rates ({@code keys}: the analysed β
     * first; {@code searched}: the search for its best bit, or null) and the defences.
     */
    public static AnalyzeOutput of(LoopAnalysisResult r, CableSpec cable, KeyRateDefences keys,
                                   KeyRateSearch.Optimum searched, String where, DefenceChoices defences) {
        double bandwidth = r.settings().bandwidth();
        KljnLoop loop = r.loop();
        KljnMoments m = r.moments();
        Parameters params = new Parameters(loop.resistors().low(), loop.resistors().high(), loop.alice().name(),
                loop.line().kind(), loop.line().describe(), r.settings().tEff(), r.settings().bandwidth(),
                cable.preset() != null ? cable.preset().word() : null, cable.preset() != null ? cable.length() : null);
        Ends ends = new Ends(new End(m.meanSquareVoltageA(), m.meanSquareCurrentA(), m.powerIntoCableA()),
                new End(m.meanSquareVoltageB(), m.meanSquareCurrentB(), m.powerIntoCableB()));
        EvePrediction eve = r.eve();
        Map<String, AttackEntry> attacks = new LinkedHashMap<>();
        Map<String, EveAttack> eveAttacks = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            AttackSignal s = r.attacks().get(a);
            Map<String, Double> residuals = new LinkedHashMap<>();
            for (Attack other : Attack.values()) {
                residuals.put(other.key(), orNull(s.signalAtBetaNullOf().get(other)));
            }
            EvePrediction.AttackPrediction p = eve.of(a);
            attacks.put(a.key(), new AttackEntry(s.signal(), orNull(s.betaNull()), orNull(s.signalAtBetaEq11()),
                    residuals, p.snrRate(), p.successProbability(), p.errorProbability()));
            ExactProbabilities.EveAttack e = eve.exact().of(a);
            eveAttacks.put(a.key(), new EveAttack(p.snrRate(), p.successProbability(), p.errorProbability(),
                    e.threshold(), e.rule()));
        }
        ExactProbabilities.AliceBob ab = eve.exact().aliceBob();
        KeyRate.Errors roles = KeyRate.Errors.of(eve.exact().aliceBobHl(), eve.exact().aliceBobLh());
        return new AnalyzeOutput(keys.verdict(where), r.betaUsed(), orNull(r.betaEq11()), params, ends, attacks, r.errorBound(),
                r.lumpedEquivalent().map(AnalyzeOutput::lumped).orElse(null),
                new Eve(eve.bitSamples(), eve.bitDuration(), eveAttacks, eve.method(), orNull(eve.betaMinimax()),
                        orNull(eve.bestSnrRateAtBetaMinimax())),
                new AliceBob(ab.errorProbability(), ab.errorBound(), ab.aliceError(), ab.bobError(),
                        roles.highHolderError(), roles.lowHolderError()),
                r.optimal().map(Optimal::of).orElse(null), KeyRateOutput.of(keys.rows().get(0).rate(), bandwidth),
                searched == null ? null : KeyRateOutput.of(searched, bandwidth), KeyRateOutput.Defences.of(keys, where),
                Defences.of(defences));
    }

    private static Lumped lumped(LumpedComparison l) {
        Map<String, Double> sig = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            sig.put(a.key(), l.lumpedSignals()[a.ordinal()]);
        }
        return new Lumped(l.seriesResistance(), l.maxDeviation(), sig);
    }

    static Double orNull(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}

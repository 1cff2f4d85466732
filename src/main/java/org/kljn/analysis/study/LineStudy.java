package org.kljn.analysis.study;

import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.analysis.montecarlo.BitExchange;
import org.kljn.analysis.montecarlo.BitExchangeSettings;
import org.kljn.analysis.montecarlo.BitExchangeResult;
import org.kljn.analysis.montecarlo.NullConfirmation;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpicePool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The computation of the main job: one realistic KLJN line studied end to end, as records (the report folder is
 * written from them by {@code report.KljnStudy}, which runs no simulation). For each line model (lumped resistance,
 * RC ladder, URC, LTRA): the exact analysis, its null β, minimax β and Eve's best success without defence, with
 * eq. 11's β and with the minimax β; Eve's success against bit duration, predicted and by Monte Carlo in ngspice on
 * the ladder; the leak eq. 11's β leaves against cable length; the ladder's convergence to the exact RC line.
 */
public final class LineStudy {
    /** Bit length of the reference bit in the model table, Nyquist samples. */
    public static final int REFERENCE_BIT_SAMPLES = 1000;
    /** Bits and bit length of each null confirmation: about 30 s per attack on two cores. */
    public static final int NULL_BITS = 400;
    public static final int NULL_BIT_SAMPLES = 200;

    private LineStudy() {
    }

    /**
     * The study's inputs.
     *
     * @param resistors      R_L, R_H
     * @param preset         the cable type
     * @param length         its length, m
     * @param tEff           T_eff, K
     * @param bandwidth      Δf, Hz
     * @param ladderSections T sections of the ladder model
     * @param mcBits         bits per Monte Carlo point
     * @param mcBitSamples   the bit lengths of the Monte Carlo points, Nyquist samples
     * @param seed           the Monte Carlo seed
     * @param nullBits       bits of each transient null confirmation ({@link NullConfirmation})
     * @param nullBitSamples their length in Nyquist samples
     */
    public record Config(ResistorPair resistors, CablePreset preset, double length, double tEff, double bandwidth,
                         int ladderSections, int mcBits, int[] mcBitSamples, long seed, int nullBits,
                         int nullBitSamples) {
        public Config {
            mcBitSamples = mcBitSamples.clone();
        }

        /** With the default null confirmation: {@link #NULL_BITS} bits of {@link #NULL_BIT_SAMPLES} samples. */
        public Config(ResistorPair resistors, CablePreset preset, double length, double tEff, double bandwidth,
                int ladderSections, int mcBits, int[] mcBitSamples, long seed) {
            this(resistors, preset, length, tEff, bandwidth, ladderSections, mcBits, mcBitSamples, seed, NULL_BITS,
                    NULL_BIT_SAMPLES);
        }

        /** 1 kΩ / 10 kΩ, 2 km of Cat5-like pair, T_eff = 1e9 K, Δf = 500 Hz: a KLJN line as built in the literature. */
        public static Config defaults() {
            return new Config(new ResistorPair(1e3, 10e3), CablePreset.CAT5, 2e3, 1e9, 500, 20, 100,
                    new int[] {50, 400}, 1);
        }

        @Override
        public int[] mcBitSamples() {
            return mcBitSamples.clone();
        }
    }

    /**
     * One line model at the study's length.
     *
     * @param name         its cable word (lumped, ladder, urc, ltra)
     * @param exact        its exact analysis at β = 1, with the minimax β, for the reference bit
     * @param eveNoDefence Eve's best success for the reference bit at β = 1
     * @param eveEq11      ... at eq. 11's β
     * @param eveMinimax   ... at the minimax β
     */
    public record ModelResult(String name, LoopAnalysisResult exact, double eveNoDefence, double eveEq11,
                              double eveMinimax) {
        public LineModel line() {
            return exact.loop().line();
        }

        public double betaMinimax() {
            return exact.betaMinimax().getAsDouble();
        }
    }

    /** One Monte Carlo point: Eve's best attack's measured success rate, its Wilson 95 % interval, the prediction. */
    public record MonteCarloPoint(int bitSamples, double bitDuration, double successRate, double low95, double high95,
                                  double predicted, double aliceBobErrorRate) {
    }

    /**
     * Eve's best attack against bit duration for one defence.
     *
     * @param label      the condition in words
     * @param beta       its β
     * @param bestAttack the attack with the largest |μ|/√V at that β
     * @param bitSamples the bit lengths of the predicted curve
     * @param predicted  Eve's predicted success at each
     * @param monteCarlo the Monte Carlo points
     */
    public record SuccessCondition(String label, double beta, Attack bestAttack, double[] bitSamples,
                                   double[] predicted, List<MonteCarloPoint> monteCarlo) {
    }

    /** Eve's best |μ|/√V at eq. 11's β over that at β = 1, against cable length, for one model. */
    public record ResidualCurve(String model, double[] lengths, double[] residual) {
    }

    /** The ladder's relative error against the exact RC line, by number of sections, for one attack's signal. */
    public record ConvergenceCurve(Attack attack, int[] sections, double[] relativeError) {
    }

    /**
     * Everything the report shows.
     *
     * @param models            the four line models at the study's length, in the order lumped, ladder, urc, ltra
     * @param security          the best eavesdropper against the best temperature defence, and the cable's security map
     * @param nullConfirmations each attack's exact null on the ladder, confirmed by transient Monte Carlo
     * @param keyRate           the secret-key rate on the exact line (LTRA) of no defence, the β minimising J and
     *                          the best temperature set, each at its best bit ({@link KeyRateDefences}; ξ = 1)
     */
    public record Result(Config config, double resistance, double capacitance, double inductance, double betaEq11,
                         Map<String, ModelResult> models, String monteCarloLine, List<SuccessCondition> success,
                         List<NullConfirmation.Outcome> nullConfirmations, List<ResidualCurve> residual,
                         List<ConvergenceCurve> convergence, SecurityVerdict security, KeyRateDefences keyRate) {
        public Result {
            models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
            success = List.copyOf(success);
            nullConfirmations = List.copyOf(nullConfirmations);
            residual = List.copyOf(residual);
            convergence = List.copyOf(convergence);
        }
    }

    /** The four line models of {@code metres} of the preset cable, by their cable words. */
    public static Map<String, LineModel> models(CablePreset preset, double metres, int ladderSections) {
        Map<String, LineModel> m = new LinkedHashMap<>();
        for (CableKind k : List.of(CableKind.LUMPED, CableKind.LADDER, CableKind.URC, CableKind.LTRA)) {
            m.put(k.word(), CableSpec.preset(k, preset, metres, k == CableKind.LADDER ? ladderSections : 0).line());
        }
        return m;
    }

    /**
     * Checks the study before anything runs: every line model at the study's length resolves the band with the
     * rules every analysis applies (a ladder too coarse for the band is refused with the sections it needs).
     *
     * @throws org.kljn.circuit.ParameterException naming the quantity at fault
     */
    public static void check(Config c) {
        for (LineModel line : models(c.preset(), c.length(), c.ladderSections()).values()) {
            LoopAnalysis.check(KljnLoop.secure(c.resistors(), Resistor.H, line), settings(c).build());
        }
    }

    /** Runs the study on {@code spice}; {@code progress} receives a line as each part starts. */
    public static Result run(NgSpice spice, Config c, Consumer<String> progress) {
        CablePreset p = c.preset();
        double r = p.resistance(c.length());
        double cap = p.capacitance(c.length());
        double ind = p.inductance(c.length());
        Map<String, LineModel> lines = models(p, c.length(), c.ladderSections());

        progress.accept("exact analysis of " + lines.size() + " line models ...");
        Map<String, ModelResult> models = exactModels(spice, c, lines);
        // eq. 11's β as the last model (in the order of models(): ltra) gives it
        double betaEq11 = Double.NaN;
        for (ModelResult m : models.values()) {
            betaEq11 = m.exact().betaEq11().getAsDouble();
        }

        progress.accept("Monte Carlo bit exchanges in ngspice (" + c.mcBits() + " bits per point) ...");
        ModelResult ladder = models.get("ladder");
        List<SuccessCondition> success = successConditions(spice, c, ladder, betaEq11, progress);

        // the exact nulls, confirmed by transient Monte Carlo on the ladder (independent of the AC analysis)
        progress.accept("transient confirmation of each attack's exact null on the ladder (" + c.nullBits() + " bits of "
                + c.nullBitSamples() + " Nyquist samples each) ...");
        List<NullConfirmation.Outcome> confirmations = nullConfirmations(c, ladder, progress);

        progress.accept("residual leak against cable length ...");
        List<ResidualCurve> residual = residualCurves(spice, c, lines.keySet());

        progress.accept("ladder convergence ...");
        List<ConvergenceCurve> convergence = ladderConvergence(spice, c, r, cap);
        progress.accept("best eavesdropper and security map ...");
        SecurityVerdict security = SecurityVerdict.compute(spice, c.resistors(), p, c.tEff(), c.length(), c.bandwidth(),
                REFERENCE_BIT_SAMPLES);
        progress.accept("secret-key rate ...");
        KeyRateDefences keyRate = keyRate(models.get("ltra").exact(), c.tEff());
        return new Result(c, r, cap, ind, betaEq11, models, ladder.line().describe(), success, confirmations, residual,
                convergence, security, keyRate);
    }

    /**
     * The exact analysis of each line model for the reference bit, with Eve's best exact finite-bit success
     * (ExactProbabilities) at β = 1, at the model's eq. 11 β and at its minimax β.
     */
    private static Map<String, ModelResult> exactModels(NgSpice spice, Config c, Map<String, LineModel> lines) {
        double refTau = REFERENCE_BIT_SAMPLES / (2 * c.bandwidth());
        Map<String, ModelResult> models = new LinkedHashMap<>();
        for (Map.Entry<String, LineModel> e : lines.entrySet()) {
            KljnLoop loop = KljnLoop.secure(c.resistors(), Resistor.H, e.getValue());
            LoopAnalysisResult exact = LoopAnalysis.run(spice, loop, settings(c).bitSamples(REFERENCE_BIT_SAMPLES).build());
            double betaEq11 = exact.betaEq11().getAsDouble();
            double minimax = exact.betaMinimax().getAsDouble();
            models.put(e.getKey(), new ModelResult(e.getKey(), exact, exactBestSuccess(exact, 1, refTau),
                    exactBestSuccess(exact, betaEq11, refTau), exactBestSuccess(exact, minimax, refTau)));
        }
        return models;
    }

    /**
     * Eve's best attack against bit duration on the ladder for no defence, eq. 11's β and the ladder's minimax β:
     * the exact curve over M and the Monte Carlo points at the config's bit lengths.
     */
    private static List<SuccessCondition> successConditions(NgSpice spice, Config c, ModelResult ladder,
                                                            double betaEq11, Consumer<String> progress) {
        EveStatistics mcEve = ladder.exact().eveStatistics();
        String[] labels = {"no defence (β = 1)", "paper's eq. 11 β = " + String.format(java.util.Locale.ROOT, "%.6g", betaEq11),
                "the ladder's minimax β = " + String.format(java.util.Locale.ROOT, "%.6g", ladder.betaMinimax())};
        double[] betas = {1, betaEq11, ladder.betaMinimax()};
        double[] samples = logspace(10, 1e4, 31);
        List<SuccessCondition> success = new ArrayList<>();
        for (int k = 0; k < labels.length; k++) {
            Attack best = mcEve.bestAttack(betas[k]);
            double[] predicted = new double[samples.length];
            ExactProbabilities.Situations situations = ladder.exact().bitSituations(betas[k]);
            for (int i = 0; i < samples.length; i++) {
                // exact finite-bit success of the attack the Monte Carlo reports (Bayes threshold)
                predicted[i] = ExactProbabilities.compute(situations, samples[i] / (2 * c.bandwidth())).of(best)
                        .successProbability();
            }
            List<MonteCarloPoint> mc = new ArrayList<>();
            int[] mcSamples = c.mcBitSamples();
            for (int j = 0; j < mcSamples.length; j++) {
                MonteCarloPoint point = monteCarloPoint(spice, c, ladder.line(), betas[k], best, mcSamples[j],
                        c.seed() + 100L * k + j);
                mc.add(point);
                progress.accept(String.format(java.util.Locale.ROOT, "  %s, M = %d (%.4g s): Eve (%s) %.3f [%.3f, %.3f],"
                        + " predicted %.3f", labels[k], point.bitSamples(), point.bitDuration(), best.key(),
                        point.successRate(), point.low95(), point.high95(), point.predicted()));
            }
            success.add(new SuccessCondition(labels[k], betas[k], best, samples, predicted, mc));
        }
        return success;
    }

    /** One Monte Carlo bit exchange on {@code line}: attack {@code best}'s measured success beside its prediction. */
    private static MonteCarloPoint monteCarloPoint(NgSpice spice, Config c, LineModel line, double beta, Attack best,
                                                   int bitSamples, long seed) {
        // each bit length with its own prediction (Result.eve), beside the exact curve over M
        BitExchangeSettings s = BitExchangeSettings.builder(c.resistors(), line).tEff(c.tEff())
                .beta(beta).bandwidth(c.bandwidth()).bitSamples(bitSamples).bits(c.mcBits())
                .seed(seed).build();
        BitExchangeResult res = BitExchange.run(spice, s, i -> { });
        BitExchangeResult.AttackOutcome o = res.eve().get(best);
        double[] ci = o.ci95();
        return new MonteCarloPoint(s.bitSamples(), s.bitDuration(), o.successRate(), ci[0], ci[1], o.predicted(),
                res.aliceBobErrorRate());
    }

    /** Each attack's exact null on the ladder (where it has one), confirmed by a transient Monte Carlo. */
    private static List<NullConfirmation.Outcome> nullConfirmations(Config c, ModelResult ladder,
                                                                    Consumer<String> progress) {
        List<NullConfirmation.Outcome> confirmations = new ArrayList<>();
        try (NgSpicePool pool = NgSpicePool.of(Runtime.getRuntime().availableProcessors())) {
            for (Attack a : Attack.values()) {
                java.util.OptionalDouble n = ladder.exact().betaNull(a);
                if (n.isEmpty()) {
                    continue;
                }
                NullConfirmation.Outcome o = NullConfirmation.confirm(pool, c.resistors(), ladder.line(), c.tEff(),
                        c.bandwidth(), a, n.getAsDouble(), c.nullBitSamples(), c.nullBits(), c.seed() + 1000 + a.ordinal());
                confirmations.add(o);
                progress.accept(String.format(java.util.Locale.ROOT, "  %s: beta null %.6g, transient mean signal %+.2e"
                                + " of its beta = 1 value (3 sigma %.1e): %s (%.0f s)", a.key(), o.betaNull(),
                        o.relativeSignal(), o.relativeHalfWidth(), o.verdict(),
                        o.seconds()));
            }
        }
        return confirmations;
    }

    /** For each line model, Eve's best |μ|/√V at eq. 11's β over that at β = 1, against cable length. */
    private static List<ResidualCurve> residualCurves(NgSpice spice, Config c, Iterable<String> names) {
        double[] lengths = logspace(100, 20e3, 9);
        List<ResidualCurve> residual = new ArrayList<>();
        for (String name : names) {
            double[] res = new double[lengths.length];
            for (int i = 0; i < lengths.length; i++) {
                KljnLoop loop = KljnLoop.secure(c.resistors(), Resistor.H,
                        models(c.preset(), lengths[i], c.ladderSections()).get(name));
                LoopAnalysisResult exact = LoopAnalysis.run(spice, loop, settings(c).minimax(false).build());
                EveStatistics eve = exact.eveStatistics();
                res[i] = eve.bestSnrRate(exact.betaEq11().getAsDouble()) / eve.bestSnrRate(1);
            }
            residual.add(new ResidualCurve(name, lengths, res));
        }
        return residual;
    }

    /** Each attack's signal on an RC ladder of 1 to 64 sections, relative to the exact RC line (LTRA, L = G = 0). */
    private static List<ConvergenceCurve> ladderConvergence(NgSpice spice, Config c, double r, double cap) {
        KljnLoop exactRc = KljnLoop.secure(c.resistors(), Resistor.H, CableSpec.of(CableKind.LTRA, r, cap, 0, 0).line());
        KljnMoments reference = LoopAnalysis.run(spice, exactRc, settings(c).minimax(false).build()).moments();
        int[] ns = {1, 2, 4, 8, 16, 32, 64};
        Map<Attack, double[]> errors = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            errors.put(a, new double[ns.length]);
        }
        for (int i = 0; i < ns.length; i++) {
            KljnLoop loop = KljnLoop.secure(c.resistors(), Resistor.H,
                    CableSpec.of(CableKind.LADDER, r, cap, Double.NaN, ns[i]).line());
            LoopAnalysisResult exact = LoopAnalysis.run(spice, loop, settings(c).minimax(false).build());
            for (Attack a : Attack.values()) {
                errors.get(a)[i] = Math.abs(exact.signal(a) - reference.signal(a)) / Math.abs(reference.signal(a));
            }
        }
        List<ConvergenceCurve> convergence = new ArrayList<>();
        errors.forEach((a, e) -> convergence.add(new ConvergenceCurve(a, ns, e)));
        return convergence;
    }

    /**
     * The key rate on {@code exact}'s line: no defence, the β minimising J and the best temperature set, each at its
     * best bit, from the analysis's transfer functions (no further simulation).
     */
    private static KeyRateDefences keyRate(LoopAnalysisResult exact, double tEff) {
        OptimalEavesdropper eve = exact.optimalEavesdropper();
        double betaJ = eve.betaMinimizing();
        List<KeyRateDefences.Defence> defences = List.of(
                new KeyRateDefences.Defence("no defence (beta = 1)", "betaOne", NoiseTemperatures.standard(tEff, 1)),
                new KeyRateDefences.Defence("beta minimising J", "betaMinimizing",
                        NoiseTemperatures.standard(tEff, betaJ)),
                new KeyRateDefences.Defence("best temperatures", "bestTemperatures",
                        eve.bestTemperatures(betaJ).temperatures().scaledTo(tEff)));
        return KeyRateDefences.of(exact.loop().resistors(), exact.loop().line(), exact.situations(), eve, defences, 1,
                null, KeyRateDefences.MAX_SAMPLES);
    }

    /** The exact analysis settings of the study (β = 1; no lumped comparison: the lumped model is a row). */
    private static AnalysisSettings.Builder settings(Config c) {
        return AnalysisSettings.builder().tEff(c.tEff()).bandwidth(c.bandwidth()).lumpedComparison(false);
    }

    private static double[] logspace(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a * Math.pow(b / a, (double) i / (n - 1));
        }
        return x;
    }

    /** Eve's best exact success probability over the attacks for a bit of {@code tau} on {@code exact}'s line at β. */
    private static double exactBestSuccess(LoopAnalysisResult exact, double beta, double tau) {
        ExactProbabilities p = exact.exactProbabilities(beta, tau);
        double best = 0;
        for (Attack a : Attack.values()) {
            best = Math.max(best, p.of(a).successProbability());
        }
        return best;
    }
}

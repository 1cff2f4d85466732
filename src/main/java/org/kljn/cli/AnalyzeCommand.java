package org.kljn.cli;

import org.kljn.analysis.defence.DefenceChoices;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.defence.KeyRateModel;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.KeyRateSearch;
import org.kljn.analysis.eavesdropper.OptimalPrediction;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.AttackSignal;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.LumpedComparison;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.finitebit.EvePrediction;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.ngspice.NgSpice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code kljn analyze}: exact (AC-based) expectations of Eve's probes and attack signals for one loop,
 * the β of the paper's eq. 11 and the β that really nulls each attack ({@link LoopAnalysis}).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Exact attack signals of a KLJN loop from ngspice AC analyses, and the β that nulls each.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    LoopOptions options;

    @Option(names = "--beta", defaultValue = "1",
            description = "temperature ratio of the R_L side: a number, eq11 (the paper's eq. 11), null"
                    + " (the β that nulls the secondLaw signal), minimax (the β that minimises Eve's best attack) or"
                    + " optimal (the β that minimises the best eavesdropper's Jeffreys rate); default ${DEFAULT-VALUE}")
    String beta;

    @Option(names = "--points", defaultValue = "257", description = "AC sweep points, 4m+1 (default ${DEFAULT-VALUE})")
    int points;

    @Mixin
    BitOptions bit;

    @Option(names = "--reconciliation", defaultValue = "1", description = "reconciliation efficiency xi in (0, 1] of"
            + " the key rate R = kept x [xi I(A;B) - I(A;E)]+ / tau (default ${DEFAULT-VALUE}; 0.95 is shown beside)")
    double reconciliation;

    @Mixin
    EveNoiseOptions eveNoise;

    @Mixin
    Json json;

    @Mixin
    ReportOption report;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KljnLoop loop = options.loop();
        AnalysisSettings.Builder builder = AnalysisSettings.builder().tEff(options.temperature())
                .bandwidth(options.bandwidthHz()).points(points).beta(BetaRule.parse(beta))
                .optimal(true).eveInstrument(eveNoise.instrument());
        AnalysisSettings settings = builder.bitSamples(bit.samples(options.bandwidthHz(), 1000)).build();
        double xi = KeyRate.checkReconciliation(reconciliation);
        LoopAnalysis.check(loop, settings);
        java.nio.file.Path reportDir = report.checked();
        LoopAnalysisResult result;
        DefenceChoices defences;
        KeyRateSearch.Optimum searched = null;
        try (NgSpice spice = NgSpice.open()) {
            if (bit.best()) {
                // --bit-duration best: the analysed β's best bit from one set of AC sweeps (a bit of two samples
                // costs nothing to analyse), then the whole analysis at that bit
                LoopAnalysisResult sweeps = LoopAnalysis.run(spice, loop, builder.bitSamples(BitLength.MIN_SAMPLES)
                        .build());
                searched = KeyRateModel.of(sweeps, NoiseTemperatures.standard(settings.tEff(), sweeps.betaUsed()))
                        .best(xi, KeyRateDefences.MAX_SAMPLES);
                settings = builder.bitSamples(searched.bitSamples()).build();
            }
            result = LoopAnalysis.run(spice, loop, settings);
            defences = DefenceChoices.of(spice, result);
        }
        KeyRateDefences keys = keyRates(result, defences, xi);
        String where = options.describeLine(loop.line());
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("verdict", keys.verdict(where));
        root.putAll(toJson(result));
        root.put("keyRate", KeyRateJson.of(keys.rows().get(0).rate(), settings.bandwidth()));
        if (searched != null) {
            root.put("keyRateSearch", KeyRateJson.optimum(searched, settings.bandwidth()));
        }
        root.put("keyRateDefences", KeyRateJson.defences(keys, where));
        root.put("defences", defencesJson(defences));
        CableSpec cable = options.cableSpec();
        if (cable.preset() != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) root.get("parameters");
            params.put("preset", cable.preset().word());
            params.put("length", cable.length());
        }
        if (json.enabled()) {
            out.println(Json.stdout(root));
        } else {
            out.println(keys.verdict(where));
            out.println();
            printTable(out, result, where);
            printDefences(out, defences);
            out.println();
            if (searched != null) {
                out.printf(Locale.ROOT, "best bit for beta = %.6g: %d Nyquist samples, %d bits evaluated on a log grid"
                        + " up to %d samples%s%n", result.betaUsed(), searched.bitSamples(), searched.evaluated(),
                        searched.searchedUpTo(), searched.stoppedByCeiling() ? " (no longer bit can do better)" : "");
            }
            KeyRateJson.print(out, "secret-key rate at this bit", keys.rows().get(0).rate(), settings.bandwidth());
            out.printf(Locale.ROOT, "%nsecret-key rate of each defence at this bit (reconciliation %.2f):%n", xi);
            KeyRateJson.printDefences(out, keys);
        }
        if (reportDir != null) {
            // the page opens with the command's verdict sentence (the key rate)
            ReportOption.announce(spec, json.enabled(), org.kljn.report.CommandReports.analyze(result, defences,
                    where, keys.verdict(where), Json.write(root), reportDir));
        }
        out.flush();
        return 0;
    }

    /**
     * The key rates analyze reports, all at the analysis's bit and from what the analysis and the defences already
     * computed (no search, no further window test): the analysed β first, then each single-β defence.
     */
    static KeyRateDefences keyRates(LoopAnalysisResult r, DefenceChoices choices, double xi) {
        AnalysisSettings s = r.settings();
        List<KeyRateDefences.Row> rows = new ArrayList<>();
        KeyRate analysed = KeyRate.of(KeyRate.Errors.of(r.eve().exact().aliceBobHl(), r.eve().exact().aliceBobLh()),
                r.optimal().orElseThrow().atBetaUsed(), xi);
        rows.add(new KeyRateDefences.Row(String.format(Locale.ROOT, "analysed beta = %.6g", r.betaUsed()), "analysed",
                NoiseTemperatures.standard(s.tEff(), r.betaUsed()), analysed, null));
        for (DefenceChoices.Choice c : choices.choices()) {
            rows.add(new KeyRateDefences.Row(c.name(), c.key(), NoiseTemperatures.standard(s.tEff(), c.beta()),
                    c.keyRate().withReconciliation(xi), null));
        }
        return new KeyRateDefences(rows, s.bitSamples(), KeyRateDefences.MAX_SAMPLES, xi, s.eveInstrument(),
                s.bandwidth());
    }

    /** The single-β defences side by side for the bit, and a recommendation in words. */
    static void printDefences(PrintWriter out, DefenceChoices d) {
        out.printf(Locale.ROOT, "%nDefences for a bit of %.6g s (%d Nyquist samples): Eve's probability of a correct guess%n",
                d.bitDuration(), d.bitSamples());
        out.printf(Locale.ROOT, "%-24s %12s %-10s %10s %11s %12s%n", "defence", "beta", "attack", "P(attack)",
                "P(optimal)", "J [nats/s]");
        for (DefenceChoices.Choice c : d.choices()) {
            out.printf(Locale.ROOT, "%-24s %12.6g %-10s %10.6f %11.6f %12.4e%n", c.name(), c.beta(),
                    c.bestAttack().key(), c.attackSuccess(), c.optimalSuccess(), c.jeffreysRate());
        }
        out.println(recommendation(d));
    }

    /** The recommendation in one sentence. */
    static String recommendation(DefenceChoices d) {
        DefenceChoices.Choice c = d.recommended();
        if (d.secure()) {
            return String.format(Locale.ROOT, "recommendation: beta = %.6g (%s): Eve's best guess of a %.4g s bit is"
                            + " right with probability %.4f (best attack %s %.4f, best eavesdropper %.4f), within 0.5 + %.2g:"
                            + " secure for this bit", c.beta(), c.name(), d.bitDuration(), c.eveSuccess(),
                    c.bestAttack().key(), c.attackSuccess(), c.optimalSuccess(), d.epsilon());
        }
        return String.format(Locale.ROOT, "recommendation: no single beta protects this line for this bit: even with"
                        + " the best, beta = %.6g (%s), Eve guesses a %.4g s bit correctly with probability %.4f (the %s"
                        + " attack %.4f, the best eavesdropper %.4f); use a shorter line, a narrower band or shorter bits"
                        + " (kljn map shows where it is secure)", c.beta(), c.name(), d.bitDuration(), c.eveSuccess(),
                c.bestAttack().key(), c.attackSuccess(), c.optimalSuccess());
    }

    static Map<String, Object> defencesJson(DefenceChoices d) {
        Map<String, Object> j = new LinkedHashMap<>();
        for (DefenceChoices.Choice c : d.choices()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("beta", c.beta());
            e.put("bestAttack", c.bestAttack().key());
            e.put("attackSuccessProbability", c.attackSuccess());
            e.put("optimalSuccessProbability", c.optimalSuccess());
            e.put("jeffreysRate", c.jeffreysRate());
            j.put(c.key(), e);
        }
        j.put("recommended", d.recommended().key());
        j.put("secure", d.secure());
        j.put("recommendation", recommendation(d));
        return j;
    }

    /** The {@code --json} object: a serialisation of the result record (keys: docs/exact-analysis.md). */
    static Map<String, Object> toJson(LoopAnalysisResult r) {
        KljnLoop loop = r.loop();
        KljnMoments m = r.moments();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("beta", r.betaUsed());
        root.put("betaEq11", orNull(r.betaEq11()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rl", loop.resistors().low());
        params.put("rh", loop.resistors().high());
        params.put("alice", loop.alice().name());
        params.put("cable", loop.line().kind());
        params.put("line", loop.line().describe());
        params.put("teff", r.settings().tEff());
        params.put("bandwidth", r.settings().bandwidth());
        root.put("parameters", params);
        // ordered maps: Map.of iterates in a per-JVM random order, and the JSON should read the same every run
        Map<String, Object> ends = new LinkedHashMap<>();
        ends.put("A", end(m.meanSquareVoltageA(), m.meanSquareCurrentA(), m.powerIntoCableA()));
        ends.put("B", end(m.meanSquareVoltageB(), m.meanSquareCurrentB(), m.powerIntoCableB()));
        root.put("ends", ends);
        EvePrediction eve = r.eve();
        Map<String, Object> attacks = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            AttackSignal s = r.attacks().get(a);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("signal", s.signal());
            entry.put("betaNull", orNull(s.betaNull()));
            if (s.signalAtBetaEq11().isPresent()) {
                entry.put("signalAtBetaEq11", s.signalAtBetaEq11().getAsDouble());
            }
            Map<String, Object> residuals = new LinkedHashMap<>();
            for (Attack other : Attack.values()) {
                residuals.put(other.key(), orNull(s.signalAtBetaNullOf().get(other)));
            }
            entry.put("signalAtEachBetaNull", residuals);
            entry.put("snrRate", eve.of(a).snrRate());
            entry.put("successProbability", eve.of(a).successProbability());
            entry.put("errorProbability", eve.of(a).errorProbability());
            attacks.put(a.key(), entry);
        }
        root.put("attacks", attacks);
        root.put("integrationRelativeError", r.errorBound());
        r.lumpedEquivalent().ifPresent(l -> root.put("lumpedEquivalent", lumpedJson(l)));
        Map<String, Object> eveJson = new LinkedHashMap<>();
        eveJson.put("bitSamples", eve.bitSamples());
        eveJson.put("bitDuration", eve.bitDuration());
        for (Attack a : Attack.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("snrRate", eve.of(a).snrRate());
            e.put("successProbability", eve.of(a).successProbability());
            e.put("errorProbability", eve.of(a).errorProbability());
            e.put("threshold", eve.exact().of(a).threshold());
            e.put("rule", eve.exact().of(a).rule());
            eveJson.put(a.key(), e);
        }
        eveJson.put("method", eve.method());
        eveJson.put("betaMinimax", orNull(eve.betaMinimax()));
        eveJson.put("bestSnrRateAtBetaMinimax", orNull(eve.bestSnrRateAtBetaMinimax()));
        root.put("eve", eveJson);
        ExactProbabilities.AliceBob ab = eve.exact().aliceBob();
        Map<String, Object> aliceBob = new LinkedHashMap<>();
        aliceBob.put("errorProbability", ab.errorProbability());
        aliceBob.put("errorBound", ab.errorBound());
        aliceBob.put("aliceErrorProbability", ab.aliceError());
        aliceBob.put("bobErrorProbability", ab.bobError());
        KeyRate.Errors roles = KeyRate.Errors.of(eve.exact().aliceBobHl(), eve.exact().aliceBobLh());
        aliceBob.put("highHolderErrorProbability", roles.highHolderError());
        aliceBob.put("lowHolderErrorProbability", roles.lowHolderError());
        root.put("aliceBob", aliceBob);
        r.optimal().ifPresent(o -> root.put("optimal", optimalJson(o)));
        return root;
    }

    /** The best second-order eavesdropper (likelihood ratio) at the β used, and the β minimising her J. */
    static Map<String, Object> optimalJson(OptimalPrediction p) {
        OptimalResult o = p.atBetaUsed();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jeffreysRate", o.jeffreysRate());
        m.put("divergenceRateHlFromLh", o.divergenceHlFromLh());
        m.put("divergenceRateLhFromHl", o.divergenceLhFromHl());
        m.put("jeffreysRateErrorBound", o.integrationError());
        m.put("bitDuration", o.bitDuration());
        m.put("bins", o.bins());
        m.put("method", o.method());
        m.put("successProbability", o.successProbability());
        m.put("errorProbability", o.errorProbability());
        m.put("mutualInformation", o.mutualInformation());
        m.put("windowJeffreys", Double.isNaN(o.windowJeffreys()) ? null : o.windowJeffreys());
        m.put("eveNoise", EveNoiseOptions.json(o.eveNoise()));
        m.put("boundsEveryDetector", o.boundsEveryDetector());
        // the spectral detector (bins independent): an approximation, not a bound on Eve
        m.put("spectralSuccessProbability", o.spectralSuccessProbability());
        m.put("betaMinimizing", p.betaMinimizing());
        m.put("jeffreysRateAtBetaMinimizing", p.jeffreysRateAtBetaMinimizing());
        return m;
    }

    static void printOptimal(PrintWriter out, OptimalPrediction p) {
        OptimalResult o = p.atBetaUsed();
        out.printf(Locale.ROOT, "%nbest eavesdropper (likelihood ratio of (U_A, I_A), any second-order statistic):%n");
        out.printf(Locale.ROOT, "Jeffreys rate J = %.4e nats/s (D(HL|LH) %.4e, D(LH|HL) %.4e)%n", o.jeffreysRate(),
                o.divergenceHlFromLh(), o.divergenceLhFromHl());
        if (OptimalResult.WINDOW.equals(o.method())) {
            out.printf(Locale.ROOT, "Eve's exact likelihood ratio on the bit window (instrument %.3g V^2/Hz, %.3g A^2/Hz):"
                    + " p = %.6f, wrong %.4e, I(K;Eve) = %.6g bits, window J = %.4e nats (upper values)%n",
                    o.eveNoise().voltageNoise(), o.eveNoise().currentNoise(), o.successProbability(),
                    o.errorProbability(), o.mutualInformation(), o.windowJeffreys());
        } else {
            out.printf(Locale.ROOT, "Eve's likelihood ratio on the bit window, bounded (instrument %.3g V^2/Hz, %.3g"
                    + " A^2/Hz): p <= %.6f, I(K;Eve) <= %.6g bits (the exact test is out of reach: a bit of more than %d"
                    + " Nyquist samples, or a loop noise the floor cannot be resolved under)%n",
                    o.eveNoise().voltageNoise(), o.eveNoise().currentNoise(), o.successProbability(),
                    o.mutualInformation(), OptimalResult.WINDOW_LIMIT);
        }
        out.printf(Locale.ROOT, "(spectral likelihood ratio, %d bins, an approximation and not a bound: p = %.6f)%n",
                o.bins(), o.spectralSuccessProbability());
        out.printf(Locale.ROOT, "beta minimising J: %.9g (J there: %.4e nats/s)%n", p.betaMinimizing(),
                p.jeffreysRateAtBetaMinimizing());
    }

    private static Map<String, Object> lumpedJson(LumpedComparison l) {
        Map<String, Object> lj = new LinkedHashMap<>();
        lj.put("seriesResistance", l.seriesResistance());
        lj.put("maxTransferDeviation", l.maxDeviation());
        Map<String, Object> sig = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            sig.put(a.key(), l.lumpedSignals()[a.ordinal()]);
        }
        lj.put("signalsAtBeta1", sig);
        return lj;
    }

    private static Double orNull(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static Map<String, Object> end(double voltageMeanSquare, double currentMeanSquare, double power) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("voltageMeanSquare", voltageMeanSquare);
        e.put("currentMeanSquare", currentMeanSquare);
        e.put("power", power);
        return e;
    }

    private static void printTable(PrintWriter out, LoopAnalysisResult r, String lineText) {
        KljnLoop loop = r.loop();
        KljnMoments m = r.moments();
        out.printf(Locale.ROOT, "KLJN loop %s: R_L = %s, R_H = %s, Alice holds R_%s; %s%n", loop.situation(),
                SpiceNumbers.engineering(loop.resistors().low()), SpiceNumbers.engineering(loop.resistors().high()),
                loop.alice(), lineText);
        out.printf(Locale.ROOT, "T_eff = %.4g K, band 0..%s Hz (brick wall), beta = %.9g%n", r.settings().tEff(),
                SpiceNumbers.engineering(r.settings().bandwidth()), r.betaUsed());
        out.printf(Locale.ROOT, "%n%-5s %16s %16s %16s%n", "end", "<U^2> [V^2]", "<I^2> [A^2]", "P into cable [W]");
        out.printf(Locale.ROOT, "%-5s %16.9e %16.9e %16.9e%n", "A", m.meanSquareVoltageA(), m.meanSquareCurrentA(),
                m.powerIntoCableA());
        out.printf(Locale.ROOT, "%-5s %16.9e %16.9e %16.9e%n", "B", m.meanSquareVoltageB(), m.meanSquareCurrentB(),
                m.powerIntoCableB());
        out.printf(Locale.ROOT, "%n%-10s %16s %16s %16s%n", "attack", "signal", "beta null", "at eq.11 beta");
        for (Attack a : Attack.values()) {
            AttackSignal s = r.attacks().get(a);
            out.printf(Locale.ROOT, "%-10s %16.9e %16s %16s%n", a.key(), s.signal(),
                    s.betaNull().isPresent() ? String.format(Locale.ROOT, "%.9g", s.betaNull().getAsDouble()) : "none",
                    s.signalAtBetaEq11().isPresent() ? String.format(Locale.ROOT, "%.9e", s.signalAtBetaEq11().getAsDouble())
                            : "-");
        }
        if (r.betaEq11().isPresent()) {
            out.printf(Locale.ROOT, "%nbeta of the paper's eq. 11: %.9g%n", r.betaEq11().getAsDouble());
        }
        out.printf(Locale.ROOT, "integration error bound (relative): %.1e%n", r.errorBound());
        EvePrediction eve = r.eve();
        out.printf(Locale.ROOT, "%nEve, bit of %.6g s (%d Nyquist samples), exact distribution (%s method), Bayes"
                + " threshold:%n", eve.bitDuration(), eve.bitSamples(), eve.method());
        out.printf(Locale.ROOT, "%-10s %12s %12s   %s%n", "attack", "P(correct)", "P(wrong)", "|mu|/sqrt(V)");
        for (Attack a : Attack.values()) {
            out.printf(Locale.ROOT, "%-10s %12.6f %12.4e   %.4e /sqrt(s)%s%n", a.key(), eve.of(a).successProbability(),
                    eve.of(a).errorProbability(), eve.of(a).snrRate(),
                    eve.exact().of(a).rule().equals("blind") ? "  (HL and LH have the same mean: a coin toss)" : "");
        }
        ExactProbabilities.AliceBob ab = eve.exact().aliceBob();
        KeyRate.Errors roles = KeyRate.Errors.of(eve.exact().aliceBobHl(), eve.exact().aliceBobLh());
        out.printf(Locale.ROOT, "Alice or Bob wrong per bit of %.6g s: %.4e (+/- %.1e), each comparing its own <U^2>"
                + " with the midpoint to the same-resistor situation: R_H holder %.4e, R_L holder %.4e%n",
                eve.bitDuration(), ab.errorProbability(), ab.errorBound(), roles.highHolderError(),
                roles.lowHolderError());
        if (eve.betaMinimax().isPresent()) {
            out.printf(Locale.ROOT, "beta minimising Eve's best attack: %.9g (best |mu|/sqrt(V) there: %.3e /sqrt(s))%n",
                    eve.betaMinimax().getAsDouble(), eve.bestSnrRateAtBetaMinimax().getAsDouble());
        }
        r.optimal().ifPresent(o -> printOptimal(out, o));
        r.lumpedEquivalent().ifPresent(l -> out.printf(Locale.ROOT, "%nagainst a lumped R_c = %s (the model's DC"
                        + " resistance): transfer functions differ by up to %.3g of their peak over the band; lumped"
                        + " signals at beta = 1: bsy %.4e, secondLaw %.4e, current %.4e%n",
                SpiceNumbers.engineering(l.seriesResistance()), l.maxDeviation(), l.lumpedSignals()[0],
                l.lumpedSignals()[1], l.lumpedSignals()[2]));
    }
}

package org.kljn.cli;

import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.defence.DefenceChoices;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.finitebit.EvePrediction;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.defence.KeyRateModel;
import org.kljn.analysis.eavesdropper.KeyRateSearch;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.analysis.eavesdropper.OptimalPrediction;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.ngspice.NgSpice;
import org.kljn.output.AnalyzeOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Eve's instrument's units, with superscripts (io.Units; spelled in ASCII under an ASCII charset). */
    static final String VOLT_PSD = org.kljn.io.Units.superscripts("V^2/Hz");
    static final String AMP_PSD = org.kljn.io.Units.superscripts("A^2/Hz");

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
        KeyRateDefences keys = keyRates(result, defences, xi, searched);
        String where = options.describeLine(loop.line());
        PrintWriter out = spec.commandLine().getOut();
        AnalyzeOutput root = AnalyzeOutput.of(result, options.cableSpec(), keys, searched, where, defences);
        if (json.enabled()) {
            out.println(Json.stdout(root));
        } else {
            out.println(keys.verdict(where));
            out.println();
            printTable(out, result, root, where);
            root.defences().print(out);
            out.println();
            if (searched != null) {
                out.printf(Locale.ROOT, "best bit for beta = %.6g: %d Nyquist samples, %d bits evaluated on a log grid"
                        + " up to %d samples%s%n", result.betaUsed(), searched.bitSamples(), searched.evaluated(),
                        searched.searchedUpTo(), searched.stoppedByCeiling() ? " (no longer bit can do better)" : "");
            }
            KeyRateText.print(out, "secret-key rate at this bit", keys.rows().get(0).rate(), settings.bandwidth());
            out.printf(Locale.ROOT, "%nsecret-key rate of each defence at this bit (reconciliation %.2f):%n", xi);
            KeyRateText.printDefences(out, keys);
        }
        if (reportDir != null) {
            // the page opens with the command's verdict sentence (the key rate)
            ReportOption.announce(spec, json.enabled(), org.kljn.report.CommandReports.analyze(result, defences,
                    keys, where, keys.verdict(where), Json.write(root), reportDir));
        }
        out.flush();
        return 0;
    }

    /**
     * The key rates analyze reports, all at the analysis's bit and from what the analysis and the defences already
     * computed (no search, no further window test): the analysed β first, then each single-β defence;
     * {@code searched}: the search for the analysed β's best bit that chose the analysis's bit, or null.
     */
    static KeyRateDefences keyRates(LoopAnalysisResult r, DefenceChoices choices, double xi,
            KeyRateSearch.Optimum searched) {
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
                s.bandwidth(), searched);
    }

    static void printOptimal(PrintWriter out, OptimalPrediction p) {
        OptimalResult o = p.atBetaUsed();
        out.printf(Locale.ROOT, "%nbest eavesdropper (likelihood ratio of (U_A, I_A), any second-order statistic):%n");
        out.printf(Locale.ROOT, "Jeffreys rate J = %.4e nats/s (D(HL|LH) %.4e, D(LH|HL) %.4e)%n", o.jeffreysRate(),
                o.divergenceHlFromLh(), o.divergenceLhFromHl());
        if (OptimalResult.WINDOW.equals(o.method())) {
            out.printf(Locale.ROOT, "Eve's exact likelihood ratio on the bit window (instrument %.3g " + VOLT_PSD + ", %.3g " + AMP_PSD + "):"
                    + " p = %.6f, wrong %.4e, I(K;Eve) = %.6g bits, window J = %.4e nats (upper values)%n",
                    o.eveNoise().voltageNoise(), o.eveNoise().currentNoise(), o.successProbability(),
                    o.errorProbability(), o.mutualInformation(), o.windowJeffreys());
        } else {
            out.printf(Locale.ROOT, "Eve's likelihood ratio on the bit window, bounded (instrument %.3g " + VOLT_PSD + ", %.3g "
                    + AMP_PSD + "): p <= %.6f, I(K;Eve) <= %.6g bits (the exact test is out of reach: a bit of more than %d"
                    + " Nyquist samples, or a loop noise the floor cannot be resolved under)%n",
                    o.eveNoise().voltageNoise(), o.eveNoise().currentNoise(), o.successProbability(),
                    o.mutualInformation(), OptimalResult.WINDOW_LIMIT);
        }
        out.printf(Locale.ROOT, "(spectral likelihood ratio, %d bins, an approximation and not a bound: p = %.6f)%n",
                o.bins(), o.spectralSuccessProbability());
        out.printf(Locale.ROOT, "beta minimising J: %.9g (J there: %.4e nats/s)%n", p.betaMinimizing(),
                p.jeffreysRateAtBetaMinimizing());
    }

    private static void printTable(PrintWriter out, LoopAnalysisResult r, AnalyzeOutput output, String lineText) {
        KljnLoop loop = r.loop();
        out.printf(Locale.ROOT, "KLJN loop %s: R_L = %s, R_H = %s, Alice holds R_%s; %s%n", loop.situation(),
                SpiceNumbers.engineering(loop.resistors().low()), SpiceNumbers.engineering(loop.resistors().high()),
                loop.alice(), lineText);
        out.printf(Locale.ROOT, "T_eff = %.4g K, band 0..%s Hz (brick wall), beta = %.9g%n", r.settings().tEff(),
                SpiceNumbers.engineering(r.settings().bandwidth()), r.betaUsed());
        out.println();
        output.printEnds(out);
        out.println();
        output.printSignals(out);
        if (r.betaEq11().isPresent()) {
            out.printf(Locale.ROOT, "%nbeta of the paper's eq. 11: %.9g%n", r.betaEq11().getAsDouble());
        }
        out.printf(Locale.ROOT, "integration error bound (relative): %.1e%n", r.errorBound());
        EvePrediction eve = r.eve();
        out.printf(Locale.ROOT, "%nEve, bit of %.6g s (%d Nyquist samples), exact distribution (%s method), Bayes"
                + " threshold:%n", eve.bitDuration(), eve.bitSamples(), eve.method());
        output.printEve(out);
        AnalyzeOutput.AliceBob ab = output.aliceBob();
        out.printf(Locale.ROOT, "Alice or Bob wrong per bit of %.6g s: %.4e (+/- %.1e), each comparing its own <U^2>"
                + " with the midpoint to the same-resistor situation: R_H holder %.4e, R_L holder %.4e%n",
                eve.bitDuration(), ab.errorProbability(), ab.errorBound(), ab.highHolderErrorProbability(),
                ab.lowHolderErrorProbability());
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

package org.kljn.cli;

import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.defence.DefenceComparison;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.circuit.Situation;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.defence.KeyRateModel;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.noise.BandShape;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.circuit.KljnLoop;
import org.kljn.ngspice.NgSpice;
import org.kljn.output.DefendOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kljn defend}: the defences of a line judged by the best second-order eavesdropper, from β = 1 to the
 * generalised-KLJN temperature set that minimises her Jeffreys rate.
 */
@Command(name = "defend", mixinStandardHelpOptions = true,
        description = "Compare the defences (beta = 1, eq. 11, null beta, minimax beta, the beta minimising the best"
                + " eavesdropper's Jeffreys rate, and the four-temperature set minimising it) on one line.")
public final class DefendCommand implements Callable<Integer> {
    @Mixin
    LoopOptions options;

    @Mixin
    BitOptions bit;

    @Option(names = "--reconciliation", defaultValue = "1", description = "reconciliation efficiency xi in (0, 1] of"
            + " the key rate (default ${DEFAULT-VALUE}; 0.95 is shown beside)")
    double reconciliation;

    @Option(names = "--points", defaultValue = "257", description = "AC sweep points, 4m+1 (default ${DEFAULT-VALUE})")
    int points;

    @Mixin
    Json json;

    @Mixin
    EveNoiseOptions eveNoise;

    @Mixin
    ReportOption report;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        KljnLoop loop = options.loop();
        double tEff = options.temperature();
        double bandwidth = options.bandwidthHz();
        int bitSamples = bit.samples(bandwidth, 1000);
        BitLength.ofSamples(bitSamples);
        double xi = KeyRate.checkReconciliation(reconciliation);
        if (points < 5 || (points - 1) % 4 != 0) {
            throw new IllegalArgumentException("--points must be 4m+1 >= 5, got " + points);
        }
        java.nio.file.Path reportDir = report.checked();
        DefenceComparison c;
        Map<Situation, TransferFunctions> situations;
        try (NgSpice spice = NgSpice.open()) {
            c = DefenceComparison.compare(spice, loop.resistors(), loop.line(), tEff, bandwidth, bitSamples, points,
                    eveNoise.instrument());
            // Alice's and Bob's errors need the same-resistor situations too: one sweep each, shared by every τ
            situations = ExactAnalysis.transferFunctions(spice, loop.resistors(), loop.line(),
                    BandShape.brickWall(bandwidth), points, List.of(Situation.values()));
        }
        OptimalEavesdropper eve = OptimalEavesdropper.of(loop.resistors(), loop.line(), situations, bandwidth)
                .withInstrument(eveNoise.instrument());
        KeyRateDefences keys = bit.best() ? bestBits(loop, situations, eve, c, tEff, xi)
                : atBit(loop, situations, eve, c, xi);
        String where = options.describeLine(loop.line());
        PrintWriter out = spec.commandLine().getOut();
        DefendOutput root = DefendOutput.of(c, zeroReachable(c), keys, where);
        if (json.enabled()) {
            out.println(Json.stdout(root));
        } else {
            out.println(keys.verdict(where));
            out.println();
            print(out, loop, tEff, bandwidth, c, root);
            out.printf(Locale.ROOT, "%nsecret-key rate of each defence (%s, reconciliation %.2f):%n",
                    keys.bitSamples() == null ? "each at its best bit, 2 to " + keys.maxSamples() + " Nyquist samples"
                    : "at the bit of " + keys.bitSamples() + " Nyquist samples", xi);
            KeyRateText.printDefences(out, keys);
        }
        if (reportDir != null) {
            ReportOption.announce(spec, json.enabled(), org.kljn.report.CommandReports.defend(c, keys,
                    setup(loop, tEff, bandwidth, c, "ohm"), keys.verdict(where), Json.write(root), reportDir));
        }
        out.flush();
        return 0;
    }

    /**
     * Each defence's key rate at the comparison's bit, from the rows' Eve results already computed: only Alice's and
     * Bob's errors are added (no window test, no search).
     */
    static KeyRateDefences atBit(KljnLoop loop, Map<Situation, TransferFunctions> situations,
            OptimalEavesdropper eve, DefenceComparison c, double xi) {
        List<KeyRateDefences.Row> rows = c.rows().stream().map(r -> new KeyRateDefences.Row(r.name(), r.key(),
                r.result().temperatures(), KeyRateModel.of(loop.resistors(), loop.line(), situations,
                        r.result().temperatures(), eve).at(r.result(), xi), null)).toList();
        return new KeyRateDefences(rows, c.bitSamples(), KeyRateDefences.MAX_SAMPLES, xi, eve.instrument(),
                eve.bandwidth());
    }

    /**
     * {@code --bit-duration best}: each defence at its own best bit ({@link KeyRateModel#best}), and the β minimising
     * Eve's information at the best row's bit as one more defence.
     */
    static KeyRateDefences bestBits(KljnLoop loop, Map<Situation, TransferFunctions> situations,
            OptimalEavesdropper eve, DefenceComparison c, double tEff, double xi) {
        List<KeyRateDefences.Defence> ds = c.rows().stream().map(r -> new KeyRateDefences.Defence(r.name(), r.key(),
                r.result().temperatures())).toList();
        KeyRateDefences keys = KeyRateDefences.of(loop.resistors(), loop.line(), situations, eve, ds, xi, null,
                KeyRateDefences.MAX_SAMPLES);
        double beta = KeyRateDefences.betaMinimisingEveInformation(eve, tEff, keys.bestSamples());
        KeyRateDefences.Defence d = new KeyRateDefences.Defence("beta minimising I(A;E)", "betaMinimizingEveInformation",
                NoiseTemperatures.standard(tEff, beta));
        return keys.plus(KeyRateDefences.row(KeyRateModel.of(loop.resistors(), loop.line(), situations,
                d.temperatures(), eve), d, xi, null, KeyRateDefences.MAX_SAMPLES));
    }

    /**
     * The answer in one sentence: the defence that leaves the best second-order eavesdropper the least, her success
     * for the bit, and whether that is within 0.5 + ε ({@link DefenceChoices#EPSILON}, as {@code analyze} and
     * {@code map} judge).
     */
    static String verdict(DefenceComparison c) {
        DefenceComparison.Row best = c.rows().stream()
                .min(java.util.Comparator.comparingDouble((DefenceComparison.Row r) -> r.result().successProbability())
                        .thenComparingDouble(r -> r.result().jeffreysRate())).orElseThrow();
        double p = best.result().successProbability();
        double epsilon = org.kljn.analysis.defence.DefenceChoices.EPSILON;
        return p <= 0.5 + epsilon
                ? String.format(Locale.ROOT, "Secure for this bit: with %s, the best second-order eavesdropper guesses"
                        + " a bit of %d Nyquist samples right with probability %.4f, within 0.5 + %.2g.", best.name(),
                        c.bitSamples(), p, epsilon)
                : org.kljn.analysis.eavesdropper.OptimalResult.WINDOW_BOUND.equals(best.result().method())
                // an upper bound above 0.5 + ε does not show her success is: not a "not secure"
                ? String.format(Locale.ROOT, "Not shown secure for this bit: with the best of these defences, %s, only"
                        + " an upper bound on the best second-order eavesdropper's success for a bit of %d Nyquist samples"
                        + " is known (method window-bound: at most %.4f, secure would be at most 0.5 + %.2g); a bit of"
                        + " at most %d Nyquist samples gives her exact success.", best.name(), c.bitSamples(), p,
                        epsilon, org.kljn.analysis.eavesdropper.OptimalResult.WINDOW_LIMIT)
                : String.format(Locale.ROOT, "Not secure for this bit: even with the best of these defences, %s, the best"
                        + " second-order eavesdropper guesses a bit of %d Nyquist samples right with probability %.4f"
                        + " (secure would be at most 0.5 + %.2g).", best.name(), c.bitSamples(), p, epsilon);
    }

    /** The line, loop, band and bit in words: the first line of the text output. */
    /** The comparison's setting in words; {@code ohm} the unit word after R_L and R_H (none in the text output). */
    private static String setup(KljnLoop loop, double tEff, double bandwidth, DefenceComparison c, String ohm) {
        return String.format(Locale.ROOT, "defences on %s; R_L = %s, R_H = %s, T_eff = %.4g K, band 0..%s Hz, bit of %d"
                        + " Nyquist samples (%.4g s)", loop.line().describe(),
                org.kljn.circuit.SpiceNumbers.engineering(loop.resistors().low()) + ohm,
                org.kljn.circuit.SpiceNumbers.engineering(loop.resistors().high()) + ohm, tEff,
                org.kljn.circuit.SpiceNumbers.engineering(bandwidth), c.bitSamples(),
                BitLength.duration(c.bitSamples(), bandwidth));
    }

    /** J = 0 is reachable when the temperature equations have a null vector (σ_min/σ_max at rounding level, < 1e-10) of one sign. */
    static boolean zeroReachable(DefenceComparison c) {
        return c.nullSpace().smallestRelative() < 1e-10 && c.nullSpace().asTemperatures() != null;
    }

    private static void print(PrintWriter out, KljnLoop loop, double tEff, double bandwidth, DefenceComparison c,
                              DefendOutput root) {
        out.printf(Locale.ROOT, "%s%n%n", setup(loop, tEff, bandwidth, c, ""));
        root.printTable(out);
        out.printf(Locale.ROOT, "(attack columns: the statistic's mean in HL minus its mean in LH)%n");
        double[] v = c.nullSpace().nullVector();
        out.printf(Locale.ROOT, "%ntemperature equations G_HL(f) = G_LH(f) over the band: smallest relative singular value"
                        + " %.3e, nearest temperatures (T_HA, T_LA, T_HB, T_LB) = (%.5g, %.5g, %.5g, %.5g)%n",
                c.nullSpace().smallestRelative(), v[0], v[1], v[2], v[3]);
        out.println(zeroReachable(c)
                ? "J = 0 is reachable: these temperatures make HL and LH identical to every second-order eavesdropper."
                : "no temperature set reaches J = 0 on this line: the equations have full rank (only the zero vector"
                        + " solves them).");
        out.println(verdict(c));
    }
}

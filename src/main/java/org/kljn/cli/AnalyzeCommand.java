package org.kljn.cli;

import org.kljn.analysis.Attack;
import org.kljn.analysis.BetaChoice;
import org.kljn.analysis.BetaCurve;
import org.kljn.analysis.EveStatistics;
import org.kljn.analysis.ExactAnalysis;
import org.kljn.analysis.TransferFunctions;
import org.kljn.noise.BandShape;
import org.kljn.analysis.KljnMoments;
import org.kljn.analysis.LoopIntegrals;
import org.kljn.analysis.LumpedComparison;
import org.kljn.analysis.NoiseTemperatures;
import org.kljn.analysis.OptimalEavesdropper;
import org.kljn.analysis.OptimalResult;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.ngspice.NgSpice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code kljn analyze}: exact (AC-based) expectations of Eve's probes and attack signals for one loop,
 * the β of the paper's eq. 11 and the β that really nulls each attack.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Exact attack signals of a KLJN loop from ngspice AC analyses, and the β that nulls each.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    LoopOptions options;

    @Option(names = "--beta", defaultValue = "1",
            description = "temperature offset of the R_L side: a number, eq11 (the paper's eq. 11), null"
                    + " (the β that nulls the secondLaw signal) or optimal (the β minimising the best eavesdropper's"
                    + " Jeffreys rate); default ${DEFAULT-VALUE}")
    String beta;

    @Option(names = "--points", defaultValue = "257", description = "AC sweep points, 4m+1 (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--bit-samples", defaultValue = "1000",
            description = "bit duration in Nyquist samples M: tau = M/(2 bandwidth), for Eve's predicted success"
                    + " probability (default ${DEFAULT-VALUE})")
    int bitSamples;

    @Mixin
    Json json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KljnLoop loop = options.loop();
        double tEff = options.temperature();
        double bandwidth = options.bandwidthHz();
        if (bitSamples < 3) {
            throw new IllegalArgumentException("--bit-samples must be at least 3 (the likelihood-ratio detector needs"
                    + " a frequency bin 1/tau below the band edge), got " + bitSamples);
        }
        TransferFunctions tf;
        LumpedComparison lumpedEquivalent = null;
        OptimalResult optimal;
        double betaOptimal;
        double jAtOptimal;
        LoopIntegrals j;
        BetaCurve curve;
        double used;
        try (NgSpice spice = NgSpice.open()) {
            tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(bandwidth), points);
            if (!(loop.line() instanceof org.kljn.circuit.LumpedLine)) {
                lumpedEquivalent = LumpedComparison.of(spice, loop, tf, bandwidth, tEff);
            }
            j = ExactAnalysis.integrals(tf);
            curve = ExactAnalysis.betaCurve(loop, j, tEff);
            OptimalEavesdropper best = OptimalEavesdropper.analyse(spice, loop.resistors(), loop.line(), bandwidth,
                    points);
            betaOptimal = best.betaMinimizing(1e-3, 1e3);
            jAtOptimal = best.jeffreysRate(betaOptimal);
            BetaCurve c = curve;
            used = BetaChoice.resolve(beta, loop, () -> c, () -> betaOptimal);
            optimal = OptimalResult.of(spice, best, NoiseTemperatures.standard(tEff, used), bitSamples);
        }
        EveStatistics eve = EveStatistics.of(loop, tf, tEff);
        double bitDuration = bitSamples / (2 * bandwidth);
        OptionalDouble eq11 = BetaChoice.eq11(loop);
        Double betaEq11 = eq11.isPresent() ? eq11.getAsDouble() : null;
        KljnMoments m = curve.momentsAt(used);
        Map<String, Object> result = toJson(loop, tEff, bandwidth, used, betaEq11, curve, m, j);
        Map<Attack, EveStatistics.AttackStatistic> stats = eve.at(used);
        double minimax = eve.betaMinimax(1e-3, 1e3);
        Map<String, Object> eveJson = new LinkedHashMap<>();
        eveJson.put("bitSamples", bitSamples);
        eveJson.put("bitDuration", bitDuration);
        for (Attack a : Attack.values()) {
            EveStatistics.AttackStatistic st = stats.get(a);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("snrRate", st.snrRate());
            e.put("successProbability", st.successProbability(bitDuration));
            @SuppressWarnings("unchecked")
            Map<String, Object> attackEntry = (Map<String, Object>) ((Map<String, Object>) result.get("attacks")).get(a.key());
            attackEntry.put("snrRate", st.snrRate());
            attackEntry.put("successProbability", st.successProbability(bitDuration));
            eveJson.put(a.key(), e);
        }
        eveJson.put("betaMinimax", minimax);
        if (lumpedEquivalent != null) {
            Map<String, Object> lj = new LinkedHashMap<>();
            lj.put("seriesResistance", lumpedEquivalent.seriesResistance());
            lj.put("maxTransferDeviation", lumpedEquivalent.maxDeviation());
            Map<String, Object> sig = new LinkedHashMap<>();
            for (Attack a : Attack.values()) {
                sig.put(a.key(), lumpedEquivalent.lumpedSignals()[a.ordinal()]);
            }
            lj.put("signalsAtBeta1", sig);
            result.put("lumpedEquivalent", lj);
        }
        eveJson.put("bestSnrRateAtBetaMinimax", eve.bestSnrRate(minimax));
        result.put("eve", eveJson);
        result.put("optimal", optimalJson(optimal, betaOptimal, jAtOptimal));
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled()) {
            out.println(Json.write(result));
        } else {
            printTable(out, loop, tEff, bandwidth, used, betaEq11, curve, m, j);
            out.printf(Locale.ROOT, "%nEve, bit of %d Nyquist samples (%.4g s): probability of a correct guess%n",
                    bitSamples, bitDuration);
            for (Attack a : Attack.values()) {
                out.printf(Locale.ROOT, "%-10s p = %.6f   (|mu|/sqrt(V) = %.4e /sqrt(s))%n", a.key(),
                        stats.get(a).successProbability(bitDuration), stats.get(a).snrRate());
            }
            out.printf(Locale.ROOT, "beta minimising Eve's best attack: %.9g (best |mu|/sqrt(V) there: %.3e /sqrt(s))%n",
                    minimax, eve.bestSnrRate(minimax));
            printOptimal(out, optimal, betaOptimal, jAtOptimal);
            if (lumpedEquivalent != null) {
                out.printf(Locale.ROOT, "%nagainst a lumped R_c = %s (the model's DC resistance): transfer functions differ by up to"
                                + " %.3g of their peak over the band; lumped signals at beta = 1: bsy %.4e, secondLaw %.4e, current %.4e%n",
                        SpiceNumbers.engineering(lumpedEquivalent.seriesResistance()), lumpedEquivalent.maxDeviation(),
                        lumpedEquivalent.lumpedSignals()[0], lumpedEquivalent.lumpedSignals()[1],
                        lumpedEquivalent.lumpedSignals()[2]);
            }
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(KljnLoop loop, double tEff, double bandwidth, double used, Double betaEq11,
            BetaCurve curve, KljnMoments m, LoopIntegrals j) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("beta", used);
        r.put("betaEq11", betaEq11);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rl", loop.resistors().low());
        params.put("rh", loop.resistors().high());
        params.put("alice", loop.alice().name());
        params.put("cable", loop.line().kind());
        params.put("line", loop.line().describe());
        params.put("teff", tEff);
        params.put("bandwidth", bandwidth);
        r.put("parameters", params);
        Map<String, Object> ends = new LinkedHashMap<>();
        // ordered maps: Map.of iterates in a per-JVM random order, and the JSON should read the same every run
        ends.put("A", end(m.meanSquareVoltageA(), m.meanSquareCurrentA(), m.powerIntoCableA()));
        ends.put("B", end(m.meanSquareVoltageB(), m.meanSquareCurrentB(), m.powerIntoCableB()));
        r.put("ends", ends);
        Map<String, Object> attacks = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("signal", m.signal(a));
            OptionalDouble n = curve.betaNull(a);
            entry.put("betaNull", n.isPresent() ? n.getAsDouble() : null);
            if (betaEq11 != null) {
                entry.put("signalAtBetaEq11", curve.signal(a, betaEq11));
            }
            Map<String, Object> residuals = new LinkedHashMap<>();
            for (Attack other : Attack.values()) {
                OptionalDouble no = curve.betaNull(other);
                residuals.put(other.key(), no.isPresent() ? curve.signal(a, no.getAsDouble()) : null);
            }
            entry.put("signalAtEachBetaNull", residuals);
            attacks.put(a.key(), entry);
        }
        r.put("attacks", attacks);
        r.put("integrationRelativeError", j.errorBound());
        return r;
    }

    /** The best second-order eavesdropper (likelihood ratio) at the β used, and the β minimising her J. */
    static Map<String, Object> optimalJson(OptimalResult o, double betaOptimal, double jAtOptimal) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jeffreysRate", o.jeffreysRate());
        m.put("divergenceRateHlFromLh", o.divergenceHlFromLh());
        m.put("divergenceRateLhFromHl", o.divergenceLhFromHl());
        m.put("jeffreysRateErrorBound", o.integrationError());
        m.put("bitDuration", o.bitDuration());
        m.put("bins", o.bins());
        m.put("successProbability", o.successProbability());
        m.put("errorProbability", o.errorProbability());
        m.put("betaMinimizing", betaOptimal);
        m.put("jeffreysRateAtBetaMinimizing", jAtOptimal);
        return m;
    }

    static void printOptimal(PrintWriter out, OptimalResult o, double betaOptimal, double jAtOptimal) {
        out.printf(Locale.ROOT, "%nbest eavesdropper (likelihood ratio of (U_A, I_A), any second-order statistic):%n");
        out.printf(Locale.ROOT, "Jeffreys rate J = %.4e nats/s (D(HL|LH) %.4e, D(LH|HL) %.4e)%n", o.jeffreysRate(),
                o.divergenceHlFromLh(), o.divergenceLhFromHl());
        out.printf(Locale.ROOT, "Eve's optimal guess for the bit (%d bins): p = %.6f, wrong %.4e%n", o.bins(),
                o.successProbability(), o.errorProbability());
        out.printf(Locale.ROOT, "beta minimising J: %.9g (J there: %.4e nats/s)%n", betaOptimal, jAtOptimal);
    }

    private static Map<String, Object> end(double voltageMeanSquare, double currentMeanSquare, double power) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("voltageMeanSquare", voltageMeanSquare);
        e.put("currentMeanSquare", currentMeanSquare);
        e.put("power", power);
        return e;
    }

    private static void printTable(PrintWriter out, KljnLoop loop, double tEff, double bandwidth, double used,
            Double betaEq11, BetaCurve curve, KljnMoments m, LoopIntegrals j) {
        out.printf(Locale.ROOT, "KLJN loop %s: R_L = %s, R_H = %s, Alice holds R_%s; %s%n", loop.situation(),
                SpiceNumbers.engineering(loop.resistors().low()), SpiceNumbers.engineering(loop.resistors().high()),
                loop.alice(), loop.line().describe());
        out.printf(Locale.ROOT, "T_eff = %.4g K, band 0..%s Hz (brick wall), beta = %.9g%n", tEff,
                SpiceNumbers.engineering(bandwidth), used);
        out.printf(Locale.ROOT, "%n%-5s %16s %16s %16s%n", "end", "<U^2> [V^2]", "<I^2> [A^2]", "P into cable [W]");
        out.printf(Locale.ROOT, "%-5s %16.9e %16.9e %16.9e%n", "A", m.meanSquareVoltageA(), m.meanSquareCurrentA(),
                m.powerIntoCableA());
        out.printf(Locale.ROOT, "%-5s %16.9e %16.9e %16.9e%n", "B", m.meanSquareVoltageB(), m.meanSquareCurrentB(),
                m.powerIntoCableB());
        out.printf(Locale.ROOT, "%n%-10s %16s %16s %16s%n", "attack", "signal", "beta null", "at eq.11 beta");
        for (Attack a : Attack.values()) {
            OptionalDouble n = curve.betaNull(a);
            out.printf(Locale.ROOT, "%-10s %16.9e %16s %16s%n", a.key(), m.signal(a),
                    n.isPresent() ? String.format(Locale.ROOT, "%.9g", n.getAsDouble()) : "none",
                    betaEq11 == null ? "-" : String.format(Locale.ROOT, "%.9e", curve.signal(a, betaEq11)));
        }
        if (betaEq11 != null) {
            out.printf(Locale.ROOT, "%nbeta of the paper's eq. 11: %.9g%n", betaEq11);
        }
        out.printf(Locale.ROOT, "integration error bound (relative): %.1e%n", j.errorBound());
    }
}

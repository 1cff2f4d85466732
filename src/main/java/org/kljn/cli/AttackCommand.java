package org.kljn.cli;

import org.kljn.analysis.Attack;
import org.kljn.analysis.AnalysisSettings;
import org.kljn.analysis.BetaRule;
import org.kljn.analysis.BitExchangeSimulation;
import org.kljn.analysis.LoopAnalysis;
import org.kljn.circuit.KljnLoop;
import org.kljn.ngspice.NgSpice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kljn attack}: N secure bit exchanges simulated in ngspice with noise injected from Java, and
 * Eve's measured success rate for each attack beside the rate predicted from the exact moments.
 */
@Command(name = "attack", mixinStandardHelpOptions = true,
        description = "Monte Carlo bit exchanges in ngspice: Eve's success rate per attack, measured and predicted.")
public final class AttackCommand implements Callable<Integer> {
    @Mixin
    LoopOptions options;

    @Option(names = "--beta", defaultValue = "1",
            description = "temperature ratio of the R_L side: a number, eq11, null or minimax (default ${DEFAULT-VALUE})")
    String beta;

    @Option(names = "--bits", defaultValue = "200", description = "bit exchanges N (default ${DEFAULT-VALUE})")
    int bits;

    @Option(names = "--bit-samples", defaultValue = "100",
            description = "bit duration in Nyquist samples M: each bit lasts M/(2 bandwidth) (default ${DEFAULT-VALUE})")
    int bitSamples;

    @Option(names = "--seed", defaultValue = "1", description = "seed of all noise and bit choices (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--noise", defaultValue = "java",
            description = "java (band-limited noise from Java through EXTERNAL sources, reproducible from --seed) or"
                    + " trnoise (ngspice's TRNOISE with NT = 1/(2 bandwidth): not reproducible in ngspice 39.3, and its"
                    + " linear interpolation gives a sinc^4 band of 2/3 the noise bandwidth); default ${DEFAULT-VALUE}")
    String noise;

    @Option(names = "--oversampling", defaultValue = "4",
            description = "grid points per Nyquist interval of the injected noise, K (default ${DEFAULT-VALUE})")
    int oversampling;

    @Option(names = "--guard",
            description = "guard interval before each bit, seconds, >= 0 (default: 10 loop RC time constants)")
    Double guard;

    @Option(names = "--progress", defaultValue = "auto",
            description = "progress on stderr: auto (when stderr is a terminal), always, never (default ${DEFAULT-VALUE})")
    org.kljn.sweep.ProgressBar.Mode progress;

    /** The most injected-noise grid points one attack may simulate (hours of ngspice time). */
    static final double MAX_GRID_POINTS = 2e9;
    /** The most Nyquist samples per bit. */
    static final int MAX_BIT_SAMPLES = 10_000_000;

    @Mixin
    Json json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BitExchangeSimulation.NoiseMode mode;
        if (noise.equalsIgnoreCase("java")) {
            mode = BitExchangeSimulation.NoiseMode.JAVA;
        } else if (noise.equalsIgnoreCase("trnoise")) {
            mode = BitExchangeSimulation.NoiseMode.TRNOISE;
            System.err.println("kljn attack: --noise trnoise is not reproducible (ngspice 39.3 seeds TRNOISE from the"
                    + " process id); --seed still chooses the bit situations");
        } else {
            throw new IllegalArgumentException("--noise " + noise + ": allowed java or trnoise");
        }
        if (oversampling < 2 || oversampling > 64) {
            throw new IllegalArgumentException("--oversampling must be between 2 and 64, got " + oversampling);
        }
        if (bits < 1 || bits > 10_000_000) {
            throw new IllegalArgumentException("--bits " + bits + ": allowed 1 to 10000000");
        }
        if (bitSamples < 2 || bitSamples > MAX_BIT_SAMPLES) {
            throw new IllegalArgumentException("--bit-samples " + bitSamples + ": allowed 2 to " + MAX_BIT_SAMPLES
                    + " (the bit must span at least one Nyquist interval of the band)");
        }
        if (guard != null && !(guard >= 0 && Double.isFinite(guard))) {
            throw new IllegalArgumentException("--guard " + guard + ": must be a finite number of seconds >= 0 (leave"
                    + " it out for 10 loop RC time constants)");
        }
        // every bit simulates (guard + bit) on a grid of oversampling points per Nyquist interval
        double perBit = (bitSamples + (guard == null ? 0 : guard) * 2 * options.bandwidthHz()) * oversampling;
        if ((double) bits * perBit > MAX_GRID_POINTS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--bits %d with --bit-samples %d"
                    + "%s and --oversampling %d would simulate %.3g noise grid points; at most %.0e (hours of"
                    + " ngspice time): fewer bits, shorter bits or a shorter --guard", bits, bitSamples,
                    guard == null ? "" : ", --guard " + guard, oversampling, bits * perBit, MAX_GRID_POINTS));
        }
        KljnLoop loop = options.loop();
        loop.line().checkTransientCapable();
        double bandwidth = options.bandwidthHz();
        double tEff = options.temperature();
        BetaRule rule = BetaRule.parse(beta);
        AnalysisSettings exact = AnalysisSettings.builder().tEff(tEff).bandwidth(bandwidth).beta(rule)
                .minimax(false).lumpedComparison(false).build();
        LoopAnalysis.check(loop, exact);
        double b;
        try (NgSpice spice = NgSpice.open()) {
            b = rule.isNumber() ? rule.value() : LoopAnalysis.run(spice, loop, exact).betaUsed();
            BitExchangeSimulation.Settings settings = new BitExchangeSimulation.Settings(loop.resistors(), loop.line(),
                    tEff, b, bandwidth, bitSamples, bits, seed, oversampling, guard == null ? -1 : guard, mode);
            boolean terminal = org.kljn.sweep.ProgressBar.stderrIsTerminal();
            ProgressBar bar = new ProgressBar(System.err, bits, "bits", progress == org.kljn.sweep.ProgressBar.Mode.ALWAYS
                    || (progress == org.kljn.sweep.ProgressBar.Mode.AUTO && terminal), terminal);
            long t0 = System.nanoTime();
            BitExchangeSimulation.Result r = BitExchangeSimulation.run(spice, settings, bar::update);
            bar.finish();
            double seconds = (System.nanoTime() - t0) / 1e9;
            print(r, seconds);
        }
        return 0;
    }

    private void print(BitExchangeSimulation.Result r, double seconds) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BitExchangeSimulation.Settings s = r.settings();
        if (json.enabled()) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("bits", s.bits());
            root.put("bitSamples", s.bitSamples());
            root.put("bitDuration", s.bitDuration());
            root.put("beta", s.beta());
            root.put("seed", s.seed());
            Map<String, Object> eve = new LinkedHashMap<>();
            for (Attack a : Attack.values()) {
                BitExchangeSimulation.AttackOutcome o = r.eve().get(a);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("successRate", o.successRate());
                e.put("ci95", o.ci95());
                e.put("predicted", o.predicted());
                e.put("correct", o.correct());
                eve.put(a.key(), e);
            }
            if (r.optimal() != null) {
                BitExchangeSimulation.OptimalOutcome o = r.optimal();
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("successRate", o.successRate());
                e.put("ci95", o.ci95());
                e.put("predicted", o.predicted());
                e.put("correct", o.correct());
                e.put("frequencyBins", o.frequencyBins());
                eve.put("optimal", e);
            }
            root.put("eve", eve);
            root.put("aliceBobErrorRate", r.aliceBobErrorRate());
            root.put("aliceBobErrorRatePredicted", r.predictedAliceBobErrorRate());
            root.put("guardInterval", r.guard());
            root.put("acceptedPoints", r.acceptedPoints());
            root.put("seconds", seconds);
            out.println(Json.write(root));
        } else {
            out.printf(Locale.ROOT, "%d bit exchanges of %d Nyquist samples (%.4g s each), beta = %.9g, seed %d: %s%n",
                    s.bits(), s.bitSamples(), s.bitDuration(), s.beta(), s.seed(), s.line().describe());
            out.printf(Locale.ROOT, "%-10s %12s %22s %12s%n", "attack", "Eve correct", "95% interval (Wilson)", "predicted");
            for (Attack a : Attack.values()) {
                BitExchangeSimulation.AttackOutcome o = r.eve().get(a);
                double[] ci = o.ci95();
                out.printf(Locale.ROOT, "%-10s %12.4f %10.4f - %-9.4f %12.4f%n", a.key(), o.successRate(), ci[0], ci[1],
                        o.predicted());
            }
            if (r.optimal() != null) {
                BitExchangeSimulation.OptimalOutcome o = r.optimal();
                double[] ci = o.ci95();
                out.printf(Locale.ROOT, "%-10s %12.4f %10.4f - %-9.4f %12.4f   (likelihood ratio of U_A, I_A over %d bins)%n",
                        "optimal", o.successRate(), ci[0], ci[1], o.predicted(), o.frequencyBins());
            }
            out.printf(Locale.ROOT, "Alice/Bob bit error rate: %.4f (predicted %.4f)%n", r.aliceBobErrorRate(),
                    r.predictedAliceBobErrorRate());
            out.printf(Locale.ROOT, "%d accepted points in %.2f s (%.0f noise samples/s)%n", r.acceptedPoints(), seconds,
                    s.bits() * (double) s.bitSamples() / seconds);
        }
        out.flush();
    }
}

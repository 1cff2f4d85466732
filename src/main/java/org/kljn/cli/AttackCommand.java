package org.kljn.cli;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.montecarlo.AccuracyGoal;
import org.kljn.analysis.montecarlo.BitExchange;
import org.kljn.analysis.montecarlo.BitExchangeSettings;
import org.kljn.analysis.montecarlo.BitExchangeResult;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Situation;
import org.kljn.io.ProgressBar;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.output.AttackOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
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

    @Option(names = "--bit-samples",
            description = "bit duration in Nyquist samples M: each bit lasts M/(2 bandwidth) (default 100)")
    Integer bitSamplesOption;

    @Option(names = "--bit-duration", description = "bit duration tau in seconds instead of --bit-samples (a whole"
            + " number of Nyquist intervals 1/(2 bandwidth))")
    Double bitDuration;

    @Option(names = "--seed", defaultValue = "1", description = "seed of all noise and bit choices (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--noise", defaultValue = "java",
            description = "java (band-limited noise from Java through EXTERNAL sources, reproducible from --seed) or"
                    + " trnoise (ngspice's TRNOISE with NT = 1/(2 bandwidth): not reproducible in ngspice 39.3, and its"
                    + " linear interpolation gives a sinc^4 band of 2/3 the noise bandwidth); default ${DEFAULT-VALUE}")
    String noise;

    @Option(names = "--oversampling", defaultValue = "auto",
            description = "grid points per Nyquist interval of the injected noise, K: 1 (Nyquist-rate samples, TRNOISE's"
                    + " sinc^4 band), 2-64 (FIR band flat to 0.92 bandwidth), or auto (1 on a lumped line, 4 on a line"
                    + " with memory); default ${DEFAULT-VALUE}")
    String oversampling;

    @Option(names = "--steps-per-sample", defaultValue = "auto",
            description = "solver steps per noise grid interval: 1-256, or auto (the fewest that keep every moment's"
                    + " discretisation error within 0.2 %%); default ${DEFAULT-VALUE}")
    String stepsPerSample;

    @Option(names = "--accuracy",
            description = "what the transient's step must get right on a line with capacitance: distributions"
                    + " (pre-warped noise, one solver step per grid point: every mean exact, and the grid fine enough"
                    + " that no decision statistic's variance is inflated by more than 1 %%), moments (pre-warped on the"
                    + " coarse grid K = 2: means exact, success rates flagged as distribution-inflated) or fir (the FIR band"
                    + " with solver steps subdividing its grid, bias within 0.2 %%); with distributions or moments"
                    + " --oversampling sets the pre-warped grid. Default: fir when --oversampling or --steps-per-sample"
                    + " is given, else distributions. A lumped line is exact at one point per Nyquist sample in all")
    String accuracy;

    @Option(names = "--jobs", defaultValue = "0",
            description = "ngspice instances running blocks of bits in parallel (default: one per core); the results"
                    + " do not depend on it")
    int jobs;

    @Option(names = "--guard",
            description = "guard interval before each bit, seconds, >= 0 (default: 10 loop RC time constants)")
    Double guard;

    @Option(names = "--progress", defaultValue = "auto",
            description = "progress on stderr: auto (redrawn on a terminal; elsewhere a line every 30 s), always, never"
                    + " (default ${DEFAULT-VALUE})")
    ProgressBar.Mode progress;


    @Option(names = "--reconciliation", defaultValue = "1", description = "reconciliation efficiency xi in (0, 1] of"
            + " the key rate R = kept x [xi I(A;B) - I(A;E)]+ / tau, measured and predicted (default ${DEFAULT-VALUE})")
    double reconciliation;

    @Mixin
    EveNoiseOptions eveNoise;

    @Mixin
    Json json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BitExchangeSettings.NoiseMode mode;
        if (noise.equalsIgnoreCase("java")) {
            mode = BitExchangeSettings.NoiseMode.JAVA;
        } else if (noise.equalsIgnoreCase("trnoise")) {
            mode = BitExchangeSettings.NoiseMode.TRNOISE;
            System.err.println("kljn attack: --noise trnoise is not reproducible (ngspice 39.3 seeds TRNOISE from the"
                    + " process id); --seed still chooses the bit situations");
        } else {
            throw new IllegalArgumentException("--noise " + noise + ": allowed java or trnoise");
        }
        int k = autoOrInt("--oversampling", oversampling, 1, 64);
        int steps = autoOrInt("--steps-per-sample", stepsPerSample, 1, 256);
        AccuracyGoal goal = accuracy != null ? AccuracyGoal.parse("--accuracy", accuracy) : null;
        if (jobs < 0 || jobs > 64) {
            throw new IllegalArgumentException("--jobs " + jobs + ": allowed 1 to 64 (0 = one per core)");
        }
        org.kljn.analysis.eavesdropper.KeyRate.checkReconciliation(reconciliation);
        int bitSamples = LoopOptions.bitSamples(bitSamplesOption, bitDuration, options.bandwidthHz(), 100);
        KljnLoop loop = options.loop();
        BitExchange.check(loop.line(), bitSamples, bits);
        BetaRule rule = BetaRule.parse(beta);
        // one noise, band and bit length for the exact analysis (which resolves a β rule) and the Monte Carlo
        AnalysisSettings exact = AnalysisSettings.builder().tEff(options.temperature()).bandwidth(options.bandwidthHz())
                .beta(rule).bitSamples(bitSamples).minimax(false).lumpedComparison(false).build();
        LoopAnalysis.check(loop, exact);
        BitExchangeSettings.Builder monteCarlo = BitExchangeSettings.builder(loop.resistors(), loop.line(), exact)
                .bits(bits).seed(seed).noise(mode).accuracy(goal).eveNoise(eveNoise.instrument());
        if (k > 0) {
            monteCarlo.noiseGrid(k);
        }
        if (steps > 0) {
            monteCarlo.stepsPerSample(steps);
        }
        if (guard != null) {
            monteCarlo.guard(guard);
        }
        monteCarlo.build(); // every rule checked before anything runs (β = 1 stands in for a rule's β)
        int instances = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        try (NgSpicePool pool = NgSpicePool.of(instances)) {
            if (!rule.isNumber()) {
                monteCarlo.beta(pool.withSession(spice -> LoopAnalysis.run(spice, loop, exact).betaUsed()));
            }
            BitExchangeSettings settings = monteCarlo.build();
            // --progress auto: redrawn on a terminal; in a log a plain line every 30 s, no carriage returns
            ProgressBar bar = ProgressBar.create(progress, System.err, bits, 0, "bits");
            long t0 = System.nanoTime();
            BitExchangeResult r = BitExchange.run(pool, settings, bar::update);
            bar.finish();
            double seconds = (System.nanoTime() - t0) / 1e9;
            print(r, seconds);
        }
        return 0;
    }

    private static String bound(BitExchangeResult r) {
        double b = r.discretisationBound();
        return !Double.isNaN(b) ? String.format(Locale.ROOT, "%.1e", b)
                : r.settings().noise() == BitExchangeSettings.NoiseMode.TRNOISE ? "none (TRNOISE)"
                : "none (ngspice cut steps)";
    }

    private static String hlMeans(BitExchangeResult r) {
        StringBuilder sb = new StringBuilder();
        for (Attack a : Attack.values()) {
            BitExchangeResult.MeasuredStatistic m = r.measured().get(Situation.HL).get(a);
            sb.append(String.format(Locale.ROOT, "%s%s %.4e ± %.1e (exact %.4e)", sb.length() == 0 ? "" : "; ", a.key(),
                    m.mean(), m.standardError(), m.expected()));
        }
        return sb.toString();
    }

    /** Why the key rate was not measured: Eve's window test was not (or a situation had fewer than two bits). */
    private static String keyRateNotMeasured(BitExchangeResult r) {
        if (r.optimal() == null) {
            return "the bit is too short for Eve's likelihood-ratio detector";
        }
        return r.optimal().window() == null ? "Eve's window likelihood ratio was not measured: "
                + OptionNames.windowRefusal(r.optimal().windowRefused()) : "fewer than two bits of a situation";
    }

    private static void printOptimal(PrintWriter out, BitExchangeResult.OptimalOutcome o) {
        double[] ci = o.ci95();
        BitExchangeResult.WindowMeasurement w = o.window();
        if (w == null) {
            out.printf(Locale.ROOT, "%-10s %12.4f %10.4f - %-9.4f %12.4f   (spectral likelihood ratio of U_A, I_A over %d"
                    + " bins, not a bound)%n", "optimal", o.successRate(), ci[0], ci[1], o.predicted(), o.frequencyBins());
            out.printf(Locale.ROOT, "  (window likelihood ratio not measured: %s)%n",
                    OptionNames.windowRefusal(o.windowRefused()));
            return;
        }
        out.printf(Locale.ROOT, "%-10s %12.4f %10.4f - %-9.4f %12.4f   (window likelihood ratio of U_A, I_A, %d Legendre"
                + " functions per channel)%n", "optimal", o.successRate(), ci[0], ci[1], o.predicted(),
                w.predicted().basisFunctions());
        org.kljn.analysis.montecarlo.EmpiricalLikelihoodRatios e = w.measured();
        out.printf(Locale.ROOT, "  Eve's instrument %.3g " + AnalyzeCommand.VOLT_PSD + ", %.3g " + AnalyzeCommand.AMP_PSD + ": success %.4f ± %.4f (predicted %.4f),"
                + " I(K;Eve) %.4f ± %.4f bits (predicted %.4f)%n", w.instrument().voltageNoise(),
                w.instrument().currentNoise(), e.successProbability(), e.successStandardError(),
                w.predicted().successProbability(), e.mutualInformation(), e.informationStandardError(),
                w.predicted().mutualInformation());
    }

    /** "auto" as 0, else an integer in [min, max]. */
    static int autoOrInt(String option, String value, int min, int max) {
        if (value.equalsIgnoreCase("auto")) {
            return 0;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " " + value + ": allowed auto or an integer from " + min + " to " + max);
    }

    private void print(BitExchangeResult r, double seconds) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BitExchangeSettings s = r.settings();
        if (json.enabled()) {
            out.println(Json.stdout(AttackOutput.of(r, seconds, reconciliation, OptionNames::windowRefusal,
                    keyRateNotMeasured(r))));
        } else {
            out.printf(Locale.ROOT, "%d bit exchanges of %d Nyquist samples (%.4g s each), beta = %.9g, seed %d: %s%n",
                    s.bits(), s.bitSamples(), s.bitDuration(), s.beta(), s.seed(), options.describeLine(s.line()));
            out.printf(Locale.ROOT, "%-10s %12s %22s %12s%n", "attack", "Eve correct", "95% interval (Wilson)", "predicted");
            for (Attack a : Attack.values()) {
                BitExchangeResult.AttackOutcome o = r.eve().get(a);
                double[] ci = o.ci95();
                out.printf(Locale.ROOT, "%-10s %12.4f %10.4f - %-9.4f %12.4f%n", a.key(), o.successRate(), ci[0], ci[1],
                        o.predicted());
            }
            if (r.optimal() != null) {
                printOptimal(out, r.optimal());
            }
            out.printf(Locale.ROOT, "Alice/Bob bit error rate: %.4f (predicted %.4f)%n", r.aliceBobErrorRate(),
                    r.predictedAliceBobErrorRate());
            KeyRateText.printMeasured(out, r.keyRate(), reconciliation, keyRateNotMeasured(r));
            out.printf(Locale.ROOT, "HL means: %s%n", hlMeans(r));
            out.printf(Locale.ROOT, "noise: %s; %s per grid step; discretisation bound %s (target %.1g)%n",
                    r.noiseBand(), org.kljn.io.Units.count(r.steps().stepsPerSample(), "solver step"), bound(r),
                    org.kljn.analysis.montecarlo.StepChoice.TARGET);
            if (!(r.discretisationBound() <= org.kljn.analysis.montecarlo.StepChoice.TARGET)) {
                out.printf(Locale.ROOT, "WARNING: the discretisation bound exceeds the target: %s%n", r.steps().reason());
            }
            if (Double.isFinite(r.steps().varianceInflation())) {
                out.printf(Locale.ROOT, "accuracy goal %s: %s; variance inflation of the decision statistics by the step"
                        + " <= %.2g (target %.2g), success rates shifted by at most %.1e%n", r.steps().goal().key(),
                        r.steps().reason(), r.steps().varianceInflation(), org.kljn.analysis.montecarlo.StepChoice.INFLATION_TARGET,
                        r.steps().successRateShiftBound());
            }
            if (AttackOutput.distributionsInflated(r)) {
                out.printf(Locale.ROOT, "WARNING: the step inflates the decision statistics' variance by up to %.1f %%:"
                        + " the means are exact, but Eve's and Alice/Bob's success rates above understate the continuous"
                        + " loop (use --accuracy distributions)%n", 100 * r.steps().varianceInflation());
            }
            out.printf(Locale.ROOT, "%d accepted points in %.2f s (%.0f noise samples/s)%n", r.acceptedPoints(), seconds,
                    s.bits() * (double) s.bitSamples() / seconds);
        }
        out.flush();
    }
}

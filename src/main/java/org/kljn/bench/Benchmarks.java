package org.kljn.bench;

import org.kljn.analysis.montecarlo.BitExchangeSettings;
import org.kljn.analysis.montecarlo.BitExchangeResult;
import org.kljn.analysis.montecarlo.BitExchangeSimulation;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.noise.Johnson;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.NetlistWriter;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.output.BenchOutput;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.sweep.KljnEvaluator;
import org.kljn.sweep.SweepRunner;
import org.kljn.sweep.SweepSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The performance harness behind {@code kljn bench}: what {@code attack} does, end to end, against ngspice's
 * own batch mode on the same physics; resident memory of the attack process against run length; the transient
 * kernel alone; the exact analysis per parameter point; and the sweep speed-up of the instance pool.
 *
 * <p>End to end means two whole processes timed from outside: {@code kljn attack} (JVM start, exact
 * expectations, step choice, every bit on both cores, decisions) and {@code ngspice -b} on a netlist with the
 * same loop (HL) and two TRNOISE sources of NT = 1/(2Δf), run for the same number n of noise samples. The
 * noise samples are Nyquist samples of the band Δf: n = bits × bit samples in the attack. The attack runs at
 * its default settings, i.e. at the accuracy target ({@link org.kljn.analysis.montecarlo.StepChoice#TARGET}); batch mode
 * runs at its own default tolerances.
 */
public final class Benchmarks {
    /** Sample spacing of the injected noise in the kernel-only figures, s. */
    static final double SAMPLE_SPACING = 1e-6;
    /** Grid points per Nyquist interval of the Java noise in the kernel-only figures: Δf = 125 kHz for h = 1 µs. */
    static final int OVERSAMPLING = 4;
    static final ResistorPair PAIR = new ResistorPair(1e3, 10e3);
    /** Nyquist samples per bit in the end-to-end attack runs. */
    static final int BIT_SAMPLES = 200;

    /**
     * A line of the end-to-end comparison: its attack options and its bandwidth. The lumped loop of the issue
     * (R_c = 100 Ω, 1 kHz) and the main job's 2 km Cat5-like pair as a 20-section RC ladder (336 Ω, 104 nF, 500 Hz,
     * strongly capacitive: the loop's RC corner is at 135 Hz).
     */
    record EndToEndLine(String name, List<String> options, double bandwidth, org.kljn.circuit.LineModel model,
            List<String> accuracyGoals) {
        /** The lumped loop is memoryless: every accuracy goal runs the same exact Nyquist scheme, so one row. */
        static EndToEndLine lumped() {
            return new EndToEndLine("lumped", List.of("--cable", "lumped", "--rc", "100", "--bandwidth", "1k"), 1e3,
                    new LumpedLine(100), List.of("distributions"));
        }

        /**
         * The ladder at both goals: {@code distributions} (attack's default: success rates within the inflation
         * target) and {@code moments} (means only: what a null confirmation needs).
         */
        static EndToEndLine ladder() {
            return new EndToEndLine("ladder20", List.of("--cable", "ladder", "--sections", "20", "--rc", "336", "--cc",
                    "104n", "--bandwidth", "500"), 500, new RcLadder(336, 104e-9, 20), List.of("distributions", "moments"));
        }
    }

    private Benchmarks() {
    }

    /**
     * Runs only the named entries of {@code kljn bench} that time the analysis itself, {@code eveInformation} and
     * {@code keyRateMap} (the whole bench also runs the end-to-end attacks, minutes of simulation), and prints their
     * lines: {@code java -cp target/kljn-cli.jar org.kljn.bench.Benchmarks eveInformation keyRateMap}.
     */
    public static void main(String[] entries) {
        for (String e : entries) {
            switch (e) {
                case "eveInformation" -> eveInformationTimes(System.out);
                case "keyRateMap" -> keyRateMapTime(System.out);
                default -> throw new IllegalArgumentException("unknown bench entry '" + e
                        + "': allowed eveInformation, keyRateMap");
            }
        }
    }

    /**
     * What to run.
     *
     * @param endToEndSamples noise samples of the end-to-end comparisons (each on the lumped loop and the ladder)
     * @param repeats         runs of each comparison (medians are reported); the two processes alternate
     * @param memorySamples   noise samples of the attack processes whose peak memory is measured
     * @param kernel          whether to measure the transient kernel alone and the sweep speed-up as well
     */
    public record Plan(long[] endToEndSamples, int repeats, long[] memorySamples, boolean kernel) {
        /** Everything: about 10 minutes on a quiet 2-core machine (the ladder at 10^6 samples dominates). */
        public static Plan full() {
            return new Plan(new long[] {100_000, 1_000_000}, 3, new long[] {100_000, 1_000_000, 10_000_000}, true);
        }

        /** 10^5 samples end to end on both lines, once each, memory at 10^5 and 10^6: about a minute. */
        public static Plan quick() {
            return new Plan(new long[] {100_000}, 1, new long[] {100_000, 1_000_000}, false);
        }
    }

    /**
     * Runs the plan; progress lines go to {@code log}. Returns the results as a JSON-ready map.
     *
     * @param plan     what to run
     * @param kljn     how to start the {@code kljn attack} processes
     * @param log      where progress lines go
     * @return the results, for the dated JSON file
     * @throws Exception when a process or an ngspice run fails
     */
    public static BenchOutput run(Plan plan, AttackLauncher kljn, PrintStream log) throws Exception {
        List<BenchOutput.EndToEnd> endToEnd = new ArrayList<>();
        for (EndToEndLine line : List.of(EndToEndLine.lumped(), EndToEndLine.ladder())) {
            for (long n : plan.endToEndSamples()) {
                int goals = line.accuracyGoals().size();
                double[][] attack = new double[goals][plan.repeats()];
                double[][] attackCpu = new double[goals][plan.repeats()];
                long[] attackRss = new long[goals];
                Map<String, Object>[] facts = newFactArray(goals);
                double[] batch = new double[plan.repeats()];
                double[] batchCpu = new double[plan.repeats()];
                long batchRss = 0;
                // the processes alternate, so a slow spell of the machine hits both sides alike
                for (int k = 0; k < plan.repeats(); k++) {
                    for (int g = 0; g < goals; g++) {
                        Measured a = attackProcess(kljn, line, n, List.of(), line.accuracyGoals().get(g));
                        attack[g][k] = a.seconds();
                        attackCpu[g][k] = a.cpuSeconds();
                        attackRss[g] = Math.max(attackRss[g], a.peakRssKb());
                        facts[g] = a.attackFacts();
                    }
                    Measured b = batchRun(line, n);
                    batch[k] = b.seconds();
                    batchCpu[k] = b.cpuSeconds();
                    batchRss = Math.max(batchRss, b.peakRssKb());
                }
                for (int g = 0; g < goals; g++) {
                    // what the attack itself reported (facts): the callback path, its grid and its bounds
                    endToEnd.add(new BenchOutput.EndToEnd(line.name(), line.accuracyGoals().get(g), line.bandwidth(), n,
                            median(attack[g]), median(batch), median(batch) / median(attack[g]),
                            median(attackCpu[g]), median(batchCpu), median(batchCpu) / median(attackCpu[g]),
                            attack[g], batch, attackRss[g] / 1024.0, batchRss / 1024.0, facts[g]));
                    log.printf(Locale.ROOT, "end to end %-8s %-13s %,11d samples: kljn attack %.2f s, ngspice -b %.2f s"
                                    + " (x%.2f); CPU %.2f s vs %.2f s (x%.2f); %s%n", line.name(),
                            line.accuracyGoals().get(g), n, median(attack[g]), median(batch),
                            median(batch) / median(attack[g]), median(attackCpu[g]), median(batchCpu),
                            median(batchCpu) / median(attackCpu[g]), facts[g]);
                }
            }
        }

        List<BenchOutput.Kernel> throughput = null;
        if (plan.kernel()) {
            throughput = new ArrayList<>();
            for (String line : List.of("lumped", "ladder20")) {
                long n = 1_000_000;
                double[] bridge = new double[plan.repeats()];
                for (int k = 0; k < plan.repeats(); k++) {
                    bridge[k] = n / bridgeTransientSeconds(line, n);
                }
                throughput.add(new BenchOutput.Kernel(line, n, median(bridge), bridge));
                log.printf(Locale.ROOT, "kernel   %-8s %,11d grid samples (1 us, K = 4, one step each): %,9.0f/s%n", line, n,
                        median(bridge));
            }
        }

        List<BenchOutput.Memory> memory = new ArrayList<>();
        for (long n : plan.memorySamples()) {
            Measured child = attackProcess(kljn, EndToEndLine.lumped(), n, List.of("-Xmx64m", "-XX:+UseSerialGC"),
                    "distributions");
            memory.add(new BenchOutput.Memory(n, child.peakRssKb() / 1024.0, child.seconds()));
            log.printf(Locale.ROOT, "memory   %,11d samples: kljn attack (lumped, -Xmx64m) peak resident %.1f MB (%.1f s)%n", n,
                    child.peakRssKb() / 1024.0, child.seconds());
        }

        BenchOutput.ExactPoint exact = exactTimes(log);
        BenchOutput.Points<BenchOutput.ExactProbabilitiesPoint> probabilities = exactProbabilityTimes(log);
        BenchOutput.Points<BenchOutput.EveInformationPoint> eveInformation = eveInformationTimes(log);
        BenchOutput.KeyRateMap keyRateMap = keyRateMapTime(log);
        return new BenchOutput(machine(), kljn.describe(), endToEnd, throughput, memory, exact, probabilities,
                eveInformation, keyRateMap, plan.kernel() ? sweepSpeedup(log) : null);
    }

    /** Seconds of ngspice's transient solve for n noise samples through the bridge (streaming, EXTERNAL). */
    static double bridgeTransientSeconds(String line, long n) {
        int bits = 10;
        double bandwidth = 1 / (2.0 * OVERSAMPLING * SAMPLE_SPACING);
        int bitSamples = (int) (n / bits / OVERSAMPLING);
        try (NgSpice spice = NgSpice.open()) {
            BitExchangeResult res = BitExchangeSimulation.run(spice, BitExchangeSettings.builder(PAIR,
                    lineModel(line)).tEff(1e9).beta(1.0).bandwidth(bandwidth).bitSamples(bitSamples).bits(bits).seed(1)
                    .noiseGrid(OVERSAMPLING).guard(0).stepsPerSample(1).build(), i -> { });
            return res.transientSeconds();
        }
    }

    static org.kljn.circuit.LineModel lineModel(String line) {
        return line.equals("lumped") ? new LumpedLine(100) : new RcLadder(100, 100e-12, 20);
    }

    /** Wall time, CPU time (user + system) and peak RSS of a process. */
    record Measured(double seconds, double cpuSeconds, long peakRssKb, Map<String, Object> attackFacts) {
    }

    /** Keys of {@code attack --json} kept beside the timings: how the run was made. */
    static final List<String> ATTACK_FACTS = List.of("callbacks", "accuracyGoal", "solverPointsPerNyquistSample",
            "discretisationBound", "varianceInflationBound", "acceptedPoints", "seconds");

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] newFactArray(int n) {
        return (Map<String, Object>[]) new Map[n];
    }

    /** The whole {@code kljn attack} process on the line for n noise samples (n / 200 bits of 200 samples). */
    static Measured attackProcess(AttackLauncher kljn, EndToEndLine line, long n, List<String> jvmOptions,
            String accuracyGoal) throws IOException, InterruptedException {
        Path dir = org.kljn.ngspice.OwnedTempFolders.create("kljn-bench-");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M"));
        command.addAll(kljn.withJvmOptions(jvmOptions));
        Map<String, String> environment = kljn.environment(jvmOptions);
        command.addAll(List.of("attack",
                "--rl", "1k", "--rh", "10k", "--bits", Long.toString(n / BIT_SAMPLES), "--bit-samples",
                Integer.toString(BIT_SAMPLES), "--seed", "1", "--json", "--accuracy", accuracyGoal));
        command.addAll(line.options());
        try {
            Measured m = timed(command, dir, environment);
            Map<String, Object> json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    dir.resolve("out.txt").toFile(), Map.class);
            Map<String, Object> facts = new LinkedHashMap<>();
            for (String key : ATTACK_FACTS) {
                facts.put(key, json.get(key));
            }
            return new Measured(m.seconds(), m.cpuSeconds(), m.peakRssKb(), facts);
        } finally {
            org.kljn.ngspice.OwnedTempFolders.deleteTree(dir);
        }
    }

    /** ngspice -b on the line's loop (HL) with two TRNOISE sources of NT = 1/(2Δf), n samples long. */
    static Measured batchRun(EndToEndLine line, long n) throws IOException, InterruptedException {
        KljnLoop loop = KljnLoop.secure(PAIR, Resistor.H, line.model());
        double nt = 1 / (2 * line.bandwidth());
        double rmsA = Math.sqrt(Johnson.meanSquareVoltage(1e9, loop.aliceResistance(), line.bandwidth()));
        double rmsB = Math.sqrt(Johnson.meanSquareVoltage(1e9, loop.bobResistance(), line.bandwidth()));
        List<String> netlist = new ArrayList<>(NetlistWriter.transientTrnoise(loop, rmsA, rmsB, nt, n * nt));
        // batch mode runs the analysis cards only with a control block or an output request
        netlist.add(netlist.size() - 1, ".control");
        netlist.add(netlist.size() - 1, "run");
        netlist.add(netlist.size() - 1, "quit 0");
        netlist.add(netlist.size() - 1, ".endc");
        Path dir = org.kljn.ngspice.OwnedTempFolders.create("kljn-bench-");
        try {
            Path cir = dir.resolve("loop.cir");
            Files.write(cir, netlist);
            return timed(List.of("/usr/bin/time", "-f", "%e %U %S %M", "ngspice", "-b", cir.toString()), dir);
        } finally {
            org.kljn.ngspice.OwnedTempFolders.deleteTree(dir);
        }
    }

    /** Runs a command under GNU time and reads "wall user system peakKB" from its last stderr line. */
    private static Measured timed(List<String> command, Path dir) throws IOException, InterruptedException {
        return timed(command, dir, Map.of());
    }

    private static Measured timed(List<String> command, Path dir, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path err = dir.resolve("time.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(err));
        }
        List<String> lines = Files.readAllLines(err);
        String[] last = lines.get(lines.size() - 1).strip().split("\\s+");
        return new Measured(Double.parseDouble(last[0]), Double.parseDouble(last[1]) + Double.parseDouble(last[2]),
                Long.parseLong(last[3]), Map.of());
    }

    /** Exact analysis of one parameter point (warm), with and without the minimax β search. */
    static BenchOutput.ExactPoint exactTimes(PrintStream log) {
        try (NgSpice spice = NgSpice.open()) {
            KljnLoop loop = KljnLoop.secure(PAIR, Resistor.H, new RcLadder(100, 100e-9, 20));
            AnalysisSettings withMinimax = AnalysisSettings.builder().tEff(1e9).bandwidth(1e3).lumpedComparison(false)
                    .build();
            AnalysisSettings withoutSearch = withMinimax.toBuilder().minimax(false).build();
            int warm = 30;
            int reps = 60;
            double[] point = new double[reps];
            double[] withSearch = new double[reps];
            for (int i = 0; i < warm + reps; i++) {
                long t0 = System.nanoTime();
                LoopAnalysis.run(spice, loop, withoutSearch);
                long t1 = System.nanoTime();
                LoopAnalysis.run(spice, loop, withMinimax);
                long t2 = System.nanoTime();
                if (i >= warm) {
                    point[i - warm] = (t1 - t0) / 1e9;
                    withSearch[i - warm] = (t2 - t1) / 1e9;
                }
            }
            log.printf(Locale.ROOT, "exact    one point with beta nulls: %.4f s; with the minimax beta search: %.4f s (medians of %d)%n",
                    median(point), median(withSearch), reps);
            return new BenchOutput.ExactPoint("RC ladder, 20 sections, 257 AC points x 2 generators", median(point),
                    median(withSearch));
        }
    }

    /**
     * All exact probabilities for one point (the three attacks' success and error, Alice/Bob's error), from the
     * four bit situations' transfer functions (AC sweeps not counted), at bit lengths M = 10 ... 10^4 on the
     * 8-section RC ladder (R_c 500 Ω, C_c 100 nF): warm medians. Target: under 50 ms.
     */
    static BenchOutput.Points<BenchOutput.ExactProbabilitiesPoint> exactProbabilityTimes(PrintStream log) {
        try (NgSpice spice = NgSpice.open()) {
            org.kljn.analysis.finitebit.ExactProbabilities.Situations s = org.kljn.analysis.finitebit.ExactProbabilities.situations(spice,
                    PAIR, new RcLadder(500, 100e-9, 8), org.kljn.noise.BandShape.brickWall(1e3), 257, 1e9, 1);
            List<BenchOutput.ExactProbabilitiesPoint> rows = new ArrayList<>();
            for (int m : new int[] {10, 50, 128, 129, 1000, 10000}) {
                double tau = m / 2e3;
                int warm = 5;
                int reps = 15;
                double[] t = new double[reps];
                String method = "";
                for (int i = 0; i < warm + reps; i++) {
                    long t0 = System.nanoTime();
                    method = org.kljn.analysis.finitebit.ExactProbabilities.compute(s, tau).method();
                    if (i >= warm) {
                        t[i - warm] = (System.nanoTime() - t0) / 1e9;
                    }
                }
                rows.add(new BenchOutput.ExactProbabilitiesPoint(m, tau, method, median(t)));
                log.printf(Locale.ROOT, "exact probabilities, one point, M = %5d (%.4g s, %s): %.4f s (median of %d)%n",
                        m, tau, method, median(t), reps);
            }
            return new BenchOutput.Points<>("RC ladder, 8 sections, R_c 500 ohm, C_c 100 nF, brick wall 1 kHz", rows);
        }
    }

    /** Seconds of calls before an Eve-information point is timed: enough for the JIT to compile the pencil. */
    static final double WARM_UP_SECONDS = 2;

    /**
     * Eve's information for one point as {@code optimal} reports it ({@link org.kljn.analysis.eavesdropper.OptimalResult#of}: the
     * exact window likelihood ratio up to {@link org.kljn.analysis.eavesdropper.OptimalResult#WINDOW_LIMIT} Nyquist samples, the
     * window bound beyond, through the default instrument) beside the spectral detector (its bins' AC sweep not
     * counted), on a lumped loop and a ladder, from the secure situations' transfer functions: warm medians of wall
     * time and of the CPU time of the caller and the common ForkJoin pool (the Gram and the pencil split there), 11
     * calls each after {@link #WARM_UP_SECONDS} of calls at the same point. Targets (issue 20): under 0.1 s at
     * M ≤ 256, under 1 s at M = 10^4.
     */
    static BenchOutput.Points<BenchOutput.EveInformationPoint> eveInformationTimes(PrintStream log) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<BenchOutput.EveInformationPoint> rows = new ArrayList<>();
        try (NgSpice spice = NgSpice.open()) {
            for (org.kljn.circuit.LineModel line : List.of(new LumpedLine(500), new RcLadder(500, 100e-9, 8))) {
                String name = line instanceof LumpedLine ? "lumped" : "ladder";
                org.kljn.analysis.eavesdropper.OptimalEavesdropper eve =
                        org.kljn.analysis.eavesdropper.OptimalEavesdropper.analyse(spice, PAIR, line, 1e3, 257);
                org.kljn.analysis.exact.NoiseTemperatures t = org.kljn.analysis.exact.NoiseTemperatures.standard(1e9, 1);
                for (int m : new int[] {10, 50, 256, 10_000}) {
                    org.kljn.analysis.eavesdropper.LikelihoodRatioDetector.Bins bins = eve.detectorBins(spice, m);
                    // warm = compiled: at M = 256 the second call still ran ~1.6 times a compiled one, so the
                    // calls before the timed ones run for WARM_UP_SECONDS (and at least twice)
                    int reps = 11;
                    double[] wall = new double[reps];
                    double[] window = new double[reps];
                    double[] spectral = new double[reps];
                    org.kljn.analysis.eavesdropper.OptimalResult result = null;
                    long start = System.nanoTime();
                    for (int warm = 0; warm < 2 || System.nanoTime() - start < WARM_UP_SECONDS * 1e9; warm++) {
                        org.kljn.analysis.eavesdropper.OptimalResult.of(eve, bins, t);
                    }
                    for (int i = 0; i < reps; i++) {
                        PoolCpu c0 = PoolCpu.now(cpu);
                        long w0 = System.nanoTime();
                        result = org.kljn.analysis.eavesdropper.OptimalResult.of(eve, bins, t);
                        long w1 = System.nanoTime();
                        long s0 = cpu.getCurrentThreadCpuTime();
                        bins.at(t).successProbability();
                        long s1 = cpu.getCurrentThreadCpuTime();
                        long w2 = System.nanoTime();
                        double total = PoolCpu.now(cpu).since(c0);
                        // the spectral detector's time is inside OptimalResult.of too (its extra JSON field)
                        wall[i] = (w1 - w0) / 1e9 - (w2 - w1) / 1e9;
                        window[i] = total - (s1 - s0) / 1e9;
                        spectral[i] = (s1 - s0) / 1e9;
                    }
                    rows.add(new BenchOutput.EveInformationPoint(name, m, result.method(), median(wall), median(window),
                            median(spectral), result.successProbability(), result.mutualInformation()));
                    log.printf(Locale.ROOT, "Eve's information, one point, %s, M = %5d: %s %.4f s wall, %.4f s CPU"
                            + " (caller + common pool); spectral %.4f s CPU (medians of %d)%n", name, m,
                            result.method(), median(wall), median(window), median(spectral), reps);
                }
            }
        }
        return new BenchOutput.Points<>("lumped R_c 500 ohm and RC ladder 8 sections, R_c 500 ohm, C_c 100 nF; brick"
                + " wall 1 kHz, beta 1, default instrument", rows);
    }

    /**
     * CPU nanoseconds of the calling thread and of each common ForkJoin pool thread (where the window Gram's rows
     * forked by a caller outside any pool run): {@link #since} counts the caller's and every pool thread's CPU between
     * two readings, a thread started in between wholly.
     */
    private record PoolCpu(long caller, Map<Long, Long> pool) {
        static PoolCpu now(java.lang.management.ThreadMXBean cpu) {
            Map<Long, Long> pool = new java.util.HashMap<>();
            for (Thread th : Thread.getAllStackTraces().keySet()) {
                if (th instanceof java.util.concurrent.ForkJoinWorkerThread w
                        && w.getPool() == java.util.concurrent.ForkJoinPool.commonPool()) {
                    pool.put(th.getId(), Math.max(0, cpu.getThreadCpuTime(th.getId())));
                }
            }
            return new PoolCpu(cpu.getCurrentThreadCpuTime(), pool);
        }

        /** CPU seconds from {@code before} to this reading. */
        double since(PoolCpu before) {
            long sum = caller - before.caller;
            for (Map.Entry<Long, Long> e : pool.entrySet()) {
                sum += e.getValue() - before.pool.getOrDefault(e.getKey(), 0L);
            }
            return sum / 1e9;
        }
    }

    /**
     * The default key-rate map (issue 21 item 6: 13 × 13 cells, τ optimised per cell; `map --preset cat5`, lengths
     * 10 m..10 km, bands 10 Hz..10 kHz, the default instrument and ξ = 1) on one ngspice instance per core: wall
     * seconds and the process's CPU seconds (ngspice runs in this process).
     */
    static BenchOutput.KeyRateMap keyRateMapTime(PrintStream log) {
        int points = 13;
        double[] lengths = new double[points];
        double[] bands = new double[points];
        for (int i = 0; i < points; i++) {
            lengths[i] = 10 * Math.pow(1e3, i / (points - 1.0));
            bands[i] = 10 * Math.pow(1e3, i / (points - 1.0));
        }
        org.kljn.circuit.CablePreset cat5 = org.kljn.circuit.CablePreset.CAT5;
        org.kljn.analysis.study.SecurityMap.PerKm cable = new org.kljn.analysis.study.SecurityMap.PerKm(cat5.resistancePerKm(),
                cat5.capacitancePerKm(), cat5.inductancePerKm());
        int cores = Runtime.getRuntime().availableProcessors();
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        long t0 = System.nanoTime();
        org.kljn.analysis.study.KeyRateMap map;
        try (NgSpicePool pool = NgSpicePool.of(cores)) {
            map = org.kljn.analysis.study.KeyRateMap.compute(pool, cable, PAIR, 1e9, lengths, bands, band -> null, 1,
                    org.kljn.analysis.eavesdropper.EveInstrument.defaults(), org.kljn.analysis.defence.KeyRateDefences.MAX_SAMPLES, i -> { });
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = cpu0 < 0 ? Double.NaN
                : (((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpu0) / 1e9;
        log.printf(Locale.ROOT, "key-rate map 13 x 13 (cat5, tau optimised per cell, %d ngspice instances): %.1f s wall,"
                + " %.1f s CPU; best %.4g bit/s%n", cores, wall, cpu, map.best().bitsPerSecond());
        return new BenchOutput.KeyRateMap(points * points,
                "cat5, lengths 10 m..10 km, bands 10 Hz..10 kHz, tau optimised per cell, default instrument", cores, wall,
                cpu, map.best().bitsPerSecond());
    }

    /** The same sweep with one instance and with one per core. */
    static BenchOutput.Sweep sweepSpeedup(PrintStream log) throws Exception {
        // points heavy enough that the simulation, not the per-row fsync, sets the pace: exact and a short
        // Monte Carlo on a 20-section ladder
        String spec = String.join("\n", "rl: 1k", "rh: 10k", "alice: H, L", "cable: ladder", "sections: 20",
                "rc: lin 100 500 5", "cc: 10n, 100n", "bandwidth: 1k", "beta: 1", "analyses: exact, attack",
                "bits: 20", "bitSamples: 50", "");
        Path dir = org.kljn.ngspice.OwnedTempFolders.create("kljn-bench-");
        try {
            return sweepSpeedup(log, spec, dir);
        } finally {
            org.kljn.ngspice.OwnedTempFolders.deleteTree(dir);
        }
    }

    private static BenchOutput.Sweep sweepSpeedup(PrintStream log, String spec, Path dir) throws Exception {
        Path specFile = dir.resolve("bench.spec");
        Files.writeString(specFile, spec);
        SweepSpec s = SweepSpec.read(specFile);
        int cores = Runtime.getRuntime().availableProcessors();
        double[] seconds = new double[2];
        int[] jobs = {1, cores};
        for (int k = 0; k < 2; k++) {
            try (NgSpicePool pool = NgSpicePool.of(jobs[k])) {
                // warm-up on a separate file, then the measured run
                SweepRunner.create(s, KljnEvaluator.columns(s), new KljnEvaluator(pool), dir.resolve("warm" + k + ".csv"),
                        SweepRunner.Options.defaults().withJobs(jobs[k])).run();
                long t0 = System.nanoTime();
                SweepRunner.create(s, KljnEvaluator.columns(s), new KljnEvaluator(pool), dir.resolve("run" + k + ".csv"),
                        SweepRunner.Options.defaults().withJobs(jobs[k])).run();
                seconds[k] = (System.nanoTime() - t0) / 1e9;
            }
        }
        log.printf(Locale.ROOT, "sweep    %d points (exact + Monte Carlo): 1 instance %.2f s, %d instances %.2f s (x%.2f)%n", s.size(), seconds[0],
                cores, seconds[1], seconds[0] / seconds[1]);
        return new BenchOutput.Sweep(s.size(), cores, seconds[0], seconds[1], seconds[0] / seconds[1]);
    }

    static BenchOutput.Machine machine() {
        String ngspice;
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "libngspice0").start();
            ngspice = "libngspice0 " + new String(p.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            ngspice = "unknown";
        }
        return new BenchOutput.Machine(Runtime.getRuntime().availableProcessors(), firstLine("/proc/cpuinfo",
                "model name"), firstLine("/proc/meminfo", "MemTotal"), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.version"), ngspice);
    }

    private static String firstLine(String file, String prefix) {
        try {
            for (String l : Files.readAllLines(Path.of(file))) {
                if (l.startsWith(prefix)) {
                    return l.substring(l.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

}

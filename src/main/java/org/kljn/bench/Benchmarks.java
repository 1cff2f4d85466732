package org.kljn.bench;

import org.kljn.analysis.BitExchangeSimulation;
import org.kljn.analysis.AnalysisSettings;
import org.kljn.analysis.KljnMoments;
import org.kljn.analysis.LoopAnalysis;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.NetlistWriter;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
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
 * The performance harness behind {@code kljn bench}: the bridge's transient co-simulation against ngspice's
 * own batch mode on the same KLJN loop and noise-sample count, resident memory against run length, the
 * exact analysis per parameter point, and the sweep speed-up of the instance pool.
 *
 * <p>"Noise samples" are the sample points of the injected waveforms: TRNOISE's NT grid in batch mode, the
 * Java noise grid (step h) in the bridge; both use 1 µs, so the loop and the simulated time are the same.
 */
public final class Benchmarks {
    /** Sample spacing of the injected noise in both paths, s. */
    static final double SAMPLE_SPACING = 1e-6;
    /** Grid points per Nyquist interval of the Java noise: Δf = 1/(2 K h) = 125 kHz for h = 1 µs. */
    static final int OVERSAMPLING = 4;
    static final ResistorPair PAIR = new ResistorPair(1e3, 10e3);

    private Benchmarks() {
    }

    /** What to run. */
    public record Plan(long[] throughputSamples, int repeats, long[] memorySamples, boolean ladder) {
        public static Plan full() {
            return new Plan(new long[] {100_000, 1_000_000}, 3, new long[] {100_000, 1_000_000, 10_000_000}, true);
        }

        public static Plan quick() {
            return new Plan(new long[] {100_000}, 3, new long[] {100_000, 1_000_000}, false);
        }
    }

    /** Runs the plan; progress lines go to {@code log}. Returns the results as a JSON-ready map. */
    public static Map<String, Object> run(Plan plan, PrintStream log) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("machine", machine());
        List<Map<String, Object>> throughput = new ArrayList<>();
        for (String line : plan.ladder() ? List.of("lumped", "ladder20") : List.of("lumped")) {
            for (long n : plan.throughputSamples()) {
                double[] bridge = new double[plan.repeats()];
                double[] batch = new double[plan.repeats()];
                long batchRss = 0;
                for (int k = 0; k < plan.repeats(); k++) {
                    bridge[k] = n / bridgeTransientSeconds(line, n);
                    Measured b = batchRun(line, n);
                    batch[k] = n / b.seconds();
                    batchRss = Math.max(batchRss, b.peakRssKb());
                }
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("line", line);
                t.put("samples", n);
                t.put("bridgeSamplesPerSecondMedian", median(bridge));
                t.put("batchSamplesPerSecondMedian", median(batch));
                t.put("speedup", median(bridge) / median(batch));
                t.put("bridgeRuns", bridge);
                t.put("batchRuns", batch);
                t.put("batchPeakRssMB", batchRss / 1024.0);
                throughput.add(t);
                log.printf(Locale.ROOT, "transient %-8s %,11d samples: bridge %,9.0f/s, ngspice -b %,9.0f/s (x%.2f)%n", line, n,
                        median(bridge), median(batch), median(bridge) / median(batch));
            }
        }
        r.put("transient", throughput);

        List<Map<String, Object>> memory = new ArrayList<>();
        for (long n : plan.memorySamples()) {
            Measured child = childJvm(n);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("samples", n);
            m.put("bridgePeakRssMB", child.peakRssKb() / 1024.0);
            m.put("bridgeSeconds", child.seconds());
            memory.add(m);
            log.printf(Locale.ROOT, "memory   %,11d samples: bridge peak resident %.1f MB (child JVM, %.1f s)%n", n,
                    child.peakRssKb() / 1024.0, child.seconds());
        }
        r.put("memory", memory);

        r.put("exact", exactTimes(log));
        r.put("sweep", sweepSpeedup(log));
        return r;
    }

    /** Seconds of ngspice's transient solve for n noise samples through the bridge (streaming, EXTERNAL). */
    static double bridgeTransientSeconds(String line, long n) {
        int bits = 10;
        double bandwidth = 1 / (2.0 * OVERSAMPLING * SAMPLE_SPACING);
        int bitSamples = (int) (n / bits / OVERSAMPLING);
        try (NgSpice spice = NgSpice.open()) {
            BitExchangeSimulation.Result res = BitExchangeSimulation.run(spice, new BitExchangeSimulation.Settings(PAIR,
                    lineModel(line), 1e9, 1.0, bandwidth, bitSamples, bits, 1, OVERSAMPLING, 0), i -> { });
            return res.transientSeconds();
        }
    }

    static org.kljn.circuit.LineModel lineModel(String line) {
        return line.equals("lumped") ? new LumpedLine(100) : new RcLadder(100, 100e-12, 20);
    }

    /** Wall time and peak RSS of a process. */
    record Measured(double seconds, long peakRssKb) {
    }

    /** ngspice -b on the same loop with two TRNOISE sources of NT = 1 µs, n samples long. */
    static Measured batchRun(String line, long n) throws IOException, InterruptedException {
        KljnLoop loop = KljnLoop.secure(PAIR, Resistor.H, lineModel(line));
        double bandwidth = 1 / (2.0 * SAMPLE_SPACING);
        double rmsA = Math.sqrt(4 * KljnMoments.BOLTZMANN * 1e9 * loop.aliceResistance() * bandwidth);
        double rmsB = Math.sqrt(4 * KljnMoments.BOLTZMANN * 1e9 * loop.bobResistance() * bandwidth);
        List<String> netlist = new ArrayList<>(NetlistWriter.transientTrnoise(loop, rmsA, rmsB, SAMPLE_SPACING,
                n * SAMPLE_SPACING));
        // batch mode runs the analysis cards only with a control block or an output request
        netlist.add(netlist.size() - 1, ".control");
        netlist.add(netlist.size() - 1, "run");
        netlist.add(netlist.size() - 1, "quit 0");
        netlist.add(netlist.size() - 1, ".endc");
        Path dir = org.kljn.ngspice.OwnedTempFolders.create("kljn-bench-");
        try {
            Path cir = dir.resolve("loop.cir");
            Files.write(cir, netlist);
            return timed(List.of("/usr/bin/time", "-f", "%e %M", "ngspice", "-b", cir.toString()), dir);
        } finally {
            org.kljn.ngspice.OwnedTempFolders.deleteTree(dir);
        }
    }

    /** Runs a command under GNU time and reads "seconds peakKB" from its last stderr line. */
    private static Measured timed(List<String> command, Path dir) throws IOException, InterruptedException {
        Path err = dir.resolve("time.err");
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(err.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(err));
        }
        List<String> lines = Files.readAllLines(err);
        String[] last = lines.get(lines.size() - 1).strip().split("\\s+");
        return new Measured(Double.parseDouble(last[0]), Long.parseLong(last[1]));
    }

    /** Peak RSS of a fresh JVM running n samples through the bridge (so earlier runs do not count). */
    static Measured childJvm(long n) throws IOException, InterruptedException {
        Path dir = org.kljn.ngspice.OwnedTempFolders.create("kljn-bench-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The bridge keeps nothing per sample, so a small heap suffices; a large one only lets the JVM hold more
        // garbage between collections, which would show up as resident memory.
        try {
            return timed(List.of("/usr/bin/time", "-f", "%e %M", java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), BenchChild.class.getName(), Long.toString(n)), dir);
        } finally {
            org.kljn.ngspice.OwnedTempFolders.deleteTree(dir);
        }
    }

    /** Exact analysis of one parameter point (warm), with and without the minimax β search. */
    static Map<String, Object> exactTimes(PrintStream log) {
        Map<String, Object> r = new LinkedHashMap<>();
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
            r.put("line", "RC ladder, 20 sections, 257 AC points x 2 generators");
            r.put("pointWithBetaNullsSecondsMedian", median(point));
            r.put("pointWithMinimaxSearchSecondsMedian", median(withSearch));
            log.printf(Locale.ROOT, "exact    one point with beta nulls: %.4f s; with the minimax beta search: %.4f s (medians of %d)%n",
                    median(point), median(withSearch), reps);
        }
        return r;
    }

    /** The same sweep with one instance and with one per core. */
    static Map<String, Object> sweepSpeedup(PrintStream log) throws Exception {
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

    private static Map<String, Object> sweepSpeedup(PrintStream log, String spec, Path dir) throws Exception {
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
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("points", s.size());
        r.put("cores", cores);
        r.put("secondsOneInstance", seconds[0]);
        r.put("secondsPool", seconds[1]);
        r.put("speedup", seconds[0] / seconds[1]);
        log.printf(Locale.ROOT, "sweep    %d points (exact + Monte Carlo): 1 instance %.2f s, %d instances %.2f s (x%.2f)%n", s.size(), seconds[0],
                cores, seconds[1], seconds[0] / seconds[1]);
        return r;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstLine("/proc/cpuinfo", "model name"));
        m.put("memory", firstLine("/proc/meminfo", "MemTotal"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "libngspice0").start();
            m.put("ngspice", "libngspice0 " + new String(p.getInputStream().readAllBytes()).strip());
        } catch (IOException e) {
            m.put("ngspice", "unknown");
        }
        return m;
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

package org.kljn.cli;

import org.kljn.analysis.BitLength;
import org.kljn.analysis.SecurityMap;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.io.AtomicFiles;
import org.kljn.io.FolderLock;
import org.kljn.report.SecurityMapChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kljn map}: where KLJN over a cable is secure against the best second-order eavesdropper, over cable length ×
 * band, with the best single β and with the best temperature set.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Security map: Eve's optimal success over cable length x band for a cable preset or R, C, L per"
                + " km, with the best beta and the best temperature set; heat maps (PNG, SVG) and CSV.")
public final class MapCommand implements Callable<Integer> {
    @Option(names = "--preset", description = "cable preset: cat5, telephone, rg58 (or give --r-per-km and --c-per-km)")
    String preset;

    @Option(names = "--r-per-km", description = "loop resistance per km, ohm")
    String rPerKm;

    @Option(names = "--c-per-km", description = "capacitance per km, F")
    String cPerKm;

    @Option(names = "--l-per-km", defaultValue = "0", description = "loop inductance per km, H (default ${DEFAULT-VALUE})")
    String lPerKm;

    @Option(names = "--rl", defaultValue = "1k", description = "R_L (default ${DEFAULT-VALUE})")
    String rl;

    @Option(names = "--rh", defaultValue = "10k", description = "R_H (default ${DEFAULT-VALUE})")
    String rh;

    @Option(names = "--teff", defaultValue = "1e9", description = "T_eff, K (default ${DEFAULT-VALUE})")
    String teff;

    @Option(names = "--lengths", defaultValue = "10,10k", split = ",",
            description = "shortest and longest cable length, m (log grid; default ${DEFAULT-VALUE})")
    String[] lengths;

    @Option(names = "--length-points", defaultValue = "13", description = "lengths on the grid (default ${DEFAULT-VALUE})")
    int lengthPoints;

    @Option(names = "--bandwidths", defaultValue = "10,10k", split = ",",
            description = "lowest and highest band edge, Hz (log grid; default ${DEFAULT-VALUE})")
    String[] bandwidths;

    @Option(names = "--band-points", defaultValue = "13", description = "bands on the grid (default ${DEFAULT-VALUE})")
    int bandPoints;

    @Option(names = "--bit-samples", defaultValue = "1000",
            description = "bit duration in Nyquist samples M at every band (tau = M/(2 bandwidth)); default ${DEFAULT-VALUE}")
    int bitSamples;

    @Option(names = "--epsilon", defaultValue = "0.01",
            description = "secure means Eve's optimal success <= 0.5 + epsilon (default ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--jobs", description = "ngspice instances in parallel (default: one per core)")
    Integer jobs;

    @Option(names = "--out", defaultValue = "kljn-map", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--resume", description = "keep the points a stopped map already wrote to its partial file")
    boolean resume;

    @Mixin
    Json json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SecurityMap.PerKm cable = cable();
        ResistorPair pair = LoopOptions.resistorPair(rl, rh);
        double tEff = LoopOptions.temperature(teff);
        double[] ls = grid("--lengths", lengths, "--length-points", lengthPoints, (o, t) -> {
            try {
                return SpiceNumbers.parseLength(o, t);
            } catch (org.kljn.circuit.ParameterException e) {
                throw new IllegalArgumentException(o + ": " + e.getMessage(), e);
            }
        });
        double[] bs = grid("--bandwidths", bandwidths, "--band-points", bandPoints, SpiceNumbers::parse);
        BitLength.ofSamples(bitSamples);
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("--epsilon must be in (0, 0.5), got " + epsilon);
        }
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("--jobs must be in 1..64, got " + n);
        }
        try {
            SecurityMap.check(cable, ls, bs);
        } catch (org.kljn.circuit.ParameterException e) {
            // the map's own options: a band from --bandwidths, a line from --lengths at a band
            throw new IllegalArgumentException((e.parameter() == org.kljn.circuit.Parameter.BANDWIDTH ? "--bandwidths: "
                    : "--lengths and --bandwidths: ") + e.getMessage(), e);
        }
        // everything a point depends on: the partial file records it and a resume must match all of it
        SecurityMap.Settings settings = new SecurityMap.Settings(cable, pair, tEff, ls, bs, bitSamples, epsilon);
        SecurityMap map;
        int total = ls.length * bs.length;
        PrintWriter err = spec.commandLine().getErr();
        AtomicFiles.checkWritableFolder("--out", out);
        Path partial = out.resolve(PARTIAL);
        // one map per folder at a time, from the first point to the last file (the partial file's removal included:
        // a lock released before the final files let a second map start, and the first then deleted its partial
        // file and mixed its charts with the second's); the partial file holds every finished point (fsynced), so a
        // stopped map resumes with --resume
        try (FolderLock lock = FolderLock.acquire(out, LOCK, "kljn map")) {
            Map<Integer, SecurityMap.Point> known = resume ? MapPartial.read(partial, settings) : Map.of();
            if (!known.isEmpty()) {
                err.printf(Locale.ROOT, "map: %d of %d points from %s%n", known.size(), total, partial);
            }
            try (MapPartial writer = MapPartial.open(partial, settings, resume && java.nio.file.Files.exists(partial));
                 NgSpicePool pool = NgSpicePool.of(n)) {
                int[] done = {known.size()};
                map = SecurityMap.compute(pool, settings, known, (i, p) -> {
                    writer.append(i, p);
                    done[0]++;
                    if (done[0] % Math.max(1, total / 10) == 0 || done[0] == total) {
                        err.printf(Locale.ROOT, "map: %d of %d points%n", done[0], total);
                        err.flush();
                    }
                });
            }
            writeOutputs(map, pair, partial);
        }
        return 0;
    }

    /** The CSV, the charts and the JSON, then the partial file goes; all under the folder's lock. */
    private void writeOutputs(SecurityMap map, ResistorPair pair, Path partial) throws java.io.IOException {
        double[] bs = map.bandwidths();
        double[] ls = map.lengths();
        String name = preset != null ? preset : "R " + rPerKm + " ohm/km, C " + cPerKm + " F/km, L " + lPerKm + " H/km";
        AtomicFiles.writeString(out.resolve("security-map.csv"), SecurityMapChart.csv(map));
        SecurityMapChart.write(map, false, "Eve's optimal success, best single β: " + name + ", M = " + bitSamples,
                out, "security-map-best-beta");
        SecurityMapChart.write(map, true, "Eve's optimal success, best temperature set: " + name + ", M = " + bitSamples,
                out, "security-map-best-temperatures");
        Map<String, Object> summary = summary(map);
        AtomicFiles.writeString(out.resolve("security-map.json"), Json.write(summary));
        java.nio.file.Files.deleteIfExists(partial);
        PrintWriter o = spec.commandLine().getOut();
        if (json.enabled()) {
            o.println(Json.write(summary));
        } else {
            o.printf(Locale.ROOT, "security map of %s, R_L = %s, R_H = %s, bit of %d Nyquist samples, secure when Eve's"
                            + " optimal success <= %.3f%n", name, SpiceNumbers.engineering(pair.low()),
                    SpiceNumbers.engineering(pair.high()), bitSamples, 0.5 + epsilon);
            double[] sb = map.secureLength(false), st = map.secureLength(true);
            o.printf(Locale.ROOT, "%12s %22s %22s%n", "band [Hz]", "secure up to (best β)", "(best temperatures)");
            for (int b = 0; b < bs.length; b++) {
                o.printf(Locale.ROOT, "%12s %22s %22s%n", SpiceNumbers.engineering(bs[b]), lengthText(sb[b], ls),
                        lengthText(st[b], ls));
            }
            o.printf(Locale.ROOT, "-> %s (CSV, heat maps PNG and SVG, JSON)%n", out);
        }
        o.flush();
    }

    /** The output folder's lock file ({@link FolderLock}), held from the first point to the last file. */
    static final String LOCK = ".security-map.lock";

    /** The finished points of a running map, one line each (index, then the CSV row at full precision). */
    static final String PARTIAL = "security-map.partial.csv";

    private static String lengthText(double l, double[] ls) {
        if (Double.isNaN(l)) {
            return "< " + SpiceNumbers.metres(ls[0]);
        }
        if (Double.isInfinite(l)) {
            return ">= " + SpiceNumbers.metres(ls[ls.length - 1]);
        }
        return SpiceNumbers.metres(l);
    }

    private SecurityMap.PerKm cable() {
        if (preset != null) {
            if (rPerKm != null || cPerKm != null) {
                throw new IllegalArgumentException("--preset and --r-per-km/--c-per-km exclude each other");
            }
            CablePreset p = CablePreset.named(preset);
            return new SecurityMap.PerKm(p.resistancePerKm(), p.capacitancePerKm(), p.inductancePerKm());
        }
        if (rPerKm == null || cPerKm == null) {
            throw new IllegalArgumentException("give --preset, or --r-per-km and --c-per-km (and optionally --l-per-km)");
        }
        return new SecurityMap.PerKm(LoopOptions.positive("--r-per-km", rPerKm),
                LoopOptions.positive("--c-per-km", cPerKm), LoopOptions.nonNegative("--l-per-km", lPerKm));
    }

    private static double[] grid(String option, String[] range, String countOption, int count,
                                 java.util.function.ToDoubleBiFunction<String, String> reader) {
        if (range.length != 2) {
            throw new IllegalArgumentException(option + " takes two values LOW,HIGH, got " + String.join(",", range));
        }
        double lo = reader.applyAsDouble(option, range[0]);
        double hi = reader.applyAsDouble(option, range[1]);
        if (!(lo > 0 && hi > 0)) {
            throw new IllegalArgumentException(option + " must be > 0, got " + String.join(",", range));
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException(option + ": the second value must exceed the first, got "
                    + String.join(",", range));
        }
        if (count < 2 || count > 200) {
            throw new IllegalArgumentException(countOption + " must be in 2..200, got " + count);
        }
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = lo * Math.pow(hi / lo, i / (double) (count - 1));
        }
        return g;
    }

    static Map<String, Object> summary(SecurityMap map) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bitSamples", map.bitSamples());
        r.put("epsilon", map.epsilon());
        r.put("lengths", map.lengths());
        r.put("bandwidths", map.bandwidths());
        r.put("secureLengthBestBeta", finite(map.secureLength(false)));
        r.put("secureLengthBestTemperatures", finite(map.secureLength(true)));
        return r;
    }

    /** JSON has no NaN or infinity: null for "insecure at the shortest length", the string "all" for "secure everywhere". */
    private static Object[] finite(double[] v) {
        Object[] o = new Object[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Double.isNaN(v[i]) ? null : Double.isInfinite(v[i]) ? "all" : (Object) v[i];
        }
        return o;
    }
}

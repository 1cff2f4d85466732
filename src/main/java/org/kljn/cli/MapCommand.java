package org.kljn.cli;

import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.study.SecurityMap;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.output.EveNoise;
import org.kljn.output.KeyRateMapOutput;
import org.kljn.output.SecurityMapOutput;
import org.kljn.io.AtomicFiles;
import org.kljn.io.FolderLock;
import org.kljn.report.SecurityMapChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Option(names = "--metric", defaultValue = "key-rate", description = "key-rate: the best secret-key rate in bit/s"
            + " with the bit duration optimised per cell (unless a bit is set); success: Eve's optimal success for a"
            + " bit of --bit-samples (default ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--bit-samples", description = "bit duration in Nyquist samples M at every band (tau = M/(2"
            + " bandwidth)); success map default 1000; key-rate map: optimised per cell unless set")
    Integer bitSamples;

    @Option(names = "--bit-duration", description = "key-rate map: one bit duration tau in seconds at every band"
            + " (rounded to whole Nyquist intervals of each band)")
    Double bitDuration;

    @Option(names = "--key-rate", description = "key-rate map: the raw bit rate 1/tau in bit/s at every band")
    Double rawRate;

    @Option(names = "--reconciliation", defaultValue = "1", description = "reconciliation efficiency xi in (0, 1]"
            + " (default ${DEFAULT-VALUE})")
    double reconciliation;

    @Option(names = "--point", split = ",", description = "LENGTH,BANDWIDTH: your operating point, marked on the"
            + " key-rate map")
    String[] point;

    @Mixin
    EveNoiseOptions eveNoise;

    @Option(names = "--epsilon", defaultValue = "0.01",
            description = "secure means Eve's optimal success <= 0.5 + epsilon (default ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--jobs", description = "ngspice instances in parallel (default: one per core)")
    Integer jobs;

    @Option(names = "--out", defaultValue = "kljn-map", description = "output folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--resume", description = "keep the points (cells) a stopped map already wrote to its partial file")
    boolean resume;

    @Mixin
    Json json;

    @Mixin
    ReportOption report;

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
        if (!metric.equals("key-rate") && !metric.equals("success")) {
            throw new IllegalArgumentException("--metric " + metric + ": allowed key-rate or success");
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
        if (metric.equals("key-rate")) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--epsilon")) {
                throw new IllegalArgumentException("--epsilon: applies to --metric success (the key-rate map has no"
                        + " success threshold)");
            }
            return keyRateMap(cable, pair, tEff, ls, bs, n);
        }
        int bitSamples = checkSuccessOptions();
        // everything a point depends on: the partial file records it and a resume must match all of it
        SecurityMap.Settings settings = new SecurityMap.Settings(cable, pair, tEff, ls, bs, bitSamples, epsilon);
        return successMap(settings, pair, tEff, n);
    }

    /**
     * {@code --metric success}: refuses the key-rate map's options and a bad {@code --epsilon}; returns the bit
     * length M (default 1000).
     */
    private int checkSuccessOptions() {
        if (bitDuration != null || rawRate != null) {
            throw new IllegalArgumentException((bitDuration != null ? "--bit-duration" : "--key-rate") + " sets one"
                    + " bit duration for every band: allowed with --metric key-rate; the success map takes"
                    + " --bit-samples");
        }
        int m = this.bitSamples == null ? 1000 : this.bitSamples;
        BitLength.ofSamples(m);
        for (String o : new String[] {"--eve-noise-voltage", "--eve-noise-current", "--reconciliation", "--point"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new IllegalArgumentException(o + ": applies to --metric key-rate (the success map's eavesdropper"
                        + " is the spectral one, without an instrument)");
            }
        }
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("--epsilon must be in (0, 0.5), got " + epsilon);
        }
        return m;
    }

    /** {@code --metric success}: Eve's optimal success per cell, under the folder's lock, resumable; then the files. */
    private Integer successMap(SecurityMap.Settings settings, ResistorPair pair, double tEff, int n) throws Exception {
        SecurityMap map;
        int total = settings.lengths().length * settings.bandwidths().length;
        PrintWriter err = spec.commandLine().getErr();
        Path reportDir = report.checked();
        AtomicFiles.checkWritableFolder("--out", out); // after every check of the options: bad input makes no folder
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
            try (MapPartial<SecurityMap.Point> writer = MapPartial.open(partial, settings, resume && java.nio.file.Files.exists(partial));
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
            writeOutputs(map, pair, tEff, partial, reportDir);
        }
        return 0;
    }

    /** The CSV, the charts and the JSON, then the partial file goes; all under the folder's lock. */
    private void writeOutputs(SecurityMap map, ResistorPair pair, double tEff, Path partial, Path reportDir)
            throws java.io.IOException {
        double[] bs = map.bandwidths();
        double[] ls = map.lengths();
        String name = preset != null ? preset : "R " + rPerKm + " ohm/km, C " + cPerKm + " F/km, L " + lPerKm + " H/km";
        AtomicFiles.writeString(out.resolve("security-map.csv"), SecurityMapChart.csv(map));
        SecurityMapChart.write(map, false, "Eve's optimal success, best single β: " + name + ", M = " + map.bitSamples(),
                out, "security-map-best-beta");
        SecurityMapChart.write(map, true, "Eve's optimal success, best temperature set: " + name + ", M = " + map.bitSamples(),
                out, "security-map-best-temperatures");
        SecurityMapOutput summary = SecurityMapOutput.of(map);
        AtomicFiles.writeString(out.resolve("security-map.json"), Json.write(summary));
        java.nio.file.Files.deleteIfExists(partial);
        PrintWriter o = spec.commandLine().getOut();
        if (json.enabled()) {
            o.println(Json.stdout(summary));
        } else {
            o.printf(Locale.ROOT, "security map of %s, R_L = %s, R_H = %s, bit of %d Nyquist samples, secure when Eve's"
                            + " optimal success <= %.3f%n", name, SpiceNumbers.engineering(pair.low()),
                    SpiceNumbers.engineering(pair.high()), map.bitSamples(), 0.5 + epsilon);
            summary.printTable(o);
            o.printf(Locale.ROOT, "-> %s (CSV, heat maps PNG and SVG, JSON)%n", out);
            o.println(verdict(map, name));
        }
        if (reportDir != null) {
            String setup = String.format(Locale.ROOT, "Security map of %s, R_L = %s, R_H = %s, T_eff = %s K: %d lengths"
                            + " from %s to %s × %d bands from %s to %s, a bit of %d Nyquist samples at every band.",
                    name, org.kljn.io.Units.si(pair.low(), "Ω"), org.kljn.io.Units.si(pair.high(), "Ω"),
                    org.kljn.io.Units.scientific(tEff), ls.length, SpiceNumbers.metres(ls[0]),
                    SpiceNumbers.metres(ls[ls.length - 1]), bs.length, org.kljn.io.Units.si(bs[0], "Hz"),
                    org.kljn.io.Units.si(bs[bs.length - 1], "Hz"), map.bitSamples());
            ReportOption.announce(spec, json.enabled(), org.kljn.report.CommandReports.map(map, name, setup,
                    verdict(map, name), Json.write(summary), reportDir));
        }
        o.flush();
    }

    /**
     * The bit in Nyquist samples at a band of the key-rate map, from {@code --bit-samples}, {@code --bit-duration} or
     * {@code --key-rate} (null where none is given: optimised per cell), each checked at every band {@code bs}.
     */
    private java.util.function.DoubleFunction<Integer> bitAt(double[] bs) {
        if ((bitSamples != null ? 1 : 0) + (bitDuration != null ? 1 : 0) + (rawRate != null ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--bit-samples, --bit-duration and --key-rate: give one of them (tau ="
                    + " M/(2 bandwidth) = 1/rate)");
        }
        if (bitDuration != null && !(bitDuration > 0 && Double.isFinite(bitDuration))) {
            throw new IllegalArgumentException("--bit-duration " + bitDuration + ": allowed a positive number of seconds");
        }
        if (bitSamples != null) {
            BitLength.ofSamples(bitSamples);
        }
        for (double band : bs) {
            if (rawRate != null) {
                BitLength.ofRawRate(rawRate, band); // a raw rate above a band of the grid is refused
            }
        }
        java.util.function.DoubleFunction<Integer> bitAt = band -> bitSamples != null ? bitSamples
                : bitDuration != null ? (Integer) (int) Math.max(2, Math.round(2 * band * bitDuration))
                : rawRate != null ? BitLength.ofRawRate(rawRate, band).samples() : null;
        for (double band : bs) {
            Integer m = bitAt.apply(band);
            if (m != null && (m < 2 || m > org.kljn.analysis.defence.KeyRateDefences.MAX_SAMPLES
                    || bitDuration != null && 2 * band * bitDuration < 2)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: a bit of %.4g Nyquist samples at"
                        + " the %.4g Hz band: allowed 2 to %d (at least two Nyquist samples; Eve's exact window"
                        + " information is computed up to %d)", bitSamples != null ? "--bit-samples " + bitSamples
                        : bitDuration != null ? "--bit-duration " + bitDuration : "--key-rate " + rawRate,
                        bitDuration != null ? 2 * band * bitDuration : (double) m, band,
                        org.kljn.analysis.defence.KeyRateDefences.MAX_SAMPLES, org.kljn.analysis.defence.KeyRateDefences.MAX_SAMPLES));
            }
        }
        return bitAt;
    }

    /** {@code --metric key-rate}: the best secret-key rate per cell, CSV, JSON and heat map. */
    private Integer keyRateMap(SecurityMap.PerKm cable, ResistorPair pair, double tEff, double[] ls, double[] bs,
            int n) throws Exception {
        double xi = org.kljn.analysis.eavesdropper.KeyRate.checkReconciliation(reconciliation);
        org.kljn.analysis.eavesdropper.EveInstrument instrument = eveNoise.instrument();
        double[] mark = null;
        if (point != null) {
            if (point.length != 2) {
                throw new IllegalArgumentException("--point takes LENGTH,BANDWIDTH, got " + String.join(",", point));
            }
            mark = new double[] {LoopOptions.positive("--point", point[0]), LoopOptions.positive("--point", point[1])};
        }
        java.util.function.DoubleFunction<Integer> bitAt = bitAt(bs);
        int total = ls.length * bs.length;
        PrintWriter err = spec.commandLine().getErr();
        Path reportDir = report.checked();
        AtomicFiles.checkWritableFolder("--out", out); // after every check of the options: bad input makes no folder
        // everything a cell depends on: the partial file records it and a resume must match all of it
        KeyRateSettings settings = new KeyRateSettings(cable, pair, tEff, ls, bs,
                java.util.Arrays.stream(bs).mapToObj(bitAt).toList(), xi, instrument,
                org.kljn.analysis.defence.KeyRateDefences.MAX_SAMPLES);
        Path partial = out.resolve(KEY_RATE_PARTIAL);
        // one map per folder at a time, from the first cell to the last file (as the success map); each finished cell
        // goes to the partial file (fsynced), so a stopped map resumes with --resume
        try (FolderLock lock = FolderLock.acquire(out, LOCK, "kljn map")) {
            Map<Integer, org.kljn.analysis.study.KeyRateMap.Cell> known = resume
                    ? MapPartial.read(partial, MapPartial.KEY_RATE, settings, total) : Map.of();
            if (!known.isEmpty()) {
                err.printf(Locale.ROOT, "map: %d of %d cells from %s%n", known.size(), total, partial);
            }
            org.kljn.analysis.study.KeyRateMap map;
            try (MapPartial<org.kljn.analysis.study.KeyRateMap.Cell> writer = MapPartial.open(partial,
                    MapPartial.KEY_RATE, settings, resume && java.nio.file.Files.exists(partial));
                 NgSpicePool pool = NgSpicePool.of(n)) {
                map = org.kljn.analysis.study.KeyRateMap.compute(pool, cable, pair, tEff, ls, bs, bitAt, xi, instrument,
                        settings.maxSamples(), known, writer::append, done -> {
                            if (done % Math.max(1, total / 10) == 0 || done == total) {
                                err.printf(Locale.ROOT, "map: %d of %d cells%n", done, total);
                                err.flush();
                            }
                        });
            }
            writeKeyRateOutputs(map, pair, tEff, xi, instrument, mark, ls, bs, reportDir);
            java.nio.file.Files.deleteIfExists(partial);
        }
        return 0;
    }

    /**
     * Everything a key-rate map's cells are computed from (a resumed map checks its partial file against all of it):
     * the cable, the loop, the grid, the bit of each band (null: optimised per cell), ξ, Eve's instrument and the
     * longest bit a search considers.
     */
    record KeyRateSettings(SecurityMap.PerKm cable, ResistorPair resistors, double tEff, double[] lengths,
            double[] bandwidths, java.util.List<Integer> bitSamplesPerBand, double reconciliation,
            org.kljn.analysis.eavesdropper.EveInstrument instrument, int maxSamples) {
    }

    /** The key-rate map's CSV, chart and JSON, and its text; under the folder's lock. */
    private void writeKeyRateOutputs(org.kljn.analysis.study.KeyRateMap map, ResistorPair pair, double tEff, double xi,
            org.kljn.analysis.eavesdropper.EveInstrument instrument, double[] mark, double[] ls, double[] bs, Path reportDir)
            throws java.io.IOException {
        String name = preset != null ? preset : "R " + rPerKm + " ohm/km, C " + cPerKm + " F/km, L " + lPerKm + " H/km";
        String csv = KeyRateMapOutput.csv(map);
        AtomicFiles.writeString(out.resolve("key-rate-map.csv"), csv);
        org.kljn.report.KeyRateMapChart.write(map, org.kljn.report.KeyRateMapChart.title(name), mark, out,
                "key-rate-map");
        String verdict = map.verdict(name);
        KeyRateMapOutput summary = KeyRateMapOutput.of(map, verdict, xi, EveNoise.of(instrument));
        AtomicFiles.writeString(out.resolve("key-rate-map.json"), Json.write(summary));
        PrintWriter o = spec.commandLine().getOut();
        if (json.enabled()) {
            o.println(Json.stdout(summary));
        } else {
            o.println(verdict);
            o.printf(Locale.ROOT, "%nkey-rate map of %s, R_L = %s, R_H = %s, %s, reconciliation %.2f%n", name,
                    SpiceNumbers.engineering(pair.low()), SpiceNumbers.engineering(pair.high()), map.fixedBit()
                            ? "the bit set" : "bit duration optimised per cell (2 to " + map.maxSamples()
                            + " Nyquist samples)", xi);
            KeyRateMapOutput.printTable(o, map);
            o.printf(Locale.ROOT, "-> %s (key-rate-map CSV, PNG, SVG, JSON)%n", out);
        }
        if (reportDir != null) {
            String setup = String.format(Locale.ROOT, "Secret-key rate map of %s, R_L = %s, R_H = %s, T_eff = %s K: %d"
                            + " lengths from %s to %s × %d bands from %s to %s; %s; reconciliation %.2f; in each cell"
                            + " the β minimising Eve's Jeffreys rate and the best temperature set, the one giving"
                            + " more kept.", name, org.kljn.io.Units.si(pair.low(), "Ω"),
                    org.kljn.io.Units.si(pair.high(), "Ω"), org.kljn.io.Units.scientific(tEff), ls.length,
                    SpiceNumbers.metres(ls[0]), SpiceNumbers.metres(ls[ls.length - 1]), bs.length,
                    org.kljn.io.Units.si(bs[0], "Hz"), org.kljn.io.Units.si(bs[bs.length - 1], "Hz"), map.fixedBit()
                            ? "the bit set by the user" : "the bit duration optimised per cell (2 to "
                            + map.maxSamples() + " Nyquist samples)", xi);
            ReportOption.announce(spec, json.enabled(), org.kljn.report.CommandReports.keyRateMap(map, name, setup,
                    verdict, csv, Json.write(summary), mark, reportDir));
        }
        o.flush();
    }

    /**
     * The answer in one sentence: where, with the best temperature set, Eve's optimal success stays within
     * 0.5 + ε: the grid cells, and the longest secure cable at the lowest and at the highest band.
     */
    static String verdict(SecurityMap map, String name) {
        long secure = map.points().stream().filter(p -> p.successBestTemperatures() <= 0.5 + map.epsilon()).count();
        double[] st = map.secureLength(true);
        double[] bs = map.bandwidths();
        String where = String.format(Locale.ROOT, "%s at %s and %s at %s",
                org.kljn.report.CommandReports.secureLength(st[0], map.lengths()), org.kljn.io.Units.si(bs[0], "Hz"),
                org.kljn.report.CommandReports.secureLength(st[bs.length - 1], map.lengths()),
                org.kljn.io.Units.si(bs[bs.length - 1], "Hz"));
        return secure == 0
                ? String.format(Locale.ROOT, "KLJN over %s is secure nowhere on this map: with the best temperature set"
                        + " the best second-order eavesdropper guesses a bit of %d Nyquist samples right with probability"
                        + " above 0.5 + %.2g at every length and band.", name, map.bitSamples(), map.epsilon())
                : String.format(Locale.ROOT, "With the best temperature set, KLJN over %s is secure against the best"
                        + " second-order eavesdropper (her success for a bit of %d Nyquist samples at most 0.5 + %.2g)"
                        + " in %d of %d cells of this map; longest secure cable: %s.", name, map.bitSamples(),
                        map.epsilon(), secure, map.points().size(), where);
    }

    /** The output folder's lock file ({@link FolderLock}), held from the first point to the last file. */
    static final String LOCK = ".security-map.lock";

    /** The finished points of a running map, one line each (index, then the CSV row at full precision). */
    static final String PARTIAL = "security-map.partial.csv";

    /** The finished cells of a running key-rate map, as {@link #PARTIAL}. */
    static final String KEY_RATE_PARTIAL = "key-rate-map.partial.csv";

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
}

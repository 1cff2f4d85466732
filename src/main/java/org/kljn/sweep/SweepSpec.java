package org.kljn.sweep;

import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.montecarlo.BitExchange;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.io.Fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A sweep: grids of KLJN loop parameters and the analyses to run at every point of their Cartesian product.
 *
 * <h2>Format</h2>
 * Plain text, one {@code key: value} per line; {@code #} starts a comment; blank lines are ignored; keys are
 * case-insensitive and each may appear once. A value is a single value, a comma-separated list, or a range
 * {@code lin START STOP COUNT} (evenly spaced) or {@code log START STOP COUNT} (evenly spaced in log,
 * START and STOP > 0); list items may themselves be ranges ({@code 0.9, lin 1 1.1 3}). Ranges include both
 * ends; COUNT 1 needs START = STOP. Numbers take SPICE suffixes (f p n u m k meg g t; note that {@code m} is
 * milli, {@code meg} is 10^6; rl, rh, rc and cc refuse {@code m}/{@code M}, which SPICE reads as milli in either case,
 * and length refuses milli and smaller); every number and range value is rounded to 15 significant digits, so that
 * {@code 100n} is 1e-7 and {@code lin 0.9 1.1 5} steps by 0.05 exactly as written. The same value twice in one
 * list is an error. Example:
 *
 * <pre>
 * # R_L = 1k vs R_H = 10k over Cat 5 cable from 10 m to 10 km, both bit values, exact analysis
 * rl: 1k
 * rh: 10k
 * alice: H, L
 * cable: ltra
 * preset: cat5                 # per-km R, C, L; R_c, C_c, L_c follow from length
 * length: log 10 10k 7         # metres
 * teff: 1e9
 * bandwidth: 1k, 10k
 * beta: 1, eq11, null
 * analyses: exact
 * </pre>
 *
 * <h2>Keys</h2>
 * <table>
 * <caption>The spec's keys</caption>
 * <tr><th>key</th><th>values</th><th>default</th></tr>
 * <tr><td>rl, rh</td><td>resistance, > 0; every rl below every rh</td><td>1k, 10k</td></tr>
 * <tr><td>alice</td><td>H or L: the resistor Alice holds</td><td>H</td></tr>
 * <tr><td>cable</td><td>lumped, ladder, urc, ltra, subckt</td><td>lumped</td></tr>
 * <tr><td>preset</td><td>a cable name from {@link CablePreset} (cat5, telephone, rg58); needs length</td><td>-</td></tr>
 * <tr><td>length</td><td>metres, > 0; needs preset, excludes rc, cc, lc</td><td>-</td></tr>
 * <tr><td>rc</td><td>total R_c, >= 0 (> 0 for ladder, urc, ltra)</td><td>100 (none for subckt)</td></tr>
 * <tr><td>cc</td><td>total C_c, > 0; needed by ladder, urc, ltra</td><td>-</td></tr>
 * <tr><td>lc</td><td>total L_c, >= 0 (ltra)</td><td>0</td></tr>
 * <tr><td>sections</td><td>integer >= 1: ladder sections, URC lumps</td><td>20</td></tr>
 * <tr><td>subckt</td><td>{@code FILE NAME} (path relative to the spec's folder); needs cable subckt</td><td>-</td></tr>
 * <tr><td>teff</td><td>T_eff, K, > 0</td><td>1e9</td></tr>
 * <tr><td>bandwidth</td><td>Δf, Hz, > 0</td><td>1k</td></tr>
 * <tr><td>beta</td><td>a number 0 &lt; β ≤ 1000, {@code eq11} (the paper's eq. 11), {@code null} (nulls the
 *     Second-Law signal), {@code minimax} (minimises Eve's best attack) or {@code optimal} (minimises the best
 *     eavesdropper's J; adds the columns {@link org.kljn.sweep.KljnEvaluator#OPTIMAL_COLUMNS}); see
 *     {@link BetaRule}</td><td>1</td></tr>
 * <tr><td>bitSamples</td><td>the bit length M in Nyquist samples, integer >= 1 (>= 2 with attack); the exact
 *     analysis predicts Eve's success for it</td><td>1000</td></tr>
 * <tr><td>bitDuration</td><td>seconds, > 0, instead of bitSamples: a whole number of 1/(2 bandwidth), one
 *     bandwidth only (becomes the bitSamples dimension)</td><td>-</td></tr>
 * <tr><td>bits</td><td>integer >= 1 (attack only)</td><td>100</td></tr>
 * <tr><td>seed</td><td>integer >= 0 (attack only)</td><td>1</td></tr>
 * <tr><td>analyses</td><td>a list of exact, attack (not a grid dimension: every point runs them all)</td>
 *     <td>exact</td></tr>
 * </table>
 * Integer keys round range values to the nearest integer. With {@code length}, R_c, C_c and L_c are the
 * preset's per-km values times the length. The product is literal: a parameter a cable model does not use
 * (cc for lumped) still multiplies the grid.
 *
 * <h2>Grid order</h2>
 * The points are the Cartesian product of the dimensions in the fixed order of
 * {@link SweepPoint#PARAMETER_COLUMNS} (rl, rh, alice, cable, preset, length, rc, cc, lc, sections, subckt,
 * teff, bandwidth, beta, bitSamples, bits, seed), whatever the order of the lines in the file: the last
 * dimension varies fastest; each dimension's values keep the order written (ranges in ascending COUNT order).
 * Index 0 is the first value of every dimension. A point's {@link SweepPoint#key() key} lists its values,
 * so it does not change when other dimensions gain values.
 *
 * <h2>Errors</h2>
 * A bad spec throws {@link IllegalArgumentException} whose message starts with {@code FILE:LINE: key:} and
 * names the value and what is allowed.
 */
public final class SweepSpec {
    /** R_c when the spec gives none (a subckt point has none: its file is the whole line). */
    private static final double DEFAULT_RC = 100;

    /** Sweeps larger than this are refused as surely mistaken. */
    public static final int MAX_POINTS = 10_000_000;

    private enum Key {
        RL("rl"), RH("rh"), ALICE("alice"), CABLE("cable"), PRESET("preset"), LENGTH("length"), RC("rc"),
        CC("cc"), LC("lc"), SECTIONS("sections"), SUBCKT("subckt"), TEFF("teff"), BANDWIDTH("bandwidth"),
        BETA("beta"), BIT_SAMPLES("bitSamples"), BIT_DURATION("bitDuration"), BITS("bits"), SEED("seed"),
        ANALYSES("analyses");

        final String text;

        Key(String text) {
            this.text = text;
        }

        static String allowed() {
            return Stream.of(values()).map(k -> k.text).collect(Collectors.joining(", "));
        }
    }

    /** The cable models {@code kljn analyze --cable} knows. */
    public static final List<String> CABLES = Stream.of(CableKind.values()).map(CableKind::word).toList();

    private static final Set<String> NEEDS_CC = Set.of("ladder", "urc", "ltra");

    private record Line(int number, Key key, String value) {
    }

    private final String source;
    /** The grid dimensions in point order (RL .. SEED), each a non-empty list of values. */
    private final EnumMap<Key, List<?>> dims;
    private final Set<Analysis> analyses;
    private final int size;
    private volatile String fingerprint;

    private SweepSpec(String source, EnumMap<Key, List<?>> dims, Set<Analysis> analyses, int size) {
        this.source = source;
        this.dims = dims;
        this.analyses = analyses;
        this.size = size;
    }

    /** Reads a spec file; relative subckt paths resolve against its folder. */
    public static SweepSpec read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a folder; the sweep spec is a text file of 'key: value' lines");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; the sweep spec is a text file of 'key: value'"
                    + " lines");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte-order mark is no part of the first key
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /**
     * Parses spec text.
     *
     * @param source  names the text in error messages (usually the file name)
     * @param baseDir the folder relative subckt paths resolve against
     * @throws IllegalArgumentException for a bad spec, naming the line, the key, the value and what is allowed
     */
    public static SweepSpec parse(String text, String source, Path baseDir) {
        Map<Key, Line> lines = new LinkedHashMap<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            int n = i + 1;
            String s = raw[i];
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash);
            }
            s = s.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(source + ":" + n + ": expected 'key: value', got '" + s
                        + "'; keys: " + Key.allowed());
            }
            String name = s.substring(0, colon).strip();
            Key key = Stream.of(Key.values()).filter(k -> k.text.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(source + ":" + n + ": unknown key '" + name
                            + "'; allowed: " + Key.allowed()));
            Line earlier = lines.get(key);
            if (earlier != null) {
                throw new IllegalArgumentException(source + ":" + n + ": " + key.text + ": given twice (first on line "
                        + earlier.number + "); write all values in one list");
            }
            String value = s.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(source + ":" + n + ": " + key.text + ": empty value; give a value,"
                        + " a list 'a, b, c' or a range 'lin|log START STOP COUNT'");
            }
            lines.put(key, new Line(n, key, value));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + ": the spec is empty; write at least the loop ('rl: 1k',"
                    + " 'rh: 10k', ...); keys: " + Key.allowed());
        }
        return new Parser(source, baseDir, lines).build();
    }

    /** The number of points in the grid. */
    public int size() {
        return size;
    }

    /** The analyses to run at every point. */
    public Set<Analysis> analyses() {
        return analyses;
    }

    /** Whether a point uses the {@code optimal} β (then the sweep has the best eavesdropper's columns). */
    public boolean asksOptimal() {
        List<?> betas = dims.get(Key.BETA);
        return betas != null && betas.stream().anyMatch(b -> b instanceof BetaRule r && r.kind() == BetaRule.Kind.OPTIMAL);
    }

    /** Every file a point reads: the subckt files, as the spec names them (none when the spec has no subckt). */
    public List<SubcktRef> files() {
        return dims.get(Key.SUBCKT).stream().filter(java.util.Objects::nonNull).map(SubcktRef.class::cast).toList();
    }

    /** Where the spec came from (file name), as error messages show it. */
    public String source() {
        return source;
    }

    /** The number of values of each dimension, in grid order, by column name (a dimension the spec leaves alone has 1). */
    public Map<String, Integer> shape() {
        Map<String, Integer> m = new LinkedHashMap<>();
        dims.forEach((k, v) -> m.put(k.text, v.size()));
        return Collections.unmodifiableMap(m);
    }

    /** The point at {@code index} (0 ≤ index &lt; {@link #size()}). */
    public SweepPoint point(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " is outside the grid of " + size + " points");
        }
        EnumMap<Key, Object> v = new EnumMap<>(Key.class);
        int rest = index;
        List<Key> order = new ArrayList<>(dims.keySet());
        Collections.reverse(order);
        for (Key k : order) {
            List<?> values = dims.get(k);
            v.put(k, values.get(rest % values.size()));
            rest /= values.size();
        }
        CablePreset preset = (CablePreset) v.get(Key.PRESET);
        double length = (Double) v.get(Key.LENGTH);
        double rc;
        double cc;
        double lc;
        if (preset != null) {
            rc = clean(preset.resistance(length));
            cc = clean(preset.capacitance(length));
            lc = clean(preset.inductance(length));
        } else {
            // R_c and L_c the spec leaves out take their defaults where the model has them (not in a subckt)
            boolean subckt = CableKind.SUBCKT.word().equals(v.get(Key.CABLE));
            rc = (Double) v.get(Key.RC);
            rc = Double.isNaN(rc) && !subckt ? DEFAULT_RC : rc;
            cc = (Double) v.get(Key.CC);
            lc = (Double) v.get(Key.LC);
            lc = Double.isNaN(lc) && !subckt ? 0 : lc;
        }
        SweepPoint p = new SweepPoint(index, "", (Double) v.get(Key.RL), (Double) v.get(Key.RH),
                (Resistor) v.get(Key.ALICE), (String) v.get(Key.CABLE), preset, length, rc, cc, lc,
                (Integer) v.get(Key.SECTIONS), (SubcktRef) v.get(Key.SUBCKT), (Double) v.get(Key.TEFF),
                (Double) v.get(Key.BANDWIDTH), (BetaRule) v.get(Key.BETA), (Integer) v.get(Key.BIT_SAMPLES),
                (Integer) v.get(Key.BITS), (Long) v.get(Key.SEED), analyses);
        String key = SweepPoint.keyOf(p.parameterCells());
        return new SweepPoint(index, key, p.rl(), p.rh(), p.alice(), p.cable(), p.preset(), p.length(), p.rc(),
                p.cc(), p.lc(), p.sections(), p.subckt(), p.teff(), p.bandwidth(), p.beta(), p.bitSamples(),
                p.bits(), p.seed(), p.analyses());
    }

    /**
     * What every row of this sweep is computed from, as a SHA-256 (hex): every dimension's values, the analyses, and
     * the content of every file a point reads (the subckt files, through their {@link SubcktRef#path()}). Derived
     * from the parsed dimensions as a whole, so a key added to the spec is part of it without more code. A resume
     * and a merge refuse rows of another fingerprint.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = Fingerprint.hash(List.of(dims, analyses));
            fingerprint = f;
        }
        return f;
    }

    /** All points in index order. */
    public List<SweepPoint> points() {
        List<SweepPoint> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(point(i));
        }
        return all;
    }

    /** Turns the lines into dimensions, checking each value and the rules between keys. */
    private static final class Parser {
        private final String source;
        private final Path baseDir;
        private final Map<Key, Line> lines;

        Parser(String source, Path baseDir, Map<Key, Line> lines) {
            this.source = source;
            this.baseDir = baseDir;
            this.lines = lines;
        }

        SweepSpec build() {
            EnumMap<Key, List<?>> d = new EnumMap<>(Key.class);
            d.put(Key.RL, numbers(Key.RL, Domain.POSITIVE, 1e3));
            d.put(Key.RH, numbers(Key.RH, Domain.POSITIVE, 1e4));
            d.put(Key.ALICE, alice());
            d.put(Key.CABLE, cables());
            d.put(Key.PRESET, presets());
            boolean byLength = lines.containsKey(Key.LENGTH);
            if (byLength) {
                checkLengthSuffixes(lines.get(Key.LENGTH));
            }
            d.put(Key.LENGTH, byLength ? numbers(Key.LENGTH, Domain.POSITIVE, Double.NaN) : List.of(Double.NaN));
            if (byLength) {
                for (Key k : List.of(Key.RC, Key.CC, Key.LC)) {
                    if (lines.containsKey(k)) {
                        throw error(lines.get(k), "conflicts with length on line " + lines.get(Key.LENGTH).number
                                + ": with length, R_c, C_c and L_c come from the preset; give either length or rc/cc/lc");
                    }
                }
                if (!lines.containsKey(Key.PRESET)) {
                    throw error(lines.get(Key.LENGTH), "needs a preset for the per-km values; add 'preset: NAME'"
                            + " with NAME one of " + presetNames());
                }
            } else if (lines.containsKey(Key.PRESET)) {
                throw error(lines.get(Key.PRESET), "needs a length; add 'length: METRES'");
            }
            // no rc line: NaN here, the default R_c at the points whose model uses it (not a subckt's)
            d.put(Key.RC, byLength ? List.of(Double.NaN) : numbers(Key.RC, Domain.NON_NEGATIVE, Double.NaN));
            d.put(Key.CC, byLength ? List.of(Double.NaN) : numbers(Key.CC, Domain.POSITIVE, Double.NaN));
            d.put(Key.LC, byLength ? List.of(Double.NaN) : numbers(Key.LC, Domain.NON_NEGATIVE, Double.NaN));
            d.put(Key.SECTIONS, ints(integers(Key.SECTIONS, 1, Integer.MAX_VALUE, 20)));
            d.put(Key.SUBCKT, subckts());
            d.put(Key.TEFF, numbers(Key.TEFF, Domain.POSITIVE, 1e9));
            d.put(Key.BANDWIDTH, numbers(Key.BANDWIDTH, Domain.POSITIVE, 1e3));
            d.put(Key.BETA, betas());
            d.put(Key.BIT_SAMPLES, lines.containsKey(Key.BIT_DURATION) ? bitSamplesFromDurations(d)
                    : ints(integers(Key.BIT_SAMPLES, 1, Integer.MAX_VALUE, 1000)));
            // the bit count's bound is the attack's own (one bound, whichever check meets it first)
            d.put(Key.BITS, ints(integers(Key.BITS, 1, BitExchange.MAX_BITS, 100)));
            d.put(Key.SEED, integers(Key.SEED, 0, 1L << 53, 1));
            Set<Analysis> analyses = analyses();

            crossChecks(d, analyses, byLength);

            long size = 1;
            for (List<?> v : d.values()) {
                size *= v.size();
                if (size > MAX_POINTS) {
                    throw new IllegalArgumentException(source + ": the grid has more than " + MAX_POINTS
                            + " points (" + shapeText(d) + "); split the sweep");
                }
            }
            SweepSpec spec = new SweepSpec(source, d, analyses, (int) size);
            checkRules(spec);
            return spec;
        }

        /**
         * Every point is checked with the rules of the commands (the line model's own needs and limits, the band it
         * resolves, the β rule's applicability, the transient's limits for attack), before any point runs. The rules
         * depend on the cable, band, β and bit dimensions only, so their sub-grid is enumerated, not the whole grid.
         */
        private void checkRules(SweepSpec spec) {
            List<Key> cableDims = List.of(Key.CABLE, Key.PRESET, Key.LENGTH, Key.RC, Key.CC, Key.LC, Key.SECTIONS,
                    Key.SUBCKT);
            List<Key> order = new ArrayList<>(spec.dims.keySet());
            Map<Key, Integer> stride = new EnumMap<>(Key.class);
            int st = 1;
            for (int i = order.size() - 1; i >= 0; i--) {
                stride.put(order.get(i), st);
                st *= spec.dims.get(order.get(i)).size();
            }
            List<?> bandwidths = spec.dims.get(Key.BANDWIDTH);
            List<?> betas = spec.dims.get(Key.BETA);
            List<?> bitSamples = spec.dims.get(Key.BIT_SAMPLES);
            List<?> bits = spec.dims.get(Key.BITS);
            int[] counter = new int[cableDims.size()];
            while (true) {
                // one line model per cable combination, checked against every band, β rule and bit length
                int base = 0;
                for (int c = 0; c < cableDims.size(); c++) {
                    base += counter[c] * stride.get(cableDims.get(c));
                }
                SweepPoint p = spec.point(base);
                LineModel line;
                KljnLoop loop;
                try {
                    line = p.cableSpec().line();
                    loop = KljnLoop.secure(new ResistorPair(p.rl(), p.rh()), p.alice(), line);
                } catch (ParameterException e) {
                    throw ruleError(e, p);
                }
                for (int b = 0; b < bandwidths.size(); b++) {
                    for (int r = 0; r < betas.size(); r++) {
                        for (int m = 0; m < bitSamples.size(); m++) {
                            try {
                                LoopAnalysis.check(loop, KljnEvaluator.settings(p.teff(), (Double) bandwidths.get(b),
                                        (BetaRule) betas.get(r), (Integer) bitSamples.get(m)));
                            } catch (ParameterException e) {
                                throw ruleError(e, spec.point(base + b * stride.get(Key.BANDWIDTH)
                                        + r * stride.get(Key.BETA) + m * stride.get(Key.BIT_SAMPLES)));
                            }
                            for (int n = 0; n < bits.size() && p.runs(Analysis.ATTACK); n++) {
                                try {
                                    BitExchange.check(line, (Integer) bitSamples.get(m), (Integer) bits.get(n));
                                } catch (ParameterException e) {
                                    throw ruleError(e, spec.point(base + m * stride.get(Key.BIT_SAMPLES)
                                            + n * stride.get(Key.BITS)));
                                }
                            }
                        }
                    }
                }
                int c = cableDims.size() - 1;
                while (c >= 0 && ++counter[c] == spec.dims.get(cableDims.get(c)).size()) {
                    counter[c] = 0;
                    c--;
                }
                if (c < 0) {
                    return;
                }
            }
        }

        /** A domain rule broken at point {@code p}, as a spec error on the line of the key at fault. */
        private IllegalArgumentException ruleError(ParameterException e, SweepPoint p) {
            Key key = switch (e.parameter()) {
                case LOW_RESISTANCE -> Key.RL;
                case HIGH_RESISTANCE -> Key.RH;
                case CABLE_PRESET -> Key.PRESET;
                case CABLE_LENGTH -> Key.LENGTH;
                case CABLE_RESISTANCE -> p.preset() != null ? Key.LENGTH : Key.RC;
                case CABLE_CAPACITANCE -> p.preset() != null ? Key.LENGTH : Key.CC;
                case CABLE_INDUCTANCE -> p.preset() != null ? Key.CABLE : Key.LC;
                case SECTIONS -> Key.SECTIONS;
                case SUBCIRCUIT_FILE, SUBCIRCUIT_NAME -> Key.SUBCKT;
                case NOISE_TEMPERATURE -> Key.TEFF;
                case BANDWIDTH -> Key.BANDWIDTH;
                case BETA -> Key.BETA;
                case BIT_SAMPLES -> Key.BIT_SAMPLES;
                case BIT_DURATION -> Key.BIT_DURATION;
                case BITS, NOISE_GRID, SOLVER_STEPS, ACCURACY_GOAL, GUARD_TIME -> Key.BITS;
                case CABLE_MODEL, CABLE_CONDUCTANCE, SWEEP_POINTS, EVE_NOISE_VOLTAGE, EVE_NOISE_CURRENT,
                     RAW_BIT_RATE, RECONCILIATION -> Key.CABLE;
            };
            Line at = lines.containsKey(key) ? lines.get(key) : lines.get(Key.CABLE);
            String where = "(at point " + p.index() + ": " + p.key() + ")";
            if (at == null) {
                return new IllegalArgumentException(source + ": " + key.text + ": " + e.getMessage() + " " + where, e);
            }
            return new IllegalArgumentException(source + ":" + at.number + ": " + key.text + ": " + e.getMessage() + " "
                    + where, e);
        }

        private void crossChecks(EnumMap<Key, List<?>> d, Set<Analysis> analyses, boolean byLength) {
            double maxRl = d.get(Key.RL).stream().mapToDouble(o -> (Double) o).max().orElseThrow();
            double minRh = d.get(Key.RH).stream().mapToDouble(o -> (Double) o).min().orElseThrow();
            if (maxRl >= minRh) {
                Line at = lines.containsKey(Key.RL) ? lines.get(Key.RL) : lines.get(Key.RH);
                throw error(at, "every rl must be below every rh (each pair is a grid point), but rl "
                        + SpiceNumbers.engineering(maxRl) + " >= rh " + SpiceNumbers.engineering(minRh));
            }
            @SuppressWarnings("unchecked")
            List<String> cables = (List<String>) d.get(Key.CABLE);
            boolean distributed = cables.stream().anyMatch(NEEDS_CC::contains);
            if (distributed && !byLength) {
                if (!lines.containsKey(Key.CC)) {
                    throw error(lines.get(Key.CABLE), "cable " + cables.stream().filter(NEEDS_CC::contains)
                            .findFirst().orElseThrow() + " needs cc (total C_c), or length with a preset");
                }
                if (d.get(Key.RC).contains(0.0)) {
                    throw error(lines.get(Key.RC), "0 is allowed only for a lumped cable; ladder, urc and ltra"
                            + " need rc > 0");
                }
            }
            if (!lines.containsKey(Key.CABLE) && (lines.containsKey(Key.PRESET) || lines.containsKey(Key.CC))) {
                // the command line's rule: a preset or C_c with no model chosen would be dropped by the lumped default
                Line at = lines.containsKey(Key.PRESET) ? lines.get(Key.PRESET) : lines.get(Key.CC);
                throw error(at, "gives the cable's capacitance, which the default lumped model (R_c alone) would drop;"
                        + " choose the line model: add 'cable: ltra' (the exact line: R, L and C), ladder or urc (RC), or"
                        + " lumped to drop it knowingly");
            }
            if (lines.containsKey(Key.CC) && cables.stream().noneMatch(c -> CableKind.parse(c).usesCapacitance())) {
                throw error(lines.get(Key.CC), "no listed cable model uses C_c (cable: " + String.join(", ", cables)
                        + "); add ladder, urc or ltra to 'cable', or leave cc out");
            }
            if (lines.containsKey(Key.LC) && d.get(Key.LC).stream().anyMatch(v -> (Double) v > 0)
                    && !cables.contains("ltra")) {
                throw error(lines.get(Key.LC), "only the ltra model uses L_c, and 'cable' does not list it; add ltra, or"
                        + " leave lc out");
            }
            if (cables.contains("subckt") && !lines.containsKey(Key.SUBCKT)) {
                throw error(lines.get(Key.CABLE), "cable subckt needs 'subckt: FILE NAME'");
            }
            if (lines.containsKey(Key.SUBCKT) && !cables.contains("subckt")) {
                throw error(lines.get(Key.SUBCKT), "is used only with cable subckt, which 'cable' does not list");
            }
            // the bit length sets the exact analysis's predicted columns too; the bit count and seed only the
            // Monte Carlo's
            if (!analyses.contains(Analysis.ATTACK)) {
                for (Key k : List.of(Key.BITS, Key.SEED)) {
                    if (lines.containsKey(k)) {
                        throw error(lines.get(k), "is used only by the attack analysis; add attack to 'analyses'");
                    }
                }
            }
        }

        /** Lengths are metres: the milli suffix is refused with a hint, as on the command line. */
        private void checkLengthSuffixes(Line line) {
            for (String item : items(line)) {
                String[] t = item.split("\\s+");
                for (int i = isRange(t) ? 1 : 0; i < (isRange(t) ? Math.min(3, t.length) : t.length); i++) {
                    try {
                        SpiceNumbers.parseLength("length", t[i]);
                    } catch (ParameterException e) {
                        throw error(line, e.getMessage());
                    } catch (IllegalArgumentException e) {
                        // not a number: the number reader says so with its own message
                    }
                }
            }
        }

        private enum Domain { POSITIVE, NON_NEGATIVE }

        /**
         * bitDuration (seconds) instead of bitSamples: M = 2Δfτ, which must be a whole number, for the one
         * bandwidth of the spec.
         */
        private List<Integer> bitSamplesFromDurations(EnumMap<Key, List<?>> d) {
            Line line = lines.get(Key.BIT_DURATION);
            if (lines.containsKey(Key.BIT_SAMPLES)) {
                throw error(line, "conflicts with bitSamples on line " + lines.get(Key.BIT_SAMPLES).number
                        + ": give the bit length once (tau = bitSamples/(2 bandwidth))");
            }
            if (d.get(Key.BANDWIDTH).size() != 1) {
                throw error(line, "needs a single bandwidth (the bit length in Nyquist samples depends on it);"
                        + " with several bandwidths give bitSamples");
            }
            double bandwidth = (Double) d.get(Key.BANDWIDTH).get(0);
            List<Integer> out = new ArrayList<>();
            for (double tau : numbers(Key.BIT_DURATION, Domain.POSITIVE, Double.NaN)) {
                try {
                    out.add(BitLength.ofDuration(tau, bandwidth).samples());
                } catch (ParameterException e) {
                    throw error(line, e.getMessage());
                }
            }
            return out;
        }

        /** A list of numbers (values and ranges), or the default when the key is absent. */
        private List<Double> numbers(Key key, Domain domain, double dflt) {
            Line line = lines.get(key);
            if (line == null) {
                return List.of(dflt);
            }
            List<List<Double>> parts = new ArrayList<>();
            for (String item : items(line)) {
                String[] t = item.split("\\s+");
                List<Double> values = isRange(t) ? range(line, item, t) : List.of(single(line, item, t));
                // a range is monotone: its ends bound every value
                for (double v : List.of(values.get(0), values.get(values.size() - 1))) {
                    boolean ok = domain == Domain.POSITIVE ? v > 0 : v >= 0;
                    if (!ok) {
                        throw error(line, "must be " + (domain == Domain.POSITIVE ? "> 0" : ">= 0") + ", got '"
                                + item + "'" + (values.size() > 1 ? " (gives " + SpiceNumbers.format(v) + ")" : ""));
                    }
                }
                parts.add(values);
            }
            return distinctParts(line, parts, SpiceNumbers::format);
        }

        /** A list of integers from min to max (range values rounded), or the default. */
        private List<Long> integers(Key key, long min, long max, long dflt) {
            Line line = lines.get(key);
            if (line == null) {
                return List.of(dflt);
            }
            List<List<Long>> parts = new ArrayList<>();
            for (String item : items(line)) {
                String[] t = item.split("\\s+");
                boolean range = isRange(t);
                List<Double> values = range ? range(line, item, t) : List.of(single(line, item, t));
                if (!range && values.get(0) != Math.rint(values.get(0))) {
                    throw error(line, "must be an integer, got '" + item + "'");
                }
                for (double v : List.of(values.get(0), values.get(values.size() - 1))) {
                    if (Math.round(v) < min || v > max) {
                        throw error(line, "must be an integer from " + min + " to " + max + ", got '" + item + "'");
                    }
                }
                // rounding keeps the values of a range whose steps are at least 1 apart
                boolean stepsOfOne = values.size() < 2 || Math.abs(values.get(1) - values.get(0)) >= 1
                        && Math.abs(values.get(values.size() - 1) - values.get(values.size() - 2)) >= 1;
                parts.add(LazyValues.mapped(values, Math::round, "round", stepsOfOne));
            }
            return distinctParts(line, parts, String::valueOf);
        }

        private List<BetaRule> betas() {
            Line line = lines.get(Key.BETA);
            if (line == null) {
                return List.of(BetaRule.number(1));
            }
            List<List<BetaRule>> parts = new ArrayList<>();
            for (String item : items(line)) {
                String[] t = item.split("\\s+");
                if (isRange(t)) {
                    List<Double> values = range(line, item, t);
                    rule(line, SpiceNumbers.format(values.get(0))); // the ends bound the range: refused there
                    rule(line, SpiceNumbers.format(values.get(values.size() - 1)));
                    parts.add(LazyValues.mapped(values, BetaRule::number, "beta", true));
                } else {
                    if (t.length > 1) {
                        single(line, item, t); // refuses two words as one value
                    }
                    parts.add(List.of(rule(line, item)));
                }
            }
            return distinctParts(line, parts, BetaRule::toString);
        }

        private BetaRule rule(Line line, String item) {
            try {
                BetaRule r = BetaRule.parse(item);
                return r.isNumber() ? BetaRule.number(clean(r.value())) : r;
            } catch (ParameterException e) {
                throw error(line, e.getMessage());
            }
        }

        private List<Resistor> alice() {
            return words(Key.ALICE, List.of("H", "L"), Resistor.H).stream().map(Resistor::valueOf).toList();
        }

        private List<String> cables() {
            return words(Key.CABLE, CABLES, "lumped").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        }

        private List<CablePreset> presets() {
            Line line = lines.get(Key.PRESET);
            if (line == null) {
                return Collections.singletonList(null);
            }
            List<CablePreset> out = new ArrayList<>();
            for (String item : items(line)) {
                out.add(Stream.of(CablePreset.values()).filter(c -> c.name().equalsIgnoreCase(item)).findFirst()
                        .orElseThrow(() -> error(line, "unknown cable preset '" + item + "'; allowed: "
                                + presetNames())));
            }
            return distinct(line, out, CablePreset::word);
        }

        private List<SubcktRef> subckts() {
            Line line = lines.get(Key.SUBCKT);
            if (line == null) {
                return Collections.singletonList(null);
            }
            List<SubcktRef> out = new ArrayList<>();
            for (String item : items(line)) {
                String[] t = item.split("\\s+");
                if (t.length != 2) {
                    throw error(line, "each item is 'FILE NAME' (a SPICE file and the .subckt name in it), got '"
                            + item + "'");
                }
                Path path = baseDir == null ? Path.of(t[0]) : baseDir.resolve(t[0]);
                if (!Files.isReadable(path)) {
                    throw error(line, "cannot read file '" + t[0] + "' (looked for " + path.toAbsolutePath() + ")");
                }
                out.add(new SubcktRef(t[0], path.toAbsolutePath().normalize(), t[1]));
            }
            return distinct(line, out, s -> s.file() + " " + s.name());
        }

        private Set<Analysis> analyses() {
            Line line = lines.get(Key.ANALYSES);
            if (line == null) {
                return Set.of(Analysis.EXACT);
            }
            List<String> allowed = Stream.of(Analysis.values()).map(Analysis::specName).toList();
            List<String> w = words(Key.ANALYSES, allowed, null);
            distinct(line, w, s -> s.toLowerCase(Locale.ROOT));
            EnumSet<Analysis> set = EnumSet.noneOf(Analysis.class);
            w.forEach(s -> set.add(Analysis.valueOf(s.toUpperCase(Locale.ROOT))));
            return Collections.unmodifiableSet(set);
        }

        /** Items from a fixed vocabulary (case-insensitive), returned in the vocabulary's spelling. */
        private <T> List<String> words(Key key, List<String> allowed, T dflt) {
            Line line = lines.get(key);
            if (line == null) {
                return List.of(String.valueOf(dflt));
            }
            List<String> out = new ArrayList<>();
            for (String item : items(line)) {
                String found = allowed.stream().filter(a -> a.equalsIgnoreCase(item)).findFirst()
                        .orElseThrow(() -> error(line, (key == Key.ANALYSES ? "unknown analysis '" : key == Key.CABLE
                                ? "unknown cable model '" : "unknown value '") + item + "'; allowed: "
                                + String.join(", ", allowed)));
                out.add(found);
            }
            return distinct(line, out, s -> s);
        }

        /** The comma-separated items of a line, stripped; an empty item is an error. */
        private List<String> items(Line line) {
            List<String> out = new ArrayList<>();
            for (String item : line.value.split(",", -1)) {
                String s = item.strip();
                if (s.isEmpty()) {
                    throw error(line, "empty list item in '" + line.value + "'; separate values with single commas");
                }
                out.add(s);
            }
            return out;
        }

        private static boolean isRange(String[] t) {
            return t[0].equalsIgnoreCase("lin") || t[0].equalsIgnoreCase("log");
        }

        private double single(Line line, String item, String[] t) {
            if (t.length > 1) {
                throw error(line, "'" + item + "' is not one value; separate list items with commas, or write a"
                        + " range as 'lin|log START STOP COUNT'");
            }
            return number(line, item);
        }

        private double number(Line line, String text) {
            try {
                // resistances and capacitances refuse m/M: SPICE reads both as milli, "1M" is meant as mega
                boolean noMilli = EnumSet.of(Key.RL, Key.RH, Key.RC, Key.CC).contains(line.key);
                return clean(noMilli ? SpiceNumbers.parseNoMilli(line.key.text, text)
                        : SpiceNumbers.parse(line.key.text, text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + line.number + ": " + e.getMessage(), e);
            }
        }

        private List<Double> range(Line line, String item, String[] t) {
            if (t.length != 4) {
                throw error(line, "a range is 'lin|log START STOP COUNT', got '" + item + "'");
            }
            boolean log = t[0].equalsIgnoreCase("log");
            double start = number(line, t[1]);
            double stop = number(line, t[2]);
            int count;
            try {
                count = Integer.parseInt(t[3]);
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1) {
                throw error(line, "range COUNT must be an integer >= 1, got '" + t[3] + "' in '" + item + "'");
            }
            if (count == 1 && start != stop) {
                throw error(line, "a range of COUNT 1 needs START = STOP, got '" + item + "'; write a single value");
            }
            if (log && !(start > 0 && stop > 0)) {
                throw error(line, "a log range needs START > 0 and STOP > 0, got '" + item + "'");
            }
            if (count > MAX_POINTS) {
                throw error(line, "range COUNT must be <= " + MAX_POINTS + ", got '" + item + "'");
            }
            return LazyValues.range(log, start, stop, count);
        }

        /** The parts of a line, joined, after checking that no value appears twice. */
        private <T> List<T> distinct(Line line, List<T> values, java.util.function.Function<T, String> text) {
            return distinctParts(line, List.of(values), text);
        }

        private <T> List<T> distinctParts(Line line, List<List<T>> parts, java.util.function.Function<T, String> text) {
            List<T> all = LazyValues.concat(parts);
            String twice = null;
            if (all.size() <= 100_000 || !(all.get(0) instanceof Comparable<?>)) {
                Set<String> seen = new java.util.HashSet<>();
                for (T v : all) {
                    if (!seen.add(text.apply(v).toLowerCase(Locale.ROOT))) {
                        twice = text.apply(v);
                        break;
                    }
                }
            } else {
                // a long grid: no set of its values (it would cost more than the sweep)
                @SuppressWarnings({"unchecked", "rawtypes"})
                Object repeat = LazyValues.firstRepeat((List) parts);
                twice = repeat == null ? null : text.apply((T) repeat);
            }
            if (twice != null) {
                throw error(line, "the value " + twice + " appears twice in '" + line.value
                        + "'; each grid value must be distinct");
            }
            return all;
        }

        private IllegalArgumentException error(Line line, String problem) {
            return new IllegalArgumentException(source + ":" + line.number + ": " + line.key.text + ": " + problem);
        }
    }

    /**
     * A number rounded to 15 significant digits, so that {@code 100n} is exactly 1e-7 (not 100 × 1e-9 =
     * 1.0000000000000001e-7) and {@code lin 0.9 1.1 5} gives 0.95, not 0.9500000000000001: CSV cells and
     * keys stay readable, at a change below 1e-15 relative.
     */
    static double clean(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(15)).doubleValue();
    }

    private static String presetNames() {
        return CablePreset.words();
    }

    /** Integer values as ints, lazily (a range of 10^7 stays unstored). */
    private static List<Integer> ints(List<Long> values) {
        return LazyValues.mapped(values, Long::intValue, "int", true);
    }

    private static String shapeText(EnumMap<Key, List<?>> d) {
        return d.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey().text + " " + e.getValue().size()).collect(Collectors.joining(" x "));
    }

    @Override
    public String toString() {
        String shape = shapeText(dims);
        return source + ": " + size + " points" + (shape.isEmpty() ? "" : " (" + shape + ")") + ", analyses "
                + analyses.stream().map(Analysis::specName).collect(Collectors.joining(", "));
    }
}

package org.kljn.sweep;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.montecarlo.BitExchange;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.SpiceNumbers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads each key's line of a spec into its typed values (numbers with SPICE suffixes, integers, words of a fixed
 * vocabulary, β rules, presets, subcircuit files), and the keys that exclude or need each other ({@code length}
 * with {@code preset} instead of {@code rc/cc/lc}, {@code bitDuration} instead of {@code bitSamples}). A bad value is
 * an {@link IllegalArgumentException} naming the file, line, key, value and what is allowed. What values may meet in
 * one point is {@link SpecRules}'.
 */
final class SpecParser {
    private enum Domain { POSITIVE, NON_NEGATIVE }

    private final SpecLines lines;
    private final Path baseDir;

    private SpecParser(SpecLines lines, Path baseDir) {
        this.lines = lines;
        this.baseDir = baseDir;
    }

    /**
     * The grid of the lines' values (defaults for the keys left out).
     *
     * @param baseDir the folder relative subckt paths resolve against (null: the working folder)
     */
    static SweepGrid grid(SpecLines lines, Path baseDir) {
        return new SpecParser(lines, baseDir).grid();
    }

    /** The analyses the spec asks for (exact when it names none). */
    static Set<Analysis> analyses(SpecLines lines) {
        return new SpecParser(lines, null).analyses();
    }

    private SweepGrid grid() {
        List<Double> rl = numbers(SpecKey.RL, Domain.POSITIVE, 1e3);
        List<Double> rh = numbers(SpecKey.RH, Domain.POSITIVE, 1e4);
        List<Resistor> alice = alice();
        List<String> cable = cables();
        List<CablePreset> preset = presets();
        boolean byLength = lines.has(SpecKey.LENGTH);
        List<Double> length = byLength ? lengths() : List.of(Double.NaN);
        checkLengthNeedsPreset(byLength);
        // no rc line: NaN here, the default R_c at the points whose model uses it (not a subckt's)
        List<Double> rc = byLength ? List.of(Double.NaN) : numbers(SpecKey.RC, Domain.NON_NEGATIVE, Double.NaN);
        List<Double> cc = byLength ? List.of(Double.NaN) : numbers(SpecKey.CC, Domain.POSITIVE, Double.NaN);
        List<Double> lc = byLength ? List.of(Double.NaN) : numbers(SpecKey.LC, Domain.NON_NEGATIVE, Double.NaN);
        List<Integer> sections = ints(integers(SpecKey.SECTIONS, 1, Integer.MAX_VALUE, 20));
        List<SubcktRef> subckt = subckts();
        List<Double> teff = numbers(SpecKey.TEFF, Domain.POSITIVE, 1e9);
        List<Double> bandwidth = numbers(SpecKey.BANDWIDTH, Domain.POSITIVE, 1e3);
        List<BetaRule> beta = betas();
        List<Integer> bitSamples = lines.has(SpecKey.BIT_DURATION) ? bitSamplesFromDurations(bandwidth)
                : ints(integers(SpecKey.BIT_SAMPLES, 1, Integer.MAX_VALUE, 1000));
        // the bit count's bound is the attack's own (one bound, whichever check meets it first)
        List<Integer> bits = ints(integers(SpecKey.BITS, 1, BitExchange.MAX_BITS, 100));
        List<Long> seed = integers(SpecKey.SEED, 0, 1L << 53, 1);
        // Eve's floors and ξ: the limits are the domain's (EveInstrument, KeyRate), as for analyze's options
        List<Double> eveNoiseVoltage = optionalNumbers(SpecKey.EVE_NOISE_VOLTAGE,
                v -> new EveInstrument(v, EveInstrument.DEFAULT_CURRENT_NOISE));
        List<Double> eveNoiseCurrent = optionalNumbers(SpecKey.EVE_NOISE_CURRENT,
                v -> new EveInstrument(EveInstrument.DEFAULT_VOLTAGE_NOISE, v));
        List<Double> reconciliation = optionalNumbers(SpecKey.RECONCILIATION, KeyRate::checkReconciliation);
        return new SweepGrid(rl, rh, alice, cable, preset, length, rc, cc, lc, sections, subckt, teff, bandwidth, beta,
                bitSamples, bits, seed, eveNoiseVoltage, eveNoiseCurrent, reconciliation);
    }


    /** Lengths, in metres: the milli suffix is refused with a hint first, as on the command line. */
    private List<Double> lengths() {
        SpecLines.Line line = lines.get(SpecKey.LENGTH);
        for (String item : items(line)) {
            String[] t = item.split("\\s+");
            for (int i = isRange(t) ? 1 : 0; i < (isRange(t) ? Math.min(3, t.length) : t.length); i++) {
                try {
                    SpiceNumbers.parseLength("length", t[i]);
                } catch (ParameterException e) {
                    throw lines.error(line, e.getMessage());
                } catch (IllegalArgumentException e) {
                    // not a number: the number reader says so with its own message
                }
            }
        }
        return numbers(SpecKey.LENGTH, Domain.POSITIVE, Double.NaN);
    }

    /** With length, R_c, C_c and L_c come from a preset's per-km values; a preset needs a length. */
    private void checkLengthNeedsPreset(boolean byLength) {
        if (byLength) {
            for (SpecKey k : List.of(SpecKey.RC, SpecKey.CC, SpecKey.LC)) {
                if (lines.has(k)) {
                    throw lines.error(k, "conflicts with length on line " + lines.get(SpecKey.LENGTH).number()
                            + ": with length, R_c, C_c and L_c come from the preset; give either length or rc/cc/lc");
                }
            }
            if (!lines.has(SpecKey.PRESET)) {
                throw lines.error(SpecKey.LENGTH, "needs a preset for the per-km values; add 'preset: NAME'"
                        + " with NAME one of " + CablePreset.words());
            }
        } else if (lines.has(SpecKey.PRESET)) {
            throw lines.error(SpecKey.PRESET, "needs a length; add 'length: METRES'");
        }
    }

    /**
     * bitDuration (seconds) instead of bitSamples: M = 2Δfτ, which must be a whole number ({@link BitLength}), for
     * the one bandwidth of the spec.
     */
    private List<Integer> bitSamplesFromDurations(List<Double> bandwidths) {
        SpecLines.Line line = lines.get(SpecKey.BIT_DURATION);
        if (lines.has(SpecKey.BIT_SAMPLES)) {
            throw lines.error(line, "conflicts with bitSamples on line " + lines.get(SpecKey.BIT_SAMPLES).number()
                    + ": give the bit length once (tau = bitSamples/(2 bandwidth))");
        }
        if (bandwidths.size() != 1) {
            throw lines.error(line, "needs a single bandwidth (the bit length in Nyquist samples depends on it);"
                    + " with several bandwidths give bitSamples");
        }
        double bandwidth = bandwidths.get(0);
        List<Integer> out = new ArrayList<>();
        for (double tau : numbers(SpecKey.BIT_DURATION, Domain.POSITIVE, Double.NaN)) {
            try {
                out.add(BitLength.ofDuration(tau, bandwidth).samples());
            } catch (ParameterException e) {
                throw lines.error(line, e.getMessage());
            }
        }
        return out;
    }

    /** A check of each end of a number item (a range is monotone: its ends bound every value). */
    @FunctionalInterface
    private interface EndRule {
        void check(SpecLines.Line line, String item, List<Double> values, double end);
    }

    /** A list of numbers (values and ranges), each item's ends checked by {@code rule}, or the default. */
    private List<Double> numbers(SpecKey key, Double dflt, EndRule rule) {
        SpecLines.Line line = lines.get(key);
        if (line == null) {
            return Collections.singletonList(dflt);
        }
        return numberItems(line, (item, range, values) -> {
            rule.check(line, item, values, values.get(0));
            rule.check(line, item, values, values.get(values.size() - 1));
            return values;
        }, SpiceNumbers::format);
    }

    /** One item of a number list as its values: {@code range} whether it is a range, {@code values} its numbers. */
    @FunctionalInterface
    private interface NumberItem<T> {
        List<T> values(String item, boolean range, List<Double> values);
    }

    /**
     * The values of a line of numbers: each item a single value or a range, checked and converted by {@code item},
     * the values distinct over the line (named by {@code text}).
     */
    private <T extends Comparable<T>> List<T> numberItems(SpecLines.Line line, NumberItem<T> item,
            Function<T, String> text) {
        List<List<T>> parts = new ArrayList<>();
        for (String it : items(line)) {
            String[] t = it.split("\\s+");
            boolean range = isRange(t);
            parts.add(item.values(it, range, range ? range(line, it, t) : List.of(single(line, it, t))));
        }
        return distinctNumbers(line, parts, text);
    }

    /** Numbers > 0 (or >= 0), or the default. */
    private List<Double> numbers(SpecKey key, Domain domain, double dflt) {
        return numbers(key, dflt, (line, item, values, v) -> {
            boolean ok = domain == Domain.POSITIVE ? v > 0 : v >= 0;
            if (!ok) {
                throw lines.error(line, "must be " + (domain == Domain.POSITIVE ? "> 0" : ">= 0") + ", got '"
                        + item + "'" + (values.size() > 1 ? " (gives " + SpiceNumbers.format(v) + ")" : ""));
            }
        });
    }

    /**
     * The numbers of an optional key, each within the domain's {@code rule} (a {@link ParameterException} whose
     * message names the value and what is allowed), or {@code [null]} when the spec leaves the key out.
     */
    private List<Double> optionalNumbers(SpecKey key, DoubleConsumer rule) {
        return numbers(key, null, (line, item, values, v) -> {
            try {
                rule.accept(v);
            } catch (ParameterException e) {
                throw lines.error(line, e.getMessage());
            }
        });
    }

    /** A list of integers from min to max (range values rounded), or the default. */
    private List<Long> integers(SpecKey key, long min, long max, long dflt) {
        SpecLines.Line line = lines.get(key);
        if (line == null) {
            return List.of(dflt);
        }
        return numberItems(line, (item, range, values) -> {
            if (!range && values.get(0) != Math.rint(values.get(0))) {
                throw lines.error(line, "must be an integer, got '" + item + "'");
            }
            for (double v : List.of(values.get(0), values.get(values.size() - 1))) {
                if (Math.round(v) < min || v > max) {
                    throw lines.error(line, "must be an integer from " + min + " to " + max + ", got '" + item + "'");
                }
            }
            // rounding keeps the values of a range whose steps are at least 1 apart
            boolean stepsOfOne = values.size() < 2 || Math.abs(values.get(1) - values.get(0)) >= 1
                    && Math.abs(values.get(values.size() - 1) - values.get(values.size() - 2)) >= 1;
            return LazyValues.mapped(values, Math::round, "round", stepsOfOne);
        }, String::valueOf);
    }

    /** Integer values as ints, lazily (a range of 10^7 stays unstored). */
    private static List<Integer> ints(List<Long> values) {
        return LazyValues.mapped(values, Long::intValue, "int", true);
    }

    /** β values: numbers (ranges too) and rules, each as {@link BetaRule} reads it. */
    private List<BetaRule> betas() {
        SpecLines.Line line = lines.get(SpecKey.BETA);
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

    private BetaRule rule(SpecLines.Line line, String item) {
        try {
            BetaRule r = BetaRule.parse(item);
            return r.isNumber() ? BetaRule.number(SweepSpec.clean(r.value())) : r;
        } catch (ParameterException e) {
            throw lines.error(line, e.getMessage());
        }
    }

    private List<Resistor> alice() {
        return words(SpecKey.ALICE, List.of("H", "L"), Resistor.H).stream().map(Resistor::valueOf).toList();
    }

    private List<String> cables() {
        return words(SpecKey.CABLE, SweepSpec.CABLES, "lumped").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private List<CablePreset> presets() {
        SpecLines.Line line = lines.get(SpecKey.PRESET);
        if (line == null) {
            return Collections.singletonList(null);
        }
        List<CablePreset> out = new ArrayList<>();
        for (String item : items(line)) {
            out.add(Stream.of(CablePreset.values()).filter(c -> c.name().equalsIgnoreCase(item)).findFirst()
                    .orElseThrow(() -> lines.error(line, "unknown cable preset '" + item + "'; allowed: "
                            + CablePreset.words())));
        }
        return distinct(line, out, CablePreset::word);
    }

    private List<SubcktRef> subckts() {
        SpecLines.Line line = lines.get(SpecKey.SUBCKT);
        if (line == null) {
            return Collections.singletonList(null);
        }
        List<SubcktRef> out = new ArrayList<>();
        for (String item : items(line)) {
            String[] t = item.split("\\s+");
            if (t.length != 2) {
                throw lines.error(line, "each item is 'FILE NAME' (a SPICE file and the .subckt name in it), got '"
                        + item + "'");
            }
            Path path = baseDir == null ? Path.of(t[0]) : baseDir.resolve(t[0]);
            if (!Files.isReadable(path)) {
                throw lines.error(line, "cannot read file '" + t[0] + "' (looked for " + path.toAbsolutePath() + ")");
            }
            out.add(new SubcktRef(t[0], path.toAbsolutePath().normalize(), t[1]));
        }
        return distinct(line, out, s -> s.file() + " " + s.name());
    }

    private Set<Analysis> analyses() {
        SpecLines.Line line = lines.get(SpecKey.ANALYSES);
        if (line == null) {
            return Set.of(Analysis.EXACT);
        }
        List<String> allowed = Stream.of(Analysis.values()).map(Analysis::specName).toList();
        List<String> w = words(SpecKey.ANALYSES, allowed, null);
        distinct(line, w, s -> s.toLowerCase(Locale.ROOT));
        EnumSet<Analysis> set = EnumSet.noneOf(Analysis.class);
        w.forEach(s -> set.add(Analysis.valueOf(s.toUpperCase(Locale.ROOT))));
        return Collections.unmodifiableSet(set);
    }

    /** Items from a fixed vocabulary (case-insensitive), returned in the vocabulary's spelling. */
    private <T> List<String> words(SpecKey key, List<String> allowed, T dflt) {
        SpecLines.Line line = lines.get(key);
        if (line == null) {
            return List.of(String.valueOf(dflt));
        }
        String what = key == SpecKey.ANALYSES ? "unknown analysis '" : key == SpecKey.CABLE ? "unknown cable model '"
                : "unknown value '";
        List<String> out = new ArrayList<>();
        for (String item : items(line)) {
            out.add(allowed.stream().filter(a -> a.equalsIgnoreCase(item)).findFirst()
                    .orElseThrow(() -> lines.error(line, what + item + "'; allowed: " + String.join(", ", allowed))));
        }
        return distinct(line, out, s -> s);
    }

    /** The comma-separated items of a line, stripped; an empty item is an error. */
    private List<String> items(SpecLines.Line line) {
        List<String> out = new ArrayList<>();
        for (String item : line.value().split(",", -1)) {
            String s = item.strip();
            if (s.isEmpty()) {
                throw lines.error(line, "empty list item in '" + line.value() + "'; separate values with single"
                        + " commas");
            }
            out.add(s);
        }
        return out;
    }

    private static boolean isRange(String[] t) {
        return t[0].equalsIgnoreCase("lin") || t[0].equalsIgnoreCase("log");
    }

    private double single(SpecLines.Line line, String item, String[] t) {
        if (t.length > 1) {
            throw lines.error(line, "'" + item + "' is not one value; separate list items with commas, or write a"
                    + " range as 'lin|log START STOP COUNT'");
        }
        return number(line, item);
    }

    private double number(SpecLines.Line line, String text) {
        try {
            // resistances and capacitances refuse m/M: SPICE reads both as milli, "1M" is meant as mega
            boolean noMilli = EnumSet.of(SpecKey.RL, SpecKey.RH, SpecKey.RC, SpecKey.CC).contains(line.key());
            return SweepSpec.clean(noMilli ? SpiceNumbers.parseNoMilli(line.key().text, text)
                    : SpiceNumbers.parse(line.key().text, text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(lines.source() + ":" + line.number() + ": " + e.getMessage(), e);
        }
    }

    private List<Double> range(SpecLines.Line line, String item, String[] t) {
        if (t.length != 4) {
            throw lines.error(line, "a range is 'lin|log START STOP COUNT', got '" + item + "'");
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
            throw lines.error(line, "range COUNT must be an integer >= 1, got '" + t[3] + "' in '" + item + "'");
        }
        if (count == 1 && start != stop) {
            throw lines.error(line, "a range of COUNT 1 needs START = STOP, got '" + item + "'; write a single value");
        }
        if (log && !(start > 0 && stop > 0)) {
            throw lines.error(line, "a log range needs START > 0 and STOP > 0, got '" + item + "'");
        }
        if (count > SweepSpec.MAX_POINTS) {
            throw lines.error(line, "range COUNT must be <= " + SweepSpec.MAX_POINTS + ", got '" + item + "'");
        }
        return LazyValues.range(log, start, stop, count);
    }

    /** The values of a line, after checking that none appears twice. */
    private <T> List<T> distinct(SpecLines.Line line, List<T> values, Function<T, String> text) {
        return distinctParts(line, List.of(values), text);
    }

    /** The parts of a line (its items), joined, after checking that no value appears twice. */
    private <T> List<T> distinctParts(SpecLines.Line line, List<List<T>> parts, Function<T, String> text) {
        List<T> all = LazyValues.concat(parts);
        Set<String> seen = new HashSet<>();
        for (T v : all) {
            if (!seen.add(text.apply(v).toLowerCase(Locale.ROOT))) {
                throw repeated(line, text.apply(v));
            }
        }
        return all;
    }

    /**
     * {@link #distinctParts} for numbers, whose parts are monotone: a long grid is checked without a set of its
     * values (it would cost more than the sweep).
     */
    private <T extends Comparable<T>> List<T> distinctNumbers(SpecLines.Line line, List<List<T>> parts,
            Function<T, String> text) {
        List<T> all = LazyValues.concat(parts);
        if (all.size() <= 100_000) {
            return distinctParts(line, parts, text);
        }
        T repeat = LazyValues.firstRepeat(parts);
        if (repeat != null) {
            throw repeated(line, text.apply(repeat));
        }
        return all;
    }

    private IllegalArgumentException repeated(SpecLines.Line line, String value) {
        return lines.error(line, "the value " + value + " appears twice in '" + line.value()
                + "'; each grid value must be distinct");
    }
}

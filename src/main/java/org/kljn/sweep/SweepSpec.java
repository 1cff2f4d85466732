package org.kljn.sweep;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CablePreset;
import org.kljn.io.Fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <tr><td>eveNoiseVoltage</td><td>Eve's voltage-channel white floor N_V, V²/Hz one-sided, within
 *     {@link EveInstrument}'s limits; key_rate or an optimal β only (as analyze's {@code --eve-noise-voltage})</td>
 *     <td>1e-18</td></tr>
 * <tr><td>eveNoiseCurrent</td><td>Eve's current-channel white floor N_I, A²/Hz one-sided, within
 *     {@link EveInstrument}'s limits; key_rate or an optimal β only (as {@code --eve-noise-current})</td>
 *     <td>1e-24</td></tr>
 * <tr><td>reconciliation</td><td>the key rate's reconciliation efficiency ξ in (0, 1]; key_rate only (as
 *     {@code --reconciliation})</td><td>1</td></tr>
 * <tr><td>analyses</td><td>a list of exact, attack, key_rate (not a grid dimension: every point runs them all)</td>
 *     <td>exact</td></tr>
 * </table>
 * Integer keys round range values to the nearest integer. The last three keys add their columns (both floors for
 * either) after {@code seed} and to the point's key only when the spec gives them, so a spec without them writes the
 * columns, keys and fingerprint it always did. With {@code length}, R_c, C_c and L_c are the
 * preset's per-km values times the length. The product is literal: a parameter a cable model does not use
 * (cc for lumped) still multiplies the grid.
 *
 * <h2>Grid order</h2>
 * The points are the Cartesian product of the dimensions in the fixed order of
 * {@link SweepPoint#PARAMETER_COLUMNS} (rl, rh, alice, cable, preset, length, rc, cc, lc, sections, subckt,
 * teff, bandwidth, beta, bitSamples, bits, seed, then eveNoiseVoltage, eveNoiseCurrent, reconciliation when given),
 * whatever the order of the lines in the file: the last
 * dimension varies fastest; each dimension's values keep the order written (ranges in ascending COUNT order).
 * Index 0 is the first value of every dimension. A point's {@link SweepPoint#key() key} lists its values,
 * so it does not change when other dimensions gain values.
 *
 * <h2>Errors</h2>
 * A bad spec throws {@link IllegalArgumentException} whose message starts with {@code FILE:LINE: key:} and
 * names the value and what is allowed.
 */
public final class SweepSpec {
    /** Sweeps larger than this are refused as surely mistaken. */
    public static final int MAX_POINTS = 10_000_000;

    /** The cable models {@code kljn analyze --cable} knows. */
    public static final List<String> CABLES = Stream.of(CableKind.values()).map(CableKind::word).toList();

    private final String source;
    private final SweepGrid grid;
    private final Set<Analysis> analyses;
    private final int size;
    private volatile String fingerprint;

    private SweepSpec(String source, SweepGrid grid, Set<Analysis> analyses, int size) {
        this.source = source;
        this.grid = grid;
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
     * Parses spec text: its lines ({@link SpecLines}), their typed values ({@link SpecParser}), then the rules
     * between them and at every point ({@link SpecRules}).
     *
     * @param source  names the text in error messages (usually the file name)
     * @param baseDir the folder relative subckt paths resolve against
     * @throws IllegalArgumentException for a bad spec, naming the line, the key, the value and what is allowed
     */
    public static SweepSpec parse(String text, String source, Path baseDir) {
        SpecLines lines = SpecLines.of(text, source);
        SweepGrid grid = SpecParser.grid(lines, baseDir);
        Set<Analysis> analyses = SpecParser.analyses(lines);
        SpecRules.checkKeys(lines, grid, analyses);
        SweepSpec spec = new SweepSpec(source, grid, analyses, SpecRules.checkBudget(lines, grid));
        SpecRules.checkPoints(lines, spec);
        return spec;
    }

    /** The number of points in the grid. */
    public int size() {
        return size;
    }

    /** The analyses to run at every point. */
    public Set<Analysis> analyses() {
        return analyses;
    }

    /** The grid's dimensions. */
    SweepGrid grid() {
        return grid;
    }

    /**
     * The parameter columns of this sweep's CSV: {@link SweepPoint#PARAMETER_COLUMNS}, then Eve's instrument's and the
     * reconciliation's when the spec gives them ({@link SweepPoint#parameterColumns()}).
     */
    public List<String> parameterColumns() {
        return SweepPoint.parameterColumns(grid.givesInstrument(), SweepGrid.given(grid.reconciliation()));
    }

    /** Whether a point uses the {@code optimal} β (then the sweep has the best eavesdropper's columns). */
    public boolean asksOptimal() {
        return grid.asksOptimal();
    }

    /** Every file a point reads: the subckt files, as the spec names them (none when the spec has no subckt). */
    public List<SubcktRef> files() {
        return grid.subckt().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Where the spec came from (file name), as error messages show it. */
    public String source() {
        return source;
    }

    /** The number of values of each dimension, in grid order, by column name (a dimension the spec leaves alone has 1). */
    public Map<String, Integer> shape() {
        Map<String, Integer> m = new LinkedHashMap<>();
        grid.dimensions().forEach((k, v) -> m.put(k.text, v.size()));
        return Collections.unmodifiableMap(m);
    }

    /** The point at {@code index} (0 ≤ index &lt; {@link #size()}). */
    public SweepPoint point(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " is outside the grid of " + size + " points");
        }
        return grid.point(index, analyses);
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
            f = Fingerprint.hash(List.of(grid.dimensions(), analyses));
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

    @Override
    public String toString() {
        String shape = grid.shapeText();
        return source + ": " + size + " points" + (shape.isEmpty() ? "" : " (" + shape + ")") + ", analyses "
                + analyses.stream().map(Analysis::specName).collect(Collectors.joining(", "));
    }
}

package org.kljn.sweep;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One point of a sweep grid: every parameter of one KLJN evaluation, with its place in the grid.
 *
 * @param index      the point's position in the grid, 0-based (see {@link SweepSpec} for the order)
 * @param key        a stable text naming the parameter values, {@code rl=1000;rh=10000;...}; unique in a grid
 * @param rl         R_L, Ω
 * @param rh         R_H, Ω
 * @param alice      which resistor Alice holds
 * @param cable      the cable model: lumped, ladder, urc, ltra or subckt
 * @param preset     the cable preset ({@link CablePreset}) when the spec gives {@code length}, else null
 * @param length     the cable length in metres, NaN when the spec gives R_c, C_c, L_c directly
 * @param rc         total cable resistance R_c, Ω (from the preset when {@code length} is given)
 * @param cc         total cable capacitance C_c, F; NaN when not given
 * @param lc         total cable inductance L_c, H
 * @param sections   ladder T sections or URC lumps
 * @param subckt     the user subcircuit, null unless the spec names one
 * @param teff       T_eff of the R_H side, K
 * @param bandwidth  noise bandwidth Δf, Hz
 * @param beta       temperature ratio β, a number or a rule
 * @param bitSamples transient samples per bit (attack)
 * @param bits       number of bit exchanges (attack)
 * @param seed       random seed (attack)
 * @param eveNoise   Eve's instrument (her white floors), for her window likelihood ratio (the key rate, the optimal
 *                   columns); null when the spec gives neither floor: then {@link EveInstrument#defaults()}, as in
 *                   {@code analyze}, and the CSV has no instrument columns
 * @param reconciliation the key rate's reconciliation efficiency ξ; NaN when the spec gives none: then 1, as in
 *                   {@code analyze}, and the CSV has no reconciliation column
 * @param analyses   the analyses the spec asks for; the same at every point
 */
public record SweepPoint(int index, String key, double rl, double rh, Resistor alice, String cable,
                         CablePreset preset, double length, double rc, double cc, double lc, int sections,
                         SubcktRef subckt, double teff, double bandwidth, BetaRule beta, int bitSamples, int bits,
                         long seed, EveInstrument eveNoise, double reconciliation, Set<Analysis> analyses) {

    /** The parameter columns of every sweep CSV, in order (after {@code index} and {@code key}). */
    public static final List<String> PARAMETER_COLUMNS = List.of("rl", "rh", "alice", "cable", "preset", "length",
            "rc", "cc", "lc", "sections", "subckt", "subcktName", "teff", "bandwidth", "beta", "bitSamples", "bits",
            "seed");

    /** Eve's instrument's columns, after {@link #PARAMETER_COLUMNS} when the spec gives a floor. */
    public static final List<String> INSTRUMENT_COLUMNS = List.of("eveNoiseVoltage", "eveNoiseCurrent");

    /** The reconciliation column, after those when the spec gives {@code reconciliation}. */
    public static final String RECONCILIATION_COLUMN = "reconciliation";

    public SweepPoint {
        analyses = Set.copyOf(analyses);
    }

    /** This point under another key (the grid names a point after its cells: {@link #keyOf}). */
    SweepPoint withKey(String newKey) {
        return new SweepPoint(index, newKey, rl, rh, alice, cable, preset, length, rc, cc, lc, sections, subckt, teff,
                bandwidth, beta, bitSamples, bits, seed, eveNoise, reconciliation, analyses);
    }

    /**
     * The parameter columns of this point's sweep: {@link #PARAMETER_COLUMNS}, then {@link #INSTRUMENT_COLUMNS} and
     * {@link #RECONCILIATION_COLUMN} when the spec gives them (so a spec without them writes what it always did).
     */
    public List<String> parameterColumns() {
        return parameterColumns(eveNoise != null, !Double.isNaN(reconciliation));
    }

    /** The parameter columns of a sweep that gives Eve's instrument, the reconciliation, or neither. */
    static List<String> parameterColumns(boolean instrument, boolean reconciliation) {
        List<String> c = new ArrayList<>(PARAMETER_COLUMNS);
        if (instrument) {
            c.addAll(INSTRUMENT_COLUMNS);
        }
        if (reconciliation) {
            c.add(RECONCILIATION_COLUMN);
        }
        return List.copyOf(c);
    }

    /** Eve's instrument at this point: the spec's floors, or the default instrument. */
    public EveInstrument eveInstrument() {
        return eveNoise == null ? EveInstrument.defaults() : eveNoise;
    }

    /** The reconciliation efficiency ξ of this point's key rate: the spec's, or 1 (the Shannon limit). */
    public double reconciliationEfficiency() {
        return Double.isNaN(reconciliation) ? 1 : reconciliation;
    }

    /** The parameter cells, in {@link #parameterColumns()} order; an absent value is an empty cell. */
    public List<String> parameterCells() {
        List<String> cells = new ArrayList<>(List.of(num(rl), num(rh), alice.name(), cable,
                preset == null ? "" : preset.word(), num(length), num(rc), num(cc), num(lc), Integer.toString(sections),
                subckt == null ? "" : subckt.file(), subckt == null ? "" : subckt.name(), num(teff), num(bandwidth),
                beta.toString(), Integer.toString(bitSamples), Integer.toString(bits), Long.toString(seed)));
        if (eveNoise != null) {
            cells.add(num(eveNoise.voltageNoise()));
            cells.add(num(eveNoise.currentNoise()));
        }
        if (!Double.isNaN(reconciliation)) {
            cells.add(num(reconciliation));
        }
        return List.copyOf(cells);
    }

    /** Whether the spec asks for {@code a} at this point. */
    public boolean runs(Analysis a) {
        return analyses.contains(a);
    }

    /**
     * The cable as the domain describes it. A value the point's model does not use (cc for a lumped point of a
     * sweep over {@code cable: lumped, ladder}) is left out: the grid is literal, and the spec check refuses a value
     * that no listed model uses.
     */
    public CableSpec cableSpec() {
        CableKind kind = CableKind.parse(cable);
        CableSpec c = preset != null ? CableSpec.preset(kind, preset, length, sections)
                : CableSpec.of(kind, rc, kind.usesCapacitance() ? cc : Double.NaN,
                        kind == CableKind.LTRA ? lc : Double.NaN, sections);
        return subckt == null ? c : c.withSubcircuit(subckt.path(), subckt.name());
    }

    /** The point's loop (Alice's bit situation secure). */
    public KljnLoop loop() {
        return KljnLoop.secure(new ResistorPair(rl, rh), alice, cableSpec().line());
    }

    /** Exact, locale-free text of a number (reads back to the same double); empty for NaN. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : SpiceNumbers.format(v);
    }

    /** The key of a point with these parameter cells: {@code column=cell} joined by ';', empty cells left out. */
    static String keyOf(List<String> columns, List<String> cells) {
        StringBuilder k = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                if (k.length() > 0) {
                    k.append(';');
                }
                k.append(columns.get(i)).append('=').append(cells.get(i));
            }
        }
        return k.toString();
    }
}

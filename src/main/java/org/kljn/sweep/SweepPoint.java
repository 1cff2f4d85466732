package org.kljn.sweep;

import org.kljn.circuit.CablePreset;
import org.kljn.circuit.Resistor;
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
 * @param analyses   the analyses the spec asks for; the same at every point
 */
public record SweepPoint(int index, String key, double rl, double rh, Resistor alice, String cable,
                         CablePreset preset, double length, double rc, double cc, double lc, int sections,
                         SubcktRef subckt, double teff, double bandwidth, Beta beta, int bitSamples, int bits,
                         long seed, Set<Analysis> analyses) {

    /** The parameter columns of a sweep CSV, in order (after {@code index} and {@code key}). */
    public static final List<String> PARAMETER_COLUMNS = List.of("rl", "rh", "alice", "cable", "preset", "length",
            "rc", "cc", "lc", "sections", "subckt", "subcktName", "teff", "bandwidth", "beta", "bitSamples", "bits",
            "seed");

    public SweepPoint {
        analyses = Set.copyOf(analyses);
    }

    /** The parameter cells, in {@link #PARAMETER_COLUMNS} order; an absent value is an empty cell. */
    public List<String> parameterCells() {
        return List.of(num(rl), num(rh), alice.name(), cable, preset == null ? "" : SweepSpec.presetName(preset), num(length),
                num(rc), num(cc), num(lc), Integer.toString(sections), subckt == null ? "" : subckt.file(),
                subckt == null ? "" : subckt.name(), num(teff), num(bandwidth), beta.toString(),
                Integer.toString(bitSamples), Integer.toString(bits), Long.toString(seed));
    }

    /** Whether the spec asks for {@code a} at this point. */
    public boolean runs(Analysis a) {
        return analyses.contains(a);
    }

    /**
     * The loop as {@code kljn analyze} options: {@code --rl 1000 --rh 10000 --alice H --cable ltra --rc ...
     * --beta eq11}, for an evaluator that parses them with the command's own option classes.
     */
    public List<String> loopArgs() {
        List<String> a = new ArrayList<>(List.of("--rl", num(rl), "--rh", num(rh), "--alice", alice.name(),
                "--cable", cable, "--rc", num(rc), "--lc", num(lc), "--sections", Integer.toString(sections),
                "--teff", num(teff), "--bandwidth", num(bandwidth), "--beta", beta.toString()));
        if (!Double.isNaN(cc)) {
            a.addAll(List.of("--cc", num(cc)));
        }
        if (preset != null) {
            a.addAll(List.of("--preset", SweepSpec.presetName(preset), "--length", num(length)));
        }
        if (subckt != null) {
            a.addAll(List.of("--subckt", subckt.path().toString(), "--subckt-name", subckt.name()));
        }
        return a;
    }

    /** Exact, locale-free text of a number (reads back to the same double); empty for NaN. */
    static String num(double v) {
        return Double.isNaN(v) ? "" : SpiceNumbers.format(v);
    }

    /** The key of a point with these parameter cells: {@code column=cell} joined by ';', empty cells left out. */
    static String keyOf(List<String> cells) {
        StringBuilder k = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                if (k.length() > 0) {
                    k.append(';');
                }
                k.append(PARAMETER_COLUMNS.get(i)).append('=').append(cells.get(i));
            }
        }
        return k.toString();
    }
}

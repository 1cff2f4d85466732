package org.kljn.sweep;

import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.montecarlo.BitExchange;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What values may meet in a sweep: the rules between keys (every R_L below every R_H, a distributed model needs C_c,
 * a value no listed model uses, keys of an analysis the spec does not run: bits and seed without attack, Eve's floors
 * without the key rate or the optimal β, the reconciliation without the key rate), the grid budget, and every point
 * checked, before any runs, with the rules {@code analyze} and {@code attack} apply: the domain's own checks
 * ({@link KljnLoop}, the line models, {@link LoopAnalysis#check}, {@link BitExchange#check}), whose message is given
 * on the line of the key at fault with the point that breaks it.
 */
final class SpecRules {
    private static final Set<String> NEEDS_CC = Set.of("ladder", "urc", "ltra");
    /** The dimensions that make a point's line model. */
    private static final List<SpecKey> CABLE_DIMENSIONS = List.of(SpecKey.CABLE, SpecKey.PRESET, SpecKey.LENGTH,
            SpecKey.RC, SpecKey.CC, SpecKey.LC, SpecKey.SECTIONS, SpecKey.SUBCKT);

    private final SpecLines lines;

    private SpecRules(SpecLines lines) {
        this.lines = lines;
    }

    /**
     * Checks the rules between the keys (before the grid's size is known).
     *
     * @throws IllegalArgumentException naming the line of the key at fault
     */
    static void checkKeys(SpecLines lines, SweepGrid grid, Set<Analysis> analyses) {
        SpecRules r = new SpecRules(lines);
        r.checkResistances(grid);
        r.checkCableKeys(grid);
        r.checkAnalysisKeys(analyses, grid);
    }

    /**
     * The number of points, at most {@link SweepSpec#MAX_POINTS}.
     *
     * @throws IllegalArgumentException for a larger grid
     */
    static int checkBudget(SpecLines lines, SweepGrid grid) {
        long size = grid.size(SweepSpec.MAX_POINTS);
        if (size < 0) {
            throw new IllegalArgumentException(lines.source() + ": the grid has more than " + SweepSpec.MAX_POINTS
                    + " points (" + grid.shapeText() + "); split the sweep");
        }
        return (int) size;
    }

    /** Every rl below every rh: each pair is a grid point (the point's own check is {@link ResistorPair}'s). */
    private void checkResistances(SweepGrid grid) {
        double maxRl = grid.rl().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double minRh = grid.rh().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        if (maxRl >= minRh) {
            SpecKey at = lines.has(SpecKey.RL) ? SpecKey.RL : SpecKey.RH;
            throw lines.error(at, "every rl must be below every rh (each pair is a grid point), but rl "
                    + SpiceNumbers.engineering(maxRl) + " >= rh " + SpiceNumbers.engineering(minRh));
        }
    }

    /** The cable keys each listed model needs, and no cable value that no listed model uses. */
    private void checkCableKeys(SweepGrid grid) {
        List<String> cables = grid.cable();
        boolean byLength = lines.has(SpecKey.LENGTH);
        if (cables.stream().anyMatch(NEEDS_CC::contains) && !byLength) {
            if (!lines.has(SpecKey.CC)) {
                throw lines.error(SpecKey.CABLE, "cable " + cables.stream().filter(NEEDS_CC::contains).findFirst()
                        .orElseThrow() + " needs cc (total C_c), or length with a preset");
            }
            if (grid.rc().contains(0.0)) {
                throw lines.error(SpecKey.RC, "0 is allowed only for a lumped cable; ladder, urc and ltra need rc > 0");
            }
        }
        if (!lines.has(SpecKey.CABLE) && (lines.has(SpecKey.PRESET) || lines.has(SpecKey.CC))) {
            // the command line's rule: a preset or C_c with no model chosen would be dropped by the lumped default
            SpecKey at = lines.has(SpecKey.PRESET) ? SpecKey.PRESET : SpecKey.CC;
            throw lines.error(at, "gives the cable's capacitance, which the default lumped model (R_c alone) would"
                    + " drop; choose the line model: add 'cable: ltra' (the exact line: R, L and C), ladder or urc (RC),"
                    + " or lumped to drop it knowingly");
        }
        if (lines.has(SpecKey.CC) && cables.stream().noneMatch(c -> CableKind.parse(c).usesCapacitance())) {
            throw lines.error(SpecKey.CC, "no listed cable model uses C_c (cable: " + String.join(", ", cables)
                    + "); add ladder, urc or ltra to 'cable', or leave cc out");
        }
        if (lines.has(SpecKey.LC) && grid.lc().stream().anyMatch(v -> v > 0) && !cables.contains("ltra")) {
            throw lines.error(SpecKey.LC, "only the ltra model uses L_c, and 'cable' does not list it; add ltra, or"
                    + " leave lc out");
        }
        if (cables.contains("subckt") && !lines.has(SpecKey.SUBCKT)) {
            throw lines.error(SpecKey.CABLE, "cable subckt needs 'subckt: FILE NAME'");
        }
        if (lines.has(SpecKey.SUBCKT) && !cables.contains("subckt")) {
            throw lines.error(SpecKey.SUBCKT, "is used only with cable subckt, which 'cable' does not list");
        }
    }

    /** Keys only an analysis the spec does not run would read. */
    private void checkAnalysisKeys(Set<Analysis> analyses, SweepGrid grid) {
        // the bit length sets the exact analysis's predicted columns too; the bit count and seed only the
        // Monte Carlo's
        if (!analyses.contains(Analysis.ATTACK)) {
            for (SpecKey k : List.of(SpecKey.BITS, SpecKey.SEED)) {
                if (lines.has(k)) {
                    throw lines.error(k, "is used only by the attack analysis; add attack to 'analyses'");
                }
            }
        }
        // Eve's floors reach only her window likelihood ratio: the key rate, and the rows of the optimal β
        if (!analyses.contains(Analysis.KEY_RATE) && !grid.asksOptimal()) {
            for (SpecKey k : List.of(SpecKey.EVE_NOISE_VOLTAGE, SpecKey.EVE_NOISE_CURRENT)) {
                if (lines.has(k)) {
                    throw lines.error(k, "is used only by Eve's window likelihood ratio (the key_rate analysis and the"
                            + " rows whose beta is optimal); add key_rate to 'analyses' or optimal to 'beta'");
                }
            }
        }
        if (!analyses.contains(Analysis.KEY_RATE) && lines.has(SpecKey.RECONCILIATION)) {
            throw lines.error(SpecKey.RECONCILIATION, "is used only by the key_rate analysis; add key_rate to"
                    + " 'analyses'");
        }
    }

    /**
     * Checks every point with the rules of the commands (the line model's own needs and limits, the band it resolves,
     * the β rule's applicability, the transient's limits for attack), before any point runs. The rules depend on the
     * cable, band, β and bit dimensions only, so their sub-grid is enumerated, not the whole grid.
     *
     * @throws IllegalArgumentException at the first point that breaks a rule
     */
    static void checkPoints(SpecLines lines, SweepSpec spec) {
        new SpecRules(lines).checkPoints(spec);
    }

    private void checkPoints(SweepSpec spec) {
        SweepGrid grid = spec.grid();
        Map<SpecKey, Integer> stride = grid.strides();
        Map<SpecKey, List<?>> dims = grid.dimensions();
        int[] counter = new int[CABLE_DIMENSIONS.size()];
        do {
            // one line model per cable combination, checked against every band, β rule and bit length
            int base = 0;
            for (int c = 0; c < CABLE_DIMENSIONS.size(); c++) {
                base += counter[c] * stride.get(CABLE_DIMENSIONS.get(c));
            }
            checkCable(spec, base, stride);
        } while (nextCable(counter, dims));
    }

    /** The next combination of the cable dimensions' values (an odometer), or false after the last. */
    private static boolean nextCable(int[] counter, Map<SpecKey, List<?>> dims) {
        int c = CABLE_DIMENSIONS.size() - 1;
        while (c >= 0 && ++counter[c] == dims.get(CABLE_DIMENSIONS.get(c)).size()) {
            counter[c] = 0;
            c--;
        }
        return c >= 0;
    }

    /** The points of one line model (the one at point {@code base}) over every band, β rule and bit. */
    private void checkCable(SweepSpec spec, int base, Map<SpecKey, Integer> stride) {
        SweepGrid grid = spec.grid();
        SweepPoint p = spec.point(base);
        LineModel line;
        KljnLoop loop;
        try {
            line = p.cableSpec().line();
            loop = KljnLoop.secure(new ResistorPair(p.rl(), p.rh()), p.alice(), line);
        } catch (ParameterException e) {
            throw ruleError(e, p);
        }
        for (int b = 0; b < grid.bandwidth().size(); b++) {
            for (int r = 0; r < grid.beta().size(); r++) {
                for (int m = 0; m < grid.bitSamples().size(); m++) {
                    int samples = grid.bitSamples().get(m);
                    BetaRule beta = grid.beta().get(r);
                    try {
                        LoopAnalysis.check(loop, KljnEvaluator.settings(p.teff(), grid.bandwidth().get(b), beta,
                                samples));
                    } catch (ParameterException e) {
                        throw ruleError(e, spec.point(base + b * stride.get(SpecKey.BANDWIDTH)
                                + r * stride.get(SpecKey.BETA) + m * stride.get(SpecKey.BIT_SAMPLES)));
                    }
                    for (int n = 0; n < grid.bits().size() && p.runs(Analysis.ATTACK); n++) {
                        try {
                            BitExchange.check(line, samples, grid.bits().get(n));
                        } catch (ParameterException e) {
                            throw ruleError(e, spec.point(base + m * stride.get(SpecKey.BIT_SAMPLES)
                                    + n * stride.get(SpecKey.BITS)));
                        }
                    }
                }
            }
        }
    }

    /** A domain rule broken at point {@code p}, as a spec error on the line of the key at fault. */
    private IllegalArgumentException ruleError(ParameterException e, SweepPoint p) {
        SpecKey key = switch (e.parameter()) {
            case LOW_RESISTANCE -> SpecKey.RL;
            case HIGH_RESISTANCE -> SpecKey.RH;
            case CABLE_PRESET -> SpecKey.PRESET;
            case CABLE_LENGTH -> SpecKey.LENGTH;
            case CABLE_RESISTANCE -> p.preset() != null ? SpecKey.LENGTH : SpecKey.RC;
            case CABLE_CAPACITANCE -> p.preset() != null ? SpecKey.LENGTH : SpecKey.CC;
            case CABLE_INDUCTANCE -> p.preset() != null ? SpecKey.CABLE : SpecKey.LC;
            case SECTIONS -> SpecKey.SECTIONS;
            case SUBCIRCUIT_FILE, SUBCIRCUIT_NAME -> SpecKey.SUBCKT;
            case NOISE_TEMPERATURE -> SpecKey.TEFF;
            case BANDWIDTH -> SpecKey.BANDWIDTH;
            case BETA -> SpecKey.BETA;
            case BIT_SAMPLES -> SpecKey.BIT_SAMPLES;
            case BIT_DURATION -> SpecKey.BIT_DURATION;
            case BITS, NOISE_GRID, SOLVER_STEPS, ACCURACY_GOAL, GUARD_TIME -> SpecKey.BITS;
            case EVE_NOISE_VOLTAGE -> SpecKey.EVE_NOISE_VOLTAGE;
            case EVE_NOISE_CURRENT -> SpecKey.EVE_NOISE_CURRENT;
            case RECONCILIATION -> SpecKey.RECONCILIATION;
            case CABLE_MODEL, CABLE_CONDUCTANCE, SWEEP_POINTS, RAW_BIT_RATE -> SpecKey.CABLE;
        };
        SpecLines.Line at = lines.has(key) ? lines.get(key) : lines.get(SpecKey.CABLE);
        String where = "(at point " + p.index() + ": " + p.key() + ")";
        if (at == null) {
            return new IllegalArgumentException(lines.source() + ": " + key.text + ": " + e.getMessage() + " " + where,
                    e);
        }
        return new IllegalArgumentException(lines.source() + ":" + at.number() + ": " + key.text + ": "
                + e.getMessage() + " " + where, e);
    }
}

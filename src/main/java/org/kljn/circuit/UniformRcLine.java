package org.kljn.circuit;

import java.util.List;

/**
 * ngspice's uniform distributed RC line (URC), written with unit length so that RPERL and CPERL are the
 * totals. ngspice expands it into {@code lumps} lumped sections whose lengths grow geometrically (ratio K).
 */
public record UniformRcLine(double resistance, double capacitance, int lumps) implements LineModel {
    /** Lumps used when none are given. With K = 2 the lump lengths double toward the middle, so more lumps do
     * not mean finer ones everywhere: 16 came within 5e-4 of the exact line (LTRA) on a 2 km Cat5 pair at 500 Hz. */
    public static final int DEFAULT_LUMPS = 16;
    /** The most lumps accepted (see the notes on ngspice 39.3's URC expansion). */
    public static final int MAX_LUMPS = 50;

    public UniformRcLine {
        Checks.positive(Parameter.CABLE_RESISTANCE, resistance);
        LineModel.checkResistance(resistance);
        Checks.positive(Parameter.CABLE_CAPACITANCE, capacitance);
        LineModel.checkCapacitance(capacitance);
        Checks.between(Parameter.SECTIONS, lumps, 1, MAX_LUMPS, "ngspice 39.3's URC expansion gives wrong DC"
                + " resistances from about 60 lumps and fails from 78");
    }

    @Override
    public String kind() {
        return "urc";
    }

    @Override
    public List<String> elements(String prefix, String nodeA, String nodeB) {
        return List.of("U" + prefix + " " + nodeA + " " + nodeB + " 0 " + prefix + "_urc l=1 n=" + lumps);
    }

    @Override
    public List<String> definitions(String prefix) {
        // ngspice's default K = 2 (lump lengths grow geometrically toward the middle); K = 1 makes its
        // operating point fail in 39.3
        return List.of(".model " + prefix + "_urc urc(rperl=" + SpiceNumbers.format(resistance) + " cperl="
                + SpiceNumbers.format(capacitance) + ")");
    }

    @Override
    public void checkResolves(double bandwidth) {
        LineModel.checkSections(this, lumps, MAX_LUMPS, bandwidth);
    }

    @Override
    public String describe() {
        return "URC line, " + lumps + " lumps, R_c = " + SpiceNumbers.engineering(resistance) + "ohm, C_c = "
                + SpiceNumbers.engineering(capacitance) + "F";
    }
}

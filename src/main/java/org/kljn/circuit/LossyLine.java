package org.kljn.circuit;

import java.util.List;

/**
 * ngspice's lossy transmission line (LTRA) with totals R, L, G, C over unit length. ngspice supports RLC,
 * RC, LC and RG lines only: combinations with G > 0 and C > 0 together with R > 0 are rejected.
 */
public record LossyLine(double resistance, double inductance, double conductance, double capacitance)
        implements LineModel {
    public LossyLine {
        Checks.nonNegative("cable resistance R_c", resistance);
        Checks.nonNegative("cable inductance L_c", inductance);
        Checks.nonNegative("cable conductance G_c", conductance);
        Checks.nonNegative("cable capacitance C_c", capacitance);
        boolean rlc = conductance == 0 && resistance > 0 && inductance > 0 && capacitance > 0;
        boolean rc = conductance == 0 && inductance == 0 && resistance > 0 && capacitance > 0;
        boolean lc = conductance == 0 && resistance == 0 && inductance > 0 && capacitance > 0;
        boolean rg = inductance == 0 && capacitance == 0 && resistance > 0 && conductance > 0;
        if (!(rlc || rc || lc || rg)) {
            throw new IllegalArgumentException("ltra: ngspice's LTRA supports RLC, RC, LC and RG lines only; got R="
                    + resistance + " L=" + inductance + " G=" + conductance + " C=" + capacitance);
        }
    }

    @Override
    public String kind() {
        return "ltra";
    }

    @Override
    public List<String> elements(String prefix, String nodeA, String nodeB) {
        return List.of("O" + prefix + " " + nodeA + " 0 " + nodeB + " 0 " + prefix + "_ltra");
    }

    @Override
    public List<String> definitions(String prefix) {
        return List.of(".model " + prefix + "_ltra ltra(r=" + SpiceNumbers.format(resistance) + " l="
                + SpiceNumbers.format(inductance) + " g=" + SpiceNumbers.format(conductance) + " c="
                + SpiceNumbers.format(capacitance) + " len=1)");
    }

    @Override
    public boolean singularAtDc() {
        return true;
    }

    @Override
    public String describe() {
        return "LTRA line, R_c = " + SpiceNumbers.engineering(resistance) + "ohm, L_c = "
                + SpiceNumbers.engineering(inductance) + "H, C_c = " + SpiceNumbers.engineering(capacitance) + "F";
    }
}

package org.kljn.circuit;

import java.util.List;

/**
 * ngspice's lossy transmission line (LTRA) with totals R, L, G, C over unit length. ngspice supports RLC,
 * RC, LC and RG lines only: combinations with G > 0 and C > 0 together with R > 0 are rejected.
 */
public record LossyLine(double resistance, double inductance, double conductance, double capacitance)
        implements LineModel {
    public LossyLine {
        Checks.nonNegative(Parameter.CABLE_RESISTANCE, resistance);
        Checks.nonNegative(Parameter.CABLE_INDUCTANCE, inductance);
        Checks.nonNegative(Parameter.CABLE_CONDUCTANCE, conductance);
        Checks.nonNegative(Parameter.CABLE_CAPACITANCE, capacitance);
        boolean rlc = conductance == 0 && resistance > 0 && inductance > 0 && capacitance > 0;
        boolean rc = conductance == 0 && inductance == 0 && resistance > 0 && capacitance > 0;
        boolean lc = conductance == 0 && resistance == 0 && inductance > 0 && capacitance > 0;
        boolean rg = inductance == 0 && capacitance == 0 && resistance > 0 && conductance > 0;
        if (!(rlc || rc || lc || rg)) {
            throw new ParameterException(capacitance == 0 ? Parameter.CABLE_CAPACITANCE : Parameter.CABLE_RESISTANCE,
                    "ngspice's LTRA supports RLC, RC, LC and RG lines only; got R = " + SpiceNumbers.format(resistance)
                    + ", L = " + SpiceNumbers.format(inductance) + ", G = " + SpiceNumbers.format(conductance)
                    + ", C = " + SpiceNumbers.format(capacitance));
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

    /** ngspice 39.3's LTRA fails in transient on lossy RLC lines ("Timestep too small"); RC lines run. */
    @Override
    public void checkTransientCapable() {
        if (inductance > 0 && resistance > 0) {
            throw new ParameterException(Parameter.CABLE_INDUCTANCE, "ngspice 39.3's LTRA fails in transient on lossy"
                    + " RLC lines ('Timestep too small'), and this line has L_c = " + SpiceNumbers.engineering(inductance)
                    + "H: for bit exchanges use a ladder or urc (RC) line of the same R_c and C_c, or L_c = 0");
        }
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

package org.kljn.circuit;

import java.util.ArrayList;
import java.util.List;

/**
 * An RC ladder of N symmetric T sections: series R_c/2N, shunt C_c/N to ground, series R_c/2N.
 * It converges to the uniform RC line as N grows (error O(1/N^2)).
 */
public record RcLadder(double resistance, double capacitance, int sections) implements LineModel {
    /** The most sections accepted: the O(1/N^2) error is then below 1e-6 of any band the ladder resolves. */
    public static final int MAX_SECTIONS = 2000;

    public RcLadder {
        Checks.positive(Parameter.CABLE_RESISTANCE, resistance);
        LineModel.checkResistance(resistance);
        Checks.positive(Parameter.CABLE_CAPACITANCE, capacitance);
        LineModel.checkCapacitance(capacitance);
        Checks.between(Parameter.SECTIONS, sections, 1, MAX_SECTIONS, "a finer ladder only grows the netlist: the"
                + " exact distributed line is the ltra model");
    }

    @Override
    public String kind() {
        return "ladder";
    }

    @Override
    public List<String> elements(String prefix, String nodeA, String nodeB) {
        List<String> lines = new ArrayList<>();
        String halfR = SpiceNumbers.format(resistance / (2.0 * sections));
        String c = SpiceNumbers.format(capacitance / sections);
        String left = nodeA;
        for (int k = 1; k <= sections; k++) {
            String mid = prefix + "_m" + k;
            String right = k == sections ? nodeB : prefix + "_n" + k;
            lines.add("R" + prefix + "_a" + k + " " + left + " " + mid + " " + halfR);
            lines.add("C" + prefix + "_" + k + " " + mid + " 0 " + c);
            lines.add("R" + prefix + "_b" + k + " " + mid + " " + right + " " + halfR);
            left = right;
        }
        return lines;
    }

    @Override
    public List<String> definitions(String prefix) {
        return List.of();
    }

    @Override
    public void checkResolves(double bandwidth) {
        LineModel.checkSections(this, sections, MAX_SECTIONS, bandwidth);
    }

    @Override
    public String describe() {
        return "RC ladder, " + sections + " T sections, R_c = " + SpiceNumbers.engineering(resistance) + "ohm, C_c = "
                + SpiceNumbers.engineering(capacitance) + "F";
    }
}

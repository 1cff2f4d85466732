package org.kljn.circuit;

import java.util.List;

/** The paper's cable: a lumped series resistance R_c (Fig. 2). */
public record LumpedLine(double resistance) implements LineModel {
    public LumpedLine {
        Checks.nonNegative(Parameter.CABLE_RESISTANCE, resistance);
        LineModel.checkResistance(resistance);
    }

    @Override
    public String kind() {
        return "lumped";
    }

    @Override
    public double capacitance() {
        return 0;
    }

    @Override
    public List<String> elements(String prefix, String nodeA, String nodeB) {
        // a zero resistance is an ideal wire: a 0 V source keeps the two node names
        if (resistance == 0) {
            return List.of("V" + prefix + " " + nodeA + " " + nodeB + " 0");
        }
        return List.of("R" + prefix + " " + nodeA + " " + nodeB + " " + SpiceNumbers.format(resistance));
    }

    @Override
    public List<String> definitions(String prefix) {
        return List.of();
    }

    @Override
    public String describe() {
        return "lumped R_c = " + SpiceNumbers.engineering(resistance) + "ohm";
    }
}

package org.kljn.analysis.closedform;

/**
 * A cable as a function of angular frequency: {@code omega (rad/s) -> TwoPort}, input = end A (Alice).
 * The factories mirror {@link TwoPort}'s.
 */
@FunctionalInterface
public interface CableModel {

    /** The cable's ABCD matrix at angular frequency {@code omega} (rad/s, = 2 pi f). */
    TwoPort at(double omega);

    /** The paper's lumped cable resistance R_c (ohms), frequency independent. */
    static CableModel lumped(double cableResistance) {
        TwoPort resistor = TwoPort.seriesResistor(cableResistance);
        return omega -> resistor;
    }

    /** Exact distributed RC line, totals R (ohms) and C (farads). See {@link TwoPort#uniformRcLine}. */
    static CableModel uniformRcLine(double totalResistance, double totalCapacitance) {
        return omega -> TwoPort.uniformRcLine(totalResistance, totalCapacitance, omega);
    }

    /** N symmetric RC T sections. See {@link TwoPort#rcLadder}. */
    static CableModel rcLadder(double totalResistance, double totalCapacitance, int sections) {
        return omega -> TwoPort.rcLadder(totalResistance, totalCapacitance, sections, omega);
    }

    /** Telegrapher's line, per-metre R, L, G, C. See {@link TwoPort#transmissionLine}. */
    static CableModel transmissionLine(double resistancePerMetre, double inductancePerMetre,
                                       double conductancePerMetre, double capacitancePerMetre, double length) {
        return omega -> TwoPort.transmissionLine(resistancePerMetre, inductancePerMetre,
                conductancePerMetre, capacitancePerMetre, length, omega);
    }
}

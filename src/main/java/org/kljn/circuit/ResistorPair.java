package org.kljn.circuit;

/**
 * The public resistor set {R_L, R_H} of the KLJN protocol (paper, Sec. 1).
 *
 * @param low  R_L in ohms
 * @param high R_H in ohms
 */
public record ResistorPair(double low, double high) {
    /** ngspice sets resistances below 1 mOhm to 1 mOhm ("resistance too low"): the netlist would not be the loop. */
    public static final double MIN_OHMS = 1e-3;
    /** Above 1 POhm the loop's currents are below the conductance ngspice's solver resolves. */
    public static final double MAX_OHMS = 1e15;

    public ResistorPair {
        Checks.positive(Parameter.LOW_RESISTANCE, low);
        Checks.positive(Parameter.HIGH_RESISTANCE, high);
        Checks.within(Parameter.LOW_RESISTANCE, low, MIN_OHMS, MAX_OHMS, "ohm", "ngspice sets smaller resistances"
                + " to 1 mOhm; larger ones leave its solver's resolution");
        Checks.within(Parameter.HIGH_RESISTANCE, high, MIN_OHMS, MAX_OHMS, "ohm", "ngspice sets smaller resistances"
                + " to 1 mOhm; larger ones leave its solver's resolution");
        if (low == high) {
            throw new ParameterException(Parameter.HIGH_RESISTANCE, "R_L and R_H must differ (both are " + low
                    + " ohm): with equal resistors there is no key bit");
        }
        if (low > high) {
            throw new ParameterException(Parameter.LOW_RESISTANCE, "R_L = " + SpiceNumbers.format(low)
                    + " ohm must be smaller than R_H = " + SpiceNumbers.format(high) + " ohm (R_L is the low resistor"
                    + " of the pair)");
        }
    }

    public double of(Resistor r) {
        return r == Resistor.L ? low : high;
    }
}

package org.kljn.circuit;

/**
 * The public resistor set {R_L, R_H} of the KLJN protocol (paper, Sec. 1).
 *
 * @param low  R_L in ohms
 * @param high R_H in ohms
 */
public record ResistorPair(double low, double high) {
    public ResistorPair {
        Checks.positive(Parameter.LOW_RESISTANCE, low);
        Checks.positive(Parameter.HIGH_RESISTANCE, high);
        if (low == high) {
            throw new ParameterException(Parameter.HIGH_RESISTANCE, "R_L and R_H must differ (both are " + low
                    + " ohm): with equal resistors there is no key bit");
        }
    }

    public double of(Resistor r) {
        return r == Resistor.L ? low : high;
    }
}

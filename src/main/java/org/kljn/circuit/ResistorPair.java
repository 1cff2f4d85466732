package org.kljn.circuit;

/**
 * The public resistor set {R_L, R_H} of the KLJN protocol (paper, Sec. 1).
 *
 * @param low  R_L in ohms
 * @param high R_H in ohms
 */
public record ResistorPair(double low, double high) {
    public ResistorPair {
        Checks.positive("R_L", low);
        Checks.positive("R_H", high);
        if (low == high) {
            throw new IllegalArgumentException("R_L and R_H must differ (both are " + low
                    + " ohm): with equal resistors there is no key bit");
        }
    }

    public double of(Resistor r) {
        return r == Resistor.L ? low : high;
    }
}

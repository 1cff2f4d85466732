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

    /**
     * The largest R_H/R_L. The β that nulls an attack or minimises Eve's information lies between 1 and R_H/R_L on the
     * lumped loop (β_null = R_H (2R_L + R_c) / (R_L (2R_H + R_c)), and its inverse when Alice holds R_L), and β is
     * accepted and searched in [1e-3, 1e3] (analysis.BetaRule.SEARCH_LOW, MAX): with a larger ratio `--beta optimal` and
     * `minimax` stopped at the bracket's edge, β = 1000, and reported it as Eve's best defence (issue 22 item 5:
     * R_L = 1, R_H = 100k, R_c = 100k: β 1000 with Eve's |μ|/√V = 30 /√s, where β = 33334 nulls her).
     */
    public static final double MAX_RATIO = 1e3;

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
        if (high / low > MAX_RATIO) {
            throw new ParameterException(Parameter.HIGH_RESISTANCE, "R_H/R_L = " + SpiceNumbers.format(high / low)
                    + " (R_L = " + SpiceNumbers.format(low) + " ohm, R_H = " + SpiceNumbers.format(high) + " ohm): allowed"
                    + " at most " + SpiceNumbers.format(MAX_RATIO) + " (the beta that nulls the attacks lies between 1"
                    + " and R_H/R_L, and beta is searched and accepted up to " + SpiceNumbers.format(MAX_RATIO) + ")");
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

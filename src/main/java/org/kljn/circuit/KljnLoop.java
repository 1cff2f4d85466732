package org.kljn.circuit;

/**
 * The KLJN loop for one bit situation: Alice's resistor and noise generator at cable end A, Bob's at
 * end B, the cable between (paper, Fig. 1). Alice holds R_H unless told otherwise.
 *
 * @param resistors the public pair {R_L, R_H}
 * @param alice     what Alice connects
 * @param bob       what Bob connects
 * @param line      the cable
 */
public record KljnLoop(ResistorPair resistors, Resistor alice, Resistor bob, LineModel line) {

    /**
     * The largest ratio allowed between the loop's largest and smallest resistance (R_L, R_H, and R_c when the line
     * states one and it is not 0). ngspice's solution of a loop whose resistances span more loses the signals, which
     * are small differences of the loop's powers (issue 22 item 5; `kljn analyze` against the lumped closed forms
     * secondLaw = 4kTΔf (R_H − R_L) R_c / R², β_null = R_H (2R_L + R_c) / (R_L (2R_H + R_c))): relative error of the
     * secondLaw signal 3e-11 and 6e-8 at a span of 1e6 (R 1, 1M, 1 and 1, 1k, 1m ohm), 6e-5 at 1e9 (1, 1M, 1m), 2e-4
     * at 1e12 (1, 1T, 1), and at 1e18 (1m, 1P, 100) 8e-4 with a null β of 100082 for 50001, while the integration
     * bound printed beside it was 3e-16.
     */
    public static final double MAX_RESISTANCE_SPAN = 1e6;

    public KljnLoop {
        double rc = line == null ? Double.NaN : line.resistance();
        double low = resistors.low();
        double high = resistors.high();
        boolean withCable = rc > 0 && Double.isFinite(rc);
        double largest = withCable ? Math.max(high, rc) : high;
        double smallest = withCable ? Math.min(low, rc) : low;
        if (largest / smallest > MAX_RESISTANCE_SPAN) {
            Parameter at = !withCable || (rc < largest && rc > smallest) ? Parameter.HIGH_RESISTANCE
                    : Parameter.CABLE_RESISTANCE;
            throw new ParameterException(at, "the loop's resistances R_L = " + SpiceNumbers.format(low) + " ohm, R_H = "
                    + SpiceNumbers.format(high) + " ohm" + (withCable ? ", R_c = " + SpiceNumbers.format(rc) + " ohm"
                    : "") + " span a ratio of " + SpiceNumbers.format(largest / smallest) + ": allowed at most "
                    + SpiceNumbers.format(MAX_RESISTANCE_SPAN) + " between the largest and the smallest (beyond, ngspice's"
                    + " solution of the loop loses the attack signals, which are small differences of its powers)");
        }
    }

    /** A secure bit situation (LH or HL): Bob holds the other resistor. */
    public static KljnLoop secure(ResistorPair resistors, Resistor alice, LineModel line) {
        return new KljnLoop(resistors, alice, alice.other(), line);
    }

    public double aliceResistance() {
        return resistors.of(alice);
    }

    public double bobResistance() {
        return resistors.of(bob);
    }

    /** The same loop with Alice's and Bob's resistors swapped. */
    public KljnLoop swapped() {
        return new KljnLoop(resistors, bob, alice, line);
    }

    /** Which bit situation this loop is. */
    public Situation situation() {
        return Situation.of(alice, bob);
    }
}

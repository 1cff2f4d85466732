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

package org.kljn.analysis.closedform;

/** The two independent noise-voltage generators of the loop. */
public enum NoiseSource {
    /** Alice's generator V_a, in series with R_A at end A. */
    ALICE,
    /** Bob's generator V_b, in series with R_B at end B. */
    BOB
}

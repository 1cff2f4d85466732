package org.kljn.analysis.closedform;

/**
 * Which party holds R_H in a secure (LH or HL) bit situation. The R_H side runs at T_eff, the R_L side at
 * &beta; T_eff (paper, eqs. 10-13).
 */
public enum HighSide {
    /** Alice (end A) holds R_H, Bob (end B) holds R_L: the default. */
    ALICE,
    /** Bob (end B) holds R_H, Alice (end A) holds R_L: the mirror image. */
    BOB;

    /** The other assignment (swapping Alice's and Bob's resistors). */
    public HighSide mirrored() {
        return this == ALICE ? BOB : ALICE;
    }
}

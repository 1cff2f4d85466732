package org.kljn.analysis.closedform;

/** The four quantities Eve can measure at the cable ends (package conventions, see {@code package-info}). */
public enum Probe {
    /** Node voltage at cable end A (V). */
    U_A,
    /** Node voltage at cable end B (V). */
    U_B,
    /** Current entering the cable at A, flowing from R_A into the cable (A). */
    I_A,
    /** Current leaving the cable at B, flowing toward R_B (A). */
    I_B
}

package org.kljn.analysis.exact;

/** Eve's four probes (paper, Fig. 3), in the order the analysis stores them. */
public enum Probe {
    /** U_A: voltage of cable end A to ground. */
    U_A,
    /** U_B: voltage of cable end B to ground. */
    U_B,
    /** I_A: current entering the cable at A. */
    I_A,
    /** I_B: current leaving the cable at B, toward Bob. */
    I_B
}

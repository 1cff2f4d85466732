package org.kljn.circuit;

/**
 * Node and element names of the generated KLJN netlist, i.e. where Eve's probes sit (paper, Fig. 3).
 * Currents are sensed through zero-volt sources: ngspice's branch current of {@code Vx n+ n- 0} flows
 * from n+ through the source to n-.
 */
public final class Probes {
    private Probes() {
    }

    /** Alice's noise generator: from node {@code na} (+) to ground. */
    public static final String ALICE_SOURCE = "vna";
    /** Bob's noise generator: from node {@code nb} (+) to ground. */
    public static final String BOB_SOURCE = "vnb";
    /** Cable end A: U_A is this node's voltage. */
    public static final String NODE_A = "a";
    /** Cable end B: U_B is this node's voltage. */
    public static final String NODE_B = "b";
    /**
     * Bob's end of a four-port cable's return conductor: his generator returns here, not to ground, so that the
     * return current flows through the cable (A's reference is the one grounded point).
     */
    public static final String NODE_B_REF = "bref";
    /** A four-port cable's B terminal; node {@link #NODE_B} then senses U_B = V(B) - V(B's reference). */
    public static final String NODE_B_TERMINAL = "bt";
    /** Zero-volt source from Alice's resistor into end A: its current is I_A, entering the cable at A. */
    public static final String CURRENT_A = "via";
    /** Zero-volt source from end B toward Bob's resistor: its current is I_B, leaving the cable at B. */
    public static final String CURRENT_B = "vib";

    /** ngspice's vector names of the four probes, in the order U_A, U_B, I_A, I_B. */
    public static final String[] VECTORS = {NODE_A, NODE_B, CURRENT_A + "#branch", CURRENT_B + "#branch"};
}

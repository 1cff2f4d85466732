package org.kljn.circuit;

import java.util.List;

/**
 * The cable between Alice's end A and Bob's end B, ground being the common return. Every model
 * writes SPICE elements between two given nodes (and ground, node 0).
 */
public sealed interface LineModel permits LumpedLine, RcLadder, UniformRcLine, LossyLine, UserSubcircuit {

    /** Short name used on the command line: lumped, ladder, urc, ltra, subckt. */
    String kind();

    /** Total series (DC) resistance R_c in ohms (NaN if unknown, e.g. a user subcircuit). */
    double resistance();

    /** Total shunt capacitance C_c in farads (0 for a lumped resistance, NaN if unknown). */
    double capacitance();

    /** Element lines joining {@code nodeA} to {@code nodeB}; element names start with {@code prefix}. */
    List<String> elements(String prefix, String nodeA, String nodeB);

    /** Model or include lines the elements need (may be empty). */
    List<String> definitions(String prefix);

    /** One line describing the model for tables and reports. */
    String describe();

    /**
     * Whether ngspice's AC analysis of this model is singular at exactly 0 Hz (LTRA is): the exact
     * analysis then starts its sweep slightly above 0 Hz.
     */
    default boolean singularAtDc() {
        return false;
    }
}

package org.kljn.circuit;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The cable models kljn can put between Alice and Bob, by the word the command line and sweep specs use. */
public enum CableKind {
    /** The paper's lumped series resistance R_c ({@link LumpedLine}). */
    LUMPED("lumped", false),
    /** N symmetric RC T sections ({@link RcLadder}). */
    LADDER("ladder", true),
    /** ngspice's uniform distributed RC line ({@link UniformRcLine}). */
    URC("urc", true),
    /** ngspice's lossy transmission line, exact in AC ({@link LossyLine}). */
    LTRA("ltra", true),
    /** The user's own subcircuit ({@link UserSubcircuit}). */
    SUBCKT("subckt", false);

    private final String word;
    private final boolean usesCapacitance;

    CableKind(String word, boolean usesCapacitance) {
        this.word = word;
        this.usesCapacitance = usesCapacitance;
    }

    /** The word on the command line and in sweep specs: lumped, ladder, urc, ltra, subckt. */
    public String word() {
        return word;
    }

    /** Whether the model takes the cable's shunt capacitance C_c (and so needs it). */
    public boolean usesCapacitance() {
        return usesCapacitance;
    }

    /** The words of all kinds, comma-separated, for messages. */
    public static String words() {
        return Stream.of(values()).map(CableKind::word).collect(Collectors.joining(", "));
    }

    /**
     * The kind named {@code word}, case-insensitively.
     *
     * @throws ParameterException naming {@link Parameter#CABLE_MODEL} and the words allowed
     */
    public static CableKind parse(String word) {
        for (CableKind k : values()) {
            if (k.word.equalsIgnoreCase(word == null ? "" : word.strip())) {
                return k;
            }
        }
        throw new ParameterException(Parameter.CABLE_MODEL, "unknown model '" + word + "'; allowed: " + words());
    }

    @Override
    public String toString() {
        return word.toLowerCase(Locale.ROOT);
    }
}

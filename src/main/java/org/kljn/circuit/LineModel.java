package org.kljn.circuit;

import java.util.List;
import java.util.Locale;

/**
 * The cable between Alice's end A and Bob's end B, ground being the common return. Every model
 * writes SPICE elements between two given nodes (and ground, node 0). Each model also states where it is
 * valid: {@link #checkResolves} (the band it can represent) and {@link #checkTransientCapable} (whether
 * ngspice can run it in a transient).
 */
public sealed interface LineModel permits LumpedLine, RcLadder, UniformRcLine, LossyLine, UserSubcircuit {

    /** Short name used on the command line: lumped, ladder, urc, ltra, subckt. */
    String kind();

    /** The model's {@link CableKind}. */
    default CableKind cableKind() {
        return CableKind.parse(kind());
    }

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

    /**
     * Refuses a band the model cannot represent. A ladder (or URC) section is a fair stand-in for its piece of
     * line only while its electrical length at the band edge, √(2π Δf R C)/N, stays below 1.
     *
     * @throws ParameterException naming {@link Parameter#SECTIONS} with the number of sections needed
     */
    default void checkResolves(double bandwidth) {
    }

    /**
     * Refuses a model ngspice cannot run in a transient (bit exchanges).
     *
     * @throws ParameterException naming the quantity that makes it fail
     */
    default void checkTransientCapable() {
    }

    /**
     * Refuses a series resistance R_c above {@link ResistorPair#MAX_OHMS}, the resistors' own limit: beyond it the
     * loop's currents leave ngspice's resolution (at R_c = 1e308 Ω defend printed J = 0 and Eve's p = 0.5).
     */
    static double checkResistance(double ohms) {
        return Checks.within(Parameter.CABLE_RESISTANCE, ohms, 0, ResistorPair.MAX_OHMS, "ohm", "as R_L and R_H: larger"
                + " ones leave ngspice's solver resolution");
    }

    /** The largest shunt capacitance C_c accepted, F: no cable has a farad (a 1000 km pair has about 50 µF). */
    double MAX_CAPACITANCE = 1;

    /**
     * Refuses a shunt capacitance C_c above {@link #MAX_CAPACITANCE}: far beyond it the line's spectra leave double
     * precision (C_c = 1e300 F failed as "weight 0 is NaN").
     */
    static double checkCapacitance(double farads) {
        return Checks.within(Parameter.CABLE_CAPACITANCE, farads, 0, MAX_CAPACITANCE, "F", "no cable has a farad;"
                + " far beyond, the line's spectra leave double precision");
    }

    /**
     * The section rule of {@link #checkResolves} for a model of {@code sections} sections, of which it allows at most
     * {@code maxSections}: the advice names a count the model accepts, or says that none does.
     */
    static void checkSections(LineModel line, int sections, int maxSections, double bandwidth) {
        double theta = Math.sqrt(2 * Math.PI * bandwidth * line.resistance() * line.capacitance());
        if (theta / sections > 1) {
            double needed = Math.ceil(theta);
            String advice = needed <= maxSections
                    ? String.format(Locale.ROOT, "use %d sections or more (at most %d), or the exact line (ltra)",
                            (int) needed, maxSections)
                    : String.format(Locale.ROOT, "it would take %.0f sections, more than the %s model's maximum of %d:"
                            + " use the exact line (ltra), or a narrower band or a shorter line", needed, line.kind(),
                            maxSections);
            throw new ParameterException(Parameter.SECTIONS, String.format(Locale.ROOT,
                    "%d sections cannot resolve this line over a band of %s Hz (sqrt(2 pi f R C) = %.3g at the band edge,"
                            + " %.3g per section; allowed at most 1): %s",
                    sections, SpiceNumbers.engineering(bandwidth), theta, theta / sections, advice));
        }
    }
}

package org.kljn.circuit;

/**
 * The physical quantities a KLJN evaluation takes, as the domain names them. A {@link ParameterException}
 * names one of them; each front end maps it to its own spelling (a command-line option, a sweep-spec key).
 */
public enum Parameter {
    LOW_RESISTANCE("the low resistor R_L"),
    HIGH_RESISTANCE("the high resistor R_H"),
    CABLE_MODEL("the cable model"),
    CABLE_PRESET("the cable preset"),
    CABLE_LENGTH("the cable length"),
    CABLE_RESISTANCE("the cable resistance R_c"),
    CABLE_CAPACITANCE("the cable capacitance C_c"),
    CABLE_INDUCTANCE("the cable inductance L_c"),
    CABLE_CONDUCTANCE("the cable conductance G_c"),
    SECTIONS("the number of line sections"),
    SUBCIRCUIT_FILE("the subcircuit file"),
    SUBCIRCUIT_NAME("the subcircuit name"),
    NOISE_TEMPERATURE("the noise temperature T_eff"),
    BANDWIDTH("the noise bandwidth Δf"),
    BETA("the temperature ratio β"),
    BIT_SAMPLES("the bit length M in Nyquist samples"),
    BIT_DURATION("the bit duration τ"),
    BITS("the number of bit exchanges N"),
    NOISE_GRID("the noise grid K in points per Nyquist interval"),
    SOLVER_STEPS("the solver steps per noise grid interval"),
    ACCURACY_GOAL("the transient's accuracy goal"),
    GUARD_TIME("the guard interval before each bit"),
    SWEEP_POINTS("the number of AC sweep points"),
    EVE_NOISE_VOLTAGE("Eve's voltage-channel noise floor N_V"),
    EVE_NOISE_CURRENT("Eve's current-channel noise floor N_I"),
    RAW_BIT_RATE("the raw bit rate 1/τ"),
    RECONCILIATION("the reconciliation efficiency ξ");

    private final String description;

    Parameter(String description) {
        this.description = description;
    }

    /** What the quantity is, in words: "the cable capacitance C_c". */
    public String description() {
        return description;
    }
}

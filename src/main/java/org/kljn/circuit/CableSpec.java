package org.kljn.circuit;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A cable as a user describes it (a model and the values it takes, or a preset and a length), and the one
 * factory that turns it into a {@link LineModel}. The rules between the values live here, so that the
 * commands, sweeps and Java callers refuse the same things:
 * <ul>
 *   <li>a value no chosen model uses is a trap, not a default: a preset or C_c with no model chosen is refused
 *       naming the choice (the lumped model would silently drop C and L); C_c or L_c given to a lumped model, or
 *       L_c to an RC model, is refused;</li>
 *   <li>a subcircuit file chooses the subckt model; given with another model it is refused;</li>
 *   <li>each model's own needs (C_c for ladder, urc, ltra; a file and name for subckt).</li>
 * </ul>
 *
 * @param kind           the model, or null when the user did not choose one (then lumped, unless that would drop
 *                       a value)
 * @param resistance     total series resistance R_c, Ω (NaN: not given)
 * @param capacitance    total shunt capacitance C_c, F (NaN: not given)
 * @param inductance     total series inductance L_c, H (NaN: not given)
 * @param sections       ladder T sections or URC lumps; 0 for the model's default
 * @param subcircuitFile the SPICE file of a user subcircuit, or null
 * @param subcircuitName the subcircuit's name, or null
 * @param preset         the cable type R_c, C_c and L_c came from, or null
 * @param length         the cable length in metres with a preset, else NaN
 */
public record CableSpec(CableKind kind, double resistance, double capacitance, double inductance, int sections,
                        Path subcircuitFile, String subcircuitName, CablePreset preset, double length) {
    /** Ladder sections when none are given. */
    public static final int DEFAULT_LADDER_SECTIONS = 20;

    /** A lumped resistance. */
    public static CableSpec lumped(double resistance) {
        return new CableSpec(CableKind.LUMPED, resistance, Double.NaN, Double.NaN, 0, null, null, null, Double.NaN);
    }

    /** A model with R_c, C_c and L_c given directly (NaN for a value not given; sections 0 for the default). */
    public static CableSpec of(CableKind kind, double resistance, double capacitance, double inductance, int sections) {
        return new CableSpec(kind, resistance, capacitance, inductance, sections, null, null, null, Double.NaN);
    }

    /**
     * {@code metres} of a preset cable: R_c, C_c and L_c are the preset's per-km values times the length.
     *
     * @throws ParameterException for a length that is not a positive finite number of metres
     */
    public static CableSpec preset(CableKind kind, CablePreset preset, double metres, int sections) {
        Checks.positive(Parameter.CABLE_LENGTH, metres);
        return new CableSpec(kind, preset.resistance(metres), preset.capacitance(metres), preset.inductance(metres),
                sections, null, null, preset, metres);
    }

    /** A user subcircuit {@code name} from {@code file}. */
    public static CableSpec subcircuit(Path file, String name) {
        return new CableSpec(CableKind.SUBCKT, Double.NaN, Double.NaN, Double.NaN, 0, file, name, null, Double.NaN);
    }

    /** The same cable with a subcircuit file and name (either may be null). */
    public CableSpec withSubcircuit(Path file, String name) {
        return new CableSpec(kind, resistance, capacitance, inductance, sections, file, name, preset, length);
    }

    /** The model this description resolves to (see the class comment). */
    public CableKind resolvedKind() {
        if (kind != null) {
            return kind;
        }
        if (subcircuitFile != null || subcircuitName != null) {
            return CableKind.SUBCKT;
        }
        if (preset != null || given(capacitance)) {
            String what = preset != null
                    ? String.format(Locale.ROOT, "%s m of %s cable has C_c = %sF and L_c = %sH", SpiceNumbers.format(length),
                            preset.word(), SpiceNumbers.engineering(capacitance), SpiceNumbers.engineering(inductance))
                    : "C_c = " + SpiceNumbers.engineering(capacitance) + "F is given";
            throw new ParameterException(Parameter.CABLE_MODEL, what + ", which the default lumped model (R_c alone)"
                    + " would drop; choose the line model: ltra (the exact line: R, L and C), ladder or urc (RC), or"
                    + " lumped to drop them knowingly");
        }
        return CableKind.LUMPED;
    }

    /**
     * The line model.
     *
     * @throws ParameterException naming the quantity that is missing, out of range or unused by the model
     */
    public LineModel line() {
        CableKind k = resolvedKind();
        if (k != CableKind.SUBCKT && (subcircuitFile != null || subcircuitName != null)) {
            throw new ParameterException(Parameter.CABLE_MODEL, "a subcircuit is given, but the cable model is " + k
                    + ", which does not use it; choose subckt, or leave the subcircuit out");
        }
        boolean fromPreset = preset != null;
        switch (k) {
            case LUMPED -> {
                if (!fromPreset && given(capacitance)) {
                    throw new ParameterException(Parameter.CABLE_CAPACITANCE, "a lumped cable has no capacitance, so C_c = "
                            + SpiceNumbers.engineering(capacitance) + "F would be ignored; choose ltra, ladder or urc to"
                            + " model it, or leave C_c out");
                }
                rejectInductance(k, fromPreset);
                return new LumpedLine(required(Parameter.CABLE_RESISTANCE, resistance, k));
            }
            case LADDER -> {
                rejectInductance(k, fromPreset);
                return new RcLadder(required(Parameter.CABLE_RESISTANCE, resistance, k),
                        required(Parameter.CABLE_CAPACITANCE, capacitance, k),
                        sections > 0 ? sections : DEFAULT_LADDER_SECTIONS);
            }
            case URC -> {
                rejectInductance(k, fromPreset);
                return new UniformRcLine(required(Parameter.CABLE_RESISTANCE, resistance, k),
                        required(Parameter.CABLE_CAPACITANCE, capacitance, k),
                        sections > 0 ? sections : UniformRcLine.DEFAULT_LUMPS);
            }
            case LTRA -> {
                return new LossyLine(required(Parameter.CABLE_RESISTANCE, resistance, k), given(inductance) ? inductance : 0,
                        0, required(Parameter.CABLE_CAPACITANCE, capacitance, k));
            }
            case SUBCKT -> {
                if (subcircuitFile == null) {
                    throw new ParameterException(Parameter.SUBCIRCUIT_FILE, "the subckt cable model needs a SPICE file"
                            + " holding the subcircuit (and its name)");
                }
                if (subcircuitName == null) {
                    throw new ParameterException(Parameter.SUBCIRCUIT_NAME, "the subckt cable model needs the name of"
                            + " the subcircuit in " + subcircuitFile);
                }
                return UserSubcircuit.read(subcircuitFile, subcircuitName);
            }
            default -> throw new IllegalStateException("unknown cable kind " + k);
        }
    }

    /** How the cable is described in headers: "2000 m of cat5 cable" or the model's own description. */
    public String origin() {
        return preset == null ? "" : SpiceNumbers.format(length) + " m of " + preset.word() + " cable";
    }

    private void rejectInductance(CableKind k, boolean fromPreset) {
        if (!fromPreset && given(inductance) && inductance > 0) {
            throw new ParameterException(Parameter.CABLE_INDUCTANCE, "the " + k + " model has no inductance, so L_c = "
                    + SpiceNumbers.engineering(inductance) + "H would be ignored; choose ltra to model it, or leave L_c out");
        }
    }

    private static double required(Parameter p, double value, CableKind k) {
        if (!given(value)) {
            throw new ParameterException(p, "the " + k + " cable model needs " + p.description()
                    + (p == Parameter.CABLE_CAPACITANCE ? " (or a preset and a length)" : ""));
        }
        return value;
    }

    private static boolean given(double v) {
        return !Double.isNaN(v);
    }
}

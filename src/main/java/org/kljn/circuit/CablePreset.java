package org.kljn.circuit;

import java.util.Locale;

/**
 * Typical per-kilometre values of common cables, used as a pair (out and return conductor), so that the
 * resistance is the loop resistance. These are representative figures, not one product's datasheet:
 * <ul>
 *   <li>{@link #CAT5}: 24 AWG solid copper, 84.2 Ω/km per conductor (AWG table at 20 °C) → 168 Ω/km loop;
 *       TIA-568 limits mutual capacitance to 5.6 nF/100 m (56 nF/km; 52 nF/km used); ~0.52 mH/km.</li>
 *   <li>{@link #TELEPHONE}: 0.4 mm (26 AWG) telephone pair, ~280 Ω/km loop, 50 nF/km, 0.6 mH/km (the
 *       classic 0.05 µF/km subscriber-loop figure).</li>
 *   <li>{@link #RG58}: RG-58 coax, inner 20 AWG (~33 Ω/km) plus braid (~14 Ω/km) → ~47 Ω/km loop;
 *       101 pF/m and 253 nH/m (50 Ω, velocity factor 0.66).</li>
 * </ul>
 */
public enum CablePreset {
    CAT5(168.0, 52e-9, 0.52e-3),
    TELEPHONE(280.0, 50e-9, 0.6e-3),
    RG58(47.0, 101e-9, 0.253e-3);

    private final double resistancePerKm;
    private final double capacitancePerKm;
    private final double inductancePerKm;

    CablePreset(double resistancePerKm, double capacitancePerKm, double inductancePerKm) {
        this.resistancePerKm = resistancePerKm;
        this.capacitancePerKm = capacitancePerKm;
        this.inductancePerKm = inductancePerKm;
    }

    public double resistancePerKm() {
        return resistancePerKm;
    }

    public double capacitancePerKm() {
        return capacitancePerKm;
    }

    public double inductancePerKm() {
        return inductancePerKm;
    }

    /** Total loop resistance of {@code metres} of cable. */
    public double resistance(double metres) {
        return resistancePerKm * metres / 1e3;
    }

    public double capacitance(double metres) {
        return capacitancePerKm * metres / 1e3;
    }

    public double inductance(double metres) {
        return inductancePerKm * metres / 1e3;
    }

    /** The preset's name on the command line, in sweep specs and CSV: cat5, telephone, rg58. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The names of all presets, comma-separated, for messages. */
    public static String words() {
        return java.util.stream.Stream.of(values()).map(CablePreset::word)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Looks a preset up by name, case-insensitively.
     *
     * @throws ParameterException naming {@link Parameter#CABLE_PRESET} and the known presets
     */
    public static CablePreset named(String name) {
        for (CablePreset p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new ParameterException(Parameter.CABLE_PRESET, "unknown cable '" + name + "'; known: " + words());
    }
}

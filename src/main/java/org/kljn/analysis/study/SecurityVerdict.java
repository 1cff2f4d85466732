package org.kljn.analysis.study;

import org.kljn.circuit.CablePreset;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.ngspice.SpiceSimulator;

/**
 * The main job's answer to "is this line secure?" as records: the best eavesdropper against the best temperature
 * defence on the study's line with the length and band that would be secure ({@link LineSecurity}), and the cable's
 * security map (7 × 7 points, 10 m … 10 km × 10 Hz … 10 kHz).
 */
public record SecurityVerdict(LineSecurity line, SecurityMap map, String cable) {
    /** Secure means Eve's optimal success at most 0.5 + this. */
    public static final double EPSILON = 0.01;

    public static SecurityVerdict compute(SpiceSimulator spice, ResistorPair resistors, CablePreset preset, double tEff,
            double length, double bandwidth, int bitSamples) {
        SecurityMap.PerKm cable = new SecurityMap.PerKm(preset.resistancePerKm(), preset.capacitancePerKm(),
                preset.inductancePerKm());
        LineSecurity s = LineSecurity.of(spice, cable, resistors, tEff, length, bandwidth, bitSamples, EPSILON);
        double[] grid = {10, 31.6227766016838, 100, 316.227766016838, 1e3, 3162.27766016838, 1e4};
        SecurityMap map;
        try (NgSpicePool pool = NgSpicePool.of(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))) {
            map = SecurityMap.compute(pool, cable, resistors, tEff, grid, grid, bitSamples, EPSILON, done -> { });
        }
        return new SecurityVerdict(s, map, preset.name().toLowerCase(java.util.Locale.ROOT));
    }
}

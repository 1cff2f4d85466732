package org.kljn.noise;

/**
 * Johnson-Nyquist noise of a resistor, which the KLJN generators mimic at an enhanced temperature: the one place
 * for Boltzmann's constant and the PSD 4kTR (paper, eq. 2).
 */
public final class Johnson {
    /** Boltzmann's constant k, J/K (exact in the 2019 SI). */
    public static final double BOLTZMANN = 1.380649e-23;

    private Johnson() {
    }

    /** One-sided open-circuit voltage PSD {@code 4 k T R}, V²/Hz. */
    public static double voltagePsd(double temperature, double resistance) {
        return 4.0 * BOLTZMANN * temperature * resistance;
    }

    /** Mean-square open-circuit voltage in a brick-wall band: {@code 4 k T R Δf}, V² (paper, eq. 2). */
    public static double meanSquareVoltage(double temperature, double resistance, double bandwidth) {
        return voltagePsd(temperature, resistance) * bandwidth;
    }
}

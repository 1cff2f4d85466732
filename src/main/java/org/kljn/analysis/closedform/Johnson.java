package org.kljn.analysis.closedform;

/** Johnson-Nyquist noise of a resistor (the generators mimic it at an enhanced temperature). */
public final class Johnson {

    /** Boltzmann's constant k, J/K (exact in the 2019 SI). */
    public static final double BOLTZMANN = 1.380649e-23;

    private Johnson() {
    }

    /** One-sided open-circuit voltage PSD {@code 4 k T R}, V^2/Hz. */
    public static double voltagePsd(double temperature, double resistance) {
        return 4.0 * BOLTZMANN * temperature * resistance;
    }

    /** Mean-square open-circuit voltage in a brick-wall band: {@code 4 k T R &Delta;f}, V^2 (paper eq. 2). */
    public static double meanSquareVoltage(double temperature, double resistance, double bandwidth) {
        return voltagePsd(temperature, resistance) * bandwidth;
    }
}

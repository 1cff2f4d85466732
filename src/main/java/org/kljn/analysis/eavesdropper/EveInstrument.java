package org.kljn.analysis.eavesdropper;

import org.kljn.circuit.Checks;
import org.kljn.circuit.Parameter;

/**
 * Eve's instrument: she records U_A(t) and I_A(t) over the whole bit, and each channel adds independent white noise
 * over all frequencies, of one-sided PSD N_V (V²/Hz) on the voltage and N_I (A²/Hz) on the current.
 *
 * <p>The floor is physics, not a fudge: without it a band-limited waveform seen on a finite window is a singular
 * detection problem (its covariance operator has infinitely many nearly silent dimensions, each of which tells HL
 * from LH perfectly on a capacitive line). The defaults are a very good low-noise amplifier: 1 nV/√Hz on the
 * voltage (the AD797's 0.9 nV/√Hz) and 1 pA/√Hz on the current (its 2 pA/√Hz current noise, or a 1 nV/√Hz
 * amplifier on a 1 kΩ transimpedance); their ratio, 1 kΩ, is the loop's own impedance scale, so neither channel
 * is the weak one. Both are ~10⁻¹⁰ of the loop's generators at T_eff = 10⁹ K on 1 kΩ (4kT_eff R = 5.5e-8 V²/Hz):
 * Eve as good as a real instrument can be.
 *
 * @param voltageNoise N_V, V²/Hz (one-sided)
 * @param currentNoise N_I, A²/Hz (one-sided)
 */
public record EveInstrument(double voltageNoise, double currentNoise) {
    /** 1 nV/√Hz. */
    public static final double DEFAULT_VOLTAGE_NOISE = 1e-18;
    /** 1 pA/√Hz. */
    public static final double DEFAULT_CURRENT_NOISE = 1e-24;
    /** Floors outside these ranges are no instrument: below, a fraction of a superconducting amplifier's quantum
     * limit at kHz; above, 1 mV/√Hz or 1 µA/√Hz, worse than any meter. */
    public static final double MIN_VOLTAGE_NOISE = 1e-30, MAX_VOLTAGE_NOISE = 1e-6;
    public static final double MIN_CURRENT_NOISE = 1e-36, MAX_CURRENT_NOISE = 1e-12;

    public EveInstrument {
        check(Parameter.EVE_NOISE_VOLTAGE, voltageNoise, MIN_VOLTAGE_NOISE, MAX_VOLTAGE_NOISE, "V^2/Hz");
        check(Parameter.EVE_NOISE_CURRENT, currentNoise, MIN_CURRENT_NOISE, MAX_CURRENT_NOISE, "A^2/Hz");
    }

    /** The default instrument (1 nV/√Hz, 1 pA/√Hz). */
    public static EveInstrument defaults() {
        return new EveInstrument(DEFAULT_VOLTAGE_NOISE, DEFAULT_CURRENT_NOISE);
    }

    /** The same instrument with both floors multiplied by {@code factor}. */
    public EveInstrument scaled(double factor) {
        return new EveInstrument(voltageNoise * factor, currentNoise * factor);
    }

    /** The one-sided floor of channel 0 (voltage) or 1 (current). */
    double floor(int channel) {
        return channel == 0 ? voltageNoise : currentNoise;
    }

    private static void check(Parameter p, double value, double min, double max, String unit) {
        Checks.within(p, value, min, max, unit, "a one-sided PSD of a real instrument; zero would make the"
                + " finite-window detection singular");
    }
}

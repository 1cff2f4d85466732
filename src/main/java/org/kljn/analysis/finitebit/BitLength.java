package org.kljn.analysis.finitebit;

import org.kljn.circuit.Checks;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;

import java.util.Locale;

/**
 * The length of one bit exchange as M Nyquist samples of the noise band: τ = M/(2Δf) (paper, Sec. 2: a bit of
 * duration τ holds 2Δfτ independent samples of noise band-limited to Δf). The analysis and the Monte Carlo count
 * whole Nyquist intervals, so a duration must be a whole number of 1/(2Δf). The one place the limits on a bit's
 * length are checked.
 *
 * @param samples M, from {@link #MIN_SAMPLES} to {@link #MAX_SAMPLES}
 */
public record BitLength(int samples) {
    /** The shortest bit: one Nyquist interval of the band, i.e. one frequency bin 1/(2τ) below the band edge. */
    public static final int MIN_SAMPLES = 2;
    /** The longest bit, in Nyquist samples. */
    public static final int MAX_SAMPLES = 10_000_000;

    public BitLength {
        Checks.between(Parameter.BIT_SAMPLES, samples, MIN_SAMPLES, MAX_SAMPLES, "as in the Monte Carlo: the bit must"
                + " span at least one Nyquist interval of the band");
    }

    /** A bit of M Nyquist samples. */
    public static BitLength ofSamples(int m) {
        return new BitLength(m);
    }

    /**
     * The bit of duration {@code seconds} in the band 0..{@code bandwidth}: M = 2Δfτ, which must be a whole number.
     *
     * @throws ParameterException naming {@link Parameter#BIT_DURATION} for a duration that is not positive or not a
     *                            whole number of Nyquist intervals
     */
    public static BitLength ofDuration(double seconds, double bandwidth) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new ParameterException(Parameter.BIT_DURATION, Parameter.BIT_DURATION.description() + " " + seconds
                    + " s: allowed a positive number of seconds");
        }
        double m = 2 * bandwidth * seconds;
        long rounded = Math.round(m);
        if (m < MIN_SAMPLES * (1 - 1e-6)) {
            throw new ParameterException(Parameter.BIT_DURATION, String.format(Locale.ROOT, "%s %s s: shorter than"
                    + " two Nyquist samples of the band: allowed at least 1/bandwidth = %.6g s",
                    Parameter.BIT_DURATION.description(), seconds, 1 / bandwidth));
        }
        if ( Math.abs(m - rounded) > 1e-6 * Math.max(1, m) || rounded > Integer.MAX_VALUE) {
            throw new ParameterException(Parameter.BIT_DURATION, String.format(Locale.ROOT, "%s %s s: allowed a"
                    + " whole number of Nyquist intervals 1/(2 bandwidth) = %.6g s (this is %.6g of them)",
                    Parameter.BIT_DURATION.description(), seconds, 1 / (2 * bandwidth), m));
        }
        if (rounded < MIN_SAMPLES || rounded > MAX_SAMPLES) {
            throw new ParameterException(Parameter.BIT_DURATION, String.format(Locale.ROOT, "%s %s s is %d Nyquist"
                    + " intervals of the band: allowed %d to %d", Parameter.BIT_DURATION.description(), seconds,
                    rounded, MIN_SAMPLES, MAX_SAMPLES));
        }
        return new BitLength((int) rounded);
    }

    /**
     * The bit of a raw rate of {@code bitsPerSecond} exchanged bits per second (τ = 1/rate), rounded to whole
     * Nyquist intervals: at most Δf bit/s (a bit of two Nyquist samples).
     *
     * @throws ParameterException naming {@link Parameter#RAW_BIT_RATE} for a rate that is not positive or above Δf
     */
    public static BitLength ofRawRate(double bitsPerSecond, double bandwidth) {
        if (!(bitsPerSecond > 0) || Double.isInfinite(bitsPerSecond)) {
            throw new ParameterException(Parameter.RAW_BIT_RATE, Parameter.RAW_BIT_RATE.description() + " "
                    + bitsPerSecond + " bit/s: allowed a positive raw bit rate");
        }
        double most = 2 * bandwidth / MIN_SAMPLES;
        if (bitsPerSecond > most * (1 + 1e-9)) {
            throw new ParameterException(Parameter.RAW_BIT_RATE, String.format(Locale.ROOT, "%s %s bit/s: above what"
                    + " the band allows: at most %.6g raw bits per second over a %.6g Hz band (a bit of %d Nyquist"
                    + " samples)", Parameter.RAW_BIT_RATE.description(), bitsPerSecond, most, bandwidth, MIN_SAMPLES));
        }
        long m = Math.max(MIN_SAMPLES, Math.round(2 * bandwidth / bitsPerSecond));
        if (m > MAX_SAMPLES) {
            throw new ParameterException(Parameter.RAW_BIT_RATE, String.format(Locale.ROOT, "%s %s bit/s: a bit of %d"
                    + " Nyquist samples; allowed at least %.6g bit/s (%d samples)", Parameter.RAW_BIT_RATE.description(),
                    bitsPerSecond, m, 2 * bandwidth / MAX_SAMPLES, MAX_SAMPLES));
        }
        return new BitLength((int) m);
    }

    /** The bit duration τ = M/(2Δf) in the band 0..{@code bandwidth}, seconds. */
    public double duration(double bandwidth) {
        return duration(samples, bandwidth);
    }

    /** τ = M/(2Δf) for any M, e.g. a grid's reference bit (the same arithmetic everywhere). */
    public static double duration(int samples, double bandwidth) {
        return samples / (2 * bandwidth);
    }
}

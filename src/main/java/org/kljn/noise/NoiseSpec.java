package org.kljn.noise;

/**
 * Parameters of the injected band-limited noise.
 *
 * <p>The grid step is h = 1/(2·K·Δf): the noise is sampled K times faster than the Nyquist rate of its band.
 * The low-pass FIR is a Kaiser-windowed ideal response (see {@link LowPassFir}) whose transition band, centred on
 * Δf, is {@code transitionFraction}·Δf wide and whose stop band is {@code stopbandAttenuationDb} below the pass band
 * (Kaiser's design formulas). Defaults: K = 4, transition 0.2·Δf, 80 dB, giving 203 taps, a realised pass band
 * [0, 0.92·Δf] flat to |g − 1| ≤ 1e-3 (measured 2.6e-4), a discrete-time stop band ≤ 2e-8 in power and
 * interpolation images ≤ 3.2e-4 (see {@link NoiseDesign}).
 *
 * @param bandwidth             Δf (Hz), the nominal brick-wall bandwidth
 * @param oversampling          K ≥ 2, grid rate over Nyquist rate of the band: h = 1/(2KΔf)
 * @param transitionFraction    width of the FIR transition band as a fraction of Δf, in (0, 1]
 * @param stopbandAttenuationDb FIR stop-band attenuation (dB of amplitude), in [21, 200]
 */
public record NoiseSpec(double bandwidth, int oversampling, double transitionFraction, double stopbandAttenuationDb) {

    public static final int DEFAULT_OVERSAMPLING = 4;
    public static final double DEFAULT_TRANSITION_FRACTION = 0.2;
    public static final double DEFAULT_STOPBAND_DB = 80.0;

    public NoiseSpec {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite: " + bandwidth);
        }
        if (oversampling < 2) {
            throw new IllegalArgumentException("oversampling must be >= 2: " + oversampling);
        }
        if (!(transitionFraction > 0 && transitionFraction <= 1)) {
            throw new IllegalArgumentException("transitionFraction must be in (0, 1]: " + transitionFraction);
        }
        if (!(stopbandAttenuationDb >= 21 && stopbandAttenuationDb <= 200)) {
            throw new IllegalArgumentException("stopbandAttenuationDb must be in [21, 200]: " + stopbandAttenuationDb);
        }
    }

    /** Default design (K = 4, transition 0.2·Δf, 80 dB) for nominal bandwidth Δf (Hz). */
    public static NoiseSpec of(double bandwidth) {
        return new NoiseSpec(bandwidth, DEFAULT_OVERSAMPLING, DEFAULT_TRANSITION_FRACTION, DEFAULT_STOPBAND_DB);
    }

    public NoiseSpec withOversampling(int k) {
        return new NoiseSpec(bandwidth, k, transitionFraction, stopbandAttenuationDb);
    }

    public NoiseSpec withTransitionFraction(double fraction) {
        return new NoiseSpec(bandwidth, oversampling, fraction, stopbandAttenuationDb);
    }

    public NoiseSpec withStopbandAttenuationDb(double db) {
        return new NoiseSpec(bandwidth, oversampling, transitionFraction, db);
    }

    /** Grid step h = 1/(2KΔf) in seconds. */
    public double gridStep() {
        return 1.0 / sampleRate();
    }

    /** Grid rate f_s = 1/h = 2KΔf in Hz. */
    public double sampleRate() {
        return 2.0 * oversampling * bandwidth;
    }
}

package org.kljn.noise;

/**
 * Injected noise sampled at the Nyquist rate of its band, without oversampling: iid Gaussian grid values
 * w_k of variance S0·Δf every h = 1/(2Δf), linearly interpolated. This is the waveform of ngspice's
 * TRNOISE(√(S0·Δf), h), but reproducible from the seed. Its time-averaged one-sided PSD is
 * 2σ²h·sinc⁴(fh) = S0·sinc⁴(f/(2Δf)) ({@link TrnoiseBand}: g(0) = 1, noise bandwidth 2Δf/3), the same
 * derivation as {@link RealisedBand} with the one-tap filter.
 *
 * <p>Why it exists: a memoryless loop (a lumped resistive line) is solved exactly at any point, and between
 * points every probe is linear like the sources, so one solver point per noise sample is exact; an
 * oversampled FIR grid would cost K points per Nyquist sample for nothing. On lines with memory the solver
 * subdivides each grid interval (see the transient simulation's step choice).
 *
 * @param bandwidth Δf (Hz); h = 1/(2Δf)
 */
public record NyquistNoise(double bandwidth) implements InjectedNoise {

    public NyquistNoise {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite: " + bandwidth);
        }
    }

    @Override
    public double gridStep() {
        return 1 / (2 * bandwidth);
    }

    @Override
    public TrnoiseBand band() {
        return new TrnoiseBand(bandwidth);
    }

    /** White grid values: 2σ²h = S0 at every frequency. */
    @Override
    public double gridSpectrum(double f) {
        return 1;
    }

    /** White grid values: Δf at lag 0 (σ² = S0·Δf), 0 otherwise. */
    @Override
    public double gridCovariance(int lag) {
        return lag == 0 ? bandwidth : 0;
    }

    /** σ (V) of the grid values for S0 (V²/Hz): σ² = S0·Δf. */
    public double sampleScale(double s0) {
        if (!(s0 >= 0) || Double.isInfinite(s0)) {
            throw new IllegalArgumentException("S0 must be finite and >= 0 (V^2/Hz): " + s0);
        }
        return Math.sqrt(s0 * bandwidth);
    }

    @Override
    public NoiseWaveform waveform(double s0, StreamKey key, int history) {
        return new NoiseWaveform(new NoiseGrid(LowPassFir.identity(), sampleScale(s0), gridStep(), key), history);
    }
}

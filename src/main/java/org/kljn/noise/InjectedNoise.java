package org.kljn.noise;

/**
 * A generator design for the injected transient noise: a grid of values every {@link #gridStep()}, linearly
 * interpolated (the piecewise-linear waveform ngspice integrates), whose time-averaged one-sided PSD is
 * S0·g(f) with g = {@link #band()} known exactly, so the exact (AC) analysis can integrate the very band the
 * transient sees. Immutable and thread-safe; {@link #waveform} makes one single-threaded stream.
 */
public interface InjectedNoise {

    /** The grid step h (s): the waveform's kinks, where the solver must place points. */
    double gridStep();

    /** The exact one-sided band shape g of the interpolated waveform. */
    BandShape band();

    /**
     * The one-sided PSD of the grid values themselves, relative to S0, at frequency f (periodic in 1/h): the
     * band shape without the interpolation's sinc⁴(fh), g(f) = G(f)·sinc⁴(fh). The solver sees the grid values
     * and the interpolated points between them, not the continuous waveform's time average.
     */
    double gridSpectrum(double f);

    /** Covariance of grid values {@code lag} steps apart for S0 = 1 V²/Hz (V²): σ²·r_lag. */
    double gridCovariance(int lag);

    /** A new interpolated waveform for one stream; S0 = 4kTR in V²/Hz. */
    default NoiseWaveform waveform(double s0, StreamKey key) {
        return waveform(s0, key, NoiseWaveform.DEFAULT_HISTORY);
    }

    /** As {@link #waveform(double, StreamKey)}, keeping at least {@code history} grid values for look-back. */
    NoiseWaveform waveform(double s0, StreamKey key, int history);
}

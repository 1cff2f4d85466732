package org.kljn.noise;

/**
 * A complete noise design for one {@link NoiseSpec}: the FIR, the exact realised band shape and the amplitude
 * normalisation. Immutable and thread-safe; build once and create any number of per-stream generators from it.
 *
 * <p>Normalisation: grid values are w_k = σ·Σ_j b_j n_{k−j} with σ² = S0·c·K·Δf, so the interpolated waveform has
 * time-averaged one-sided PSD S0·g(f) and mean square σ²(2r₀ + r₁)/3 = S0·Δf exactly (see {@link RealisedBand}).
 *
 * <p>Cutoff trim: the FIR cutoff ν_c is adjusted (secant iteration, starting at 1/(2K)) so that g(0) = 1 exactly.
 * Because ∫g = Δf holds by construction, this puts the pass-band level at 1 rather than 1 − (image and transition
 * power fraction), so the realised shape is the paper's brick wall up to the stated ripple. The trimmed ν_c lies
 * ≈ 2 % above Δf·h: across the transition the power A² falls faster than the amplitude A, so the half-amplitude
 * point must sit above Δf for the band to hold power Δf.
 *
 * <p>Figures for the default spec (80 dB, transition 0.2·Δf), measured by {@link RealisedBand}: K = 2, 4, 8 give
 * 103, 203, 403 taps; |g − 1| ≤ 4.8e-4, 2.6e-4, 2.2e-4 on [0, 0.92·Δf]; FIR stop band ≤ 1.6e-8 (power, relative to
 * DC); interpolation images ≤ 9e-3, 3.2e-4, 1.5e-5. Design takes tens of ms: build once per run.
 */
public final class NoiseDesign implements InjectedNoise {

    private final NoiseSpec spec;
    private final RealisedBand band;

    private NoiseDesign(NoiseSpec spec, RealisedBand band) {
        this.spec = spec;
        this.band = band;
    }

    /** Designs the FIR for the spec (a few ms). */
    public static NoiseDesign of(NoiseSpec spec) {
        int k = spec.oversampling();
        double nominal = 1.0 / (2 * k);
        double width = spec.transitionFraction() * nominal;
        double s0 = 1;
        double f0 = dcError(k, nominal, width, spec.stopbandAttenuationDb());
        double s1 = 1 + f0;
        for (int it = 0; it < 20 && f0 != 0; it++) {
            double f1 = dcError(k, nominal * s1, width, spec.stopbandAttenuationDb());
            if (Math.abs(f1) < 1e-14 || f1 == f0) {
                break;
            }
            double s2 = s1 - f1 * (s1 - s0) / (f1 - f0);
            s0 = s1;
            f0 = f1;
            s1 = s2;
        }
        LowPassFir fir = LowPassFir.design(nominal * s1, width, spec.stopbandAttenuationDb());
        return new NoiseDesign(spec, new RealisedBand(fir, spec.bandwidth(), k, width / nominal * spec.bandwidth()));
    }

    /** Default design for nominal bandwidth Δf (Hz). */
    public static NoiseDesign of(double bandwidth) {
        return of(NoiseSpec.of(bandwidth));
    }

    /** g(0) − 1 for the FIR with cutoff ν_c: c·A(0)² − 1, c = 3/(K(2r₀ + r₁)) (sinc⁴(0) = 1). */
    private static double dcError(int k, double cutoff, double width, double db) {
        LowPassFir fir = LowPassFir.design(cutoff, width, db);
        double c = 3.0 / (k * (2 * fir.autocorrelation(0) + fir.autocorrelation(1)));
        return c * fir.power(0) - 1;
    }

    public NoiseSpec spec() {
        return spec;
    }

    /** The exact realised band shape g of the injected waveform. */
    @Override
    public RealisedBand band() {
        return band;
    }

    /** Grid step h = 1/(2KΔf) (s). */
    @Override
    public double gridStep() {
        return band.gridStep();
    }

    /** c·A(fh)²: the grid values' one-sided PSD relative to S0 (see {@link RealisedBand}). */
    @Override
    public double gridSpectrum(double f) {
        return band.normalisation() * band.fir().power(f * band.gridStep());
    }

    /** σ (V) for the given S0 (V²/Hz): σ = √(S0·c·K·Δf). */
    public double sampleScale(double s0) {
        checkS0(s0);
        return Math.sqrt(s0 * band.normalisation() * spec.oversampling() * spec.bandwidth());
    }

    /** Variance of the grid values, σ²r₀ (V²); slightly above S0·Δf because interpolation smooths. */
    public double gridVariance(double s0) {
        double sigma = sampleScale(s0);
        return sigma * sigma * band.fir().autocorrelation(0);
    }

    /**
     * Covariance of grid values l steps apart, σ²·r_l (V²), zero for |l| ≥ N.
     */
    public double gridCovariance(double s0, int lag) {
        double sigma = sampleScale(s0);
        return sigma * sigma * band.fir().autocorrelation(lag);
    }

    @Override
    public double gridCovariance(int lag) {
        return gridCovariance(1, lag);
    }

    /** Time-averaged mean square of the interpolated waveform, S0·Δf (V²). */
    public double meanSquare(double s0) {
        checkS0(s0);
        return s0 * spec.bandwidth();
    }

    /** A new grid generator for one stream; S0 = 4kTR in V²/Hz. */
    public NoiseGrid grid(double s0, StreamKey key) {
        return new NoiseGrid(band.fir(), sampleScale(s0), gridStep(), key);
    }

    /** A new interpolated waveform with {@link NoiseWaveform#DEFAULT_HISTORY} grid steps of history. */
    @Override
    public NoiseWaveform waveform(double s0, StreamKey key) {
        return waveform(s0, key, NoiseWaveform.DEFAULT_HISTORY);
    }

    /** A new interpolated waveform retaining at least {@code history} grid values for look-back. */
    @Override
    public NoiseWaveform waveform(double s0, StreamKey key, int history) {
        return new NoiseWaveform(grid(s0, key), history);
    }

    private static void checkS0(double s0) {
        if (!(s0 >= 0) || Double.isInfinite(s0)) {
            throw new IllegalArgumentException("S0 must be finite and >= 0 (V^2/Hz): " + s0);
        }
    }

    @Override
    public String toString() {
        return "NoiseDesign[" + spec + ", " + band.describe() + "]";
    }
}

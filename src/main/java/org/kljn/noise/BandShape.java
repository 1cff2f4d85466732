package org.kljn.noise;

/**
 * One-sided power band shape g(f) of a noise generator: its one-sided voltage PSD is
 * S(f) = S0·g(f) with S0 = 4kTR (V²/Hz), so its mean square is S0·∫₀^∞ g(f) df = S0·{@link #noiseBandwidth()}.
 *
 * <p>Implementations are immutable and thread-safe. Both the nominal shape of the paper
 * ({@link #brickWall(double)}) and the shape actually realised by the injected transient waveform
 * ({@link RealisedBand}, obtained from {@link NoiseDesign#band()}) implement this, so the exact (AC) analysis can
 * integrate |H(f)|²·S0·g(f) with the very same g that the transient noise has.
 */
public interface BandShape {

    /**
     * Default tail fraction for {@link #upperFrequency()}: the power above the upper frequency is at most this
     * fraction of the total, ∫_{f_u}^∞ g df ≤ 1e-9 · ∫₀^∞ g df.
     */
    double TAIL_FRACTION = 1e-9;

    /** Dimensionless power gain g(f) ≥ 0 at frequency f ≥ 0 (Hz, one-sided). */
    double gain(double f);

    /** Equivalent noise bandwidth ∫₀^∞ g(f) df (Hz), exact (closed form, not a numerical integral). */
    double noiseBandwidth();

    /**
     * Frequency f_u (Hz) with ∫_{f_u}^∞ g df ≤ tailFraction·{@link #noiseBandwidth()} (a rigorous bound), i.e. a
     * safe upper limit for numerical integration of g times any |H|² ≤ 1.
     */
    double upperFrequency(double tailFraction);

    /** {@link #upperFrequency(double)} at the default {@link #TAIL_FRACTION}. */
    default double upperFrequency() {
        return upperFrequency(TAIL_FRACTION);
    }

    /** Short human-readable description, including the parameters. */
    String describe();

    /** The paper's nominal shape: g = 1 on [0, Δf], 0 above (noise bandwidth Δf). */
    static BandShape brickWall(double bandwidth) {
        return new BrickWall(bandwidth);
    }

    /**
     * The shape realised by the transient noise designed for nominal bandwidth Δf with default filter parameters
     * and the given oversampling (shortcut for {@code NoiseDesign.of(NoiseSpec.of(Δf).withOversampling(K)).band()}).
     */
    static RealisedBand realised(double bandwidth, int oversampling) {
        return NoiseDesign.of(NoiseSpec.of(bandwidth).withOversampling(oversampling)).band();
    }
}

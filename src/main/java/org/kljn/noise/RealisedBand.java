package org.kljn.noise;

import org.kljn.io.Units;

/**
 * The exact band shape of the continuous waveform y(t) = Σ_k w_k Λ((t − kh)/h) that ngspice sees, where the grid
 * values w_k = σ·Σ_j b_j n_{k−j} are iid N(0,1) samples n filtered by the FIR b (see {@link NoiseGrid}).
 *
 * <p>y is cyclostationary; its time-averaged one-sided PSD (the one that sets the time-averaged mean square of any
 * linear time-invariant circuit's response) is the sampled-process spectrum times the triangle's power spectrum:
 * <pre>
 *   S_y(f) = 2·(1/h)·σ²|FIR(e^{j2πfh})|²·|h·sinc²(fh)|² = 2σ²h·A(fh)²·sinc⁴(fh),   f ≥ 0.
 * </pre>
 * A(ν)² is periodic with period 1 in ν = fh, so this single expression already contains every image m/h ± f of the
 * pass band (m = ±1, ±2, ...), each attenuated by sinc⁴; nothing needs to be summed separately. With
 * S_y = S0·g this gives
 * <pre>
 *   g(f) = c·A(fh)²·sinc⁴(fh),   c = 3 / (K·(2r₀ + r₁)),
 * </pre>
 * where r_l are the tap autocorrelations. c follows from the exact identity
 * ∫_{−∞}^{∞} A(fh)² sinc⁴(fh) df = (2r₀ + r₁)/(3h) (Parseval with the triangle autocorrelation: 2/3 at lag 0,
 * 1/6 at lags ±1), which makes ∫₀^∞ g df = Δf = 1/(2Kh) exactly; equivalently the time-averaged mean square
 * σ²(2r₀ + r₁)/3 of the interpolated waveform equals S0·Δf (paper eq. 2).
 *
 * <p>Immutable and thread-safe. Obtain it from {@link NoiseDesign#band()}.
 */
public final class RealisedBand implements BandShape {

    private final LowPassFir fir;
    private final double bandwidth;
    private final int oversampling;
    private final double h;
    private final double c;
    private final double transitionWidth;   // Hz
    private final double passbandDeviation;
    private final double firStopbandPower;
    private final double maxImageGain;

    RealisedBand(LowPassFir fir, double bandwidth, int oversampling, double transitionWidth) {
        this.fir = fir;
        this.bandwidth = bandwidth;
        this.oversampling = oversampling;
        this.h = 1.0 / (2.0 * oversampling * bandwidth);
        this.c = 3.0 / (oversampling * (2 * fir.autocorrelation(0) + fir.autocorrelation(1)));
        this.transitionWidth = transitionWidth;
        // Measured figures of merit on dense grids (design-time only).
        double dev = 0;
        double fp = passbandEdge();
        for (int i = 0; i <= 20_000; i++) {
            dev = Math.max(dev, Math.abs(gain(fp * i / 20_000) - 1));
        }
        this.passbandDeviation = dev;
        double a0 = fir.power(0);
        double stop = 0;
        double nuS = stopbandEdge() * h;
        for (int i = 0; i <= 20_000; i++) {
            stop = Math.max(stop, fir.power(nuS + (0.5 - nuS) * i / 20_000) / a0);
        }
        this.firStopbandPower = stop;
        double img = 0;
        double fs = 1 / h;
        for (int i = 0; i <= 60_000; i++) {
            img = Math.max(img, gain(stopbandEdge() + (3 * fs - stopbandEdge()) * i / 60_000));
        }
        this.maxImageGain = img;
    }

    /** g(f) = c·A(fh)²·sinc⁴(fh) for f ≥ 0 (and its even extension for f &lt; 0). */
    @Override
    public double gain(double f) {
        double nu = f * h;
        double a = fir.amplitude(nu);
        double s = LowPassFir.sinc(nu);
        s *= s;
        return c * a * a * s * s;
    }

    /** (c/h)·(2r₀ + r₁)/6, which equals Δf = 1/(2Kh) by the choice of c (up to rounding). */
    @Override
    public double noiseBandwidth() {
        return c * (2 * fir.autocorrelation(0) + fir.autocorrelation(1)) / (6 * h);
    }

    /**
     * f_u = (M + ½)/h with M ≥ 1 the least integer satisfying the rigorous tail bound
     * <pre>
     *   ∫_{f_u}^∞ g df ≤ (c/h)·Q/(3π⁴M³) ≤ ε·Δf,   Q = ∫₀¹ A(ν)² sin⁴(πν) dν = (3r₀ − 4r₁ + r₂)/8,
     * </pre>
     * from sinc⁴(ν) ≤ sin⁴(πν)/(π(m − ½))⁴ on the period [m − ½, m + ½] and Σ_{m&gt;M}(m − ½)^{−4} ≤ 1/(3M³).
     */
    @Override
    public double upperFrequency(double tailFraction) {
        if (!(tailFraction > 0 && tailFraction < 1)) {
            throw new IllegalArgumentException("tailFraction must be in (0, 1): " + tailFraction);
        }
        double q = (3 * fir.autocorrelation(0) - 4 * fir.autocorrelation(1) + fir.autocorrelation(2)) / 8;
        double m3 = c * q / (h * 3 * Math.pow(Math.PI, 4) * tailFraction * noiseBandwidth());
        long m = Math.max(1, (long) Math.ceil(Math.cbrt(m3)));
        return (m + 0.5) / h;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "realised band: FIR %d taps (Kaiser beta %.3f, sinc^-2"
                        + " compensated), grid h = %s (K = %d), noise bandwidth %s, passband 0..%s flat to %.2g, FIR stop"
                        + " band %.2g, images <= %.2g",
                fir.length(), fir.beta(), Units.si(h, "s"), oversampling, Units.si(noiseBandwidth(), "Hz"),
                Units.si(passbandEdge(), "Hz"), passbandDeviation, firStopbandPower, maxImageGain);
    }

    /** Nominal bandwidth Δf (Hz). */
    public double bandwidth() {
        return bandwidth;
    }

    /** Grid step h (s). */
    public double gridStep() {
        return h;
    }

    /** The constant c in g = c·A²·sinc⁴. */
    public double normalisation() {
        return c;
    }

    /** The FIR. */
    public LowPassFir fir() {
        return fir;
    }

    /** Upper edge of the pass band, ν_c/h − (transition width)/2 (Hz). */
    public double passbandEdge() {
        return fir.cutoff() / h - transitionWidth / 2;
    }

    /** Lower edge of the FIR stop band, ν_c/h + (transition width)/2 (Hz). */
    public double stopbandEdge() {
        return fir.cutoff() / h + transitionWidth / 2;
    }

    /** Measured max |g(f) − 1| over [0, {@link #passbandEdge()}]. */
    public double passbandDeviation() {
        return passbandDeviation;
    }

    /** Measured max of A(ν)²/A(0)² over the discrete-time stop band [stopbandEdge·h, ½]. */
    public double firStopbandPower() {
        return firStopbandPower;
    }

    /** Measured max of g(f) for f in [stopbandEdge, 3/h]: the first interpolation images near m/h ± Δf. */
    public double maxImageGain() {
        return maxImageGain;
    }
}

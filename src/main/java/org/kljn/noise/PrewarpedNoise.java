package org.kljn.noise;

import org.kljn.io.Units;

/**
 * Injected noise pre-warped for a trapezoidal solver that takes exactly one step per grid interval h: a grid
 * sequence u_n whose spectrum undoes the solver's frequency warping and the window averages' weighting, so that
 * every time-averaged product of the solver's probes has exactly the expectation of the continuous-time loop
 * driven by the band {@link #band()}, at any step.
 *
 * <p>Derivation (the claim {@code TrapezoidModel} checks). The trapezoidal rule with equal steps h on a linear
 * circuit is the bilinear transform: at the solver points the probes are u_n filtered by the continuous transfer
 * function at f_w = tan(πfh)/(πh). Averaging x·y linear between points weights the spectrum by
 * w(ν) = (2 + cos 2πν)/3, ν = fh. With the grid values' one-sided PSD S_u(f),
 * <pre>
 *   E[x y] = ∫_0^{1/(2h)} S_u(f) w Re[H_x conj H_y](f_w) df = ∫_0^∞ S_u(f(f_w)) w cos²(πν) Re[H_x conj H_y](f_w) df_w,
 * </pre>
 * (df_w/df = 1/cos²(πν) = 1 + (πf_w h)²). So the band the solver's moments see is
 * g(f_w) = S_u(f) w(ν) cos²(πν) / S0. The design asks for g = 1 on [0, Δf]: the FIR's ideal amplitude is
 * D(ν) = 1/√(w(ν) cos²(πν)) up to the discrete edge ν_e = atan(πΔf h)/π, Kaiser-windowed
 * ({@link LowPassFir}); the band integrated by the exact analysis is the REALISED one, computed from the taps,
 * g(f_w) = 2h·a·A(ν)²·w(ν)·cos²(πν), where a = σ²/S0 (the grid values' variance per unit S0 is a·r₀) is set so
 * that ∫_0^∞ g df_w = a(2r₀ + r₁)/3 = Δf exactly (the mean square of paper eq. 2), and the cut-off is trimmed so
 * that g(0) = 1.
 *
 * <p>What it does not fix: the sequence holds only the degrees of freedom of its discrete band, f_e = ν_e/h &lt; Δf,
 * so the time average of a product fluctuates more than in continuous time: its variance rate is
 * ∫ Q(f_w)·J(f_w) df_w against ∫ Q df_w, J = 1 + (πf_w h)² and Q the product's variance density (the analysis
 * package computes that inflation). This class knows nothing of circuits: only Δf, h and the target band.
 *
 * <p>Immutable and thread-safe; design takes a few ms.
 */
public final class PrewarpedNoise implements InjectedNoise {
    /** Stop-band attenuation of the FIR (dB), as {@link NoiseSpec}'s default. */
    static final double ATTENUATION_DB = 80;
    /** Transition width in f_w as a fraction of Δf (as {@link NoiseSpec}'s default). */
    static final double TRANSITION_FRACTION = 0.2;

    private final double bandwidth;
    private final int gridPerNyquist;
    private final double h;
    private final LowPassFir fir;
    private final double a;
    private final Band band;

    private PrewarpedNoise(double bandwidth, int gridPerNyquist, LowPassFir fir) {
        this.bandwidth = bandwidth;
        this.gridPerNyquist = gridPerNyquist;
        this.h = 1 / (2.0 * gridPerNyquist * bandwidth);
        this.fir = fir;
        this.a = 3 * bandwidth / (2 * fir.autocorrelation(0) + fir.autocorrelation(1));
        this.band = new Band();
    }

    /**
     * The design for band Δf with K grid points (= solver steps) per Nyquist interval 1/(2Δf): h = 1/(2KΔf).
     */
    public static PrewarpedNoise of(double bandwidth, int gridPerNyquist) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite: " + bandwidth);
        }
        if (gridPerNyquist < 1 || gridPerNyquist > 64) {
            throw new IllegalArgumentException("grid points per Nyquist interval must be 1 to 64: " + gridPerNyquist);
        }
        double h = 1 / (2.0 * gridPerNyquist * bandwidth);
        double edge = warpedToDiscrete(bandwidth, h);
        // the transition 0.2·Δf wide in f_w: Δν = 0.2·Δf·h/J(Δf), J = df_w/(dν/h) = 1 + (πΔf h)²
        double width = TRANSITION_FRACTION * bandwidth * h / (1 + Math.pow(Math.PI * bandwidth * h, 2));
        // secant on the cut-off for g(0) = 1 (the half-amplitude point sits a little above the edge, as in NoiseDesign)
        double s0 = 1;
        double f0 = dcError(edge, width, gridPerNyquist);
        double s1 = 1 + Math.max(f0, 0.01);
        for (int it = 0; it < 20 && f0 != 0; it++) {
            double f1 = dcError(edge * s1, width, gridPerNyquist);
            if (Math.abs(f1) < 1e-13 || f1 == f0) {
                break;
            }
            double s2 = s1 - f1 * (s1 - s0) / (f1 - f0);
            s0 = s1;
            f0 = f1;
            s1 = s2;
        }
        return new PrewarpedNoise(bandwidth, gridPerNyquist, fir(edge * s1, width));
    }

    private static LowPassFir fir(double cutoff, double width) {
        if (!(cutoff + width / 2 < 0.5)) {
            throw new IllegalArgumentException("pre-warped band edge " + cutoff + " cycles/sample leaves no room below"
                    + " the grid's Nyquist frequency");
        }
        return LowPassFir.design(cutoff, width, ATTENUATION_DB, nu -> 1 / Math.sqrt(weight(nu)));
    }

    /** g(0) − 1 = 3A(0)²/(K(2r₀ + r₁)) − 1. */
    private static double dcError(double cutoff, double width, int k) {
        LowPassFir f = fir(cutoff, width);
        return 3 * f.power(0) / (k * (2 * f.autocorrelation(0) + f.autocorrelation(1))) - 1;
    }

    /** w(ν)·cos²(πν): the window average's weight times the bilinear transform's Jacobian. */
    static double weight(double nu) {
        double c = Math.cos(Math.PI * nu);
        return (2 + Math.cos(2 * Math.PI * nu)) / 3 * c * c;
    }

    /** ν = atan(πf_w h)/π: the discrete frequency (cycles per step) the solver maps to f_w. */
    static double warpedToDiscrete(double fw, double h) {
        return Math.atan(Math.PI * fw * h) / Math.PI;
    }

    /** Nominal bandwidth Δf (Hz). */
    public double bandwidth() {
        return bandwidth;
    }

    /** Grid points (= solver steps) per Nyquist interval, K. */
    public int gridPerNyquist() {
        return gridPerNyquist;
    }

    /** The discrete band edge f_e = atan(πΔf h)/(πh) &lt; Δf (Hz): the sequence's degrees of freedom per second. */
    public double discreteBandEdge() {
        return warpedToDiscrete(bandwidth, h) / h;
    }

    /** The FIR. */
    public LowPassFir fir() {
        return fir;
    }

    @Override
    public double gridStep() {
        return h;
    }

    @Override
    public BandShape band() {
        return band;
    }

    /** S_u(f)/S0 = 2h·a·A(fh)². */
    @Override
    public double gridSpectrum(double f) {
        return 2 * h * a * fir.power(f * h);
    }

    /** a·r_lag for S0 = 1 V²/Hz. */
    @Override
    public double gridCovariance(int lag) {
        return a * fir.autocorrelation(lag);
    }

    @Override
    public NoiseWaveform waveform(double s0, StreamKey key, int history) {
        if (!(s0 >= 0) || Double.isInfinite(s0)) {
            throw new IllegalArgumentException("S0 must be finite and >= 0 (V^2/Hz): " + s0);
        }
        return new NoiseWaveform(new NoiseGrid(fir, Math.sqrt(s0 * a), h, key), history);
    }

    @Override
    public String toString() {
        return "PrewarpedNoise[" + band.describe() + "]";
    }

    /** The realised band in warped (continuous-time) frequency f_w. */
    private final class Band implements BandShape {
        /** The last {@link #upperFrequency} asked for, {tailFraction, f_u}: the scan costs ~40,000 FIR evaluations. */
        private volatile double[] lastUpper;

        /** g(f_w) = 2h·a·A(ν)²·w(ν)·cos²(πν), ν = atan(πf_w h)/π. */
        @Override
        public double gain(double f) {
            double nu = warpedToDiscrete(Math.abs(f), h);
            return 2 * h * a * fir.power(nu) * weight(nu);
        }

        /** a(2r₀ + r₁)/3 = Δf by the choice of a (Parseval: ∫_{−½}^{½} A² w dν). */
        @Override
        public double noiseBandwidth() {
            return a * (2 * fir.autocorrelation(0) + fir.autocorrelation(1)) / 3;
        }

        /**
         * The tail above f_u = tan(πν₁)/(πh) is ∫_{ν₁}^{½} 2a·A²·w dν ≤ 2a·max_{[ν₁,½]}A² · ((2/3)(½ − ν₁) −
         * sin(2πν₁)/(6π)); ν₁ is the lowest point of a dense grid (the maximum taken over the grid with 1 %
         * margin for peaks between its points) where that bound is within the fraction.
         */
        @Override
        public double upperFrequency(double tailFraction) {
            if (!(tailFraction > 0 && tailFraction < 1)) {
                throw new IllegalArgumentException("tailFraction must be in (0, 1): " + tailFraction);
            }
            double[] last = lastUpper;
            if (last != null && last[0] == tailFraction) {
                return last[1];
            }
            int n = 40_000;
            double max = 0;
            double nu1 = 0.5 - 0.5 / n;
            for (int i = n - 1; i >= 1; i--) {
                double nu = 0.5 * i / n;
                max = Math.max(max, fir.power(nu));
                double tail = 2 * a * 1.01 * max * ((2.0 / 3) * (0.5 - nu) - Math.sin(2 * Math.PI * nu) / (6 * Math.PI));
                if (tail > tailFraction * noiseBandwidth()) {
                    break;
                }
                nu1 = nu;
            }
            double fu = Math.tan(Math.PI * nu1) / (Math.PI * h);
            lastUpper = new double[] {tailFraction, fu};
            return fu;
        }

        @Override
        public String describe() {
            double dev = 0;
            for (int i = 0; i <= 2000; i++) {
                dev = Math.max(dev, Math.abs(gain(0.9 * bandwidth * i / 2000) - 1));
            }
            return String.format(java.util.Locale.ROOT, "pre-warped band: FIR %d taps (Kaiser beta %.3f) for one"
                            + " trapezoidal step per grid point, h = %s (K = %d), noise bandwidth %s, flat to"
                            + " %.2g on 0..0.9 bandwidth; discrete band edge %s", fir.length(), fir.beta(),
                    Units.si(h, "s"), gridPerNyquist, Units.si(noiseBandwidth(), "Hz"), dev,
                    Units.si(discreteBandEdge(), "Hz"));
        }
    }
}

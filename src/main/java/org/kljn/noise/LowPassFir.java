package org.kljn.noise;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Symmetric (type I, linear-phase) low-pass FIR b₀..b_{N−1}, N = 2M+1, designed by the window method: the ideal
 * zero-phase response D(ν) is sampled by its inverse DTFT, d_n = 2∫₀^{ν_c} D(ν) cos(2πνn) dν, and tapered by a Kaiser
 * window (Kaiser's formulas: β = 0.1102(A−8.7) for A &gt; 50 dB, 2M = (A−8)/(2.285·Δω)). Frequencies ν are in cycles
 * per grid sample (ν = f·h).
 *
 * <p>The ideal pass-band response is D(ν) = 1/sinc²(ν) (sinc x = sin πx/πx) rather than 1: it pre-compensates the
 * sinc⁴(fh) power droop of linear interpolation between grid values (the spectrum of the triangle pulse Λ(t/h) is
 * h·sinc²(fh)), so that the continuous waveform that ngspice sees is flat over the pass band.
 *
 * <p>Immutable. The zero-phase amplitude A(ν) = Σ_n b_n cos(2πν(n−M)) is evaluated by Clenshaw's recurrence on the
 * Chebyshev form Σ_k a_k T_k(cos 2πν), a_0 = b_M, a_k = 2b_{M+k}.
 */
public final class LowPassFir {

    private final double[] taps;
    private final double[] chebyshev;   // a_k, k = 0..M
    private final double[] autocorr;    // r_l = Σ_n b_n b_{n+l}, l = 0..N−1
    private final double cutoff;
    private final double beta;

    private LowPassFir(double[] taps, double cutoff, double beta) {
        this.taps = taps;
        this.cutoff = cutoff;
        this.beta = beta;
        int m = taps.length / 2;
        chebyshev = new double[m + 1];
        chebyshev[0] = taps[m];
        for (int k = 1; k <= m; k++) {
            chebyshev[k] = 2 * taps[m + k];
        }
        autocorr = new double[taps.length];
        for (int l = 0; l < taps.length; l++) {
            double s = 0;
            for (int n = 0; n + l < taps.length; n++) {
                s += taps[n] * taps[n + l];
            }
            autocorr[l] = s;
        }
    }

    /**
     * Kaiser-windowed, interpolation-compensated low-pass.
     *
     * @param cutoff             ν_c, cycles per sample, in (0, 0.5): centre of the transition band
     * @param transitionWidth    full transition width, cycles per sample
     * @param attenuationDb      stop-band attenuation A (dB)
     */
    public static LowPassFir design(double cutoff, double transitionWidth, double attenuationDb) {
        return design(cutoff, transitionWidth, attenuationDb, nu -> 1 / sq(sinc(nu)));
    }

    /**
     * Kaiser-windowed low-pass with the ideal pass-band amplitude D(ν) on [0, ν_c] (zero above): the taps are the
     * windowed inverse DTFT d_n = 2∫₀^{ν_c} D(ν) cos(2πνn) dν (frequency sampling in the limit of a dense grid).
     *
     * @param desired D(ν), smooth and finite on [0, ν_c]
     */
    static LowPassFir design(double cutoff, double transitionWidth, double attenuationDb,
            java.util.function.DoubleUnaryOperator desired) {
        if (!(cutoff > 0 && cutoff < 0.5)) {
            throw new IllegalArgumentException("cutoff must be in (0, 0.5) cycles/sample: " + cutoff);
        }
        double dw = 2 * Math.PI * transitionWidth;
        int m = Math.max(1, (int) Math.ceil((attenuationDb - 8) / (2.285 * dw) / 2));
        double beta = kaiserBeta(attenuationDb);
        double i0Beta = besselI0(beta);
        double[] taps = new double[2 * m + 1];
        // Composite 16-point Gauss-Legendre on [0, ν_c]: each panel spans at most ~4 rad of the cosine's phase,
        // where 16 nodes integrate the smooth integrand to rounding.
        int panels = Math.max(4, (int) Math.ceil(2 * Math.PI * m * cutoff / 4));
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        GaussIntegrator[] rules = new GaussIntegrator[panels];
        for (int p = 0; p < panels; p++) {
            rules[p] = factory.legendre(16, cutoff * p / panels, cutoff * (p + 1) / panels);
        }
        for (int n = 0; n <= m; n++) {
            final int lag = n;
            double d = 0;
            for (GaussIntegrator rule : rules) {
                d += rule.integrate(nu -> Math.cos(2 * Math.PI * nu * lag) * desired.applyAsDouble(nu));
            }
            d *= 2;
            double x = (double) n / m;
            double w = besselI0(beta * Math.sqrt(Math.max(0, 1 - x * x))) / i0Beta;
            taps[m + n] = d * w;
            taps[m - n] = d * w;
        }
        return new LowPassFir(taps, cutoff, beta);
    }

    /**
     * The one-tap filter b = [1]: grid values are the white samples themselves (|FIR|² = 1 at every ν). Used for
     * noise sampled at the Nyquist rate of its band ({@link NyquistNoise}), where no low-pass is possible.
     */
    static LowPassFir identity() {
        return new LowPassFir(new double[] {1.0}, 0.5, 0);
    }

    /** Kaiser's empirical β for stop-band attenuation A dB. */
    static double kaiserBeta(double a) {
        if (a > 50) {
            return 0.1102 * (a - 8.7);
        }
        if (a >= 21) {
            return 0.5842 * Math.pow(a - 21, 0.4) + 0.07886 * (a - 21);
        }
        return 0;
    }

    /** Modified Bessel function I₀(x) by its power series Σ ((x/2)^k / k!)², converging for all x. */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }

    /** sinc x = sin(πx)/(πx), sinc 0 = 1. */
    public static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static double sq(double x) {
        return x * x;
    }

    /** Number of taps N = 2M+1. */
    public int length() {
        return taps.length;
    }

    /** Copy of the taps b₀..b_{N−1} (symmetric). */
    public double[] taps() {
        return taps.clone();
    }

    double tap(int n) {
        return taps[n];
    }

    /** Design cutoff ν_c (cycles per sample). */
    public double cutoff() {
        return cutoff;
    }

    /** Kaiser window β. */
    public double beta() {
        return beta;
    }

    /** Zero-phase amplitude A(ν) = Σ_n b_n cos(2πν(n−M)); |FIR(e^{j2πν})|² = A(ν)². */
    public double amplitude(double nu) {
        double x = Math.cos(2 * Math.PI * nu);
        double b1 = 0;
        double b2 = 0;
        for (int k = chebyshev.length - 1; k >= 1; k--) {
            double b0 = chebyshev[k] + 2 * x * b1 - b2;
            b2 = b1;
            b1 = b0;
        }
        return chebyshev[0] + x * b1 - b2;
    }

    /** Power response |FIR(e^{j2πν})|² = A(ν)². */
    public double power(double nu) {
        double a = amplitude(nu);
        return a * a;
    }

    /**
     * Tap autocorrelation r_l = Σ_n b_n b_{n+l} (0 for |l| ≥ N); the Fourier coefficients of |FIR|²:
     * |FIR(e^{j2πν})|² = Σ_l r_l e^{−j2πνl}.
     */
    public double autocorrelation(int lag) {
        int l = Math.abs(lag);
        return l < autocorr.length ? autocorr[l] : 0;
    }
}

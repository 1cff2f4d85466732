package org.kljn.analysis.finitebit;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.kljn.analysis.closedform.LoopTransfer;
import org.kljn.analysis.closedform.TwoPort;

import java.util.function.DoubleFunction;

/**
 * A pure-Java Monte Carlo of the KLJN loop's Gaussian probe process, independent of ngspice and of the
 * distribution code: the two generators' noises are synthesised in the frequency domain (brick-wall band
 * [0, Δf], or a band shape g(f) up to a given frequency: independent Gaussian Fourier coefficients of variance
 * S_g·g/P on bins n/P of a long period P), the probes
 * follow from the closed-form transfer functions ({@link LoopTransfer} with a {@link TwoPort} cable), an inverse
 * FFT (two real probes per complex transform) gives them in time, and each bit window of τ (separated by a gap)
 * yields the per-bit statistics by Simpson's rule on the samples. Windows far apart in a period of thousands of
 * windows have the stationary covariance up to R(Δ + P) ~ 1/(π Δf P), negligible.
 */
final class GaussianLoopMonteCarlo {
    /** Statistics per window: bsy, secondLaw, current, <U_A²>, <U_B²>. */
    static final int BSY = 0, SECOND_LAW = 1, CURRENT = 2, UA2 = 3, UB2 = 4;

    private GaussianLoopMonteCarlo() {
    }

    /**
     * @param resistanceA  R_A, ohms
     * @param resistanceB  R_B, ohms
     * @param psdA         one-sided PSD of Alice's generator, V²/Hz
     * @param psdB         Bob's
     * @param cable        the cable's two-port at angular frequency ω
     * @param bandwidth    Δf, Hz
     * @param sampleRate   samples per second (τ × rate must be an even integer)
     * @param tau          bit window, s
     * @param windows      number of bits
     * @param seed         random seed
     * @return [window][statistic]
     */
    static double[][] run(double resistanceA, double resistanceB, double psdA, double psdB,
            DoubleFunction<TwoPort> cable, double bandwidth, double sampleRate, double tau, int windows, long seed) {
        return run(resistanceA, resistanceB, psdA, psdB, cable, f -> 1, bandwidth, sampleRate, tau, windows, seed);
    }

    /**
     * The same for generators of band shape {@code gain} (one-sided PSD S_g·g(f)) up to {@code topFrequency} (at most
     * half the sample rate); g = 1 up to Δf is the brick wall of the other overload.
     */
    static double[][] run(double resistanceA, double resistanceB, double psdA, double psdB,
            DoubleFunction<TwoPort> cable, java.util.function.DoubleUnaryOperator gain, double topFrequency,
            double sampleRate, double tau, int windows, long seed) {
        if (topFrequency > sampleRate / 2) {
            throw new IllegalArgumentException("the band must end below half the sample rate");
        }
        double bandwidth = topFrequency;
        int perWindow = (int) Math.round(tau * sampleRate);
        if (perWindow % 2 != 0 || Math.abs(perWindow - tau * sampleRate) > 1e-9) {
            throw new IllegalArgumentException("tau * sampleRate must be an even integer");
        }
        int gap = Math.max(2, perWindow / 5);
        int length = 1 << 17;
        int stride = perWindow + gap;
        int perBlock = (length - perWindow) / stride;
        double period = length / sampleRate;
        int bins = (int) Math.floor(bandwidth * period);
        // transfer functions on the bins (closed form)
        double[][][] hRe = new double[2][4][bins + 1];
        double[][][] hIm = new double[2][4][bins + 1];
        for (int n = 1; n <= bins; n++) {
            double omega = 2 * Math.PI * n / period;
            LoopTransfer t = LoopTransfer.of(resistanceA, resistanceB, cable.apply(omega));
            LoopTransfer.Response[] from = {t.fromAlice(), t.fromBob()};
            for (int g = 0; g < 2; g++) {
                Complex[] h = {from[g].voltageA(), from[g].voltageB(), from[g].currentA(), from[g].currentB()};
                for (int p = 0; p < 4; p++) {
                    hRe[g][p][n] = h[p].getReal();
                    hIm[g][p][n] = h[p].getImaginary();
                }
            }
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x5DEECE66DL});
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] sd = {Math.sqrt(psdA / period), Math.sqrt(psdB / period)};
        double[] amplitude = new double[bins + 1];
        for (int n = 1; n <= bins; n++) {
            amplitude[n] = Math.sqrt(gain.applyAsDouble(n / period));
        }
        double[][] out = new double[windows][5];
        double[][] re = new double[2][length];
        double[][] im = new double[2][length];
        double[][] z = new double[4][];
        double[] weight = new double[perWindow + 1];
        for (int i = 0; i <= perWindow; i++) {
            weight[i] = (i == 0 || i == perWindow ? 1 : (i % 2 == 1 ? 4 : 2)) / (3.0 * perWindow);
        }
        int done = 0;
        while (done < windows) {
            for (int pair = 0; pair < 2; pair++) {
                java.util.Arrays.fill(re[pair], 0);
                java.util.Arrays.fill(im[pair], 0);
            }
            for (int n = 1; n <= bins; n++) {
                // generator coefficient N_g = a − i b, a, b ~ N(0, S_g/P); probe coefficient C_p = Σ_g N_g H_gp;
                // z_p(t) = Re Σ_n C_p,n e^{2πi n t/P}: Hermitian spectrum Y[n] = C/2, Y[L−n] = conj(C)/2
                double[] cr = new double[4];
                double[] ci = new double[4];
                for (int g = 0; g < 2; g++) {
                    double a = amplitude[n] * sd[g] * normal.sample();
                    double b = -amplitude[n] * sd[g] * normal.sample();
                    for (int p = 0; p < 4; p++) {
                        cr[p] += a * hRe[g][p][n] - b * hIm[g][p][n];
                        ci[p] += a * hIm[g][p][n] + b * hRe[g][p][n];
                    }
                }
                // pair 0 carries U_A + i U_B, pair 1 carries I_A + i I_B
                for (int pair = 0; pair < 2; pair++) {
                    int p1 = 2 * pair;
                    int p2 = 2 * pair + 1;
                    // Y1 + i Y2 at n and at L − n
                    re[pair][n] = 0.5 * (cr[p1] - ci[p2]);
                    im[pair][n] = 0.5 * (ci[p1] + cr[p2]);
                    re[pair][length - n] = 0.5 * (cr[p1] + ci[p2]);
                    im[pair][length - n] = 0.5 * (-ci[p1] + cr[p2]);
                }
            }
            for (int pair = 0; pair < 2; pair++) {
                inverseFft(re[pair], im[pair]);
            }
            z[0] = re[0];
            z[1] = im[0];
            z[2] = re[1];
            z[3] = im[1];
            for (int w = 0; w < perBlock && done < windows; w++, done++) {
                int start = w * stride;
                double ua2 = 0, ub2 = 0, ia2 = 0, ib2 = 0, uaia = 0, ubib = 0;
                for (int i = 0; i <= perWindow; i++) {
                    int j = start + i;
                    double q = weight[i];
                    double ua = z[0][j], ub = z[1][j], ia = z[2][j], ib = z[3][j];
                    ua2 += q * ua * ua;
                    ub2 += q * ub * ub;
                    ia2 += q * ia * ia;
                    ib2 += q * ib * ib;
                    uaia += q * ua * ia;
                    ubib += q * ub * ib;
                }
                out[done][BSY] = ua2 - ub2;
                out[done][SECOND_LAW] = uaia + ubib;
                out[done][CURRENT] = ia2 - ib2;
                out[done][UA2] = ua2;
                out[done][UB2] = ub2;
            }
        }
        return out;
    }

    /** In-place x_j = Σ_n X_n e^{+2πi nj/L} (no 1/L: the spectrum above already holds the amplitudes). */
    static void inverseFft(double[] re, double[] im) {
        // Commons Math's inverse carries the 1/L of DftNormalization.STANDARD: undo it
        FastFourierTransformer.transformInPlace(new double[][] {re, im}, DftNormalization.STANDARD,
                TransformType.INVERSE);
        int n = re.length;
        for (int i = 0; i < n; i++) {
            re[i] *= n;
            im[i] *= n;
        }
    }
}

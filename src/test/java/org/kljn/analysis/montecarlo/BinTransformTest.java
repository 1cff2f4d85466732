package org.kljn.analysis.montecarlo;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.eavesdropper.LikelihoodRatioDetectorIT;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link BinTransform}'s per-window DFT (a uniform window) and its streaming form (any spacing) against closed forms
 * of the integral, and against each other. Both are exact evaluations of the same integral of the piecewise-linear
 * signal, differing only in floating-point order (a rotation recurrence over N steps against integer-indexed phases
 * and an FFT): their rounding is a few ulps times N (≤ 4000 here) of the transform's norm, below 1e-12 relative,
 * so 1e-12 is the tolerance; a wrong kernel, phase or end correction is an O(1/N) or O(1) error and fails it by
 * orders of magnitude.
 */
class BinTransformTest {
    private static final double TOL = 1e-12;

    /** Half bins (k − ½)/τ, k = first, first + stride, … (count of them). */
    private static double[] halfBins(double tau, int first, int stride, int count) {
        double[] f = new double[count];
        for (int j = 0; j < count; j++) {
            f[j] = LikelihoodRatioDetector.binFrequency(first + j * stride, tau);
        }
        return f;
    }

    /** ∫_0^τ (a + b t) e^{−iωt} dt = a(1 − e^{−iωτ})/(iω) + b(e^{−iωτ}(1 + iωτ) − 1)/ω². */
    private static Complex rampIntegral(double a, double b, double omega, double tau) {
        Complex e = new Complex(Math.cos(omega * tau), -Math.sin(omega * tau));
        Complex constant = Complex.ONE.subtract(e).divide(new Complex(0, omega)).multiply(a);
        Complex linear = e.multiply(new Complex(1, omega * tau)).subtract(1).divide(omega * omega).multiply(b);
        return constant.add(linear);
    }

    /** Feeds x(t) = a + b t, y(t) = c + d t between the given points (t_0 = 0 … t_last = τ). */
    private static void feedRamp(BinTransform t, double[] times, double a, double b, double c, double d) {
        for (int n = 0; n + 1 < times.length; n++) {
            double t0 = times[n], t1 = times[n + 1];
            t.segment(t1 - t0, a + b * t0, c + d * t0, a + b * t1, c + d * t1);
        }
    }

    private static void assertRamp(BinTransform t, double[] f, double tau, double a, double b, double c, double d) {
        double[] ur = t.voltageRe(), ui = t.voltageIm(), ir = t.currentRe(), ii = t.currentIm();
        // scale: the integral of |x| over the window (no transform exceeds it)
        double scaleU = tau * (Math.abs(a) + Math.abs(b) * tau), scaleI = tau * (Math.abs(c) + Math.abs(d) * tau);
        for (int k = 0; k < f.length; k++) {
            Complex u = rampIntegral(a, b, 2 * Math.PI * f[k], tau);
            Complex i = rampIntegral(c, d, 2 * Math.PI * f[k], tau);
            assertEquals(u.getReal(), ur[k], TOL * scaleU, "Re U at bin " + k);
            assertEquals(u.getImaginary(), ui[k], TOL * scaleU, "Im U at bin " + k);
            assertEquals(i.getReal(), ir[k], TOL * scaleI, "Re I at bin " + k);
            assertEquals(i.getImaginary(), ii[k], TOL * scaleI, "Im I at bin " + k);
        }
    }

    private static double[] uniform(int n, double h) {
        double[] t = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            t[j] = j * h;
        }
        return t;
    }

    /** A linear ramp is its own interpolant: every path must give the closed-form integral. */
    @ParameterizedTest(name = "N={0}")
    @ValueSource(ints = {64, 200, 800, 4000})
    void rampOnAUniformWindowIsTheClosedFormByTheDft(int n) {
        double h = 1.25e-4, tau = n * h;
        double[] f = halfBins(tau, 1, Math.max(1, n / 256), Math.min(128, n / 4));
        BinTransform t = new BinTransform(f, h);
        for (int window = 0; window < 2; window++) {
            t.reset();
            feedRamp(t, uniform(n, h), 0.3 - window, 17.0, -2e-3, 0.05);
            assertRamp(t, f, tau, 0.3 - window, 17.0, -2e-3, 0.05);
        }
        assertArrayEquals(new long[] {2, 0}, t.windowCounts(), "both windows by the DFT");
    }

    @Test
    void rampWithEdgesOffTheGridIsTheClosedForm() {
        int n = 400;
        double h = 1e-4, tau = n * h;
        double[] f = halfBins(tau, 1, 1, 100);
        // a start-up sliver of 1e-13 h, then the grid shifted by it; the last step ends on τ (1e-13 short: usual)
        double[] times = new double[n + 2];
        times[1] = 1e-13 * h;
        for (int j = 1; j < n; j++) {
            times[j + 1] = times[1] + j * h;
        }
        times[n + 1] = tau;
        BinTransform t = new BinTransform(f, h);
        feedRamp(t, times, 1.5, -40, 0.2, 3);
        assertRamp(t, f, tau, 1.5, -40, 0.2, 3);
        // and a window ending in a short step (a grid of N − 1 steps, then 0.4 h, then a sliver)
        double[] cut = uniform(n, h);
        cut[n] = tau - 0.6 * h;
        cut = java.util.Arrays.copyOf(cut, n + 2);
        cut[n + 1] = tau;
        double[] cutF = halfBins(tau - 0.6 * h + 0.6 * h, 1, 1, 100);
        BinTransform shortEnd = new BinTransform(cutF, h);
        feedRamp(shortEnd, cut, 1.5, -40, 0.2, 3);
        assertRamp(shortEnd, cutF, tau, 1.5, -40, 0.2, 3);
        // points offset from the window's grid by 2e-8 h (as ngspice leaves them on a line with memory): an odd first
        // step h − δ, N − 1 usual ones, an odd last step δ
        double delta = 2e-8 * h;
        double[] offset = new double[n + 2];
        for (int j = 1; j <= n; j++) {
            offset[j] = j * h - delta;
        }
        offset[n + 1] = tau;
        BinTransform off = new BinTransform(f, h);
        feedRamp(off, offset, 1.5, -40, 0.2, 3);
        assertRamp(off, f, tau, 1.5, -40, 0.2, 3);
        assertArrayEquals(new long[] {1, 0}, off.windowCounts(), "N_τ − 1 steps between two odd edges: the DFT");
        assertEquals(1, t.windowCounts()[0], "the sliver is integrated beside the DFT");
        assertEquals(1, shortEnd.windowCounts()[1], "N − 1 segments are off the bins' grid: streamed");
    }

    /** Irregular points (ngspice's start-up, truncation-error control) and a step split in the middle. */
    @Test
    void rampOnIrregularPointsIsTheClosedFormByTheStream() {
        int n = 300;
        double h = 2e-4, tau = n * h;
        double[] f = halfBins(tau, 1, 1, 75);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        double[] times = new double[n + 1];
        for (int j = 1; j < n; j++) {
            times[j] = j * h + (j < 10 ? 0.3 * h * rng.nextDouble() : 0);
        }
        times[n] = tau;
        BinTransform t = new BinTransform(f, h);
        feedRamp(t, times, -0.7, 5, 1e-3, -0.02);
        assertRamp(t, f, tau, -0.7, 5, 1e-3, -0.02);
        // a uniform window but for one step split in two in the middle
        double[] split = new double[n + 2];
        for (int j = 0; j <= 150; j++) {
            split[j] = j * h;
        }
        split[151] = 150.5 * h;
        for (int j = 151; j <= n; j++) {
            split[j + 1] = j * h;
        }
        t.reset();
        feedRamp(t, split, -0.7, 5, 1e-3, -0.02);
        assertRamp(t, f, tau, -0.7, 5, 1e-3, -0.02);
        // irregular steps before the grid are integrated one by one, then the DFT; a step split mid-window: streamed
        assertArrayEquals(new long[] {1, 1}, t.windowCounts());
        // a gap (the signal jumps between two segments: not one piecewise-linear signal) is streamed as given
        BinTransform gap = new BinTransform(f, h);
        double[] grid = uniform(n, h);
        for (int j = 0; j < n; j++) {
            double jump = j >= 100 ? 1 : 0;
            gap.segment(h, -0.7 + 5 * grid[j] + jump, 1e-3, -0.7 + 5 * grid[j + 1] + jump, 1e-3);
        }
        BinTransform reference = BinTransform.streamingOnly(f, h);
        for (int j = 0; j < n; j++) {
            double jump = j >= 100 ? 1 : 0;
            reference.segment(h, -0.7 + 5 * grid[j] + jump, 1e-3, -0.7 + 5 * grid[j + 1] + jump, 1e-3);
        }
        assertArrayEquals(reference.voltageRe(), gap.voltageRe(), 1e-15 * tau * 5);
        assertArrayEquals(new long[] {0, 1}, gap.windowCounts());
    }

    /**
     * A sampled sinusoid x_n = cos(βn + θ), linear between samples: as a sum of hat functions its transform is
     * h sinc²(φ/2) Σ_{n=1}^{N−1} x_n E^n + h(F0 − F1) x_0 + h F1 E^{N−1} x_N (E = e^{−iφ}, half hats at the ends),
     * and the sum of cosines times E^n is two geometric series: a closed form derived without the segment formula.
     */
    @ParameterizedTest(name = "N={0}")
    @ValueSource(ints = {64, 200, 4000})
    void sampledSinusoidIsTheHatFunctionClosedForm(int n) {
        double h = 1.25e-4, tau = n * h;
        double[] f = halfBins(tau, 1, Math.max(1, n / 256), Math.min(128, n / 4));
        double beta = 2 * Math.PI * 0.1234567, theta = 0.4;
        double[] x = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            x[j] = Math.cos(beta * j + theta);
        }
        BinTransform t = new BinTransform(f, h);
        for (int j = 0; j < n; j++) {
            // the current is the voltage times −2 (a second, independent channel of the packed FFT)
            t.segment(h, x[j], -2 * x[j], x[j + 1], -2 * x[j + 1]);
        }
        double[] ur = t.voltageRe(), ui = t.voltageIm(), ir = t.currentRe(), ii = t.currentIm();
        for (int k = 0; k < f.length; k++) {
            double phi = 2 * Math.PI * f[k] * h;
            Complex e = new Complex(Math.cos(phi), -Math.sin(phi));
            Complex iPhi = new Complex(0, phi);
            Complex f0 = Complex.ONE.subtract(e).divide(iPhi);
            Complex f1 = f0.subtract(e).divide(iPhi);
            double sinc = Math.sin(phi / 2) / (phi / 2);
            Complex sum = Complex.ZERO;
            for (int sign = -1; sign <= 1; sign += 2) {
                // ½ e^{±iθ} Σ_{n=1}^{N−1} q^n, q = e^{i(±β − φ)}: (q − q^N)/(1 − q)
                Complex q = new Complex(0, sign * beta - phi).exp();
                Complex qn = new Complex(0, n * (sign * beta - phi)).exp();
                sum = sum.add(new Complex(0, sign * theta).exp().multiply(q.subtract(qn).divide(Complex.ONE.subtract(q)))
                        .multiply(0.5));
            }
            Complex expected = sum.multiply(h * sinc * sinc).add(f0.subtract(f1).multiply(h * x[0]))
                    .add(f1.multiply(new Complex(0, -phi * (n - 1)).exp()).multiply(h * x[n]));
            double scale = tau;
            assertEquals(expected.getReal(), ur[k], TOL * scale, "Re U at bin " + k);
            assertEquals(expected.getImaginary(), ui[k], TOL * scale, "Im U at bin " + k);
            assertEquals(-2 * expected.getReal(), ir[k], 2 * TOL * scale, "Re I at bin " + k);
            assertEquals(-2 * expected.getImaginary(), ii[k], 2 * TOL * scale, "Im I at bin " + k);
        }
        assertEquals(1, t.windowCounts()[0]);
    }

    /** Both evaluations of the DFT (direct sum, Bluestein) are exercised by the sizes above (N = 64 direct). */
    @Test
    void bothDftPathsAreUsedAtTheTestedSizes() {
        assertTrue(new HalfBinDft(64, new int[16]).direct(), "N = 64, 16 bins: the direct sum");
        assertTrue(!new HalfBinDft(200, new int[50]).direct(), "N = 200, 50 bins: Bluestein");
        assertTrue(!new HalfBinDft(4000, new int[128]).direct(), "N = 4000, 128 bins: Bluestein");
    }

    /**
     * The likelihood-ratio statistic of Gaussian noise windows: the per-window DFT against the streaming form, to
     * 1e-12 of the statistic's scale (|ln det| terms plus the quadratic form), and the transforms to 1e-12 of their
     * norm.
     */
    @ParameterizedTest(name = "M={0} steps/sample={1}")
    @org.junit.jupiter.params.provider.CsvSource({"20, 2", "200, 1", "200, 4", "40, 16", "2000, 2"})
    void statisticAgreesWithTheStreamingForm(int bitSamples, int stepsPerSample) {
        LikelihoodRatioDetector detector = LikelihoodRatioDetectorIT.detector(100, 3e-8, 1, bitSamples);
        double tau = detector.bitDuration();
        int n = bitSamples * stepsPerSample;
        double h = tau / n;
        BinTransform fast = new BinTransform(detector.binFrequencies(), h);
        BinTransform stream = BinTransform.streamingOnly(detector.binFrequencies(), h);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(bitSamples + stepsPerSample);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double c = 0;
        for (double nu : detector.relativeEigenvalues()) {
            c += Math.abs(Math.log1p(nu));
        }
        for (int window = 0; window < 5; window++) {
            fast.reset();
            stream.reset();
            double u = 1e-3 * gauss.sample(), i = 1e-7 * gauss.sample();
            for (int j = 0; j < n; j++) {
                double u1 = 1e-3 * gauss.sample(), i1 = 1e-7 * gauss.sample();
                fast.segment(h, u, i, u1, i1);
                stream.segment(h, u, i, u1, i1);
                u = u1;
                i = i1;
            }
            assertClose(stream.voltageRe(), stream.voltageIm(), fast.voltageRe(), fast.voltageIm());
            assertClose(stream.currentRe(), stream.currentIm(), fast.currentRe(), fast.currentIm());
            double expected = detector.statistic(stream.voltageRe(), stream.voltageIm(), stream.currentRe(),
                    stream.currentIm());
            double actual = detector.statistic(fast.voltageRe(), fast.voltageIm(), fast.currentRe(),
                    fast.currentIm());
            double scale = c + Math.abs(expected + c);
            assertEquals(expected, actual, TOL * scale, "statistic of window " + window);
        }
        assertArrayEquals(new long[] {5, 0}, fast.windowCounts());
        assertArrayEquals(new long[] {0, 5}, stream.windowCounts());
    }

    private static void assertClose(double[] er, double[] ei, double[] ar, double[] ai) {
        double norm = 0;
        for (int k = 0; k < er.length; k++) {
            norm += er[k] * er[k] + ei[k] * ei[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < er.length; k++) {
            assertEquals(er[k], ar[k], TOL * norm, "Re at bin " + k);
            assertEquals(ei[k], ai[k], TOL * norm, "Im at bin " + k);
        }
    }

    /** The series for F0, F1 (stopped once terms are negligible) against the closed forms, at small and large φ. */
    @ParameterizedTest(name = "phi={0}")
    @ValueSource(doubles = {1e-9, 1e-3, 0.3, 1.0, 1.999, -2.0})
    void kernelSeriesMatchesTheClosedForm(double phi) {
        double[] out = new double[6];
        BinTransform.kernels(phi, out);
        // F0 = (1 − e^{−iφ})/(iφ); F1 = (F0 − e^{−iφ})/(iφ): closed forms in long double-free form via sin/cos of φ/2
        // F0 = e^{−iφ/2} sin(φ/2)/(φ/2) (no cancellation); F1 from its own series-free identity
        double s = Math.sin(phi / 2) / (phi / 2);
        Complex f0 = new Complex(Math.cos(phi / 2), -Math.sin(phi / 2)).multiply(s);
        assertEquals(f0.getReal(), out[2], 1e-15);
        assertEquals(f0.getImaginary(), out[3], 1e-15);
        // F1 = ∫_0^1 v e^{−iφv} dv: Re = ∫ v cos, Im = −∫ v sin; checked by Gauss-Legendre (exact to 1e-15 here)
        org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator gl =
                new org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator(8, 1e-15, 1e-16);
        double re = gl.integrate(1000, v -> v * Math.cos(phi * v), 0, 1);
        double im = -gl.integrate(1000, v -> v * Math.sin(phi * v), 0, 1);
        assertEquals(re, out[4], 1e-14);
        assertEquals(im, out[5], 1e-14);
    }
}

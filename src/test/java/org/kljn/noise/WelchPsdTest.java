package org.kljn.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class WelchPsdTest {

    private static final double FS = 1000.0;

    /** Window-weighted mean square averaged over the Welch segments, computed directly in the time domain. */
    private static double weightedMeanSquare(double[] x, int l) {
        double[] w = WelchPsd.hann(l);
        double sw2 = 0;
        for (double v : w) {
            sw2 += v * v;
        }
        double s = 0;
        int segments = 0;
        for (int start = 0; start + l <= x.length; start += l / 2) {
            for (int n = 0; n < l; n++) {
                s += x[start + n] * x[start + n] * w[n] * w[n];
            }
            segments++;
        }
        return s / (sw2 * segments);
    }

    @Test
    void whiteNoiseHasFlatOneSidedDensityTwoSigmaSquaredOverFs() {
        double sigma = 2.0;
        int n = 1 << 20;
        int l = 256;
        var normal = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {1, 2}));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * normal.sample();
        }
        WelchPsd.Estimate est = WelchPsd.estimate(x, FS, l);
        assertEquals(2 * n / l - 1, est.segments());
        assertEquals(l / 2 + 1, est.bins());
        assertEquals(FS / 2, est.frequency(l / 2), 1e-12);
        double expected = 2 * sigma * sigma / FS;
        // E|X_k|² = σ²Σw² in every bin; DC and Nyquist are not doubled, so they expect σ²/f_s.
        double[] e = new double[est.bins()];
        java.util.Arrays.fill(e, expected);
        e[0] = expected / 2;
        e[l / 2] = expected / 2;
        // Per bin 5 sd, relative sd 1/√K_eff (√2 at DC/Nyquist, where X_k is real).
        NoiseStats.assertWelchMatches(est, new NoiseStats.Expectation(e, 0), 5, 0);
        // Mean over interior bins: adjacent Hann bins have squared correlation 4/9 (next: 1/36), so the variance of
        // the average is ≤ 2/(K_eff·bins); 5 sd.
        double mean = 0;
        for (int k = 1; k < l / 2; k++) {
            mean += est.psd(k);
        }
        mean /= l / 2 - 1;
        assertEquals(expected, mean, 5 * expected * Math.sqrt(2 / (est.equivalentSegments() * (l / 2 - 1))));
        // Welch's K_eff for Hann at 50 % overlap: K/(1 + 2(1 − 1/K)/36).
        int k = est.segments();
        assertEquals(k / (1 + 2 * (1 - 1.0 / k) / 36), est.equivalentSegments(), 1e-9 * k);
        // Parseval, exactly (to rounding): Σ P_k·f_s/L is the window-weighted mean square.
        assertEquals(weightedMeanSquare(x, l), est.integratedPower(), 1e-12 * sigma * sigma);
        // ...which estimates σ² with sd ≤ σ²·√(2/(n/2)) (Var x² = 2σ⁴; Hann weights and overlap leave at least
        // n/2 effective samples); 5 sd.
        assertEquals(sigma * sigma, est.integratedPower(), 5 * sigma * sigma * Math.sqrt(4.0 / n));
    }

    @Test
    void sinusoidPowerAndPeakAreExact() {
        int l = 512;
        int k0 = 50;
        double amplitude = 3.0;
        double f0 = k0 * FS / l;   // on a bin centre
        double[] x = new double[16 * l];
        for (int n = 0; n < x.length; n++) {
            x[n] = amplitude * Math.sin(2 * Math.PI * f0 * n / FS + 0.3);
        }
        WelchPsd.Estimate est = WelchPsd.estimate(x, FS, l);
        double power = amplitude * amplitude / 2;
        // Parseval: the window-weighted mean square of a bin-centred sinusoid is exactly A²/2 (w² has no component
        // at 2f₀).
        assertEquals(power, est.integratedPower(), 1e-12 * power);
        // Hann: |W(0)| = L/2, |W(±1 bin)| = L/4, zero elsewhere; Σw² = 3L/8, so
        // P(k₀) = (2/(f_s·3L/8))·(A/2·L/2)² = A²L/(3f_s) and P(k₀ ± 1) = P(k₀)/4.
        double peak = amplitude * amplitude * l / (3 * FS);
        assertEquals(peak, est.psd(k0), 1e-12 * peak);
        assertEquals(peak / 4, est.psd(k0 - 1), 1e-12 * peak);
        assertEquals(peak / 4, est.psd(k0 + 1), 1e-12 * peak);
        for (int k = 0; k < est.bins(); k++) {
            if (Math.abs(k - k0) > 1) {
                assertTrue(est.psd(k) < 1e-24 * peak, "leakage at bin " + k + ": " + est.psd(k));
            }
        }
        assertEquals(f0, est.frequency(k0), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> WelchPsd.estimate(new double[100], FS, 48));
        assertThrows(IllegalArgumentException.class, () -> WelchPsd.estimate(new double[100], FS, 128));
        assertThrows(IllegalArgumentException.class, () -> WelchPsd.estimate(new double[100], 0, 64));
    }
}

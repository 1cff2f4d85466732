package org.kljn.noise;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nyquist-rate noise: iid grid values of variance S0·Δf every 1/(2Δf), linear between them; time-averaged mean
 * square (2/3)·S0·Δf, TRNOISE's band. Statistical checks on 10^6 values of a fixed seed, |z| < 4.5 each
 * (two-sided p = 6.8e-6).
 */
class NyquistNoiseTest {
    private static final double DF = 1e3;
    private static final double S0 = 4e-12;
    private static final int N = 1_000_000;

    @Test
    void gridValuesAreWhiteWithTheStatedVarianceAndTheWaveformHasTwoThirdsOfIt() {
        NyquistNoise noise = new NyquistNoise(DF);
        assertEquals(1 / (2 * DF), noise.gridStep(), 0);
        NoiseWaveform w = noise.waveform(S0, StreamKey.alice(3, 0), 16);
        double sigma2 = S0 * DF;
        double sum2 = 0, lag1 = 0, pwl = 0;
        double prev = w.gridValue(0);
        for (long k = 1; k <= N; k++) {
            double x = w.gridValue(k);
            sum2 += prev * prev;
            lag1 += prev * x;
            pwl += (prev * prev + prev * x + x * x) / 3;
            prev = x;
        }
        // variance of a mean of squares of N(0, σ²): 2σ⁴/N; of a mean of lag-1 products: σ⁴/N
        double zVar = (sum2 / N - sigma2) / (sigma2 * Math.sqrt(2.0 / N));
        double zLag = (lag1 / N) / (sigma2 / Math.sqrt(N));
        assertTrue(Math.abs(zVar) < 4.5, "grid variance z = " + zVar);
        assertTrue(Math.abs(zLag) < 4.5, "lag-1 correlation z = " + zLag);
        // the interpolated waveform's mean square (exact integral of the linear pieces): Σ(x_k² + x_k x_k+1 +
        // x_k+1²)/3 ≈ (2Σx² + Σx x')/3 has variance (8 + 1)σ⁴N/9 = σ⁴N, so the mean's standard error is σ²/√N
        double expected = noise.band().noiseBandwidth() * S0;
        assertEquals(2 * sigma2 / 3, expected, 1e-12 * expected);
        double zPwl = (pwl / N - expected) / (sigma2 / Math.sqrt(N));
        assertTrue(Math.abs(zPwl) < 4.5, "interpolated mean square z = " + zPwl);
        assertEquals(1, noise.gridSpectrum(123.0), 0);
        assertEquals(DF, noise.gridCovariance(0), 0);
        assertEquals(0, noise.gridCovariance(3), 0);
    }

    @Test
    void theSameKeyGivesTheSameValuesAndTheFirMatchesItsGridSpectrum() {
        NyquistNoise noise = new NyquistNoise(DF);
        NoiseWaveform a = noise.waveform(S0, StreamKey.bob(9, 4));
        NoiseWaveform b = noise.waveform(S0, StreamKey.bob(9, 4));
        for (int i = 0; i < 1000; i++) {
            double t = i * 0.37 / (2 * DF);
            assertEquals(a.valueAt(t), b.valueAt(t), 0);
        }
        // the FIR design's grid spectrum times sinc⁴ is its band (g = c·A²·sinc⁴)
        NoiseDesign d = NoiseDesign.of(DF);
        for (double f : new double[] {0, 300, 900, 1500, 5000}) {
            double s = LowPassFir.sinc(f * d.gridStep());
            assertEquals(d.band().gain(f), d.gridSpectrum(f) * s * s * s * s, 1e-12);
        }
    }
}

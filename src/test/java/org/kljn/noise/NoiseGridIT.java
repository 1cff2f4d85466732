package org.kljn.noise;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statistical and reproducibility properties of the grid samples. Fixed seeds; bounds are 5 standard errors. */
@Tag("integration") // statistical: runs in mvn verify (failsafe), not in the fast mvn test
class NoiseGridIT {

    private static final double DF = 1_000.0;
    private static final double S0 = 4 * 1.380649e-23 * 300 * 1e5;   // 4kTR, T = 300 K, R = 100 kΩ
    private static final NoiseDesign DESIGN = NoiseDesign.of(DF);
    private static final int TAPS = DESIGN.band().fir().length();

    private static double[] samples(StreamKey key, int n) {
        double[] x = new double[n];
        DESIGN.grid(S0, key).fill(x, 0, n);
        return x;
    }

    @Test
    void sameKeyReproducesBitForBitAndFillEqualsNext() {
        double[] a = samples(StreamKey.alice(42, 7), 5000);
        NoiseGrid g = DESIGN.grid(S0, StreamKey.alice(42, 7));
        double[] b = new double[5000];
        // Mixed access: odd-sized fills straddling the internal block boundary, and single next() calls.
        int i = 0;
        for (int chunk : new int[] {1, 999, 30, 1500, 2}) {
            g.fill(b, i, chunk);
            i += chunk;
        }
        while (i < b.length) {
            b[i++] = g.next();
        }
        assertEquals(5000, g.position());
        assertArrayEquals(a, b, 0.0);
        assertArrayEquals(a, samples(StreamKey.alice(42, 7), 5000), 0.0);
        // A design rebuilt from the same spec is identical too (the design is deterministic).
        double[] c = new double[5000];
        NoiseDesign.of(DF).grid(S0, StreamKey.alice(42, 7)).fill(c, 0, c.length);
        assertArrayEquals(a, c, 0.0);
    }

    @Test
    void streamKeysAreDistinctAndDeterministic() {
        Set<String> states = new HashSet<>();
        for (long seed : new long[] {0, 1, -1, 42}) {
            for (int party = 0; party < 3; party++) {
                for (long bit = 0; bit < 2000; bit++) {
                    long[] s = StreamKey.of(seed, party, bit).rngState();
                    assertFalse(s[0] == 0 && s[1] == 0);
                    assertTrue(states.add(s[0] + ":" + s[1]), "duplicate state");
                }
            }
        }
        assertArrayEquals(StreamKey.bob(9, 3).rngState(), StreamKey.of(9, StreamKey.BOB, 3).rngState());
        assertNotEquals(StreamKey.alice(9, 3), StreamKey.bob(9, 3));
        assertThrows(IllegalArgumentException.class, () -> StreamKey.of(1, -1, 0));
    }

    @Test
    void differentStreamsAreUncorrelated() {
        int n = 1 << 20;
        double[] alice = samples(StreamKey.alice(2024, 0), n);
        double[] bob = samples(StreamKey.bob(2024, 0), n);
        double[] aliceNext = samples(StreamKey.alice(2024, 1), n);
        double[] otherSeed = samples(StreamKey.alice(2025, 0), n);
        // For independent stationary sequences with normalised autocorrelation ρ, the sample cross-correlation at
        // any lag has variance (1/N)·Σ_l ρ(l)² (Bartlett); band-limiting makes Σρ² ≈ K = 4, so the white-noise
        // bound 5/√N is replaced by 5·√(Σρ²/N).
        double sumRho2 = 0;
        double r0 = DESIGN.gridCovariance(S0, 0);
        for (int l = -TAPS; l <= TAPS; l++) {
            double rho = DESIGN.gridCovariance(S0, l) / r0;
            sumRho2 += rho * rho;
        }
        double bound = 5 * Math.sqrt(sumRho2 / n);
        for (double[] other : new double[][] {bob, aliceNext, otherSeed}) {
            for (int lag = -3; lag <= 3; lag++) {
                double r = NoiseStats.crossCorrelation(alice, other, lag);
                assertTrue(Math.abs(r) < bound, "cross-correlation " + r + " at lag " + lag + ", bound " + bound);
            }
        }
        // Sanity of the yardstick: the autocorrelation at lag 1 is far outside it.
        assertTrue(NoiseStats.crossCorrelation(alice, alice, 1) > 0.8);   // ≈ sinc(1/(2K)) = 0.90
    }

    @Test
    void gridVarianceAndMeanMatchTheDesign() {
        int n = 1 << 22;
        double[] x = samples(StreamKey.alice(7, 0), n);
        double expected = DESIGN.gridVariance(S0);
        double se = Math.sqrt(NoiseStats.meanSquareVariance(NoiseStats.grid(DESIGN, S0), 1, TAPS, n));
        assertEquals(expected, NoiseStats.meanSquare(x), 5 * se, "grid mean square, 5 standard errors");
        // Mean: Var(x̄) = (1/N)Σ_l R(l) (= S(0)-type sum), 5 standard errors.
        double sumR = 0;
        for (int l = -TAPS; l <= TAPS; l++) {
            sumR += DESIGN.gridCovariance(S0, l);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        assertEquals(0, mean, 5 * Math.sqrt(sumR / n));
    }

    @Test
    void welchSpectrumOfGridMatchesPredictionPerBin() {
        int n = 1 << 22;
        int l = 512;
        double fs = DESIGN.spec().sampleRate();
        double[] x = samples(StreamKey.bob(11, 5), n);
        WelchPsd.Estimate est = WelchPsd.estimate(x, fs, l);
        NoiseStats.Expectation expectation = NoiseStats.welchExpectation(NoiseStats.grid(DESIGN, S0), TAPS, l, fs);
        // 257 bins at 5 sd each (relative sd 1/√K_eff ≈ 0.8 %), across the pass band, transition and the
        // 80 dB stop band.
        int bins = NoiseStats.assertWelchMatches(est, expectation, 5, 0);
        assertTrue(bins >= 200, "bins checked: " + bins);   // all but the deepest stop band (236 of 257)
        // The exact expectation agrees with the band shape where the spectrum is smooth over the Hann kernel:
        // there the grid PSD is 2σ²h·A² = S0·g/sinc⁴ (the grid values are not interpolated).
        double[] expected = expectation.mean();
        RealisedBand g = DESIGN.band();
        for (int k = 1; k < l / 2; k++) {
            double f = k * fs / l;
            if (f < 0.9 * DF) {
                double s = LowPassFir.sinc(f * g.gridStep());
                assertEquals(S0 * g.gain(f) / (s * s * s * s), expected[k], 1e-3 * expected[k], "f = " + f);
            }
        }
        // Passband level of the estimate: the average over the in-band bins (≈ 115 bins, correlated in adjacent
        // pairs, so conservatively sd ≤ √2/√(K_eff·115)) is flat at its expected value.
        double ratio = 0;
        int count = 0;
        for (int k = 3; k * fs / l < 0.9 * DF; k++) {
            ratio += est.psd(k) / expected[k];
            count++;
        }
        assertEquals(1, ratio / count, 5 * Math.sqrt(2.0 / (est.equivalentSegments() * count)));
    }

    @Test
    void rejectsBadArguments() {
        NoiseGrid g = DESIGN.grid(S0, StreamKey.alice(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> g.fill(new double[4], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> DESIGN.grid(-1, StreamKey.alice(1, 0)));
    }
}

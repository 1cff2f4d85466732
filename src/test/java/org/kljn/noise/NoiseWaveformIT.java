package org.kljn.noise;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The interpolated waveform: exactness, ring buffer, and its realised statistics. Fixed seeds, 5-sigma bounds. */
@Tag("integration") // statistical: runs in mvn verify (failsafe), not in the fast mvn test
class NoiseWaveformIT {

    private static final double DF = 1_000.0;
    private static final double S0 = 4 * 1.380649e-23 * 300 * 1e5;
    private static final NoiseDesign DESIGN = NoiseDesign.of(DF);
    private static final int TAPS = DESIGN.band().fir().length();
    private static final double H = DESIGN.gridStep();

    @Test
    void interpolatesTheGridLinearly() {
        StreamKey key = StreamKey.alice(5, 2);
        double[] w = new double[3000];
        DESIGN.grid(S0, key).fill(w, 0, w.length);
        NoiseWaveform y = DESIGN.waveform(S0, key);
        double sigma = Math.sqrt(DESIGN.gridVariance(S0));
        for (int k = 0; k < w.length - 1; k++) {
            // t = k·h may round to just below the grid point; interpolation is continuous, so only rounding remains.
            assertEquals(w[k], y.valueAt(k * H), 1e-12 * sigma);
            assertEquals(0.5 * (w[k] + w[k + 1]), y.valueAt((k + 0.5) * H), 1e-12 * sigma);
            assertEquals(0.75 * w[k] + 0.25 * w[k + 1], y.valueAt((k + 0.25) * H), 1e-12 * sigma);
            assertEquals(w[k], y.gridValue(k), 0.0);
        }
    }

    @Test
    void valueIsAPureFunctionOfTimeWithinTheHistory() {
        StreamKey key = StreamKey.bob(77, 0);
        NoiseWaveform monotonic = DESIGN.waveform(S0, key);
        NoiseWaveform erratic = DESIGN.waveform(S0, key, 64);
        double[] ts = new double[20_000];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = i * 0.37 * H;
        }
        double[] ref = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            ref[i] = monotonic.valueAt(ts[i]);
        }
        // Simulator-like access: repeated calls at one time, rejected steps going back up to 40 grid steps,
        // forward jumps.
        for (int i = 0; i < ts.length; i++) {
            assertEquals(ref[i], erratic.valueAt(ts[i]), 0.0);
            assertEquals(ref[i], erratic.valueAt(ts[i]), 0.0);
            int back = Math.max(0, i - (i % 97));
            assertEquals(ref[back], erratic.valueAt(ts[back]), 0.0, "step back to i = " + back);
        }
        assertEquals(64, erratic.history());
        double latest = ts[ts.length - 1];
        assertTrue(erratic.earliestTime() <= latest - 60 * H);
        erratic.valueAt(erratic.earliestTime());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> erratic.valueAt(latest - 80 * H));
        assertTrue(e.getMessage().contains("history"));
        assertThrows(IllegalArgumentException.class, () -> erratic.valueAt(-1e-9));
        assertThrows(IllegalArgumentException.class, () -> erratic.valueAt(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> erratic.valueAt(Double.POSITIVE_INFINITY));
    }

    @Test
    void lookupsDoNotAllocate() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        NoiseWaveform y = DESIGN.waveform(S0, StreamKey.alice(3, 3));
        double dt = H / 7;
        double sink = 0;
        for (int i = 0; i < 200_000; i++) {   // warm up (JIT), includes grid refills
            sink += y.valueAt(i * dt);
        }
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 200_000; i < 1_200_000; i++) {
            sink += y.valueAt(i * dt) + y.valueAt((i - 0.5) * dt);
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        // 2e6 calls and ~1.4e5 generated grid samples; a single boxed double per call would be 32 MB.
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes");
        assertTrue(Double.isFinite(sink));
    }

    /** y sampled at t = (n/P)·h, n = 0..P·cells−1. */
    private static double[] sampleWaveform(StreamKey key, int p, int cells) {
        NoiseWaveform y = DESIGN.waveform(S0, key);
        double[] x = new double[p * cells];
        for (int n = 0; n < x.length; n++) {
            x[n] = y.valueAt(n * H / p);
        }
        return x;
    }

    @Test
    void meanSquareOfInterpolatedWaveformIsS0TimesBandwidth() {
        int p = 16;
        int cells = 1 << 21;
        double[] x = sampleWaveform(StreamKey.alice(99, 0), p, cells);
        NoiseStats.Covariance c = NoiseStats.interpolated(DESIGN, S0, p);
        // Expectation of the sampled mean square at phases u = p'/P: σ²[r0·avg((1−u)²+u²) + r1·avg(2u(1−u))]
        // = σ²[r0(2/3 + 1/(3P²)) + r1(1/3 − 1/(3P²))], i.e. the continuous time average S0·Δf plus the
        // sampling excess σ²(r0 − r1)/(3P²) (1.4e-4 relative here).
        double expected = 0;
        for (int ph = 0; ph < p; ph++) {
            expected += c.at(ph, ph) / p;
        }
        double excess = (DESIGN.gridCovariance(S0, 0) - DESIGN.gridCovariance(S0, 1)) / (3.0 * p * p);
        assertEquals(S0 * DF + excess, expected, 1e-12 * S0 * DF);
        double se = Math.sqrt(NoiseStats.meanSquareVariance(c, p, p * (TAPS + 1), x.length));
        assertEquals(expected, NoiseStats.meanSquare(x), 5 * se, "5 standard errors, se/S0Δf = " + se / (S0 * DF));
        // The exact continuous time average, Σ_k (w_k² + w_k w_{k+1} + w_{k+1}²)/3 per cell, from the same stream;
        // it has a smaller variance than the sampled mean, so the sampled-mean 5·se bound is conservative.
        NoiseWaveform y = DESIGN.waveform(S0, StreamKey.alice(99, 0));
        double integral = 0;
        for (int k = 0; k < cells; k++) {
            double a = y.gridValue(k);
            double b = y.gridValue(k + 1);
            integral += (a * a + a * b + b * b) / 3;
        }
        assertEquals(S0 * DF, integral / cells, 5 * se);
    }

    @Test
    void welchSpectrumOfInterpolatedWaveformMatchesRealisedShape() {
        int p = 4;
        int cells = 1 << 21;
        int l = 2048;
        double fs = p / H;
        double[] x = sampleWaveform(StreamKey.bob(123, 4), p, cells);
        WelchPsd.Estimate est = WelchPsd.estimate(x, fs, l);
        // Exact expectation of each bin for the P-cyclostationary sampled waveform (segments start at multiples
        // of L/2, a multiple of P, so all see the same phase).
        NoiseStats.Expectation expectation = NoiseStats.welchExpectation(NoiseStats.interpolated(DESIGN, S0, p), p * (TAPS + 1), l,
                fs);
        // 1025 bins up to 4·f_grid/2 = 16·Δf: pass band, transition, stop band and the first images at 8Δf ± Δf.
        // Cyclic frequency spacing 1/h = L/P bins; bins near its half-multiples can be non-circular (√2 sd).
        int bins = NoiseStats.assertWelchMatches(est, expectation, 5, l / (2 * p));
        assertTrue(bins >= 300, "bins checked: " + bins);   // all but the deepest stop band (362 of 1025)
        // Cross-check of the band-shape formula against the time-domain construction: the time-averaged covariance
        // of y, sampled at lags h/P, has the Welch expectation S0·Σ_m g(|f − m·f_s|) (aliased realised shape) wherever
        // the spectrum is smooth over the Hann kernel. (Fixed-phase samples, as above, differ from it by cyclic
        // terms of relative size ~(fh/P)²: 1e-4 in the pass band, but 2 % in the image band at P = 16.) Checked in
        // the pass band and inside the first image band (≥ 0.04·Δf clear of the FIR transition, ≥ 0.3·Δf of the
        // image's sinc⁴ zero at 1/h); P = 16, same bin width.
        int p16 = 16;
        double fs16 = p16 / H;
        double[] expected = NoiseStats.welchExpectation(NoiseStats.timeAveraged(DESIGN, S0, p16),
                p16 * (TAPS + 1), l * p16 / p, fs16).mean();
        RealisedBand g = DESIGN.band();
        int checked = 0;
        for (int k = 1; k < expected.length - 1; k++) {
            double f = k * fs16 / (l * p16 / p);
            boolean smooth = f < 0.88 * DF || (f > 7.2 * DF && f < 7.7 * DF) || (f > 8.3 * DF && f < 8.8 * DF);
            if (smooth) {
                double df = fs16 / (l * p16 / p);
                double aliased = aliasedShape(g, f, fs16);
                double curvature = aliasedShape(g, f + df, fs16) - 2 * aliased + aliasedShape(g, f - df, fs16);
                // Hann smoothing bias ≈ g''·δ²·m₂/2 with kernel second moment m₂ = 1/3 bin²: allow twice that, plus
                // 1e-3 for higher orders.
                assertEquals(aliased, expected[k], 1e-3 * aliased + Math.abs(curvature) / 3, "f = " + f);
                checked++;
            }
        }
        assertTrue(checked > 100, "bins checked: " + checked);   // 56 pass-band + 64 image-band bins
    }

    /** S0·Σ_m g(|f − m·f_s|), m = −20..20 (the aliased time-averaged PSD of y sampled at f_s). */
    private static double aliasedShape(BandShape g, double f, double fs) {
        double s = 0;
        for (int m = -20; m <= 20; m++) {
            s += S0 * g.gain(Math.abs(f - m * fs));
        }
        return s;
    }
}

package org.kljn.noise;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Deterministic properties of the band shapes (no random numbers). */
@Tag("integration") // statistical: runs in mvn verify (failsafe), not in the fast mvn test
class RealisedBandIT {

    private static final double DF = 1_000.0;

    /** Composite Simpson rule of g on [a, b] with n (even) intervals. */
    private static double simpson(BandShape g, double a, double b, int n) {
        double step = (b - a) / n;
        double s = g.gain(a) + g.gain(b);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * g.gain(a + i * step);
        }
        return s * step / 3;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 8})
    void realisedShapeIntegratesToBandwidth(int k) {
        RealisedBand g = BandShape.realised(DF, k);
        // Closed form: (c/h)(2r0 + r1)/6 = Δf by construction, up to rounding.
        assertEquals(DF, g.noiseBandwidth(), 1e-12 * DF);
        // Independent numerical check. Simpson with 2^12 intervals per grid period 1/h (the narrowest feature, the
        // 0.2·Δf transition, spans ≥ 100 intervals): halving the step changes the result by < 1e-11·Δf (checked
        // below), so the Simpson error is far below the 1e-9 tail left out above f_u.
        double fu = g.upperFrequency();
        int periods = (int) Math.round(fu * g.gridStep() * 2);   // f_u = (M + ½)/h
        double coarse = simpson(g, 0, fu, periods * 2048);
        double fine = simpson(g, 0, fu, periods * 4096);
        assertTrue(Math.abs(fine - coarse) < 1e-11 * DF, "Simpson not converged: " + (fine - coarse));
        assertEquals(DF, fine, 2e-9 * DF, "∫ g df over [0, f_u] vs Δf");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void gainIsTheExactFirResponseTimesInterpolationKernel(int k) {
        RealisedBand g = BandShape.realised(DF, k);
        double[] b = g.fir().taps();
        double h = g.gridStep();
        // Direct DTFT of the taps (no Clenshaw), including image frequencies far above the grid rate.
        for (double f : new double[] {0, 123.4, 917, 1000, 1100, 2345, 0.9 / h, 1 / h - 500, 1 / h + 700, 3.3 / h,
                17.25 / h}) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < b.length; n++) {
                re += b[n] * Math.cos(2 * Math.PI * f * h * n);
                im -= b[n] * Math.sin(2 * Math.PI * f * h * n);
            }
            double s = LowPassFir.sinc(f * h);
            double expected = g.normalisation() * (re * re + im * im) * s * s * s * s;
            assertEquals(expected, g.gain(f), 1e-12 + 1e-10 * expected, "g(" + f + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void passbandIsFlatAndStopbandIsDeep(int k) {
        RealisedBand g = BandShape.realised(DF, k);
        // Stated spec for the default 80 dB / 0.2·Δf design: |g − 1| ≤ 1e-3 on [0, passband edge], passband edge
        // ≥ 0.9·Δf, FIR stop band ≤ 2e-8 (power re DC).
        assertTrue(g.passbandEdge() >= 0.9 * DF && g.passbandEdge() < DF, "passband edge " + g.passbandEdge());
        assertTrue(g.stopbandEdge() > DF && g.stopbandEdge() <= 1.15 * DF, "stopband edge " + g.stopbandEdge());
        for (int i = 0; i <= 100_003; i++) {
            double f = g.passbandEdge() * i / 100_003;
            assertEquals(1.0, g.gain(f), 1e-3, "passband ripple at f = " + f);
        }
        assertTrue(g.passbandDeviation() <= 1e-3);
        double h = g.gridStep();
        double nuStop = g.stopbandEdge() * h;
        double dc = g.fir().power(0);
        for (int i = 0; i <= 100_003; i++) {
            double nu = nuStop + (0.5 - nuStop) * i / 100_003;
            assertTrue(g.fir().power(nu) / dc <= 2e-8, "FIR stop band at ν = " + nu);
        }
        // Continuous-time images near m/h ± Δf: bounded by sinc⁴(1 − 1/(2K))·max A² ≈ sin⁴(π/2K)/(π(1−1/2K))⁴.
        double edge = Math.sin(Math.PI / (2 * k)) / (Math.PI * (1 - 1.0 / (2 * k)));
        double imageBound = 1.01 * Math.pow(edge, 4) / Math.pow(LowPassFir.sinc(1.0 / (2 * k)), 4);
        for (int i = 0; i <= 100_003; i++) {
            double f = g.stopbandEdge() + (5 / h) * i / 100_003;
            assertTrue(g.gain(f) <= imageBound, "image at f = " + f + ": " + g.gain(f) + " > " + imageBound);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1e-6, 1e-9})
    void upperFrequencyBoundsTheTail(double eps) {
        RealisedBand g = BandShape.realised(DF, 4);
        double h = g.gridStep();
        double fu = g.upperFrequency(eps);
        assertTrue(fu > g.stopbandEdge());
        // Numerical tail over [f_u, 400/h] (Simpson, 4096 intervals per period) plus the analytic bound
        // (c/h)·Q/(3π⁴·400³)-style remainder beyond 400/h, which is < 1e-12·Δf.
        double far = 400 / h;
        int n = (int) Math.round((far - fu) * h) * 4096;
        double tail = simpson(g, fu, far, n);
        assertTrue(tail <= eps * DF, "tail " + tail / DF + " > " + eps);
        // The bound is not absurdly loose: it is within a factor 1e4 of the actual tail for eps ≥ 1e-6.
        if (eps >= 1e-6) {
            assertTrue(tail > 1e-4 * eps * DF, "bound far too loose: tail " + tail / DF);
        }
    }

    @Test
    void meanSquareIsS0TimesBandwidthFromGridCovariances() {
        NoiseDesign d = NoiseDesign.of(DF);
        double s0 = 4 * 1.380649e-23 * 300 * 1e3;
        // Time average over a cell of ((1−u)w_k + u w_{k+1})² is (w_k² + w_k w_{k+1} + w_{k+1}²)/3.
        double ms = (2 * d.gridCovariance(s0, 0) + d.gridCovariance(s0, 1)) / 3;
        assertEquals(s0 * DF, ms, 1e-12 * s0 * DF);
        assertEquals(s0 * DF, d.meanSquare(s0), 0);
        assertTrue(d.gridVariance(s0) > ms, "interpolation lowers the mean square below the grid variance");
    }

    @Test
    void brickWall() {
        BandShape b = BandShape.brickWall(DF);
        assertEquals(1.0, b.gain(0));
        assertEquals(1.0, b.gain(DF));
        assertEquals(0.0, b.gain(DF * (1 + 1e-12)));
        assertEquals(DF, b.noiseBandwidth());
        assertEquals(DF, b.upperFrequency());
        assertTrue(b.describe().contains("brick"));
        assertThrows(IllegalArgumentException.class, () -> BandShape.brickWall(0));
        assertThrows(IllegalArgumentException.class, () -> NoiseSpec.of(DF).withOversampling(1));
    }
}

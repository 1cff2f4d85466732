package org.kljn.noise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-warped noise's claim, checked without ngspice and deterministically: an RC low-pass integrated by the
 * trapezoidal recurrence with one step per grid point, driven by the grid sequence (its exact autocovariance
 * a·r_l), and averaged as {@code WindowMoments} does (x linear between points: ⟨y²⟩ = (2/3)R_y(0) + (1/3)R_y(1)),
 * has exactly the mean square of the continuous RC driven by the realised band g: ∫ g(f)/(1 + (2πfT)²) df.
 */
class PrewarpedNoiseTest {
    private static final double DF = 1_000.0;

    /** Composite Simpson of g(f)·m(f) on [0, b], n even. */
    private static double simpson(BandShape g, java.util.function.DoubleUnaryOperator m, double b, int n) {
        double step = b / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double f = i * step;
            s += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * g.gain(f) * m.applyAsDouble(f);
        }
        return s * step / 3;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 13})
    void bandIsNormalisedFlatAndItsTailBounded(int k) {
        PrewarpedNoise noise = PrewarpedNoise.of(DF, k);
        BandShape g = noise.band();
        assertEquals(DF, g.noiseBandwidth(), 1e-9 * DF, "closed-form noise bandwidth");
        assertEquals(1, g.gain(0), 1e-9, "trimmed to g(0) = 1");
        for (int i = 0; i <= 900; i++) {
            assertEquals(1, g.gain(DF * i / 1000), 2e-3, "flat pass band at " + i + " of 1000 Δf");
        }
        // independent numerical area up to the upper frequency: the rest of the band lies above it
        double fu = g.upperFrequency(1e-7);
        double area = simpson(g, f -> 1, fu, 200_000);
        assertTrue(area <= DF * (1 + 1e-9) && area >= DF * (1 - 1e-7 - 1e-9), "area " + area + " up to " + fu);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void trapezoidalRcOnePointPerGridStepHasTheContinuousMeanSquare(int k) {
        PrewarpedNoise noise = PrewarpedNoise.of(DF, k);
        double h = noise.gridStep();
        // corner at the band edge: the warping would be largest there (tan(π/2K)/(π/2K) − 1 = 47 % at K = 1)
        double t = 1 / (2 * Math.PI * DF);
        double continuous = simpson(noise.band(), f -> 1 / (1 + Math.pow(2 * Math.PI * f * t, 2)),
                noise.band().upperFrequency(1e-12), 400_000);
        // trapezoidal impulse response: y_{n+1}(1 + α) = y_n(1 − α) + α(u_n + u_{n+1}), α = h/(2T)
        double alpha = h / (2 * t);
        double rho = (1 - alpha) / (1 + alpha);
        int length = (int) Math.ceil(Math.log(1e-18) / Math.log(Math.abs(rho))) + 2;
        double[] resp = new double[length];
        resp[0] = alpha / (1 + alpha);
        resp[1] = (resp[0] * (1 - alpha) + alpha) / (1 + alpha);
        for (int n = 2; n < length; n++) {
            resp[n] = resp[n - 1] * rho;
        }
        int taps = noise.fir().length();
        double[] y = new double[2];
        for (int lag = 0; lag <= 1; lag++) {
            // R_y(l) = Σ_i Σ_j resp_i resp_j R_u(l + i − j), R_u(m) = a·r_|m| (zero beyond the taps)
            double sum = 0;
            for (int i = 0; i < length; i++) {
                for (int m = -taps; m <= taps; m++) {
                    int j = i + lag - m;
                    if (j >= 0 && j < length) {
                        sum += resp[i] * resp[j] * noise.gridCovariance(m);
                    }
                }
            }
            y[lag] = sum;
        }
        double windowed = 2.0 / 3 * y[0] + 1.0 / 3 * y[1];
        assertEquals(continuous, windowed, 1e-7 * continuous, "K = " + k);
    }
}

package org.kljn.analysis.montecarlo;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.kljn.noise.InjectedNoise;
import org.kljn.noise.NoiseWaveform;
import org.kljn.noise.StreamKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Variance reduction for per-bit transient statistics by control variates built from the injected noise itself.
 *
 * <p>Every moment of a linear loop is a quadratic form of the two generators' waveforms. Over one bit's
 * measurement window the lagged products of their grid values, w_A(k)w_A(k+l), w_B(k)w_B(k+l), w_A(k)w_B(k+l)
 * and w_B(k)w_A(k+l), span such forms for lags up to the loop's memory, and their expectations are known exactly
 * from the noise design (σ²·r_l for the autoproducts, 0 across the independent generators), without the AC
 * analysis. Regressing the per-bit statistic y on the centred controls c, the intercept of y = a + b·c is the
 * adjusted mean ȳ − b·(c̄ − E[c]): unbiased for E[y], so a bias of the transient moves it one for one, while its
 * standard error shrinks by √(1 − R²) (R² of the regression: above 0.999 on an RC ladder).
 */
public final class ControlVariates {

    /** The adjusted mean and its standard error (from the regression's residual variance). */
    public record Estimate(double mean, double standardError, int bits) {
    }

    private ControlVariates() {
    }

    /**
     * Lags in grid steps: 0, 1, 2, 3, 4, 6, 8, 12, ... up to about four times the loop's slowest time constant
     * (at least 4, at most 48).
     */
    public static int[] lags(double gridStep, double loopTimeConstant) {
        double reach = Double.isNaN(loopTimeConstant) ? 48 : 4 * loopTimeConstant / gridStep;
        int max = (int) Math.max(4, Math.min(48, Math.ceil(reach)));
        List<Integer> out = new ArrayList<>(List.of(0, 1, 2, 3));
        for (int l = 4; l <= max; l = l + Math.max(1, l / 2)) {
            out.add(l);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The centred controls of one bit: its two unit-S0 streams (as injected, up to the factor √S0, which the
     * regression absorbs) over grid indices [first, last), for the given lags. 4·lags − 1 values (at lag 0 the
     * two cross products coincide).
     */
    public static double[] controls(InjectedNoise noise, long seed, long bit, long first, long last, int[] lags) {
        NoiseWaveform wa = noise.waveform(1, StreamKey.of(seed, StreamKey.ALICE, bit));
        NoiseWaveform wb = noise.waveform(1, StreamKey.of(seed, StreamKey.BOB, bit));
        int maxLag = lags[lags.length - 1];
        int n = (int) (last - first);
        double[] a = new double[n + maxLag];
        double[] b = new double[n + maxLag];
        for (int i = 0; i < a.length; i++) {
            a[i] = wa.gridValue(first + i);
            b[i] = wb.gridValue(first + i);
        }
        double[] c = new double[4 * lags.length - 1];
        int col = 0;
        for (int lag : lags) {
            double aa = 0, bb = 0, ab = 0, ba = 0;
            for (int k = 0; k < n; k++) {
                aa += a[k] * a[k + lag];
                bb += b[k] * b[k + lag];
                ab += a[k] * b[k + lag];
                ba += b[k] * a[k + lag];
            }
            double expected = noise.gridCovariance(lag);
            c[col++] = aa / n - expected;
            c[col++] = bb / n - expected;
            c[col++] = ab / n;
            if (lag > 0) {
                c[col++] = ba / n;
            }
        }
        return c;
    }

    /**
     * The adjusted mean of y given centred controls (one row per bit). Needs more bits than controls + 1; with
     * too few it falls back to the plain mean and its standard error.
     */
    public static Estimate adjustedMean(double[] y, double[][] controls) {
        int n = y.length;
        if (n < 2) {
            return new Estimate(n == 1 ? y[0] : Double.NaN, Double.NaN, n);
        }
        int p = controls.length == 0 ? 0 : controls[0].length;
        if (n < 3 * (p + 1)) {
            double sum = 0, sum2 = 0;
            for (double v : y) {
                sum += v;
                sum2 += v * v;
            }
            double mean = sum / n;
            return new Estimate(mean, Math.sqrt(Math.max(0, sum2 / n - mean * mean) / (n - 1)), n);
        }
        // regress on scaled controls: the controls are tiny numbers (V²/Hz units), scaling keeps X'X well
        // conditioned; the intercept is unchanged
        double[][] x = new double[n][p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += controls[i][j] * controls[i][j];
            }
            double scale = s > 0 ? Math.sqrt(s / n) : 1;
            for (int i = 0; i < n; i++) {
                x[i][j] = controls[i][j] / scale;
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double mean = ols.estimateRegressionParameters()[0];
        double se = ols.estimateRegressionParametersStandardErrors()[0];
        return new Estimate(mean, se, n);
    }

    /** The loop's slowest time constant bound (R_H + R_c + R_L)·C_c, NaN if the line does not state it. */
    static double loopTimeConstant(BitExchangeSettings s) {
        double c = s.line().capacitance();
        double r = s.line().resistance();
        return Double.isNaN(c) || Double.isNaN(r) ? Double.NaN : (s.resistors().high() + r + s.resistors().low()) * c;
    }
}

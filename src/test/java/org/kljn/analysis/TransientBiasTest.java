package org.kljn.analysis;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.noise.InjectedNoise;
import org.kljn.noise.NoiseWaveform;
import org.kljn.noise.StreamKey;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transient's moments on a capacitive ladder, with the default (automatic) settings, against the exact
 * moments over the injected band: a test strong enough to fail on a bias of 0.5 % in any of the six moments
 * the decisions use (⟨U_A²⟩, ⟨U_B²⟩, ⟨I_A²⟩, ⟨I_B²⟩, ⟨U_A I_A⟩, ⟨U_B I_B⟩), in both secure situations.
 *
 * <p>Variance reduction by control variates: each bit's moments are regressed on lagged products of the two
 * injected waveforms' grid values over the same window (recomputed from the seed): w_A(k)w_A(k+l),
 * w_B(k)w_B(k+l), w_A(k)w_B(k+l), w_B(k)w_A(k+l) for lags l up to twice the loop's RC time; a moment is a
 * quadratic form of the inputs, and these span its kernel. Their expectations are known exactly from the noise
 * design (σ²·r_l, the FIR's tap autocorrelation, and 0), independently of the AC analysis. The adjusted mean ȳ − b·(c̄ − E[c]) is
 * unbiased for the moment, so a bias of the transient moves it one for one, with a standard error many times
 * smaller than the plain mean's.
 *
 * <p>Statistics: |z| &lt; 4 for each of the 12 checks (two-sided p = 6.3e-5 each, false failure of the test
 * ≤ 7.6e-4; the seed is fixed, so the outcome is deterministic). The test also asserts that each standard error
 * is at most 0.1 % of the moment's scale, so a 0.5 % bias would give z ≥ 5 on its own: beyond the threshold
 * of 4 with probability ≥ 0.84 per moment. A product U·I is measured against √(⟨U²⟩⟨I²⟩), the scale of its
 * fluctuations (a power into the cable can be near zero).
 */
class TransientBiasTest {
    private static final ResistorPair PAIR = new ResistorPair(1e3, 10e3);
    /** Lags in grid steps (h = 1/(8Δf) = 125 µs); the loop's RC is about 1.1 ms = 9 steps. */
    private static final int[] LAGS = {0, 1, 2, 3, 4, 6, 8, 12, 16, 24};

    @Test
    void everyMomentOnACapacitiveLadderIsUnbiasedToWithinAFractionOfAPercent() {
        BitExchangeSimulation.Settings s = new BitExchangeSimulation.Settings(PAIR, TransientAccuracyTest.LADDER, 1e9,
                1.0, 1e3, 200, 600, 2027, 0, -1);
        BitExchangeSimulation.Result r;
        BitExchangeSimulation.Expectations exact;
        try (NgSpicePool pool = NgSpicePool.of(2)) {
            r = BitExchangeSimulation.run(pool, s, i -> { });
            exact = pool.withSession(spice -> BitExchangeSimulation.expectations(spice, s, s.injectedNoise().band()));
        }
        InjectedNoise noise = s.injectedNoise();
        double h = noise.gridStep();
        long first = Math.round(r.guard() / h);
        long last = first + Math.round(s.bitDuration() / h);
        org.kljn.noise.NoiseDesign design = (org.kljn.noise.NoiseDesign) noise;
        for (Resistor alice : Resistor.values()) {
            String situation = alice.name() + alice.other().name();
            KljnMoments m = exact.moments().get(situation);
            double[] expected = TrapezoidModel.products(m);
            double[] scale = {expected[0], expected[1], expected[2], expected[3], Math.sqrt(expected[0] * expected[2]),
                    Math.sqrt(expected[1] * expected[3])};
            int n = 0;
            for (Resistor a : r.aliceResistors()) {
                n += a == alice ? 1 : 0;
            }
            double[][] controls = new double[n][];
            double[][] y = new double[WindowMoments.PRODUCTS][n];
            int j = 0;
            for (int i = 0; i < s.bits(); i++) {
                if (r.aliceResistors().get(i) != alice) {
                    continue;
                }
                // unit-S0 waveforms of this bit's two streams over its measurement window
                NoiseWaveform wa = noise.waveform(1, StreamKey.of(s.seed(), StreamKey.ALICE, i));
                NoiseWaveform wb = noise.waveform(1, StreamKey.of(s.seed(), StreamKey.BOB, i));
                double[] c = new double[4 * LAGS.length];
                for (int l = 0; l < LAGS.length; l++) {
                    int lag = LAGS[l];
                    double aa = 0, bb = 0, ab = 0, ba = 0;
                    for (long k = first; k < last; k++) {
                        double a0 = wa.gridValue(k), b0 = wb.gridValue(k);
                        double al = wa.gridValue(k + lag), bl = wb.gridValue(k + lag);
                        aa += a0 * al;
                        bb += b0 * bl;
                        ab += a0 * bl;
                        ba += b0 * al;
                    }
                    double steps = last - first;
                    double expectedAuto = design.gridCovariance(1, lag);
                    c[4 * l] = aa / steps - expectedAuto;
                    c[4 * l + 1] = bb / steps - expectedAuto;
                    c[4 * l + 2] = ab / steps;
                    c[4 * l + 3] = ba / steps;
                }
                controls[j] = c;
                double[] avg = r.bitAverages().get(i);
                for (int p = 0; p < WindowMoments.PRODUCTS; p++) {
                    y[p][j] = avg[p] / scale[p];
                }
                j++;
            }
            for (int p = 0; p < WindowMoments.PRODUCTS; p++) {
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.newSampleData(y[p], controls);
                double[] b = ols.estimateRegressionParameters();
                // controls are centred on their exact expectations: the intercept is the adjusted mean
                double adjusted = b[0];
                double se = ols.estimateRegressionParametersStandardErrors()[0];
                double z = (adjusted - expected[p] / scale[p]) / se;
                assertTrue(se <= 1e-3, situation + " product " + p + ": standard error " + se
                        + " of the scale, too weak to see a 0.5 % bias");
                assertTrue(Math.abs(z) < 4, situation + " product " + p + ": transient " + adjusted * scale[p]
                        + " vs exact " + expected[p] + " (z = " + z + ", relative deviation "
                        + (adjusted - expected[p] / scale[p]) + ")");
                System.out.printf(java.util.Locale.ROOT, "%s product %d: deviation %+.2e of scale, se %.2e, z %+.2f%n",
                        situation, p, adjusted - expected[p] / scale[p], se, z);
            }
        }
    }
}

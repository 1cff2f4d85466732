package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.noise.InjectedNoise;
import org.kljn.noise.PrewarpedNoise;
import org.kljn.testing.TransientFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kljn.testing.TransientFixture.LADDER;
import static org.kljn.testing.TransientFixture.PAIR;

/**
 * Pre-warped noise in ngspice at coarse steps, on the capacitive 8-section ladder (100 nF over a 1 kHz band):
 * K = 1 and K = 2 grid points (one trapezoidal step each) per Nyquist interval, 800 bits of 100 Nyquist samples.
 *
 * <p>Means. Each of the six moments the decisions use, in both secure situations (12 checks per run), is adjusted by
 * {@link ControlVariates} and must satisfy |deviation| ≤ B + 4·SE against the exact moment over the realised band
 * (B the run's bound, ~1e-6, SE the adjusted mean's standard error, asserted ≤ 5e-4 of the scale). z = 4: a chance
 * failure has probability 6.3e-5 per check, 1.5e-3 for the 24 checks (fixed seed: deterministic). A bias of 0.5 %
 * exceeds B + 4·SE ≤ 0.2 % by at least 6 SE: it fails with certainty. The plain FIR noise at K = 2 with the same
 * solver step must, by contrast, be biased by more than 0.5 % and 4 SE in at least one moment (it is: the trapezoidal
 * warping, as {@link TrapezoidModel} predicts).
 *
 * <p>Distributions. The per-bit variance of Alice's ⟨U_A²⟩ at K = 1 must match the pre-warped prediction
 * V_J/τ ({@link StepChoice#inflation}), not the continuous V/τ: the sample variance of n bits has relative standard
 * error √(2/(n−1)) (Gaussian statistic, ~0.07 for n ≈ 400); the check allows 4 of them plus 5 % for the
 * long-window approximation V/τ (τ = 50 band-edge periods), so it fails by chance with probability ≤ 6e-5, and the
 * continuous prediction, smaller by the factor 1 + inflation (≥ 1.3 here), is outside that band.
 */
@Tag("integration") // runs in mvn verify (failsafe)
class PrewarpedTransientIT {
    private static NgSpicePool pool;

    @BeforeAll
    static void open() {
        pool = NgSpicePool.of(2);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static BitExchangeSettings settings(int k, AccuracyGoal goal, int steps, int bits) {
        return TransientFixture.builder(LADDER)
                .bitSamples(100).bits(bits).seed(2027).noiseGrid(k).stepsPerSample(steps).accuracy(goal).build();
    }

    /**
     * Per product and situation: {deviation/scale, SE/scale}, rows HL 0..5 then LH 0..5 (the exact moments over the
     * realised band, from {@code pool}; the means adjusted by {@link ControlVariates}).
     */
    static double[][] deviations(NgSpicePool pool, BitExchangeResult r) {
        BitExchangeSettings s = r.settings();
        InjectedNoise noise = s.injectedNoise();
        SituationExpectations exact = pool.withSession(
                spice -> SituationExpectations.of(spice, s, noise.band()));
        double h = noise.gridStep();
        long first = Math.round(r.guard() / h);
        long last = first + Math.round(s.bitDuration() / h);
        int[] lags = ControlVariates.lags(h, ControlVariates.loopTimeConstant(s));
        double[][] out = new double[12][];
        int row = 0;
        for (Resistor alice : Resistor.values()) {
            Situation situation = Situation.secure(alice);
            double[] expected = TrapezoidModel.products(exact.moments().get(situation));
            double[] scale = {expected[0], expected[1], expected[2], expected[3], Math.sqrt(expected[0] * expected[2]),
                    Math.sqrt(expected[1] * expected[3])};
            List<double[]> controls = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < s.bits(); i++) {
                if (r.aliceResistors().get(i) == alice) {
                    controls.add(ControlVariates.controls(noise, s.seed(), i, first, last, lags));
                    rows.add(r.bitAverages().get(i));
                }
            }
            double[][] c = controls.toArray(new double[0][]);
            for (int p = 0; p < WindowMoments.PRODUCTS; p++) {
                double[] y = new double[rows.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = rows.get(i)[p] / scale[p];
                }
                ControlVariates.Estimate e = ControlVariates.adjustedMean(y, c);
                out[row++] = new double[] {e.mean() - expected[p] / scale[p], e.standardError()};
            }
        }
        return out;
    }

    @Test
    void everyMomentIsUnbiasedAtOneAndTwoGridPointsPerNyquistIntervalWhereTheFirNoiseIsNot() {
        List<String> failures = new ArrayList<>();
        for (int k : new int[] {1, 2}) {
            BitExchangeResult r = BitExchangeSimulation.run(pool, settings(k, AccuracyGoal.MOMENTS, 0, 800),
                    i -> { });
            assertTrue(r.settings().injectedNoise() instanceof PrewarpedNoise);
            assertEquals(1, r.steps().stepsPerSample());
            // a NaN bound would mean ngspice cut steps (then the map is not the bilinear one)
            assertTrue(r.discretisationBound() <= 1e-4, r.steps().toString());
            double[][] d = deviations(pool, r);
            for (int i = 0; i < d.length; i++) {
                String line = String.format(Locale.ROOT, "pre-warped K = %d, %s product %d: deviation %+.2e of scale,"
                        + " se %.1e", k, i < 6 ? "HL" : "LH", i % 6, d[i][0], d[i][1]);
                System.out.println(line);
                if (!(d[i][1] <= 5e-4)) {
                    failures.add(line + ": too weak to see a 0.5 % bias");
                }
                if (!(Math.abs(d[i][0]) <= r.discretisationBound() + 4 * d[i][1])) {
                    failures.add(line + ": beyond the bound " + r.discretisationBound() + " + 4 se");
                }
            }
        }
        // the plain FIR noise at the same solver step (K = 2, one step per grid point): measurably biased
        BitExchangeResult fir = BitExchangeSimulation.run(pool, settings(2, AccuracyGoal.FIR, 1, 400), i -> { });
        double[][] d = deviations(pool, fir);
        double worst = 0;
        for (int i = 0; i < d.length; i++) {
            System.out.printf(Locale.ROOT, "FIR K = 2, one step per point, %s product %d: deviation %+.2e of scale,"
                    + " se %.1e%n", i < 6 ? "HL" : "LH", i % 6, d[i][0], d[i][1]);
            if (Math.abs(d[i][0]) > 4 * d[i][1]) {
                worst = Math.max(worst, Math.abs(d[i][0]));
            }
        }
        if (!(worst > 5e-3)) {
            failures.add("the FIR noise at the same step shows no bias above 0.5 % and 4 se (" + worst
                    + "): the check could not tell");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theVarianceOfAMeanSquareIsInflatedAsPredicted() {
        BitExchangeResult r = BitExchangeSimulation.run(pool, settings(1, AccuracyGoal.MOMENTS, 0, 800),
                i -> { });
        BitExchangeSettings s = r.settings();
        SituationExpectations exact = pool.withSession(
                spice -> SituationExpectations.of(spice, s, s.injectedNoise().band()));
        double hs = s.injectedNoise().gridStep();
        for (Resistor alice : Resistor.values()) {
            Situation situation = Situation.secure(alice);
            KljnLoop loop = new KljnLoop(PAIR, alice, alice.other(), s.line());
            EveStatistics stats = EveStatistics.of(loop, exact.transfer().get(situation), s.tEff());
            int ua = Attack.values().length;
            double plain = stats.decisionVarianceRates(s.beta(), f -> 1)[ua] / s.bitDuration();
            double warped = stats.decisionVarianceRates(s.beta(), f -> 1 + Math.pow(Math.PI * f * hs, 2))[ua]
                    / s.bitDuration();
            double sum = 0, sum2 = 0;
            int n = 0;
            for (int i = 0; i < s.bits(); i++) {
                if (r.aliceResistors().get(i) == alice) {
                    double x = r.bitAverages().get(i)[WindowMoments.UA2];
                    sum += x;
                    sum2 += x * x;
                    n++;
                }
            }
            double mean = sum / n;
            double variance = (sum2 - n * mean * mean) / (n - 1);
            double allowance = 4 * Math.sqrt(2.0 / (n - 1)) + 0.05;
            System.out.printf(Locale.ROOT, "%s <U_A^2>: variance %.4e over %d bits; pre-warped prediction %.4e (ratio"
                    + " %.3f), continuous %.4e (ratio %.3f); allowance %.3f%n", situation, variance, n, warped,
                    variance / warped, plain, variance / plain, allowance);
            assertEquals(1, variance / warped, allowance, situation + ": pre-warped variance prediction");
            assertTrue(Math.abs(variance / plain - 1) > allowance, situation + ": the check must tell the inflation");
        }
    }
}

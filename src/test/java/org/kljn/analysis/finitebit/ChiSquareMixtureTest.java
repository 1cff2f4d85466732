package org.kljn.analysis.finitebit;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ChiSquareMixture} against closed forms (χ² through the regularised incomplete gamma function, which
 * Commons Math evaluates directly in each tail; the hypoexponential partial fractions; the difference of two
 * exponentials) and a Monte Carlo of a mixed-sign mixture with χ²_1 terms.
 */
class ChiSquareMixtureTest {

    /**
     * Single χ²_d scaled by w: relative error ≤ 1e-6 (1e-4 for d ≤ 2) in both tails down to 1e-14, and the
     * reported bound covers the actual error.
     */
    @ParameterizedTest(name = "d={0}")
    @ValueSource(doubles = {1, 2, 3, 7.5, 20, 200})
    void singleChiSquareMatchesTheIncompleteGammaFunction(double dof) {
        double w = 1.7;
        ChiSquareMixture m = ChiSquareMixture.of(new double[] {w}, new double[] {dof});
        assertEquals(w * dof, m.mean(), 1e-12 * w * dof);
        assertEquals(2 * w * w * dof, m.variance(), 1e-12 * w * w * dof);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, dof);
        // total dof ≤ 2: the integrand decays only like t^{−1−d/2} and the sum stops at 2^18 points
        double tolerance = dof <= 2 ? 1e-4 : 1e-6;
        for (double p : new double[] {1e-14, 1e-9, 1e-6, 1e-3, 0.1, 0.5, 0.9}) {
            double[] xs = {w * chi.inverseCumulativeProbability(p), w * chi.inverseCumulativeProbability(1 - p)};
            if (p < 1e-6) {
                xs[1] = w * 2 * upperQuantileByBisection(dof / 2, p);
            }
            for (double x : xs) {
                double survival = Gamma.regularizedGammaQ(dof / 2, x / w / 2);
                double cdf = Gamma.regularizedGammaP(dof / 2, x / w / 2);
                ChiSquareMixture.Probability s = m.survivalWithBound(x);
                ChiSquareMixture.Probability c = m.cdfWithBound(x);
                assertEquals(survival, s.value(), tolerance * survival, "survival at x=" + x);
                assertEquals(cdf, c.value(), tolerance * cdf, "cdf at x=" + x);
                assertTrue(Math.abs(s.value() - survival) <= s.errorBound() + 1e-12 * survival,
                        "bound " + s.errorBound() + " below the actual error at x=" + x);
                assertTrue(Math.abs(c.value() - cdf) <= c.errorBound() + 1e-12 * cdf,
                        "bound " + c.errorBound() + " below the actual error at x=" + x);
            }
        }
    }

    /** x with Q(a, x) = p for tiny p (Commons Math's inverse goes through 1 − p). */
    private static double upperQuantileByBisection(double a, double p) {
        double lo = a;
        double hi = a + 10;
        while (Gamma.regularizedGammaQ(a, hi) > p) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (Gamma.regularizedGammaQ(a, mid) > p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Distinct weights with d = 2 (w χ²_2 is exponential with mean 2w): the hypoexponential survival
     * P(Q &gt; x) = Σ_j Π_{k≠j} w_j/(w_j − w_k) e^{−x/(2w_j)}.
     */
    @Test
    void sumOfExponentialsMatchesPartialFractions() {
        double[] w = {0.5, 1.3, 2.9, 4.0};
        ChiSquareMixture m = ChiSquareMixture.of(w, new double[] {2, 2, 2, 2});
        for (double x : new double[] {0.05, 1, 5, 17.3, 40, 100, 200}) {
            double s = 0;
            for (int j = 0; j < w.length; j++) {
                double coefficient = 1;
                for (int k = 0; k < w.length; k++) {
                    if (k != j) {
                        coefficient *= w[j] / (w[j] - w[k]);
                    }
                }
                s += coefficient * Math.exp(-x / (2 * w[j]));
            }
            assertEquals(s, m.survival(x), 1e-8 * s, "survival at " + x);
            // the cdf at small x is the left tail: check it relative to itself where the formula is accurate
            assertEquals(1 - s, m.cdf(x), 1e-9 + 1e-8 * (1 - s), "cdf at " + x);
        }
        assertTrue(m.survival(200) < 1e-9 && m.survival(200) > 0, "the test reaches 1e-9");
    }

    /** Equal weights given separately are one χ² with the summed degrees of freedom; nearly equal ones too. */
    @Test
    void equalWeightsAddTheirDegreesOfFreedom() {
        ChiSquareMixture m = ChiSquareMixture.of(new double[] {0.3, 0.3, 0.3}, new double[] {1, 2, 4});
        ChiSquareMixture near = ChiSquareMixture.of(new double[] {0.3, 0.3 * (1 + 1e-9), 0.3 * (1 - 1e-9)},
                new double[] {1, 2, 4});
        assertEquals(1, m.weights().length);
        assertEquals(3, near.weights().length);
        for (double x : new double[] {0.2, 1, 2.1, 5, 12}) {
            double survival = Gamma.regularizedGammaQ(3.5, x / 0.6);
            assertEquals(survival, m.survival(x), 1e-9 * survival);
            // a relative weight change of 1e-9 moves the probability by at most ~1e-9 × x × density
            assertEquals(survival, near.survival(x), 1e-7 * survival);
            assertEquals(Gamma.regularizedGammaP(3.5, x / 0.6), near.cdf(x), 1e-7);
        }
    }

    /**
     * Q = a χ²_2 − b χ²_2 = U − V with U, V exponential of means α = 2a, β = 2b:
     * P(Q &gt; x) = α/(α+β) e^{−x/α} (x ≥ 0), P(Q ≤ x) = β/(α+β) e^{x/β} (x ≤ 0).
     */
    @Test
    void differenceOfTwoChiSquaresMatchesTheClosedForm() {
        double a = 1.5;
        double b = 0.4;
        ChiSquareMixture m = ChiSquareMixture.of(new double[] {a, -b}, new double[] {2, 2});
        double alpha = 2 * a;
        double beta = 2 * b;
        assertEquals(a * 2 - b * 2, m.mean(), 1e-12);
        for (double x : new double[] {0, 0.1, 1, 10, 50, 60}) {
            double s = alpha / (alpha + beta) * Math.exp(-x / alpha);
            assertEquals(s, m.survival(x), 1e-8 * s, "survival at " + x);
        }
        for (double x : new double[] {-0.1, -1, -5, -15}) {
            double c = beta / (alpha + beta) * Math.exp(x / beta);
            assertEquals(c, m.cdf(x), 1e-8 * c, "cdf at " + x);
        }
        // density: α/(α+β)·e^{−x/α}/α for x > 0
        for (double x : new double[] {0.3, 2, 9}) {
            double f = Math.exp(-x / alpha) / (alpha + beta);
            assertEquals(f, m.density(x), 1e-7 * f, "density at " + x);
        }
        double f = Math.exp(-2 / beta) / (alpha + beta);
        assertEquals(f, m.density(-2), 1e-7 * f, "density at -2");
    }

    /**
     * Many distinct small weights (all in the power-sum series): w_j = 1 + 1e-12 j, d = 2, j &lt; 5000, i.e.
     * χ²_10000 with weights perturbed by ≤ 5e-9 (relative), which moves a tail probability at x by at most
     * ~5e-9·x·f(x)/S(x) ≲ 1e-5 relative out to 1e-9.
     */
    @Test
    void largeMixtureMatchesTheChiSquareItApproximates() {
        int n = 5000;
        double[] w = new double[n];
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = 1 + 1e-12 * j;
            d[j] = 2;
        }
        ChiSquareMixture m = ChiSquareMixture.of(w, d);
        assertEquals(n, m.weights().length);
        for (double x : new double[] {9000, 9800, 10000, 10300, 10600, 11000}) {
            double s = Gamma.regularizedGammaQ(n, x / 2);
            double c = Gamma.regularizedGammaP(n, x / 2);
            assertEquals(s, m.survival(x), 1e-5 * s, "survival at " + x);
            assertEquals(c, m.cdf(x), 1e-5 * c, "cdf at " + x);
        }
        assertTrue(Gamma.regularizedGammaQ(n, 11000 / 2.0) < 1e-9, "the test reaches 1e-9");
    }

    /**
     * Monte Carlo of Q = 3χ²_1 + χ²_1 − 0.5χ²_2 − 2χ²_3 (the slowest-converging case: total dof 7), 10^6
     * draws, fixed seed. Each check allows z = 5 standard errors √(p(1−p)/n) (two-sided false-failure
     * probability 5.7e-7 per check, ~1e-5 for the 20 checks); at p = 0.5 that is 0.0025, so a bias of
     * 0.003 in a bulk probability is caught, and at p ≈ 1e-3 (standard error 3.2e-5) a relative bias
     * above 16 %.
     */
    @Test
    void mixedSignMixtureMatchesMonteCarlo() {
        double[] w = {3, 1, -0.5, -2};
        double[] dof = {1, 1, 2, 3};
        ChiSquareMixture m = ChiSquareMixture.of(w, dof);
        int n = 1_000_000;
        var normal = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {12, 34}));
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < w.length; j++) {
                for (int k = 0; k < dof[j]; k++) {
                    double z = normal.sample();
                    sum += w[j] * z * z;
                }
            }
            q[i] = sum;
        }
        double[] xs = {-20, -12, -6, -2, 0, 1, 3, 8, 15, 25};
        for (double x : xs) {
            long above = 0;
            for (double v : q) {
                if (v > x) {
                    above++;
                }
            }
            double pHat = above / (double) n;
            double s = m.survival(x);
            double se = Math.sqrt(s * (1 - s) / n);
            assertEquals(pHat, s, 5 * se, "survival at " + x);
            assertEquals(1 - pHat, m.cdf(x), 5 * se, "cdf at " + x);
        }
        assertTrue(m.survival(25) > 3e-4 && m.survival(25) < 3e-3, "a tail check near 1e-3");
    }

    @Test
    void badInputIsRefusedWithTheValue() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ChiSquareMixture.of(new double[] {1, Double.NaN}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChiSquareMixture.of(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> ChiSquareMixture.of(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> ChiSquareMixture.of(new double[] {0, 0}, new double[] {1, 2}));
    }

    @Test
    void oneSignedMixturesHaveExactZerosOutsideTheirSupport() {
        ChiSquareMixture positive = ChiSquareMixture.of(new double[] {1, 2}, new double[] {1, 1});
        assertEquals(0, positive.cdf(-1));
        assertEquals(1, positive.survival(-1));
        assertEquals(0, positive.density(-1));
        ChiSquareMixture negative = positive.negate();
        assertEquals(0, negative.survival(0.5));
        assertEquals(positive.survival(2.5), negative.cdf(-2.5), 1e-12);
    }

    /**
     * A far singularity (a weight 1e-16 of the largest and of the other sign, as an eigenvalue's rounding noise leaves)
     * at any scale: the left tail keeps its value and a small bound (issue 22: Alice/Bob's error printed "+/- NaN" at
     * --teff 1e25 or 1e-3, where M(c')e^{-c'x} overflowed and q underflowed). The oracle is the single weight's χ²₄
     * distribution (Commons Math), which the tiny weight moves by about 1e-16 relative.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-20, 1, 1e20})
    void aTinyWeightOfTheOtherSignLeavesTheLeftTailAndItsBoundFinite(double scale) {
        ChiSquareMixture q = ChiSquareMixture.of(new double[] {scale, -1e-16 * scale}, new double[] {4, 2});
        double exact = new ChiSquaredDistribution(4).cumulativeProbability(0.2);
        ChiSquareMixture.Probability p = q.cdfWithBound(0.2 * scale);
        assertEquals(exact, p.value(), 1e-8 * exact, "P(Q <= 0.2 scale)");
        assertTrue(p.errorBound() < 1e-8 * exact, "bound " + p.errorBound());
    }
}

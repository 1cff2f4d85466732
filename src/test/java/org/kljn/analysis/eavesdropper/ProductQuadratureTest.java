package org.kljn.analysis.eavesdropper;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prolate Gram's product rule ({@link WindowEavesdropper#productQuadrature}): its Gauss-Legendre rules, and its
 * error against closed-form integrals of a piecewise-linear G times entire functions of the largest type the Gram
 * meets, at the points {@link WindowEavesdropper#productPoints} chooses.
 */
class ProductQuadratureTest {
    /**
     * Points as Commons Math's (bisection to the last bit), weights to 1e-11 relative: Commons Math's own weights are
     * off by up to 1e-12 at 150 points against a 40-digit reference (ours 9e-14; the outer weights carry
     * 2u/(1 − u²) × the node's rounding). At 505 points (about M = 256), the rule integrates u^{2k}, k &lt; p, to 1e-12
     * relative (measured ≤ 1e-13).
     */
    @Test
    void gaussLegendreRulesAreCommonsMathsAndExact() {
        for (int p : new int[] {5, 40, 120}) {
            double[][] rule = WindowEavesdropper.gaussLegendre(p);
            GaussIntegrator reference = new GaussIntegratorFactory().legendre(p);
            for (int i = 0; i < p; i++) {
                assertEquals(reference.getPoint(i), rule[0][i], 4e-16, "point " + i + " of " + p);
                assertEquals(reference.getWeight(i), rule[1][i], 1e-11 * reference.getWeight(i),
                        "weight " + i + " of " + p);
            }
        }
        int p = 505;
        double[][] rule = WindowEavesdropper.gaussLegendre(p);
        for (int k = 0; k < p; k++) {
            double sum = 0;
            for (int i = 0; i < p; i++) {
                sum += rule[1][i] * Math.pow(rule[0][i], 2 * k);
            }
            double exact = 2.0 / (2 * k + 1);
            assertEquals(exact, sum, 1e-12 * exact, "u^" + 2 * k);
        }
    }

    /**
     * The rule against ∫ G(f) cos(2π s f + φ) df, G piecewise linear on 257 points to f_max (random values, two
     * channels positive and two of both signs, zero at the band's end as after a brick wall), s ≤ τ (the Gram's
     * h = Φ_m Φ_n* is a mixture of these, and s = τ the largest type), exact per grid interval. At the chosen points
     * the error is ≤ the target in units of ∫|G| df (the cosine's ∫|ĥ| is 1), for targets 1e-6 and 1e-10 and band
     * widths ω = πτ f_max from 3 to 1000 (M ≈ 2 … 640), and within rounding (5e-14, measured ≤ 1.1e-14) at the
     * Gram's {@link WindowEavesdropper#PRODUCT_ERROR}. The bound is conservative (measured errors at the chosen
     * points for 1e-6 are 2e-5 … 5e-9 of the target), yet this fails when the rule is wrong or its points fall
     * short by a tenth (measured with p cut to 90 %: ω = 404, 1e-6, 422 points: 6.9e-6).
     */
    @Test
    void productRuleMeetsItsBound() {
        double fMax = 1e3;
        int n = 257;
        double[] f = new double[n];
        double[][] g = new double[n][4];
        Random random = new Random(20);
        for (int k = 0; k < n; k++) {
            f[k] = fMax * k / (n - 1);
            for (int e = 0; e < 4; e++) {
                g[k][e] = k == n - 1 ? 0 : e < 2 ? 0.5 + random.nextDouble() : random.nextDouble() - 0.5;
            }
        }
        double[][] zero = new double[n][4];
        for (double omega : new double[] {3, 60, 404, 1000}) {
            double tau = omega / (Math.PI * fMax);
            for (double target : new double[] {1e-6, 1e-10, WindowEavesdropper.PRODUCT_ERROR}) {
                int p = WindowEavesdropper.productPoints(omega, target);
                WindowEavesdropper.Quadrature q = WindowEavesdropper.productQuadrature(f, n - 1, tau, g, zero, p);
                double allowed = Math.max(target, 5e-14);
                for (double s : new double[] {tau, 0.6 * tau}) {
                    for (double phase : new double[] {0, 1}) {
                        for (int e = 0; e < 4; e++) {
                            double a = 2 * Math.PI * s;
                            double rule = 0;
                            for (int i = 0; i < p; i++) {
                                rule += q.gLh()[i][e] * Math.cos(a * q.x()[i] / (Math.PI * tau) + phase);
                            }
                            double exact = 0;
                            double size = 0;
                            for (int k = 1; k < n; k++) {
                                exact += piece(f[k - 1], f[k], g[k - 1][e], g[k][e], a, phase);
                                size += absoluteIntegral(f[k - 1], f[k], g[k - 1][e], g[k][e]);
                            }
                            double error = Math.abs(rule - exact) / size;
                            assertTrue(error <= allowed, String.format("omega %s, target %s, %d points, s = %.2f tau,"
                                    + " phase %s, channel %d: error %.3g of the integral of |G|", omega, target, p,
                                    s / tau, phase, e, error));
                        }
                    }
                }
            }
        }
    }

    /** ∫ (G linear from g0 at f0 to g1 at f1) cos(af + φ) df, without cancellation (about the midpoint c). */
    private static double piece(double f0, double f1, double g0, double g1, double a, double phase) {
        double c = 0.5 * (f0 + f1);
        double h = 0.5 * (f1 - f0);
        double slope = (g1 - g0) / (f1 - f0);
        double x = a * h;
        // ∫_{−h}^{h} cos(at) dt = 2 sin(x)/a; ∫ t sin(at) dt = 2 h² (sin x − x cos x)/x²
        double even = 2 * h * (x == 0 ? 1 : Math.sin(x) / x);
        double odd = 2 * h * h * sinMinusXCos(x) / (x * x);
        return 0.5 * (g0 + g1) * Math.cos(a * c + phase) * even - slope * Math.sin(a * c + phase) * odd;
    }

    /** sin x − x cos x, by its series below 0.1 (where the difference cancels). */
    private static double sinMinusXCos(double x) {
        if (Math.abs(x) >= 0.1) {
            return Math.sin(x) - x * Math.cos(x);
        }
        double x2 = x * x;
        // Σ_k (−1)^k x^{2k+3} 2(k+1)/(2k+3)!
        return x * x2 * (1.0 / 3 - x2 * (1.0 / 30 - x2 * (1.0 / 840 - x2 * (1.0 / 45360 - x2 / 3991680.0))));
    }

    /** ∫ |G| df over one linear piece. */
    private static double absoluteIntegral(double f0, double f1, double g0, double g1) {
        double h = f1 - f0;
        if (g0 * g1 >= 0) {
            return 0.5 * h * (Math.abs(g0) + Math.abs(g1));
        }
        // a sign change: two triangles
        return 0.5 * h * (g0 * g0 + g1 * g1) / (Math.abs(g0) + Math.abs(g1));
    }
}

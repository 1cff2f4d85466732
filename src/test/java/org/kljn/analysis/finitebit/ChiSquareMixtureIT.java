package org.kljn.analysis.finitebit;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The costly part of {@link ChiSquareMixture}'s checks (161 density evaluations of a mixed-sign mixture: about 10 s),
 * run by failsafe in mvn verify; the closed-form and Monte Carlo checks are in {@code ChiSquareMixtureTest}.
 */
@Tag("integration")
class ChiSquareMixtureIT {

    /** The density integrates to the cdf (Simpson over [x0, x1]) and matches χ²_3's. */
    @Test
    void densityIsTheDerivativeOfTheCdf() {
        ChiSquareMixture chi3 = ChiSquareMixture.of(new double[] {2}, new double[] {3});
        ChiSquaredDistribution ref = new ChiSquaredDistribution(null, 3);
        for (double x : new double[] {0.1, 1, 6, 30}) {
            double f = ref.density(x / 2) / 2;
            assertEquals(f, chi3.density(x), 1e-7 * f);
        }
        ChiSquareMixture m = ChiSquareMixture.of(new double[] {3, 1, -0.5, -2}, new double[] {1, 1, 2, 3});
        double x0 = -4;
        double x1 = 7;
        int n = 160;
        double step = (x1 - x0) / n;
        double integral = 0;
        for (int i = 0; i <= n; i++) {
            double weight = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            integral += weight * m.density(x0 + i * step);
        }
        integral *= step / 3;
        assertEquals(m.cdf(x1) - m.cdf(x0), integral, 1e-6);
    }
}

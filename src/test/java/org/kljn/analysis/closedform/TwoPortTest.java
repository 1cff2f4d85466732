package org.kljn.analysis.closedform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwoPortTest {

    /** A few ulps of rounding accumulate through cosh/sinh/sqrt and a handful of products. */
    private static final double ROUNDING = 1e-13;

    @Test
    void seriesResistorAndShuntAdmittanceHaveTheTextbookMatrices() {
        TwoPort r = TwoPort.seriesResistor(47.0);
        assertEquals(new Complex(1, 0), r.a());
        assertEquals(new Complex(47, 0), r.b());
        assertEquals(new Complex(0, 0), r.c());
        assertEquals(new Complex(1, 0), r.d());
        TwoPort y = TwoPort.shuntAdmittance(new Complex(0.0, 2e-3));
        assertEquals(new Complex(0, 2e-3), y.c());
        assertEquals(Complex.ZERO, y.b());
    }

    @Test
    void cascadeOfSeriesResistorsAddsResistances() {
        TwoPort sum = TwoPort.seriesResistor(10.0).cascade(TwoPort.seriesResistor(32.5));
        assertEquals(0.0, sum.maxScaledDifference(TwoPort.seriesResistor(42.5), 1.0), 0.0,
                "exact in binary: 10 + 32.5 = 42.5");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1e-9, 1.0, 1e3, 1e6})
    void everyFactoryIsReciprocalAndSymmetric(double omega) {
        for (TwoPort p : distributedModels(1e3, 1e-6, omega)) {
            // det = AD - BC = 1 (reciprocity), A = D (symmetry); rounding grows with |theta| through cosh^2 - sinh^2.
            double scale = p.a().abs() * p.d().abs() + 1.0;
            assertEquals(0.0, p.determinant().subtract(Complex.ONE).abs(), ROUNDING * scale, "det at omega=" + omega);
            assertEquals(0.0, p.a().subtract(p.d()).abs(), ROUNDING * p.a().abs(), "A=D at omega=" + omega);
        }
    }

    @Test
    void reversingASymmetricNetworkLeavesItUnchanged() {
        TwoPort line = TwoPort.uniformRcLine(2e3, 3e-7, 5e3);
        assertTrue(line.reversed().maxScaledDifference(line, 2e3) < ROUNDING * line.a().abs());
    }

    /**
     * The symmetric T ladder is the midpoint rule for the telegrapher's equations, so its error is O(1/N^2):
     * doubling N divides the error by 4. The line is electrically long here (omega R C = 4) so the error is well
     * above rounding for every N used.
     */
    @Test
    void rcLadderConvergesToUniformLineAtSecondOrder() {
        double r = 1e3;
        double c = 1e-6;
        double omega = 4.0 / (r * c);
        TwoPort exact = TwoPort.uniformRcLine(r, c, omega);
        List<Double> errors = new ArrayList<>();
        for (int n = 4; n <= 512; n *= 2) {
            errors.add(TwoPort.rcLadder(r, c, n, omega).maxScaledDifference(exact, r));
        }
        for (int i = 0; i + 1 < errors.size(); i++) {
            double ratio = errors.get(i) / errors.get(i + 1);
            // Ratio = 4 (1 + O(1/N^2)); from N = 4 on it is already within 10 %.
            assertEquals(4.0, ratio, 0.4, "error ratio N -> 2N at step " + i + ", errors " + errors);
        }
        double lastRatio = errors.get(errors.size() - 2) / errors.get(errors.size() - 1);
        // N = 256 -> 512: the O(1/N^2) correction to the ratio is ~ (omega R C)/N^2 ~ 1e-4 (observed: 4.00000);
        // allow a relative 1e-3.
        assertEquals(4.0, lastRatio, 4e-3, "asymptotic ratio, errors " + errors);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1.0, 1e2, 1e4, 1e6, 1e7})
    void transmissionLineWithoutLAndGIsTheUniformRcLine(double omega) {
        double rPerMetre = 0.17;
        double cPerMetre = 1e-10;
        double length = 2e4; // R = 3.4 kohm, C = 2 uF: omega R C from 7e-6 to 5e4
        TwoPort telegraph = TwoPort.transmissionLine(rPerMetre, 0.0, 0.0, cPerMetre, length, omega);
        TwoPort rc = TwoPort.uniformRcLine(rPerMetre * length, cPerMetre * length, omega);
        // Two different evaluations (Z0 sinh vs z l sinhc). Entries grow like cosh|theta|, so the tolerance is
        // relative to |A|; and cosh, sinh have condition number ~|theta| (theta itself is rounded), so a long
        // line (|theta| = 260 at the top frequency) legitimately loses log10|theta| digits.
        double theta = Math.sqrt(omega * rPerMetre * length * cPerMetre * length);
        double tolerance = ROUNDING * Math.max(1.0, theta) * Math.max(1.0, rc.a().abs());
        assertTrue(telegraph.maxScaledDifference(rc, rPerMetre * length) <= tolerance,
                () -> "omega=" + omega + ": " + telegraph + " vs " + rc);
    }

    @Test
    void atZeroFrequencyEveryDistributedModelIsTheSeriesResistor() {
        double r = 1e3;
        TwoPort resistor = TwoPort.seriesResistor(r);
        for (TwoPort p : distributedModels(r, 1e-6, 0.0)) {
            // The ladder sums 2N pieces R/(2N): a few ulps.
            assertTrue(p.maxScaledDifference(resistor, r) <= 1e-14, () -> p.toString());
        }
        TwoPort telegraph = TwoPort.transmissionLine(0.1, 2.5e-7, 0.0, 1e-10, 1e4, 0.0);
        assertTrue(telegraph.maxScaledDifference(resistor, r) <= 1e-14, telegraph::toString);
    }

    /**
     * Continuity of the omega -&gt; 0 limit: the deviation from the series resistor is first order in omega,
     * bounded by omega (R C + L / R) (A - 1 ~ j omega R C / 2, B - R ~ j omega L + R (j omega R C)/6,
     * C ~ j omega C).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-2, 1e-5, 1e-8, 1e-11})
    void atLowFrequencyEveryDistributedModelApproachesTheSeriesResistor(double omega) {
        double r = 1e3;
        double c = 1e-6;
        double l = 2.5e-3;
        TwoPort resistor = TwoPort.seriesResistor(r);
        double bound = 1.01 * omega * (r * c + l / r) + 1e-15;
        for (TwoPort p : distributedModels(r, c, omega)) {
            assertTrue(p.maxScaledDifference(resistor, r) <= bound, () -> "omega=" + omega + " " + p);
        }
        TwoPort telegraph = TwoPort.transmissionLine(r / 1e4, l / 1e4, 0.0, c / 1e4, 1e4, omega);
        assertTrue(telegraph.maxScaledDifference(resistor, r) <= bound, telegraph::toString);
    }

    @Test
    void uniformRcLineIsContinuousAcrossItsSeriesThreshold() {
        // |theta|^2 = omega R C crosses the 1e-8 switch between Taylor series and Z0 form.
        double r = 1e3;
        double c = 1e-6;
        TwoPort below = TwoPort.uniformRcLine(r, c, 0.999e-8 / (r * c));
        TwoPort above = TwoPort.uniformRcLine(r, c, 1.001e-8 / (r * c));
        // The two differ by the true change over that d(omega) (~1e-11 scaled) plus rounding: no jump at the switch.
        assertTrue(below.maxScaledDifference(above, r) < 1e-10, () -> below + " vs " + above);
    }

    private static List<TwoPort> distributedModels(double r, double c, double omega) {
        return List.of(
                TwoPort.uniformRcLine(r, c, omega),
                TwoPort.rcLadder(r, c, 1, omega),
                TwoPort.rcLadder(r, c, 37, omega),
                TwoPort.transmissionLine(r / 500.0, 0.0, 0.0, c / 500.0, 500.0, omega));
    }
}

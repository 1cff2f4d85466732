package org.kljn.analysis.closedform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

class LoopTransferTest {

    /** Complex arithmetic on O(1)-scaled quantities: a few ulps per operation, a dozen operations. */
    private static final double ROUNDING = 1e-13;

    /**
     * The solution must satisfy the three defining relations for any two-port (here random complex ABCD,
     * not even reciprocal): U_A = V_a - R_A I_A, U_B = V_b + R_B I_B, and [U_A; I_A] = ABCD [U_B; I_B].
     */
    @Test
    void solutionSatisfiesBranchEquationsAndTheCableRelation() {
        SplittableRandom random = new SplittableRandom(RandomLoops.SEED);
        for (int trial = 0; trial < 200; trial++) {
            double rA = RandomLoops.logUniform(random, 1.0, 1e6);
            double rB = RandomLoops.logUniform(random, 1.0, 1e6);
            // Scale B by ohms and C by siemens of the loop so that all terms are comparable.
            double r0 = Math.sqrt(rA * rB);
            TwoPort cable = new TwoPort(randomComplex(random), randomComplex(random).multiply(r0),
                    randomComplex(random).divide(r0), randomComplex(random));
            LoopTransfer h = LoopTransfer.of(rA, rB, cable);
            for (NoiseSource s : NoiseSource.values()) {
                LoopTransfer.Response x = h.from(s);
                Complex va = s == NoiseSource.ALICE ? Complex.ONE : Complex.ZERO;
                Complex vb = s == NoiseSource.BOB ? Complex.ONE : Complex.ZERO;
                double scale = 1.0 + x.voltageA().abs() + x.voltageB().abs() + r0 * (x.currentA().abs() + x.currentB().abs());
                assertSmall(x.voltageA().subtract(va.subtract(x.currentA().multiply(rA))), scale, "Alice branch");
                assertSmall(x.voltageB().subtract(vb.add(x.currentB().multiply(rB))), scale, "Bob branch");
                Complex uA = cable.a().multiply(x.voltageB()).add(cable.b().multiply(x.currentB()));
                Complex iA = cable.c().multiply(x.voltageB()).add(cable.d().multiply(x.currentB()));
                double cableScale = scale * (cable.a().abs() + cable.d().abs() + 2.0);
                assertSmall(x.voltageA().subtract(uA), cableScale, "ABCD voltage row");
                assertSmall(x.currentA().subtract(iA).multiply(r0), cableScale, "ABCD current row");
            }
        }
    }

    @Test
    void seriesResistorGivesOneLoopCurrent() {
        LoopTransfer h = LoopTransfer.of(1e3, 9e3, TwoPort.seriesResistor(100.0));
        double r = 1e3 + 100.0 + 9e3;
        assertEquals(1.0 / r, h.fromAlice().currentA().getReal(), 1e-16 / r);
        assertEquals(1.0 / r, h.fromAlice().currentB().getReal(), 1e-16 / r);
        assertEquals(-1.0 / r, h.fromBob().currentA().getReal(), 1e-16 / r);
        assertEquals(-1.0 / r, h.fromBob().currentB().getReal(), 1e-16 / r);
        assertEquals((100.0 + 9e3) / r, h.fromAlice().voltageA().getReal(), 1e-15);
        assertEquals((1e3 + 100.0) / r, h.fromBob().voltageB().getReal(), 1e-15);
    }

    private static Complex randomComplex(SplittableRandom random) {
        return new Complex(random.nextDouble(-1.0, 1.0), random.nextDouble(-1.0, 1.0));
    }

    private static void assertSmall(Complex residual, double scale, String what) {
        assertEquals(0.0, residual.abs(), ROUNDING * scale, what);
    }
}

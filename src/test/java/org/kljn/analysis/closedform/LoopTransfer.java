package org.kljn.analysis.closedform;

import org.kljn.analysis.exact.Probe;

import java.util.Objects;
import org.apache.commons.math3.complex.Complex;

/**
 * Complex transfer functions of the KLJN loop at one frequency, from each generator to each probe.
 *
 * <p>Solved from Alice's branch {@code U_A = V_a - R_A I_A}, Bob's branch {@code U_B = V_b + R_B I_B}
 * and the cable's ABCD relation {@code U_A = A U_B + B I_B}, {@code I_A = C U_B + D I_B}. Eliminating
 * gives, with the loop determinant {@code Delta = A R_B + B + C R_A R_B + D R_A}:
 * <pre>
 *   I_B = [V_a - (A + C R_A) V_b] / Delta
 *   from V_a:  U_A = (A R_B + B)/Delta,  U_B = R_B/Delta,  I_A = (C R_B + D)/Delta,  I_B = 1/Delta
 *   from V_b:  U_A = R_A det/Delta,      U_B = (B + D R_A)/Delta,  I_A = -det/Delta,  I_B = -(A + C R_A)/Delta
 * </pre>
 * where {@code det = AD - BC} (1 for a reciprocal cable; kept general so a non-reciprocal test network is
 * still solved correctly). For the series resistor R_c this is {@code I = (V_a - V_b)/(R_A + R_c + R_B)}.
 *
 * @param fromAlice response to V_a = 1 V with V_b = 0
 * @param fromBob response to V_b = 1 V with V_a = 0
 */
public record LoopTransfer(Response fromAlice, Response fromBob) {

    /**
     * Response of the four probes to a unit generator voltage.
     *
     * @param voltageA U_A per volt of the generator (dimensionless)
     * @param voltageB U_B per volt (dimensionless)
     * @param currentA I_A per volt (siemens), positive into the cable at A
     * @param currentB I_B per volt (siemens), positive out of the cable at B
     */
    public record Response(Complex voltageA, Complex voltageB, Complex currentA, Complex currentB) {
        public Response {
            Objects.requireNonNull(voltageA, "voltageA");
            Objects.requireNonNull(voltageB, "voltageB");
            Objects.requireNonNull(currentA, "currentA");
            Objects.requireNonNull(currentB, "currentB");
        }

        /** The transfer function to {@code probe}. */
        public Complex to(Probe probe) {
            return switch (probe) {
                case U_A -> voltageA;
                case U_B -> voltageB;
                case I_A -> currentA;
                case I_B -> currentB;
            };
        }
    }

    public LoopTransfer {
        Objects.requireNonNull(fromAlice, "fromAlice");
        Objects.requireNonNull(fromBob, "fromBob");
    }

    /**
     * Solves the loop.
     *
     * @param resistanceA R_A, Alice's resistor, ohms (&gt; 0 or the loop may be singular)
     * @param resistanceB R_B, Bob's resistor, ohms
     * @param cable the cable's ABCD matrix at the frequency of interest, input = end A
     */
    public static LoopTransfer of(double resistanceA, double resistanceB, TwoPort cable) {
        Objects.requireNonNull(cable, "cable");
        Complex a = cable.a();
        Complex b = cable.b();
        Complex c = cable.c();
        Complex d = cable.d();
        Complex delta = a.multiply(resistanceB).add(b)
                .add(c.multiply(resistanceA * resistanceB)).add(d.multiply(resistanceA));
        if (delta.isNaN() || delta.abs() == 0.0) {
            throw new ArithmeticException("singular loop: Delta = " + delta);
        }
        Complex det = cable.determinant();
        Response alice = new Response(
                a.multiply(resistanceB).add(b).divide(delta),
                new Complex(resistanceB, 0.0).divide(delta),
                c.multiply(resistanceB).add(d).divide(delta),
                Complex.ONE.divide(delta));
        Response bob = new Response(
                det.multiply(resistanceA).divide(delta),
                b.add(d.multiply(resistanceA)).divide(delta),
                det.negate().divide(delta),
                a.add(c.multiply(resistanceA)).negate().divide(delta));
        return new LoopTransfer(alice, bob);
    }

    /** The response to {@code source}. */
    public Response from(NoiseSource source) {
        return source == NoiseSource.ALICE ? fromAlice : fromBob;
    }
}

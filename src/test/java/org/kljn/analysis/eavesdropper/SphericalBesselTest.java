package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link WindowEavesdropper#spherical} (Miller's backward recurrence) against 40-digit values of
 * j_m(x) = √(π/2x) J_{m+½}(x), from mpmath 1.3.0:
 * {@code mpmath.mp.dps = 40; mpmath.sqrt(mpmath.pi/(2*x)) * mpmath.besselj(m + mpmath.mpf(1)/2, x)}.
 */
class SphericalBesselTest {
    /** {x, m, j_m(x)}: x exact in binary; orders up to the table's last (n = 480, the Legendre order at M = 256). */
    private static final double[][] VALUES = {
        {0.5, 0, 9.5885107720840600055e-1},
        {0.5, 1, 1.6253703063606656886e-1},
        {0.5, 7, 3.8259240690038473898e-9},
        {0.5, 100, 5.883713724788949162e-220},
        {30.75, 0, -2.0090665834500682234e-2},
        {30.75, 1, -2.6225541002777016333e-2},
        {30.75, 7, 3.2003686052215682234e-2},
        {30.75, 100, 4.3064558811942269424e-42},
        {30.75, 300, 8.4377293321791779717e-261},
        {404.125, 0, 2.2488643034203599816e-3},
        {404.125, 1, 1.0378777327320020456e-3},
        {404.125, 7, -1.1856306777608300382e-3},
        {404.125, 100, 2.2898953928568662581e-3},
        {404.125, 300, 1.8384631972801796286e-3},
        {404.125, 420, 1.0177661635801192813e-4},
        {404.125, 470, 1.8941754548866430448e-14},
        {404.125, 479, 9.5670424838703615781e-17},
        {470.0, 0, -2.0115436431262206337e-3},
        {470.0, 1, -6.9755286862095549438e-4},
        {470.0, 7, 8.1186253633758317347e-4},
        {470.0, 100, -2.6302793493948298789e-4},
        {470.0, 300, -2.2650460799454949935e-3},
        {470.0, 420, -9.390171412183783656e-4},
        {470.0, 470, 3.1293464594559288299e-3},
        {470.0, 479, 6.3613376013510765957e-4}
    };

    /**
     * Every value to 1e-13 relative (measured ≤ 6e-15), down to 1e-261 and at the top of the table beside the
     * turning point (x = 404.125, m = 479): the recurrence's start must lie far enough above both n and x that the
     * growing solution it brings in has died out (starting 16 orders above n instead of 32 leaves 1.2e-10 there).
     */
    @Test
    void sphericalBesselValuesAreMpmaths() {
        for (double[] v : VALUES) {
            double[] j = WindowEavesdropper.spherical(v[0], 480);
            assertEquals(v[2], j[(int) v[1]], 1e-13 * Math.abs(v[2]), "j_" + (int) v[1] + "(" + v[0] + ")");
        }
    }
}

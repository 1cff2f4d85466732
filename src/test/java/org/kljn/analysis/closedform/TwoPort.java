package org.kljn.analysis.closedform;

import java.util.Objects;
import org.apache.commons.math3.complex.Complex;

/**
 * ABCD (transmission, chain) matrix of a linear two-port at one angular frequency:
 * <pre>
 *   [U_in]   [A  B] [U_out]
 *   [I_in] = [C  D] [I_out]
 * </pre>
 * with {@code I_in} flowing INTO the input port and {@code I_out} flowing OUT of the output port,
 * both ports referred to the common ground return. In the KLJN loop the input is cable end A and the
 * output is cable end B, so {@code I_in = I_A} and {@code I_out = I_B} of the package conventions.
 *
 * <p>Units: A and D are dimensionless, B is in ohms, C in siemens. Every factory here builds a
 * reciprocal network ({@code AD - BC = 1}); the symmetric ones also have {@code A = D}.
 *
 * @param a U_in/U_out with the output open (dimensionless)
 * @param b U_in/I_out with the output shorted (ohms)
 * @param c I_in/U_out with the output open (siemens)
 * @param d I_in/I_out with the output shorted (dimensionless)
 */
public record TwoPort(Complex a, Complex b, Complex c, Complex d) {

    /** |theta| below which the distributed-line formulas switch to their Taylor series (see {@link #sinhc}). */
    private static final double SMALL_THETA = 1e-4;

    public TwoPort {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(d, "d");
    }

    /** The identity two-port (a zero-length wire). */
    public static TwoPort identity() {
        return new TwoPort(Complex.ONE, Complex.ZERO, Complex.ZERO, Complex.ONE);
    }

    /** A series impedance {@code z} (ohms) between input and output: [[1, z],[0, 1]]. */
    public static TwoPort seriesImpedance(Complex z) {
        return new TwoPort(Complex.ONE, z, Complex.ZERO, Complex.ONE);
    }

    /**
     * A lumped series resistor {@code resistance} (ohms): the paper's cable model R_c (eqs. 1-13).
     */
    public static TwoPort seriesResistor(double resistance) {
        requireNonNegative(resistance, "resistance");
        return seriesImpedance(new Complex(resistance, 0.0));
    }

    /** A shunt admittance {@code y} (siemens) from the through line to ground: [[1, 0],[y, 1]]. */
    public static TwoPort shuntAdmittance(Complex y) {
        return new TwoPort(Complex.ONE, Complex.ZERO, y, Complex.ONE);
    }

    /** A shunt capacitor {@code capacitance} (farads) to ground at angular frequency {@code omega} (rad/s). */
    public static TwoPort shuntCapacitor(double capacitance, double omega) {
        requireNonNegative(capacitance, "capacitance");
        return shuntAdmittance(new Complex(0.0, omega * capacitance));
    }

    /**
     * A lumped RC ladder approximating a uniform RC line: {@code sections} symmetric T sections in cascade,
     * each series {@code R/(2N)}, shunt {@code C/N} to ground, series {@code R/(2N)}.
     *
     * <p>The symmetric T section is the midpoint rule of the telegrapher's equations, so the ladder
     * converges to {@link #uniformRcLine} with error O(1/N^2).
     *
     * @param totalResistance R, ohms
     * @param totalCapacitance C, farads
     * @param sections N &ge; 1
     * @param omega angular frequency, rad/s
     */
    public static TwoPort rcLadder(double totalResistance, double totalCapacitance, int sections, double omega) {
        requireNonNegative(totalResistance, "totalResistance");
        requireNonNegative(totalCapacitance, "totalCapacitance");
        if (sections < 1) {
            throw new IllegalArgumentException("sections must be >= 1, was " + sections);
        }
        TwoPort halfSeries = seriesResistor(totalResistance / (2.0 * sections));
        TwoPort section = halfSeries
                .cascade(shuntCapacitor(totalCapacitance / sections, omega))
                .cascade(halfSeries);
        // Repeated squaring: log2(N) products instead of N, and less rounding for large N.
        TwoPort result = identity();
        TwoPort power = section;
        for (int n = sections; n > 0; n >>= 1) {
            if ((n & 1) != 0) {
                result = result.cascade(power);
            }
            if (n > 1) {
                power = power.cascade(power);
            }
        }
        return result;
    }

    /**
     * The exact uniform distributed RC line (no inductance, no leakage) of total resistance R and total
     * capacitance C: with {@code theta = sqrt(j omega R C)} and {@code Z0 = sqrt(R/(j omega C))},
     * <pre>  [[cosh theta, Z0 sinh theta], [sinh theta / Z0, cosh theta]].</pre>
     * As omega &rarr; 0 (theta &rarr; 0, Z0 &rarr; &infin;) this tends to the series resistor R, which is
     * returned exactly at omega = 0; for tiny |theta| the Taylor series is used so that nothing overflows.
     *
     * <p>This deliberately evaluates the textbook Z0 form, while {@link #transmissionLine} uses the
     * algebraically equal {@code sinh(theta)/theta} form: the test comparing the two is then a real check.
     *
     * @param totalResistance R, ohms
     * @param totalCapacitance C, farads
     * @param omega angular frequency, rad/s
     */
    public static TwoPort uniformRcLine(double totalResistance, double totalCapacitance, double omega) {
        requireNonNegative(totalResistance, "totalResistance");
        requireNonNegative(totalCapacitance, "totalCapacitance");
        Complex thetaSquared = new Complex(0.0, omega * totalResistance * totalCapacitance);
        if (thetaSquared.abs() < SMALL_THETA * SMALL_THETA) {
            // cosh t = 1 + t^2/2 + t^4/24, sinh t/t = 1 + t^2/6 + t^4/120; truncation error ~ |t|^6 < 1e-24.
            Complex cosh = Complex.ONE.add(thetaSquared.divide(2.0)).add(thetaSquared.multiply(thetaSquared).divide(24.0));
            Complex sinhc = sinhcSeries(thetaSquared);
            return new TwoPort(cosh,
                    sinhc.multiply(totalResistance),
                    sinhc.multiply(new Complex(0.0, omega * totalCapacitance)),
                    cosh);
        }
        Complex theta = thetaSquared.sqrt();
        Complex z0 = new Complex(totalResistance, 0.0).divide(new Complex(0.0, omega * totalCapacitance)).sqrt();
        Complex cosh = theta.cosh();
        Complex sinh = theta.sinh();
        return new TwoPort(cosh, z0.multiply(sinh), sinh.divide(z0), cosh);
    }

    /**
     * A uniform transmission line of the given length with per-metre series R, L and shunt G, C:
     * {@code gamma = sqrt((R + j omega L)(G + j omega C))}, {@code Z0 = sqrt((R + j omega L)/(G + j omega C))},
     * ABCD = [[cosh(gamma l), Z0 sinh(gamma l)], [sinh(gamma l)/Z0, cosh(gamma l)]].
     *
     * <p>Evaluated as {@code B = z l sinhc(theta)}, {@code C = y l sinhc(theta)} with
     * {@code z = R + j omega L}, {@code y = G + j omega C}, {@code theta = gamma l} and
     * {@code sinhc(t) = sinh(t)/t}. This is the same matrix (Z0 theta = z l and theta/Z0 = y l for
     * z, y in the closed first quadrant, where the principal square roots agree) but it has no 0/0 at
     * omega = 0: with G = 0 it is then exactly the series resistor R l, and with G &gt; 0 the leaky DC line.
     *
     * @param resistancePerMetre R', ohm/m
     * @param inductancePerMetre L', H/m
     * @param conductancePerMetre G', S/m
     * @param capacitancePerMetre C', F/m
     * @param length l, m
     * @param omega angular frequency, rad/s
     */
    public static TwoPort transmissionLine(double resistancePerMetre, double inductancePerMetre,
                                           double conductancePerMetre, double capacitancePerMetre,
                                           double length, double omega) {
        requireNonNegative(resistancePerMetre, "resistancePerMetre");
        requireNonNegative(inductancePerMetre, "inductancePerMetre");
        requireNonNegative(conductancePerMetre, "conductancePerMetre");
        requireNonNegative(capacitancePerMetre, "capacitancePerMetre");
        requireNonNegative(length, "length");
        Complex zl = new Complex(resistancePerMetre * length, omega * inductancePerMetre * length);
        Complex yl = new Complex(conductancePerMetre * length, omega * capacitancePerMetre * length);
        Complex thetaSquared = zl.multiply(yl);
        Complex theta = thetaSquared.sqrt();
        Complex sinhc = sinhc(theta, thetaSquared);
        Complex cosh = thetaSquared.abs() < SMALL_THETA * SMALL_THETA
                ? Complex.ONE.add(thetaSquared.divide(2.0)).add(thetaSquared.multiply(thetaSquared).divide(24.0))
                : theta.cosh();
        return new TwoPort(cosh, zl.multiply(sinhc), yl.multiply(sinhc), cosh);
    }

    /**
     * This two-port followed by {@code next} (this one's output feeds {@code next}'s input): the matrix
     * product {@code this * next}.
     */
    public TwoPort cascade(TwoPort next) {
        return new TwoPort(
                a.multiply(next.a).add(b.multiply(next.c)),
                a.multiply(next.b).add(b.multiply(next.d)),
                c.multiply(next.a).add(d.multiply(next.c)),
                c.multiply(next.b).add(d.multiply(next.d)));
    }

    /** The same network driven from the other end: [[D, B],[C, A]] / det (for reciprocal networks det = 1). */
    public TwoPort reversed() {
        Complex det = determinant();
        return new TwoPort(d.divide(det), b.divide(det), c.divide(det), a.divide(det));
    }

    /** {@code AD - BC}; equal to 1 for reciprocal networks (all factories here). */
    public Complex determinant() {
        return a.multiply(d).subtract(b.multiply(c));
    }

    /**
     * Largest entry-wise difference to {@code other}, each entry scaled so that the four entries are
     * comparable: A and D as they are, B divided by {@code referenceOhms}, C multiplied by it.
     */
    public double maxScaledDifference(TwoPort other, double referenceOhms) {
        return Math.max(
                Math.max(a.subtract(other.a).abs(), d.subtract(other.d).abs()),
                Math.max(b.subtract(other.b).abs() / referenceOhms, c.subtract(other.c).abs() * referenceOhms));
    }

    /** sinh(t)/t, by its Taylor series for small |t| (where the quotient would lose digits or be 0/0). */
    private static Complex sinhc(Complex theta, Complex thetaSquared) {
        if (thetaSquared.abs() < SMALL_THETA * SMALL_THETA) {
            return sinhcSeries(thetaSquared);
        }
        return theta.sinh().divide(theta);
    }

    /** 1 + t^2/6 + t^4/120: truncation error ~ |t|^6/5040 &lt; 1e-27 for |t| &lt; 1e-4. */
    private static Complex sinhcSeries(Complex thetaSquared) {
        return Complex.ONE.add(thetaSquared.divide(6.0)).add(thetaSquared.multiply(thetaSquared).divide(120.0));
    }

    private static void requireNonNegative(double value, String name) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }
}

package org.kljn.analysis.closedform;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The generators' band: one-sided PSD {@code S(f) = 4 k T R g(f)} on {@code [lowerFrequency, upperFrequency]}
 * and zero outside.
 *
 * <p>The shape g should be smooth inside the interval (Gauss-Legendre quadrature is used); put any
 * discontinuity, such as the brick-wall edge, at an interval end.
 *
 * @param lowerFrequency lower band edge, Hz (&ge; 0)
 * @param upperFrequency upper band edge, Hz (&gt; lowerFrequency)
 * @param shape dimensionless band shape g(f), f in Hz
 */
public record NoiseBand(double lowerFrequency, double upperFrequency, DoubleUnaryOperator shape) {

    public NoiseBand {
        Objects.requireNonNull(shape, "shape");
        if (!(lowerFrequency >= 0.0) || !(upperFrequency > lowerFrequency) || Double.isInfinite(upperFrequency)) {
            throw new IllegalArgumentException(
                    "need 0 <= lowerFrequency < upperFrequency < infinity, got " + lowerFrequency + ", " + upperFrequency);
        }
    }

    /** The paper's band: g = 1 on [0, &Delta;f] (eq. 2: {@code <U_R^2> = 4 k T R &Delta;f}). */
    public static NoiseBand brickWall(double bandwidth) {
        return new NoiseBand(0.0, bandwidth, f -> 1.0);
    }

    /** g(f). */
    public double gain(double frequency) {
        return shape.applyAsDouble(frequency);
    }
}

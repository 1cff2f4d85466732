package org.kljn.noise;

/**
 * Ideal brick-wall band, g(f) = 1 for 0 ≤ f ≤ Δf and 0 above: the nominal generator of the KLJN paper, whose
 * mean square is 4kTRΔf (eq. 2).
 *
 * @param bandwidth Δf in Hz (&gt; 0)
 */
public record BrickWall(double bandwidth) implements BandShape {

    public BrickWall {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite: " + bandwidth);
        }
    }

    @Override
    public double gain(double f) {
        return f >= 0 && f <= bandwidth ? 1.0 : 0.0;
    }

    @Override
    public double noiseBandwidth() {
        return bandwidth;
    }

    /** Nothing lies above Δf, whatever the tail fraction. */
    @Override
    public double upperFrequency(double tailFraction) {
        return bandwidth;
    }

    @Override
    public String describe() {
        return "brick wall 0.." + bandwidth + " Hz";
    }
}

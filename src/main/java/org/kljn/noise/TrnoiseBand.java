package org.kljn.noise;

import org.kljn.io.Units;

/**
 * The band of ngspice's TRNOISE(NA, NT): Gaussian samples of rms NA every NT, linearly interpolated. Its
 * time-averaged one-sided PSD is 2 NA² NT sinc⁴(f NT) (the triangle kernel's transform squared), so with
 * NT = 1/(2Δf) and NA² = 4kTRΔf the level at low frequency is 4kTR and the shape is g(f) = sinc⁴(f/(2Δf)):
 * not a brick wall, with a noise bandwidth of only 2Δf/3 (the measured rms of 0.818 NA, √(2/3), in
 * ../shared/notes/ngspice-39.md).
 *
 * @param bandwidth the nominal Δf, Hz; NT = 1/(2Δf)
 */
public record TrnoiseBand(double bandwidth) implements BandShape {

    public TrnoiseBand {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite: " + bandwidth);
        }
    }

    /** TRNOISE's sample time NT = 1/(2Δf). */
    public double sampleTime() {
        return 1 / (2 * bandwidth);
    }

    @Override
    public double gain(double f) {
        double x = Math.PI * f * sampleTime();
        if (Math.abs(x) < 1e-8) {
            return 1.0;
        }
        double s = Math.sin(x) / x;
        return s * s * s * s;
    }

    /** ∫_0^∞ sinc⁴(f NT) df = 1/(3 NT) = 2Δf/3. */
    @Override
    public double noiseBandwidth() {
        return 1 / (3 * sampleTime());
    }

    /** sinc⁴ ≤ (π f NT)^-4, so the tail above F is at most a fraction 1/(π⁴ (F NT)³) of the bandwidth. */
    @Override
    public double upperFrequency(double tailFraction) {
        return Math.cbrt(1 / (Math.pow(Math.PI, 4) * tailFraction)) / sampleTime();
    }

    @Override
    public String describe() {
        return "TRNOISE, NT = " + Units.si(sampleTime(), "s") + " (sinc^4 band, nominal " + Units.si(bandwidth, "Hz") + ")";
    }
}

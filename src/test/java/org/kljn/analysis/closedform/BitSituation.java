package org.kljn.analysis.closedform;

import java.util.Objects;

/**
 * A secure KLJN bit situation (LH or HL) with the paper's temperature offset: the party holding R_H runs its
 * generator at T_eff, the party holding R_L at &beta; T_eff (paper, eqs. 10-13; &beta; = 1 is the
 * original scheme).
 *
 * @param resistanceLow R_L, ohms
 * @param resistanceHigh R_H, ohms (the names follow the paper; R_H &gt; R_L is not required)
 * @param effectiveTemperature T_eff, kelvin, of the R_H generator
 * @param beta temperature offset: the R_L generator is at beta * T_eff
 * @param highSide who holds R_H
 */
public record BitSituation(double resistanceLow, double resistanceHigh, double effectiveTemperature,
                           double beta, HighSide highSide) {

    public BitSituation {
        Objects.requireNonNull(highSide, "highSide");
        if (!(resistanceLow > 0.0) || !(resistanceHigh > 0.0)) {
            throw new IllegalArgumentException("resistances must be > 0: R_L=" + resistanceLow + ", R_H=" + resistanceHigh);
        }
        if (!(effectiveTemperature >= 0.0) || !(beta >= 0.0)) {
            throw new IllegalArgumentException("T_eff and beta must be >= 0: " + effectiveTemperature + ", " + beta);
        }
    }

    /** Alice holds R_H (the default assignment). */
    public static BitSituation aliceHigh(double resistanceLow, double resistanceHigh, double effectiveTemperature, double beta) {
        return new BitSituation(resistanceLow, resistanceHigh, effectiveTemperature, beta, HighSide.ALICE);
    }

    /** R_A, ohms. */
    public double resistanceA() {
        return highSide == HighSide.ALICE ? resistanceHigh : resistanceLow;
    }

    /** R_B, ohms. */
    public double resistanceB() {
        return highSide == HighSide.ALICE ? resistanceLow : resistanceHigh;
    }

    /** T_A, kelvin. */
    public double temperatureA() {
        return highSide == HighSide.ALICE ? effectiveTemperature : beta * effectiveTemperature;
    }

    /** T_B, kelvin. */
    public double temperatureB() {
        return highSide == HighSide.ALICE ? beta * effectiveTemperature : effectiveTemperature;
    }

    /** Same bit with Alice's and Bob's resistors (and generators) swapped. */
    public BitSituation mirrored() {
        return new BitSituation(resistanceLow, resistanceHigh, effectiveTemperature, beta, highSide.mirrored());
    }

    /** Same bit with another temperature offset. */
    public BitSituation withBeta(double newBeta) {
        return new BitSituation(resistanceLow, resistanceHigh, effectiveTemperature, newBeta, highSide);
    }
}

package org.kljn.analysis.exact;

import org.kljn.circuit.Resistor;

/**
 * The noise temperatures of the four resistors of the generalised KLJN scheme (Vadai, Mingesz and Gingl,
 * Sci. Rep. 5:13653, 2015): each party's R_L and R_H may have its own temperature. The standard scheme with the
 * paper's offset β is T_HA = T_HB = T_eff, T_LA = T_LB = β·T_eff.
 *
 * @param highAtAlice T_HA, kelvin: Alice's R_H
 * @param lowAtAlice  T_LA: Alice's R_L
 * @param highAtBob   T_HB: Bob's R_H
 * @param lowAtBob    T_LB: Bob's R_L
 */
public record NoiseTemperatures(double highAtAlice, double lowAtAlice, double highAtBob, double lowAtBob) {
    public NoiseTemperatures {
        for (double t : new double[] {highAtAlice, lowAtAlice, highAtBob, lowAtBob}) {
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("noise temperatures must be finite and > 0, got " + t);
            }
        }
    }

    /** The standard KLJN with the paper's offset: R_H sides at T_eff, R_L sides at β·T_eff. */
    public static NoiseTemperatures standard(double tEff, double beta) {
        return new NoiseTemperatures(standard(Resistor.H, tEff, beta), standard(Resistor.L, tEff, beta),
                standard(Resistor.H, tEff, beta), standard(Resistor.L, tEff, beta));
    }

    /**
     * The standard scheme's rule (paper, Sec. 2.3), the one place it is written: the generator of whoever holds
     * R_H is at T_eff, of whoever holds R_L at β·T_eff. Unchecked, so that β = 0 gives the R_H side alone (the
     * intercept of every moment's straight line in β, {@link BetaCurve}).
     */
    public static double standard(Resistor holds, double tEff, double beta) {
        return holds == Resistor.H ? tEff : beta * tEff;
    }

    /** Alice's generator temperature when she holds {@code r}. */
    public double alice(Resistor r) {
        return r == Resistor.H ? highAtAlice : lowAtAlice;
    }

    /** Bob's generator temperature when he holds {@code r}. */
    public double bob(Resistor r) {
        return r == Resistor.H ? highAtBob : lowAtBob;
    }

    /** The same set scaled so that T_HA = {@code tEff}. */
    public NoiseTemperatures scaledTo(double tEff) {
        double k = tEff / highAtAlice;
        return new NoiseTemperatures(tEff, k * lowAtAlice, k * highAtBob, k * lowAtBob);
    }
}

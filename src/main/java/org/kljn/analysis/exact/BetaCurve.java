package org.kljn.analysis.exact;

import org.kljn.circuit.KljnLoop;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Each attack's signal as a function of the temperature offset β. Every moment is linear in the
 * L side's temperature, so signal(β) = a + b β exactly, and the null β = -a/b follows without a
 * root search (it exists when b ≠ 0 and -a/b > 0).
 */
public final class BetaCurve {
    private final KljnLoop loop;
    private final LoopIntegrals integrals;
    private final double tEff;
    private final Map<Attack, double[]> lines = new EnumMap<>(Attack.class);
    private final Map<Attack, Double> scales = new EnumMap<>(Attack.class);

    private BetaCurve(KljnLoop loop, LoopIntegrals j, double tEff) {
        this.loop = loop;
        this.integrals = j;
        this.tEff = tEff;
        KljnMoments at0 = KljnMoments.of(loop, j, tEff, 0);
        KljnMoments at1 = KljnMoments.of(loop, j, tEff, 1);
        for (Attack a : Attack.values()) {
            double intercept = at0.signal(a);
            lines.put(a, new double[] {intercept, at1.signal(a) - intercept});
            scales.put(a, at1.scale(a));
        }
    }

    public static BetaCurve of(KljnLoop loop, LoopIntegrals j, double tEff) {
        return new BetaCurve(loop, j, tEff);
    }

    public double signal(Attack attack, double beta) {
        double[] ab = lines.get(attack);
        return ab[0] + ab[1] * beta;
    }

    /**
     * The β > 0 at which the attack's signal vanishes, or empty when there is none (the signal does not
     * depend on β, or only a non-physical β ≤ 0 would null it). A signal that is identically zero (below
     * 1e-12 of the terms it subtracts) also gives empty: there is nothing to null.
     */
    public OptionalDouble betaNull(Attack attack) {
        double[] ab = lines.get(attack);
        // identically zero (e.g. the current attack on a lumped line): rounding, not a signal
        if (Math.abs(ab[0]) + Math.abs(ab[1]) <= 1e-12 * scales.get(attack)) {
            return OptionalDouble.empty();
        }
        if (Math.abs(ab[1]) <= 1e-12 * (Math.abs(ab[0]) + Math.abs(ab[1]))) {
            return OptionalDouble.empty();
        }
        double beta = -ab[0] / ab[1];
        return beta > 0 ? OptionalDouble.of(beta) : OptionalDouble.empty();
    }

    public KljnMoments momentsAt(double beta) {
        return KljnMoments.of(loop, integrals, tEff, beta);
    }

    public LoopIntegrals integrals() {
        return integrals;
    }
}

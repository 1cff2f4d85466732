package org.kljn.analysis.exact;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One attack's exact signal (paper, eqs. 1, 7-9; the current attack) at the β used, the β that nulls it, and
 * what is left of it at the paper's eq. 11 β and at each attack's null β.
 *
 * @param attack             the attack
 * @param signal             its signal at the β used (V², W or A²)
 * @param betaNull           the β > 0 that nulls it, empty when none does
 * @param signalAtBetaEq11   its signal at eq. 11's β, empty when eq. 11 does not apply (a subcircuit)
 * @param signalAtBetaNullOf its signal at each attack's null β (empty where that attack has none)
 */
public record AttackSignal(Attack attack, double signal, OptionalDouble betaNull, OptionalDouble signalAtBetaEq11,
                           Map<Attack, OptionalDouble> signalAtBetaNullOf) {
    public AttackSignal {
        signalAtBetaNullOf = Map.copyOf(signalAtBetaNullOf);
    }
}

package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Test;
import org.kljn.analysis.exact.Attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A null confirmation's outcome in words tells a failed null from a run too short to resolve one: a mean within 3σ
 * of zero whose 3σ alone exceeds the ±1 % allowance was printed "NOT confirmed" (the telephone main job's bsy and
 * secondLaw nulls at 400 bits).
 */
class NullConfirmationVerdictTest {
    /** An outcome with the mean and standard error in percent of the β = 1 signal. */
    private static NullConfirmation.Outcome outcome(double meanPercent, double standardErrorPercent) {
        return new NullConfirmation.Outcome(Attack.BSY, 1.1, 1.1, meanPercent / 100, standardErrorPercent / 100, 0, 1,
                0, 400, 200, 2, 1);
    }

    @Test
    void confirmedNotResolvedAndNotConfirmedAreTold() {
        assertEquals("confirmed", outcome(0.2, 0.2).verdict(), "0.2 % + 3 x 0.2 % <= 1 %");
        assertTrue(outcome(0.4, 0.4).verdict().startsWith("not resolved"), "0.4 % within 3 sigma = 1.2 % > 1 %");
        assertEquals("NOT confirmed", outcome(2, 0.4).verdict(), "2 % is 5 sigma from zero");
        assertEquals("NOT confirmed", outcome(-2, 0.4).verdict(), "either sign");
    }
}

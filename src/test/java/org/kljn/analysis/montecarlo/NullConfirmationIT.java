package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaCurve;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.ngspice.NgSpicePool;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kljn.testing.TransientFixture.PAIR;

/**
 * The transient confirms each attack's exact null β on a distributed line (the main job's 2 km Cat5-like pair
 * as a 20-section ladder, 500 Hz): at the null the mean signal lies within ±1 % of its β = 1 value at 3σ; at
 * β = 1 the same procedure sees the full signal (so the confirmation is not vacuous). The null is the one over
 * the band the transient injects; it must lie within 2 % of the brick-wall null the main job reports.
 */
@Tag("integration") // runs in mvn verify (failsafe)
class NullConfirmationIT {
    private static final LineModel CAT5 = new RcLadder(336, 104e-9, 20);

    @Test
    void theTransientConfirmsEveryAttacksExactNullOnTheLadder() {
        try (NgSpicePool pool = NgSpicePool.of(2)) {
            KljnLoop loop = KljnLoop.secure(PAIR, Resistor.H, CAT5);
            BetaCurve curve = pool.withSession(spice -> BetaCurve.of(loop,
                    ExactAnalysis.integrals(spice, loop, 500, ExactAnalysis.DEFAULT_POINTS), 1e9));
            for (Attack a : Attack.values()) {
                double brickWall = curve.betaNull(a).orElseThrow();
                NullConfirmation.Outcome o = NullConfirmation.confirm(pool, PAIR, CAT5, 1e9, 500, a, brickWall, 200, 400, 5);
                System.out.printf(Locale.ROOT, "%s: beta null %.6f (brick wall %.6f), mean signal %+.3e of its beta = 1"
                                + " value, 3 sigma %.2e, model bias %+.1e, %d steps per sample, %.1f s%n", a.key(),
                        o.betaNull(), brickWall, o.relativeSignal(),
                        o.relativeHalfWidth(), o.discretisationBias() / Math.abs(o.signalAtBetaOne()), o.stepsPerSample(),
                        o.seconds());
                assertTrue(o.confirmed(), a + ": " + o);
                // the injected band's null lies near the brick wall's: the FIR band differs only at its edge
                assertTrue(Math.abs(o.betaNull() / brickWall - 1) < 0.02, a + ": " + o.betaNull() + " vs " + brickWall);
            }
            // not vacuous: at beta = 1 the current attack's signal is seen, far outside the allowance
            NullConfirmation.Outcome one = NullConfirmation.confirmAt(pool, PAIR, CAT5, 1e9, 500, Attack.CURRENT, 1.0,
                    Double.NaN, 200, 100, 6, System.nanoTime());
            assertFalse(one.confirmed(), one.toString());
            assertTrue(Math.abs(Math.abs(one.relativeSignal()) - 1) < 0.05, "beta = 1 signal recovered: " + one.relativeSignal());
        }
    }
}

package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.noise.InjectedNoise;
import org.kljn.testing.TransientFixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kljn.testing.TransientFixture.LADDER;
import static org.kljn.testing.TransientFixture.PAIR;

/**
 * The transient's moments on a capacitive ladder, with the default (automatic) settings (the {@code distributions}
 * goal: pre-warped noise, one trapezoidal step per grid point, K chosen for the variance inflation), against the exact
 * moments over the injected band: strong enough to fail on a bias of 0.5 % in any of the six moments the
 * decisions use (⟨U_A²⟩, ⟨U_B²⟩, ⟨I_A²⟩, ⟨I_B²⟩, ⟨U_A I_A⟩, ⟨U_B I_B⟩), in both secure situations.
 *
 * <p>Each moment's mean over the bits is adjusted by {@link ControlVariates} (lagged products of the injected
 * grid values, whose expectations the noise design gives exactly; {@link PrewarpedTransientIT#deviations}):
 * unbiased, with a standard error far below the plain mean's. A product U·I is measured against √(⟨U²⟩⟨I²⟩), the scale of its fluctuations.
 *
 * <p>Statistics: each of the 12 checks requires |deviation| ≤ B + 4·SE, where B is the run's discretisation
 * bound (asserted ≤ 0.2 %, {@link StepChoice#TARGET}) and SE the adjusted mean's standard error; the
 * statistical part fails by chance with probability 6.3e-5 per check, ≤ 7.6e-4 for the test (fixed seed:
 * deterministic). The test also asserts SE ≤ 5e-4 of the scale (the currents at the R_L end, whose capacitive
 * part the controls capture least, reach 3.6e-4; the others stay below 5e-5), so a 0.5 % bias exceeds the
 * allowance B + 4·SE ≤ 0.4 % by at least 2 SE: it would fail with probability ≥ 0.977, and for every moment but
 * those two with certainty. The deviations themselves are compared with
 * {@link TrapezoidModel}'s prediction for the chosen step (printed).
 */
@Tag("integration") // runs in mvn verify (failsafe)
class TransientBiasIT {

    @Test
    void everyMomentOnACapacitiveLadderIsUnbiasedToWithinTheDiscretisationBound() {
        BitExchangeSettings s = TransientFixture.builder(LADDER).bitSamples(100).bits(400).seed(2027).build();
        BitExchangeResult r;
        SituationExpectations exact;
        double[][] deviations;
        try (NgSpicePool pool = NgSpicePool.of(2)) {
            r = BitExchangeSimulation.run(pool, s, i -> { });
            BitExchangeSettings used = r.settings();
            exact = pool.withSession(spice -> SituationExpectations.of(spice, used, used.injectedNoise().band()));
            deviations = PrewarpedTransientIT.deviations(pool, r);
        }
        assertTrue(r.discretisationBound() <= StepChoice.TARGET, r.steps().toString());
        // the default goal (distributions) resolved the grid: the run's settings carry it
        InjectedNoise noise = r.settings().injectedNoise();
        List<String> failures = new ArrayList<>();
        int row = 0;
        for (Resistor alice : Resistor.values()) {
            Situation situation = Situation.secure(alice);
            KljnLoop loop = new KljnLoop(PAIR, alice, alice.other(), s.line());
            double[] model = TrapezoidModel.relativeErrors(KljnMoments.of(loop, TrapezoidModel.integrals(
                    exact.transfer().get(situation), noise, r.steps().stepsPerSample()), s.tEff(), s.beta()),
                    exact.moments().get(situation));
            for (int p = 0; p < WindowMoments.PRODUCTS; p++) {
                double deviation = deviations[row][0];
                double se = deviations[row++][1];
                String line = String.format(Locale.ROOT, "%s product %d: deviation %+.2e of scale, se %.1e, model"
                        + " predicts %+.2e for %d steps per sample", situation, p, deviation, se,
                        model[p], r.steps().stepsPerSample());
                System.out.println(line);
                if (!(se <= 5e-4)) {
                    failures.add(line + ": too weak to see a 0.5 % bias");
                }
                if (!(Math.abs(deviation) <= r.discretisationBound() + 4 * se)) {
                    failures.add(line + ": beyond the bound " + r.discretisationBound() + " + 4 se");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}

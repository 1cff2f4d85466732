package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.circuit.RcLadder;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;
import org.kljn.testing.TransientFixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The likelihood-ratio detector on bits simulated in ngspice (EXTERNAL Java noise) against its prediction. */
@Tag("integration") // tens of seconds of Monte Carlo: runs in mvn verify (failsafe), not in the fast mvn test
@ExtendWith(NgSpiceExtension.class)
class OptimalTransientIT {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /**
     * 1000 bits on an RC ladder where the attacks' signals are small but the capacitance tells: the predicted
     * success (about 0.8) must lie within z = 3.29 binomial standard errors of the rate (false failure 1e-3); the
     * standard error is 0.0127, so a prediction off by more than about 0.045 fails. The detector must also beat
     * guessing by far more than that (it is not deciding on noise).
     */
    @Test
    void transientSuccessRateAgreesWithThePrediction() {
        BitExchangeSettings s = TransientFixture.builder(new RcLadder(100, 30e-9, 8)).bitSamples(40).bits(1000)
                .seed(20261129L).noiseGrid(8).build();
        BitExchangeResult r = BitExchangeSimulation.run(spice, s, done -> { });
        BitExchangeResult.OptimalOutcome o = r.optimal();
        assertNotNull(o);
        double p = o.predicted();
        double se = Math.sqrt(p * (1 - p) / o.bits());
        System.out.printf("transient LR: rate %.4f predicted %.4f (se %.4f), best attack predicted %.4f%n",
                o.successRate(), p, se, r.eve().values().stream().mapToDouble(a -> a.predicted()).max().orElse(0));
        assertTrue(p > 0.7 && p < 0.9, "a case in the sensitive range: " + p);
        assertEquals(p, o.successRate(), 3.29 * se, "likelihood-ratio success rate");
    }
}

package org.kljn.cli;

import org.junit.jupiter.api.Test;
import org.kljn.analysis.defence.DefenceComparison;
import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.eavesdropper.OptimalResult;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** defend's success sentence says "Not secure" only from Eve's exact success, never from her bound alone. */
class DefendVerdictTest {
    private static String verdict(String method, int samples) {
        OptimalResult eve = new OptimalResult(NoiseTemperatures.standard(1e9, 1), 1, 0.5, 0.5, 0, samples / 2000.0, 0,
                false, 0.9, 0.1, method, 0.5, Double.NaN, EveInstrument.defaults(), Double.NaN);
        return DefendCommand.verdict(new DefenceComparison(List.of(new DefenceComparison.Row("beta = 1", "betaOne",
                eve, Map.of())), null, samples));
    }

    @Test
    void onlyAnExactSuccessAboveTheThresholdIsNotSecure() {
        String bound = verdict(OptimalResult.WINDOW_BOUND, 1000);
        assertTrue(bound.startsWith("Not shown secure for this bit: with the best of these defences, beta = 1, only an"
                + " upper bound"), bound);
        assertTrue(bound.contains("a bit of at most 256 Nyquist samples gives her exact success"), bound);
        String exact = verdict(OptimalResult.WINDOW, 40);
        assertTrue(exact.startsWith("Not secure for this bit: even with the best of these defences, beta = 1"), exact);
    }
}

package org.kljn.cli;

import org.junit.jupiter.api.Test;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.NoiseTemperatures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defences' key-rate table names a best defence only where one gives a key. */
class KeyRateTextTest {
    private static String table(double eveInformation) {
        NoiseTemperatures t = NoiseTemperatures.standard(1e9, 1);
        EveInstrument instrument = EveInstrument.defaults();
        // Alice and Bob disagree on 10 % of kept bits: I(A;B) = 1 − h(0.1) = 0.531 bits
        KeyRate.Errors e = new KeyRate.Errors(0.01, 0.2, 0.05, 0.15);
        OptimalResult eve = new OptimalResult(t, 1, 0.5, 0.5, 0, 0.02, 0, false, 0.9, 0.1, OptimalResult.WINDOW,
                eveInformation, 5, instrument, Double.NaN);
        List<KeyRateDefences.Row> rows = List.of(
                new KeyRateDefences.Row("beta = 1", "betaOne", t, KeyRate.of(e, eve, 1), null),
                new KeyRateDefences.Row("paper's eq. 11", "betaEq11", t, KeyRate.of(e, eve, 1), null));
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            KeyRateText.printDefences(out, new KeyRateDefences(rows, 40, 256, 1, instrument, 1000));
        }
        return s.toString();
    }

    @Test
    void noWinnerIsNamedWhenEveryRateIsZero() {
        String zero = table(0.9); // Eve's 0.9 bits exceed I(A;B): R = 0 for both
        assertTrue(zero.contains("most secret bits per second: none"), zero);
        String positive = table(0.1);
        assertTrue(positive.contains("most secret bits per second: beta = 1"), positive);
    }
}

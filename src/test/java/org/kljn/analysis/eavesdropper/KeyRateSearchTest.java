package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.Test;

import java.util.function.IntToDoubleFunction;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.BitLength;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The best-bit search and the key rate's own rules, without ngspice (the physics is in {@link KeyRateIT}). */
class KeyRateSearchTest {
    /** The search against brute force on a rate with two peaks, the higher one narrow and between grid points. */
    @Test
    void searchFindsTheBruteForceMaximumOfATwoPeakedRate() {
        IntToDoubleFunction rate = m -> Math.max(0, 3 * Math.exp(-Math.pow(Math.log(m / 9.0), 2) / 0.02)
                + 2 * Math.exp(-Math.pow(Math.log(m / 140.0), 2) / 0.5) - 0.1) * 100 / m;
        KeyRateSearch.Result r = KeyRateSearch.search(rate, (from, m) -> 500.0 / m, 2, 100_000);
        int arg = 2;
        for (int m = 2; m <= 100_000; m++) {
            if (rate.applyAsDouble(m) > rate.applyAsDouble(arg)) {
                arg = m;
            }
        }
        assertEquals(arg, r.best(), "brute force " + arg + " against the search's " + r.best());
        assertTrue(r.stoppedByCeiling() && r.evaluated() < 100, "evaluated " + r.evaluated());
        KeyRateSearch.Result none = KeyRateSearch.search(m -> 0, (from, m) -> 1.0 / m, 2, 300);
        assertEquals(2, none.best());
        assertEquals(300, none.searchedUpTo(), "no key: every grid M up to the largest allowed");
    }

    @Test
    void reconciliationOutsideZeroOneIsRefused() {
        for (double xi : new double[] {0, -0.5, 1.01, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KeyRate.checkReconciliation(xi));
            assertTrue(e.getMessage().startsWith("the reconciliation efficiency ξ"), e.getMessage());
        }
    }

    /**
     * The rate is R = kept × [ξ·I(A;B) − I(A;E)]⁺ / τ of its parts, and it is NaN, never a number, where Eve's result
     * is not a bound (a bit beyond the window method or an unresolved floor): a hand computation of each.
     */
    @Test
    void rateIsTheFormulaOfItsPartsAndUnknownWhereEveIsNotBounded() {
        KeyRate.Errors e = new KeyRate.Errors(0.01, 0.2, 0.05, 0.15);
        double iab = 1 - KeyRate.binaryEntropy(0.1);
        NoiseTemperatures t = NoiseTemperatures.standard(1e9, 1);
        EveInstrument instrument = EveInstrument.defaults();
        OptimalResult window = new OptimalResult(t, 1, 0.5, 0.5, 0, 0.02, 0, false, 0.6, 0.4, "window", 0.1, 0.2,
                instrument, Double.NaN);
        KeyRate k = KeyRate.of(e, window, 0.95);
        assertEquals(iab, k.aliceBobInformation(), 1e-15);
        assertEquals(0.5 * (0.95 * iab - 0.1) / 0.02, k.bitsPerSecond(), 1e-12);
        assertEquals(0, KeyRate.of(e, new OptimalResult(t, 1, 0.5, 0.5, 0, 0.02, 0, false, 0.99, 0.01, "window", 0.9,
                5, instrument, Double.NaN), 1).bitsPerSecond(), "[.]+: Eve's 0.9 bits exceed I(A;B)");
        for (String method : new String[] {OptimalResult.WINDOW, OptimalResult.WINDOW_BOUND}) {
            // an information that is not a number (defensive: every optimal result has a finite one) states nothing
            KeyRate u = KeyRate.of(e, new OptimalResult(t, 1, 0.5, 0.5, 0, 0.02, 40, true, 0.6, 0.4, method,
                    Double.NaN, Double.NaN, instrument, Double.NaN), 1);
            assertTrue(!u.known() && Double.isNaN(u.bitsPerSecond()) && Double.isNaN(u.bitsPerKeptBit()), method);
            KeyRateDefences d = new KeyRateDefences(java.util.List.of(new KeyRateDefences.Row("beta = 1", "betaOne",
                    t, u, null)), 40, 256, 1, instrument, 1000);
            assertTrue(d.verdict("the line").startsWith("Whether a secret key is possible over the line at the bit"
                    + " of 0.02000 s (40 Nyquist samples) cannot be stated"), d.verdict("the line"));
        }
    }

    @Test
    void bitLengthsAndRatesOutsideTheBandAreRefused() {
        assertEquals(20, BitLength.ofRawRate(100, 1000).samples(), "tau = 1/rate = 10 ms = 20 Nyquist samples");
        assertEquals(2, BitLength.ofRawRate(1000, 1000).samples(), "the band's most: two samples per bit");
        for (double rate : new double[] {1000.01, 0, -1, Double.POSITIVE_INFINITY, Double.NaN}) {
            org.kljn.circuit.ParameterException e = assertThrows(org.kljn.circuit.ParameterException.class,
                    () -> BitLength.ofRawRate(rate, 1000));
            assertEquals(org.kljn.circuit.Parameter.RAW_BIT_RATE, e.parameter(), e.getMessage());
        }
        org.kljn.circuit.ParameterException e = assertThrows(org.kljn.circuit.ParameterException.class,
                () -> BitLength.ofDuration(0.0009, 1000));
        assertTrue(e.getMessage().contains("shorter than two Nyquist samples"), e.getMessage());
    }
}

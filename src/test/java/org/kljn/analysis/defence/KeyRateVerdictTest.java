package org.kljn.analysis.defence;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.KeyRateSearch;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.NoiseTemperatures;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict says "no key" only where R = 0 with Eve's information exact at every bit considered; where her bound
 * (method window-bound) decides, it says a key cannot be shown possible and what can decide it (the rules, without
 * ngspice; the commands on a real line: {@code KeyRateCommandsIT}).
 */
class KeyRateVerdictTest {
    static final NoiseTemperatures T = NoiseTemperatures.standard(1e9, 1);
    static final EveInstrument INSTRUMENT = EveInstrument.defaults();
    /** Alice and Bob disagree on 10 % of kept bits: I(A;B) = 1 − h(0.1) = 0.531 bits. */
    static final KeyRate.Errors ERRORS = new KeyRate.Errors(0.01, 0.2, 0.05, 0.15);

    /** A row at a bit of {@code samples} (1 kHz) where Eve holds {@code information} by {@code method}. */
    static KeyRateDefences.Row row(String name, int samples, String method, double information) {
        OptimalResult eve = new OptimalResult(T, 1, 0.5, 0.5, 0, samples / 2000.0, 0, false, 0.9, 0.1, method,
                information, Double.NaN, INSTRUMENT, Double.NaN);
        return new KeyRateDefences.Row(name, name, T, KeyRate.of(ERRORS, eve, 1), null);
    }

    static String verdict(int samples, KeyRateDefences.Row... rows) {
        return new KeyRateDefences(List.of(rows), samples, 256, 1, INSTRUMENT, 1000).verdict("the line");
    }

    @Test
    void boundBeyondTheWindowIsNotANoKey() {
        // the default bit of 1000 Nyquist samples: only the bound, and it exceeds I(A;B)
        String v = verdict(1000, row("beta = 1", 1000, OptimalResult.WINDOW_BOUND, 0.99),
                row("secondLaw null", 1000, OptimalResult.WINDOW_BOUND, 0.9));
        assertTrue(v.startsWith("A secret key cannot be shown possible over the line at the bit of 0.5000 s (1000"
                + " Nyquist samples): beyond 256 Nyquist samples her exact window likelihood ratio is not computed"), v);
        assertTrue(v.contains("every defence tried (beta = 1, secondLaw null)"), v);
        assertTrue(v.contains("--bit-duration best: 2 to 256 Nyquist samples, where her information is exact"), v);
        assertFalse(v.contains("No secret key"), v);
        assertTrue(v.contains("it may overstate Eve, so this is not a \"no key\""), v);
    }

    @Test
    void exactInformationAboveAliceAndBobsIsANoKey() {
        String v = verdict(40, row("beta = 1", 40, OptimalResult.WINDOW, 0.99),
                row("secondLaw null", 40, OptimalResult.WINDOW, 0.9));
        assertTrue(v.startsWith("No secret key is possible over the line: Eve's information per bit exceeds Alice and"
                + " Bob's at the bit of 0.02000 s (40 Nyquist samples) with every defence tried (beta = 1, secondLaw"
                + " null; her information exact there)"), v);
    }

    @Test
    void oneDefenceDecidedByABoundIsEnoughToWithholdTheNoKey() {
        // within the window limit a bound means an unresolved floor: nothing in the tool makes it exact
        String v = verdict(40, row("beta = 1", 40, OptimalResult.WINDOW, 0.99),
                row("secondLaw null", 40, OptimalResult.WINDOW_BOUND, 0.9));
        assertTrue(v.startsWith("A secret key cannot be shown possible over the line at the bit of 0.02000 s (40"
                + " Nyquist samples): her instrument's floor is not resolved"), v);
        assertTrue(v.contains("with secondLaw null (the others: no key, her information exact)"), v);
        assertTrue(v.contains("no bit duration considered gives her exact information there"), v);
    }

    @Test
    void aPositiveRateFromTheBoundIsALowerValue() {
        String v = verdict(1000, row("beta = 1", 1000, OptimalResult.WINDOW_BOUND, 0.1));
        assertTrue(v.startsWith("A secret key is possible over the line at up to 0.4310 bit/s (at least: Eve's"
                + " information at this bit is an upper bound on hers, method window-bound)"), v);
        String exact = verdict(40, row("beta = 1", 40, OptimalResult.WINDOW, 0.1));
        assertTrue(exact.startsWith("A secret key is possible over the line at up to 10.78 bit/s (band"), exact);
    }

    /** A search whose zero rested on a bound at some bit: the row does not show "no key". */
    @Test
    void aSearchZeroByABoundIsCarriedToTheRow() {
        KeyRate zero = row("beta = 1", 2, OptimalResult.WINDOW, 0.99).rate();
        KeyRateDefences.Row bounded = new KeyRateDefences.Row("beta = 1", "betaOne", T, zero,
                new KeyRateSearch.Optimum(zero, 2, 30, 256, false, true));
        KeyRateDefences.Row exact = new KeyRateDefences.Row("beta = 1", "betaOne", T, zero,
                new KeyRateSearch.Optimum(zero, 2, 30, 256, false, false));
        assertFalse(bounded.noKeyShown());
        assertTrue(exact.noKeyShown());
        String v = new KeyRateDefences(List.of(bounded), null, 256, 1, INSTRUMENT, 1000).verdict("the line");
        assertTrue(v.startsWith("A secret key cannot be shown possible over the line at every bit duration tried (2"
                + " to 256 Nyquist samples"), v);
    }

    /**
     * analyze --bit-duration best searches the analysed β's bit only and evaluates the other defences there: a "no
     * key" at that bit says so, and says the search covered a grid, not every bit.
     */
    @Test
    void aNoKeyAtTheSearchedBitSaysWhatWasSearched() {
        KeyRateDefences.Row first = row("analysed beta = 1", 2, OptimalResult.WINDOW, 0.99);
        KeyRateDefences.Row other = row("secondLaw null", 2, OptimalResult.WINDOW, 0.9);
        KeyRateSearch.Optimum search = new KeyRateSearch.Optimum(first.rate(), 2, 15, 256, false, false);
        String v = new KeyRateDefences(List.of(first, other), 2, 256, 1, INSTRUMENT, 1000, search).verdict("the line");
        assertTrue(v.startsWith("No secret key is possible over the line: Eve's information per bit exceeds Alice and"
                + " Bob's at the bit of 0.001000 s (2 Nyquist samples: analysed beta = 1 gives no key at any of the 15"
                + " bits tried from 2 to 256 Nyquist samples on a log grid, and the other defences were evaluated at"
                + " this bit only; defend --bit-duration best searches each defence's best bit) with every defence"
                + " tried"), v);
        KeyRateSearch.Optimum bounded = new KeyRateSearch.Optimum(first.rate(), 2, 15, 256, false, true);
        String b = new KeyRateDefences(List.of(first, other), 2, 256, 1, INSTRUMENT, 1000, bounded).verdict("x");
        assertTrue(b.contains("analysed beta = 1 gives no key shown (at some bits only by Eve's bound) at any of the"
                + " 15 bits tried"), b);
        // without the search the sentence is the plain one
        assertTrue(verdict(2, first, other).contains("at the bit of 0.001000 s (2 Nyquist samples) with every"), v);
        // a search that chose another bit than the rows' is refused
        assertThrows(IllegalArgumentException.class,
                () -> new KeyRateDefences(List.of(first), 3, 256, 1, INSTRUMENT, 1000, search));
    }
}

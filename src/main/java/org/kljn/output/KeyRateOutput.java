package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.KeyRateSearch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code keyRate} of {@code analyze}, {@code defend} and {@code map} (docs/key-rate.md): the rate and its parts, then
 * the bit in Nyquist samples, the rate at ξ = 0.95, Eve's success and Alice's and Bob's errors per role and per
 * situation; after a search for the best bit, how it went. Where Eve's information is not a bound the rate, the
 * secret bits and her information are null, {@code eveInformationKnown} false and {@code eveMethod} says why.
 *
 * @param fields the rate's own numbers ({@link KeyRate.Fields}, unwrapped: the JSON's names are its components)
 * @param search the search for the best bit ({@code --bit-duration best}), else null (nothing written: an unwrapped
 *               null)
 */
public record KeyRateOutput(@JsonUnwrapped KeyRate.Fields fields, boolean eveInformationKnown, long bitSamples,
                            Double bitsPerSecondAtReconciliation095, Double eveSuccessProbability, Errors aliceBob,
                            @JsonUnwrapped Search search) {

    /** Alice's and Bob's errors: per role (R_H, R_L holder) and the disagreement of a kept bit per situation. */
    public record Errors(double highHolderError, double lowHolderError, double disagreementHl, double disagreementLh,
                         double disagreement) {
        static Errors of(KeyRate.Errors e) {
            return new Errors(e.highHolderError(), e.lowHolderError(), e.disagreementHl(), e.disagreementLh(),
                    e.disagreement());
        }
    }

    /** How the search for the best bit went: bits evaluated, the longest considered, stopped by the rate's ceiling. */
    public record Search(int evaluatedBits, int searchedUpToSamples, boolean stoppedByCeiling) {
    }

    /** One defence's key rate (at its best bit after a search), its name and temperatures. */
    public record Defence(@JsonUnwrapped KeyRateOutput keyRate, String name, Temperatures temperatures) {
    }

    /** Each defence's key rate (keyed by the defence), the best one and the verdict. */
    public record Defences(String verdict, String best, Integer bitSamples, int maxBitSamples,
                           Map<String, Defence> defences) {
        /** {@code where}: the line in words, as the verdict names it. */
        public static Defences of(KeyRateDefences d, String where) {
            Map<String, Defence> rows = new LinkedHashMap<>();
            for (KeyRateDefences.Row r : d.rows()) {
                KeyRateOutput k = r.optimum() != null ? KeyRateOutput.of(r.optimum(), d.bandwidth())
                        : KeyRateOutput.of(r.rate(), d.bandwidth());
                rows.put(r.key(), new Defence(k, r.name(), Temperatures.of(r.temperatures())));
            }
            return new Defences(d.verdict(where), d.best().key(), d.bitSamples(), d.maxSamples(), rows);
        }
    }

    /** The key rate {@code k} of a bit at the band {@code bandwidth} (Hz). */
    public static KeyRateOutput of(KeyRate k, double bandwidth) {
        return of(k, bandwidth, null);
    }

    /** The best bit of one defence: its key rate and how the search went. */
    public static KeyRateOutput of(KeyRateSearch.Optimum o, double bandwidth) {
        return of(o.rate(), bandwidth, new Search(o.evaluated(), o.searchedUpTo(), o.stoppedByCeiling()));
    }

    private static KeyRateOutput of(KeyRate k, double bandwidth, Search search) {
        return new KeyRateOutput(k.fields(), k.known(), Math.round(2 * bandwidth * k.bitDuration()),
                orNull(k.withReconciliation(KeyRate.PRACTICAL_RECONCILIATION).bitsPerSecond()), orNull(k.eveSuccess()),
                Errors.of(k.errors()), search);
    }

    static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}

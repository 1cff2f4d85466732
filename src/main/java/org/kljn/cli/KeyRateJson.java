package org.kljn.cli;

import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.KeyRateSearch;
import org.kljn.analysis.exact.NoiseTemperatures;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The key rate's JSON and text, shared by analyze, defend and the sweeps. */
final class KeyRateJson {
    private KeyRateJson() {
    }

    /**
     * {@code keyRate}: the rate and its parts (docs/key-rate.md). Where Eve's information is not a bound the rate,
     * the secret bits and her information are null, {@code eveInformationKnown} false and {@code eveMethod} says
     * why.
     */
    static Map<String, Object> of(KeyRate k, double bandwidth) {
        Map<String, Object> m = new LinkedHashMap<>(k.fields());
        m.put("eveInformationKnown", k.known());
        m.put("bitSamples", Math.round(2 * bandwidth * k.bitDuration()));
        KeyRate practical = k.withReconciliation(KeyRate.PRACTICAL_RECONCILIATION);
        m.put("bitsPerSecondAtReconciliation095", orNull(practical.bitsPerSecond()));
        m.put("eveSuccessProbability", orNull(k.eveSuccess()));
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("highHolderError", k.errors().highHolderError());
        ab.put("lowHolderError", k.errors().lowHolderError());
        ab.put("disagreementHl", k.errors().disagreementHl());
        ab.put("disagreementLh", k.errors().disagreementLh());
        ab.put("disagreement", k.errors().disagreement());
        m.put("aliceBob", ab);
        return m;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** The best bit of one defence: {@code keyRate} at it and how the search went. */
    static Map<String, Object> optimum(KeyRateSearch.Optimum o, double bandwidth) {
        Map<String, Object> m = of(o.rate(), bandwidth);
        m.put("evaluatedBits", o.evaluated());
        m.put("searchedUpToSamples", o.searchedUpTo());
        m.put("stoppedByCeiling", o.stoppedByCeiling());
        return m;
    }

    static Map<String, Object> temperatures(NoiseTemperatures t) {
        Map<String, Object> temps = new LinkedHashMap<>();
        temps.put("highAtAlice", t.highAtAlice());
        temps.put("lowAtAlice", t.lowAtAlice());
        temps.put("highAtBob", t.highAtBob());
        temps.put("lowAtBob", t.lowAtBob());
        return temps;
    }

    /** Each defence's key rate, the best one and the verdict. */
    static Map<String, Object> defences(KeyRateDefences d, String where) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", d.verdict(where));
        m.put("best", d.best().key());
        m.put("bitSamples", d.bitSamples());
        m.put("maxBitSamples", d.maxSamples());
        Map<String, Object> rows = new LinkedHashMap<>();
        for (KeyRateDefences.Row r : d.rows()) {
            Map<String, Object> row = r.optimum() != null ? optimum(r.optimum(), d.bandwidth()) : of(r.rate(), d.bandwidth());
            row.put("name", r.name());
            row.put("temperatures", temperatures(r.temperatures()));
            rows.put(r.key(), row);
        }
        m.put("defences", rows);
        return m;
    }

    /** One line of text: the rate and its parts. */
    static void print(PrintWriter out, String label, KeyRate k, double bandwidth) {
        if (!k.known()) {
            out.printf(Locale.ROOT, "%s: not known for a bit of %.4g s (%d Nyquist samples): Eve's exact window"
                            + " information is not a bound there (method %s; it is computed for bits of up to %d Nyquist"
                            + " samples); Alice/Bob disagree on %.4g of kept bits (R_H holder errs %.4g, R_L holder"
                            + " %.4g), I(A;B) %.4g%n", label, k.bitDuration(), Math.round(2 * bandwidth * k.bitDuration()),
                    k.eveMethod(), org.kljn.analysis.eavesdropper.OptimalResult.WINDOW_LIMIT, k.errors().disagreement(),
                    k.errors().highHolderError(), k.errors().lowHolderError(), k.aliceBobInformation());
            return;
        }
        out.printf(Locale.ROOT, "%s: R = %.4g bit/s (%.4g at reconciliation %.2f) for a bit of %.4g s (%d Nyquist"
                        + " samples): kept %.2f x [%.2f x I(A;B) %.4g - I(A;E) %.4g]+ / tau; Alice/Bob disagree on %.4g of"
                        + " kept bits (HL %.4g, LH %.4g; R_H holder errs %.4g, R_L holder %.4g); Eve's success %.4g%n",
                label, k.bitsPerSecond(), k.withReconciliation(KeyRate.PRACTICAL_RECONCILIATION).bitsPerSecond(),
                KeyRate.PRACTICAL_RECONCILIATION, k.bitDuration(), Math.round(2 * bandwidth * k.bitDuration()),
                k.keptFraction(), k.reconciliation(), k.aliceBobInformation(), k.eveInformation(),
                k.errors().disagreement(), k.errors().disagreementHl(), k.errors().disagreementLh(),
                k.errors().highHolderError(), k.errors().lowHolderError(), k.eveSuccess());
    }

    /** The defences' key rates as a table. */
    static void printDefences(PrintWriter out, KeyRateDefences d) {
        out.printf(Locale.ROOT, "%-26s %12s %10s %6s %10s %10s %10s%n", "defence", "R [bit/s]", "tau [s]", "M",
                "I(A;B)", "I(A;E)", "disagree");
        for (KeyRateDefences.Row r : d.rows()) {
            KeyRate k = r.rate();
            out.printf(Locale.ROOT, "%-26s %12.4g %10.4g %6d %10.4g %10.4g %10.4g%n", r.name(), k.bitsPerSecond(),
                    k.bitDuration(), Math.round(2 * d.bandwidth() * k.bitDuration()), k.aliceBobInformation(),
                    k.eveInformation(), k.errors().disagreement());
        }
        KeyRateDefences.Row best = d.best();
        out.printf(Locale.ROOT, "most secret bits per second: %s%n", !best.rate().known()
                ? "not known (Eve's information is not a number at this bit)"
                : best.bitsPerSecond() > 0 ? best.name() : "none (no defence listed gives a secret key)");
    }
}

package org.kljn.cli;

import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.KeyRateSearch;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.montecarlo.MeasuredKeyRate;

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

    /**
     * attack's {@code keyRate}: the rate measured on the simulated bits ({@code measured}) beside the exact prediction
     * for the same loop, line, β, band and bit ({@code predicted}, as {@link #of}), at ξ; both null, with the reason,
     * where Eve's window test was not measured.
     */
    static Map<String, Object> measured(org.kljn.analysis.montecarlo.BitExchangeResult.KeyRateOutcome k, double xi,
            double bandwidth, String notMeasured) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reconciliation", xi);
        if (k == null) {
            m.put("measured", null);
            m.put("predicted", null);
            m.put("notMeasured", notMeasured);
            return m;
        }
        MeasuredKeyRate r = k.measured();
        KeyRate p = k.predicted().withReconciliation(xi);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("bits", r.bits());
        put(e, "bitsPerSecond", r.bitsPerSecond(xi));
        put(e, "bitsPerKeptBit", r.bitsPerKeptBit(xi));
        put(e, "aliceBobInformation", r.aliceBobInformation());
        put(e, "eveInformation", r.eveInformation());
        e.put("eveInformationMethod", "estimate: Eve's window likelihood ratio applied to the simulated bits"
                + " (1 - mean log2(1 + exp(-s Lambda)))");
        e.put("keptFraction", KeyRate.KEPT_FRACTION);
        e.put("bitDuration", r.bitDuration());
        Map<String, Object> ab = new LinkedHashMap<>();
        put(ab, "highHolderError", r.highHolderError());
        put(ab, "lowHolderError", r.lowHolderError());
        put(ab, "disagreementHl", r.disagreementHl());
        put(ab, "disagreementLh", r.disagreementLh());
        put(ab, "disagreement", r.disagreement());
        e.put("aliceBob", ab);
        m.put("measured", e);
        m.put("predicted", of(p, bandwidth));
        m.put("bitsPerSecondZ", finiteOrNull(r.bitsPerSecond(xi).z(p.bitsPerSecond())));
        return m;
    }

    /** {@code name} and {@code nameStandardError}. */
    private static void put(Map<String, Object> m, String name, MeasuredKeyRate.Estimate e) {
        m.put(name, finiteOrNull(e.value()));
        m.put(name + "StandardError", finiteOrNull(e.standardError()));
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** attack's text: the measured rate and its parts beside the prediction. */
    static void printMeasured(PrintWriter out, org.kljn.analysis.montecarlo.BitExchangeResult.KeyRateOutcome k, double xi,
            String notMeasured) {
        if (k == null) {
            out.printf(Locale.ROOT, "secret-key rate: not measured (%s)%n", notMeasured);
            return;
        }
        MeasuredKeyRate r = k.measured();
        KeyRate p = k.predicted().withReconciliation(xi);
        MeasuredKeyRate.Estimate rate = r.bitsPerSecond(xi);
        out.printf(Locale.ROOT, "secret-key rate measured: R = %.4g ± %.2g bit/s (predicted %.4g, z = %.2f) at"
                        + " reconciliation %.2f: kept %.2f x [%.2f x I(A;B) %.4g ± %.2g (predicted %.4g) - I(A;E) %.4g ±"
                        + " %.2g (predicted %.4g)]+ / tau%n", rate.value(), rate.standardError(), p.bitsPerSecond(),
                rate.z(p.bitsPerSecond()), xi, KeyRate.KEPT_FRACTION, xi, r.aliceBobInformation().value(),
                r.aliceBobInformation().standardError(), p.aliceBobInformation(), r.eveInformation().value(),
                r.eveInformation().standardError(), p.eveInformation());
        out.printf(Locale.ROOT, "  Alice/Bob disagree on %.4g ± %.2g of kept bits (predicted %.4g; HL %.4g, LH %.4g);"
                        + " R_H holder errs %.4g ± %.2g (predicted %.4g), R_L holder %.4g ± %.2g (predicted %.4g)%n",
                r.disagreement().value(), r.disagreement().standardError(), p.errors().disagreement(),
                r.disagreementHl().value(), r.disagreementLh().value(), r.highHolderError().value(),
                r.highHolderError().standardError(), p.errors().highHolderError(), r.lowHolderError().value(),
                r.lowHolderError().standardError(), p.errors().lowHolderError());
        out.printf(Locale.ROOT, "  Eve's I(A;E) measured is an estimate from her window likelihood ratio on the %d"
                + " simulated bits (a lower value when her model is not the simulated process); predicted: the exact"
                + " window test%n", r.bits());
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
        boolean bound = org.kljn.analysis.eavesdropper.OptimalResult.WINDOW_BOUND.equals(k.eveMethod());
        out.printf(Locale.ROOT, "%s: R %s %.4g bit/s (%.4g at reconciliation %.2f) for a bit of %.4g s (%d Nyquist"
                        + " samples): kept %.2f x [%.2f x I(A;B) %.4g - I(A;E) %s%.4g]+ / tau; Alice/Bob disagree on"
                        + " %.4g of kept bits (HL %.4g, LH %.4g; R_H holder errs %.4g, R_L holder %.4g); Eve's success"
                        + " %s%.4g%s%n",
                label, bound ? ">=" : "=", k.bitsPerSecond(), k.withReconciliation(KeyRate.PRACTICAL_RECONCILIATION).bitsPerSecond(),
                KeyRate.PRACTICAL_RECONCILIATION, k.bitDuration(), Math.round(2 * bandwidth * k.bitDuration()),
                k.keptFraction(), k.reconciliation(), k.aliceBobInformation(), bound ? "<= " : "",
                k.eveInformation(), k.errors().disagreement(), k.errors().disagreementHl(),
                k.errors().disagreementLh(), k.errors().highHolderError(), k.errors().lowHolderError(),
                bound ? "<= " : "", k.eveSuccess(), bound ? " (Eve's bound, method window-bound)" : "");
    }

    /** The defences' key rates as a table. */
    static void printDefences(PrintWriter out, KeyRateDefences d) {
        out.printf(Locale.ROOT, "%-26s %12s %10s %6s %10s %10s %10s%n", "defence", "R [bit/s]", "tau [s]", "M",
                "I(A;B)", "I(A;E)", "disagree");
        for (KeyRateDefences.Row r : d.rows()) {
            KeyRate k = r.rate();
            // with Eve's bound (window-bound) her information is an upper value and the rate a lower one
            boolean bound = org.kljn.analysis.eavesdropper.OptimalResult.WINDOW_BOUND.equals(k.eveMethod());
            out.printf(Locale.ROOT, "%-26s %12s %10.4g %6d %10.4g %10s %10.4g%n", r.name(),
                    (bound ? ">=" : "") + String.format(Locale.ROOT, "%.4g", k.bitsPerSecond()), k.bitDuration(),
                    Math.round(2 * d.bandwidth() * k.bitDuration()), k.aliceBobInformation(),
                    (bound ? "<=" : "") + String.format(Locale.ROOT, "%.4g", k.eveInformation()),
                    k.errors().disagreement());
        }
        if (d.rows().stream().anyMatch(r -> org.kljn.analysis.eavesdropper.OptimalResult.WINDOW_BOUND.equals(r.rate().eveMethod()))) {
            out.printf(Locale.ROOT, "(<=, >=: Eve's information is an upper bound there, method window-bound, so the"
                    + " rate is a lower value)%n");
        }
        KeyRateDefences.Row best = d.best();
        out.printf(Locale.ROOT, "most secret bits per second: %s%n", !best.rate().known()
                ? "not known (Eve's information is not a number at this bit)"
                : best.bitsPerSecond() > 0 ? best.name() : "none (no defence listed gives a secret key)");
    }
}

package org.kljn.cli;

import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.montecarlo.BitExchangeResult;
import org.kljn.analysis.montecarlo.MeasuredKeyRate;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The key rate's text lines and table, shared by analyze, defend and attack (their JSON: {@link
 * org.kljn.output.KeyRateOutput}).
 */
final class KeyRateText {
    private KeyRateText() {
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

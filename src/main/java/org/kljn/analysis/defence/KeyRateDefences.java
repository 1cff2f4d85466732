package org.kljn.analysis.defence;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.KeyRateSearch;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The secret-key rate of each defence (a generator temperature set) on one line: at a given bit, or at each
 * defence's best bit duration ({@link KeyRateModel#best}), and the defence that gives the most; with the verdict
 * in one sentence ({@link #verdict}, the one place it is worded).
 *
 * @param rows           one per defence
 * @param bitSamples     the bit the user set (or that {@code bitSearch} chose), or null where each defence's best
 *                       bit was searched
 * @param maxSamples     the longest bit a search considers
 * @param reconciliation ξ
 * @param instrument     Eve's instrument
 * @param bandwidth      Δf, Hz
 * @param bitSearch      the search for the first row's best bit that chose {@code bitSamples} for every row
 *                       ({@code analyze --bit-duration best}), or null
 */
public record KeyRateDefences(List<Row> rows, Integer bitSamples, int maxSamples, double reconciliation,
                              EveInstrument instrument, double bandwidth, KeyRateSearch.Optimum bitSearch) {
    /**
     * The longest bit the search for the best bit considers: the range where Eve's exact window likelihood ratio is
     * computed ({@link OptimalResult#WINDOW_LIMIT}); beyond it her information is not known and no rate is given.
     */
    public static final int MAX_SAMPLES = OptimalResult.WINDOW_LIMIT;

    public KeyRateDefences {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no defence to compare");
        }
        if (bitSearch != null && (bitSamples == null || bitSearch.bitSamples() != bitSamples)) {
            throw new IllegalArgumentException("the bit search chose " + bitSearch.bitSamples() + " Nyquist samples,"
                    + " the rows are at " + bitSamples);
        }
    }

    /** At the bit the user set ({@code bitSamples}), or at each defence's best bit ({@code bitSamples} null). */
    public KeyRateDefences(List<Row> rows, Integer bitSamples, int maxSamples, double reconciliation,
            EveInstrument instrument, double bandwidth) {
        this(rows, bitSamples, maxSamples, reconciliation, instrument, bandwidth, null);
    }

    /**
     * One defence.
     *
     * @param rate        the key rate at the user's bit, or at this defence's best bit
     * @param optimum     the search, or null at a bit the user set
     * @param zeroByBound whether at some bit considered R = 0 only because Eve's information there is a bound
     *                    ({@link KeyRate#zeroByBound}): then "no key" is not shown
     */
    public record Row(String name, String key, NoiseTemperatures temperatures, KeyRate rate,
                      KeyRateSearch.Optimum optimum, boolean zeroByBound) {
        /** A row whose bound flag follows from its search, or from its rate at the user's bit. */
        public Row(String name, String key, NoiseTemperatures temperatures, KeyRate rate,
                KeyRateSearch.Optimum optimum) {
            this(name, key, temperatures, rate, optimum, optimum != null ? optimum.zeroByBound() : rate.zeroByBound());
        }

        public double bitsPerSecond() {
            return rate.bitsPerSecond();
        }

        /** R = 0 at every bit considered, with Eve's information exact wherever it decided. */
        public boolean noKeyShown() {
            return rate.known() && !(bitsPerSecond() > 0) && !zeroByBound;
        }
    }

    /** A defence to evaluate: its name, JSON key and temperatures. */
    public record Defence(String name, String key, NoiseTemperatures temperatures) {
    }

    /**
     * The defence that gives the most secret bits per second among those whose rate is known (ties: the first
     * listed); the first row when none is known.
     */
    public Row best() {
        return rows.stream().filter(r -> r.rate().known()).max(Comparator.comparingDouble(Row::bitsPerSecond))
                .orElse(rows.get(0));
    }

    /**
     * Each defence's key rate on {@code line}.
     *
     * @param situations the four situations' transfer functions
     * @param eve        the best eavesdropper on the line and band, with her instrument
     * @param bitSamples the bit, or null to search each defence's best bit up to {@code maxSamples}
     */
    public static KeyRateDefences of(ResistorPair resistors, LineModel line, Map<Situation, TransferFunctions> situations,
            OptimalEavesdropper eve, List<Defence> defences, double xi, Integer bitSamples, int maxSamples) {
        // the defences are independent: in parallel (the common pool and this thread)
        List<Row> rows = defences.parallelStream().map(d -> row(KeyRateModel.of(resistors, line, situations,
                d.temperatures(), eve), d, xi, bitSamples, maxSamples)).toList();
        return new KeyRateDefences(rows, bitSamples, maxSamples, xi, eve.instrument(), eve.bandwidth());
    }

    /** These rows and one more. */
    public KeyRateDefences plus(Row row) {
        List<Row> more = new ArrayList<>(rows);
        more.add(row);
        return new KeyRateDefences(more, bitSamples, maxSamples, reconciliation, instrument, bandwidth);
    }

    /** The bit of the best row, in Nyquist samples. */
    public int bestSamples() {
        return samples(best().rate());
    }

    /** One defence's row from its model. */
    public static Row row(KeyRateModel model, Defence d, double xi, Integer bitSamples, int maxSamples) {
        if (bitSamples != null) {
            return new Row(d.name(), d.key(), d.temperatures(), model.at(bitSamples, xi), null);
        }
        KeyRateSearch.Optimum o = model.best(xi, maxSamples);
        return new Row(d.name(), d.key(), d.temperatures(), o.rate(), o);
    }

    /**
     * The single β (T_L/T_H) in [10⁻³, 10³] that minimises Eve's window information on a bit of {@code bitSamples}
     * (Brent on ln β; her information is smooth in β and, on a lumped loop, reaches 0 at one β). Where her
     * information is not known (no bound) the objective is +∞.
     */
    public static double betaMinimisingEveInformation(OptimalEavesdropper eve, double tEff, int bitSamples) {
        double seconds = BitLength.duration(bitSamples, eve.bandwidth());
        UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(lnBeta -> {
            OptimalResult o = OptimalResult.windowOnly(eve, NoiseTemperatures.standard(tEff, Math.exp(lnBeta)), seconds);
            return o.boundsEveryDetector() ? o.mutualInformation() : Double.POSITIVE_INFINITY;
        });
        double x = new BrentOptimizer(1e-4, 1e-12).optimize(new MaxEval(60), f, GoalType.MINIMIZE,
                new SearchInterval(Math.log(1e-3), Math.log(1e3), 0)).getPoint();
        return Math.exp(x);
    }

    /**
     * The answer in one sentence, the one place it is worded (analyze, defend, map and the reports open with it): the
     * best defence's rate with its bit duration, band, defence and Eve's instrument; "no key" only where R = 0 for
     * every defence at every bit considered with Eve's information exact there ({@link Row#noKeyShown}); where a
     * bound on her decided R = 0 for some defence (a bit beyond {@link OptimalResult#WINDOW_LIMIT} Nyquist samples, or
     * a floor not resolved), that a key cannot be shown possible there, and what can decide it; where Eve's
     * information is not known for some defence (no bound on her), that the question cannot be answered, never a
     * rate.
     *
     * @param where the line in words ("RC ladder, ... ")
     */
    public String verdict(String where) {
        Row b = best();
        String eve = String.format(Locale.ROOT, "against an eavesdropper with instrument noise %.3g V²/Hz and %.3g"
                + " A²/Hz", instrument.voltageNoise(), instrument.currentNoise());
        if (b.rate().known() && b.bitsPerSecond() > 0) {
            KeyRate r = b.rate();
            // with Eve's bound the rate is a lower value of what the bit gives
            String lower = OptimalResult.WINDOW_BOUND.equals(r.eveMethod()) ? " (at least: Eve's information at this"
                    + " bit is an upper bound on hers, method window-bound)" : "";
            return String.format(Locale.ROOT, "A secret key is possible over %s at up to %.4g bit/s%s (band 0..%.4g Hz,"
                            + " bit of %.4g s = %d Nyquist samples, defence: %s; %.4g bit/s at reconciliation %.2f), %s.",
                    where, r.bitsPerSecond(), lower, bandwidth, r.bitDuration(), samples(r), b.name(),
                    r.withReconciliation(KeyRate.PRACTICAL_RECONCILIATION).bitsPerSecond(),
                    KeyRate.PRACTICAL_RECONCILIATION, eve);
        }
        String bits = bitSamples != null
                ? String.format(Locale.ROOT, "at the bit of %.4g s (%d Nyquist samples%s)", bitSamples / (2 * bandwidth),
                        bitSamples, searchedBit())
                : String.format(Locale.ROOT, "at every bit duration tried (%d to %d Nyquist samples on a log grid,"
                        + " %.4g to %.4g s)", KeyRateModel.MIN_SAMPLES, maxSamples,
                        KeyRateModel.MIN_SAMPLES / (2 * bandwidth), maxSamples / (2 * bandwidth));
        List<String> unknown = rows.stream().filter(r -> !r.rate().known()).map(Row::name).toList();
        if (!unknown.isEmpty()) {
            String method = rows.stream().filter(r -> !r.rate().known()).findFirst().orElseThrow().rate().eveMethod();
            // defensive: every optimal result is a bound with a finite information, so this needs a NaN from below
            String why = "her information is not a finite number there";
            return String.format(Locale.ROOT, "Whether a secret key is possible over %s %s cannot be stated: Eve's"
                    + " exact information is not known there for %s (method %s: %s), %s.", where, bits,
                    unknown.size() == rows.size() ? "every defence tried" : String.join(", ", unknown), method, why,
                    eve);
        }
        List<String> bounded = rows.stream().filter(r -> !r.noKeyShown()).map(Row::name).toList();
        if (!bounded.isEmpty()) {
            boolean beyondWindow = bitSamples != null && bitSamples > OptimalResult.WINDOW_LIMIT;
            String why = beyondWindow
                    ? String.format(Locale.ROOT, "beyond %d Nyquist samples her exact window likelihood ratio is not"
                            + " computed, only an upper bound on it (method window-bound)", OptimalResult.WINDOW_LIMIT)
                    : "her instrument's floor is not resolved under the loop's noise in double precision there, so"
                            + " only an upper bound on her information is known (method window-bound)";
            String what = beyondWindow
                    ? String.format(Locale.ROOT, "the best bit duration (--bit-duration best: %d to %d Nyquist"
                            + " samples, where her information is exact) or a bit of at most %d samples decides it",
                            KeyRateModel.MIN_SAMPLES, OptimalResult.WINDOW_LIMIT, OptimalResult.WINDOW_LIMIT)
                    : "no bit duration considered gives her exact information there";
            return String.format(Locale.ROOT, "A secret key cannot be shown possible over %s %s: %s, and that bound"
                    + " reaches Alice and Bob's information with %s; it may overstate Eve, so this is not a \"no key\";"
                    + " %s, %s.", where, bits, why, bounded.size() == rows.size() ? "every defence tried ("
                    + String.join(", ", bounded) + ")" : String.join(", ", bounded) + " (the others: no key, her"
                    + " information exact)", what, eve);
        }
        return String.format(Locale.ROOT, "No secret key is possible over %s: Eve's information per bit exceeds Alice"
                + " and Bob's %s with every defence tried (%s; her information exact there), %s.", where, bits,
                String.join(", ", rows.stream().map(Row::name).toList()), eve);
    }

    /**
     * How the bit was chosen when a search for the first row's best bit chose it for every row: so that "no key at
     * the bit of 2 samples" reads as what it is (the other defences were evaluated at that bit only).
     */
    private String searchedBit() {
        if (bitSearch == null) {
            return "";
        }
        String of = rows.get(0).name();
        if (!bitSearch.noKey()) {
            return String.format(Locale.ROOT, ", the best bit of %s", of);
        }
        // the grid's bits only: R = 0 on a log grid does not rule out a key between its points
        return String.format(Locale.ROOT, ": %s gives no key%s at any of the %d bits tried from %d to %d Nyquist"
                + " samples on a log grid, and the other defences were evaluated at this bit only; defend"
                + " --bit-duration best searches each defence's best bit", of,
                bitSearch.zeroByBound() ? " shown (at some bits only by Eve's bound)" : "", bitSearch.evaluated(),
                KeyRateModel.MIN_SAMPLES, bitSearch.searchedUpTo());
    }

    private int samples(KeyRate r) {
        return (int) Math.round(2 * bandwidth * r.bitDuration());
    }
}

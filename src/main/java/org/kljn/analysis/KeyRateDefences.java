package org.kljn.analysis;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.ResistorPair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The secret-key rate of each defence (a generator temperature set) on one line: at a given bit, or at each
 * defence's best bit duration ({@link KeyRateModel#best}), and the defence that gives the most; with the verdict
 * in one sentence.
 *
 * @param rows           one per defence
 * @param bitSamples     the bit the user set, or null where each defence's best bit was searched
 * @param maxSamples     the longest bit the search considered
 * @param reconciliation ξ
 * @param instrument     Eve's instrument
 * @param bandwidth      Δf, Hz
 */
public record KeyRateDefences(List<Row> rows, Integer bitSamples, int maxSamples, double reconciliation,
                              EveInstrument instrument, double bandwidth) {
    /**
     * The longest bit with a key rate: the range where Eve's exact window likelihood ratio is computed ({@link
     * OptimalResult#WINDOW_LIMIT}; beyond, her pencil grows past thousands of dimensions per bit).
     */
    public static final int MAX_SAMPLES = OptimalResult.WINDOW_LIMIT;

    /** A bit of {@code samples} has a key rate here, or a refusal saying why not. */
    public static int checkSamples(int samples) {
        if (samples < KeyRateModel.MIN_SAMPLES || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("a bit of " + samples + " Nyquist samples has no key rate here: allowed "
                    + KeyRateModel.MIN_SAMPLES + " to " + MAX_SAMPLES + " (Eve's exact window information is computed"
                    + " up to " + MAX_SAMPLES + ")");
        }
        return samples;
    }

    public KeyRateDefences {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no defence to compare");
        }
    }

    /**
     * One defence.
     *
     * @param rate    the key rate at the user's bit, or at this defence's best bit
     * @param optimum the search, or null at a bit the user set
     */
    public record Row(String name, String key, NoiseTemperatures temperatures, KeyRate rate,
                      KeyRateSearch.Optimum optimum) {
        public double bitsPerSecond() {
            return rate.bitsPerSecond();
        }
    }

    /** A defence to evaluate: its name, JSON key and temperatures. */
    public record Defence(String name, String key, NoiseTemperatures temperatures) {
    }

    /** The defence that gives the most secret bits per second (ties: the first listed). */
    public Row best() {
        return rows.stream().max(Comparator.comparingDouble(Row::bitsPerSecond)).orElseThrow();
    }

    /**
     * Each defence's key rate on {@code line}.
     *
     * @param situations the four situations' transfer functions ("HL", "LH", "HH", "LL")
     * @param bitSamples the bit, or null to search each defence's best bit up to {@code maxSamples}
     */
    public static KeyRateDefences of(ResistorPair resistors, LineModel line, Map<String, TransferFunctions> situations,
            double bandwidth, List<Defence> defences, EveInstrument instrument, double xi, Integer bitSamples,
            int maxSamples) {
        Integer m = bitSamples == null ? null : checkSamples(bitSamples);
        // the defences are independent: in parallel (the common pool and this thread)
        List<Row> rows = defences.parallelStream().map(d -> row(KeyRateModel.of(resistors, line, situations,
                d.temperatures(), instrument, bandwidth), d, xi, m, maxSamples)).toList();
        return new KeyRateDefences(rows, bitSamples, maxSamples, xi, instrument, bandwidth);
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
     * (Brent on ln β; her information is smooth in β and, on a lumped loop, reaches 0 at one β).
     */
    public static double betaMinimisingEveInformation(ResistorPair resistors, LineModel line,
            Map<String, TransferFunctions> situations, double tEff, EveInstrument instrument, double bandwidth,
            int bitSamples) {
        WindowEavesdropper eve = WindowEavesdropper.of(resistors, line, situations);
        double seconds = bitSamples / (2 * bandwidth);
        UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(lnBeta -> eve.test(
                NoiseTemperatures.standard(tEff, Math.exp(lnBeta)), seconds, instrument).mutualInformation());
        double x = new BrentOptimizer(1e-4, 1e-12).optimize(new MaxEval(60), f, GoalType.MINIMIZE,
                new SearchInterval(Math.log(1e-3), Math.log(1e3), 0)).getPoint();
        return Math.exp(x);
    }

    /**
     * The answer in one sentence: the best defence's rate, or that no defence gives a key at any bit considered.
     *
     * @param where the line in words ("RC ladder, ... ")
     */
    public String verdict(String where) {
        Row b = best();
        String eve = String.format(Locale.ROOT, "against an eavesdropper with instrument noise %.3g V^2/Hz and %.3g"
                + " A^2/Hz", instrument.voltageNoise(), instrument.currentNoise());
        if (b.bitsPerSecond() > 0) {
            KeyRate r = b.rate();
            return String.format(Locale.ROOT, "A secret key is possible over %s at up to %.4g bit/s (band 0..%.4g Hz,"
                            + " bit of %.4g s = %d Nyquist samples, defence: %s; %.4g bit/s at reconciliation %.2f), %s.",
                    where, r.bitsPerSecond(), bandwidth, r.bitDuration(), samples(r), b.name(),
                    r.withReconciliation(KeyRate.PRACTICAL_RECONCILIATION).bitsPerSecond(),
                    KeyRate.PRACTICAL_RECONCILIATION, eve);
        }
        String bits = bitSamples != null
                ? String.format(Locale.ROOT, "at the bit of %.4g s (%d Nyquist samples)", bitSamples / (2 * bandwidth),
                        bitSamples)
                : String.format(Locale.ROOT, "at every bit duration tried (%d to %d Nyquist samples on a log grid,"
                        + " %.4g to %.4g s)", KeyRateModel.MIN_SAMPLES, maxSamples,
                        KeyRateModel.MIN_SAMPLES / (2 * bandwidth), maxSamples / (2 * bandwidth));
        return String.format(Locale.ROOT, "No secret key is possible over %s: Eve's information per bit exceeds Alice"
                + " and Bob's %s with every defence tried (%s), %s.", where, bits,
                String.join(", ", rows.stream().map(Row::name).toList()), eve);
    }

    private int samples(KeyRate r) {
        return (int) Math.round(2 * bandwidth * r.bitDuration());
    }
}

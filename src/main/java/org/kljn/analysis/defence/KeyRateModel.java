package org.kljn.analysis.defence;

import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.KeyRateSearch;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret-key rate of one line and one defence (generator temperatures) as a function of the bit duration τ,
 * from the four situations' transfer functions, swept once (no simulation per τ): Alice's and Bob's exact errors
 * ({@link ExactProbabilities}) and Eve's result for the bit ({@link OptimalResult#windowOnly}, the one place her
 * information comes from). τ counts whole Nyquist intervals of the band: τ = M/(2Δf), M ≥ 2.
 */
public final class KeyRateModel {
    /** The shortest bit: two Nyquist samples (one frequency bin below the band edge). */
    public static final int MIN_SAMPLES = BitLength.MIN_SAMPLES;

    private final ExactProbabilities.Situations situations;
    private final OptimalEavesdropper eve;
    private final NoiseTemperatures temperatures;
    /** R at ξ = 1 per M: the search and the tables ask for the same bits more than once. */
    private final Map<Integer, KeyRate> cache = new ConcurrentHashMap<>();
    private final Map<Integer, KeyRate.Errors> errorCache = new ConcurrentHashMap<>();

    private KeyRateModel(ExactProbabilities.Situations situations, OptimalEavesdropper eve, NoiseTemperatures t) {
        this.situations = situations;
        this.eve = eve;
        this.temperatures = t;
    }

    /**
     * @param situations the transfer functions of the four situations over the brick-wall band [0, Δf]
     * @param eve        the best eavesdropper on the same line and band, with her instrument
     */
    public static KeyRateModel of(ResistorPair resistors, LineModel line, Map<Situation, TransferFunctions> situations,
            NoiseTemperatures t, OptimalEavesdropper eve) {
        return new KeyRateModel(ExactProbabilities.situations(resistors, line, situations, t), eve, t);
    }

    /** The same loop and line at another temperature set (the transfer functions are shared). */
    public static KeyRateModel of(LoopAnalysisResult r, NoiseTemperatures t) {
        return of(r.loop().resistors(), r.loop().line(), r.situations(), t, r.optimalEavesdropper());
    }

    public NoiseTemperatures temperatures() {
        return temperatures;
    }

    public double bandwidth() {
        return eve.bandwidth();
    }

    /** τ = M/(2Δf). */
    public double bitDuration(int samples) {
        return BitLength.duration(samples, eve.bandwidth());
    }

    /** The key rate for a bit of {@code samples} Nyquist samples, reconciliation efficiency ξ. */
    public KeyRate at(int samples, double xi) {
        return cache.computeIfAbsent(BitLength.ofSamples(samples).samples(), this::compute).withReconciliation(xi);
    }

    /**
     * The key rate of a bit whose Eve result is already at hand (the analysis computed it at the same temperatures):
     * only Alice's and Bob's errors are added.
     */
    public KeyRate at(OptimalResult eveAtBit, double xi) {
        int m = (int) Math.round(2 * eve.bandwidth() * eveAtBit.bitDuration());
        return KeyRate.of(errors(m), eveAtBit, xi);
    }

    /** Alice's and Bob's errors per role and situation for the bit (cached: the search asks more than once). */
    public KeyRate.Errors errors(int samples) {
        return errorCache.computeIfAbsent(samples, m -> {
            double seconds = bitDuration(m);
            return KeyRate.Errors.of(ExactProbabilities.aliceBob(situations, Resistor.H, seconds),
                    ExactProbabilities.aliceBob(situations, Resistor.L, seconds));
        });
    }

    private KeyRate compute(int samples) {
        return KeyRate.of(errors(samples), OptimalResult.windowOnly(eve, temperatures, bitDuration(samples)), 1);
    }

    /**
     * R at ξ for the search: exact, or 0 without Eve's window when a shorter bit already gave her at least ξ·I(A;B)
     * (her information only grows with the window: a longer window holds the shorter one). Unknown rates (no bound
     * on Eve) count as 0 for the search; the rate reported is always re-evaluated with {@link #at}.
     */
    private double rateForSearch(int samples, double xi) {
        KeyRate.Errors e = errors(samples);
        if (xi * KeyRate.aliceBobInformation(e) <= eveFloorBelow(samples)) {
            return 0;
        }
        KeyRate k = cache.computeIfAbsent(samples, this::compute).withReconciliation(xi);
        return k.known() ? k.bitsPerSecond() : 0;
    }

    /**
     * Eve's information on the bits evaluated up to {@code samples}, the largest: by data processing a lower value of
     * hers on every longer bit. It only steers where the search stops (a numerical error here can cost the search a
     * better bit, never understate Eve in a rate reported).
     */
    private double eveFloorBelow(int samples) {
        double floor = 0;
        for (Map.Entry<Integer, KeyRate> e : cache.entrySet()) {
            if (e.getKey() <= samples && e.getValue().known()) {
                floor = Math.max(floor, e.getValue().eveInformation() * (1 - 1e-9));
            }
        }
        return floor;
    }

    /**
     * The best bit duration of this defence, M from {@link #MIN_SAMPLES} to {@code maxSamples} ({@link
     * KeyRateSearch}); the search stops early once no longer bit can do better: R(M') ≤ kept [ξ − I_E]⁺ / τ(M'),
     * I_E Eve's information on the longest bit evaluated.
     */
    public KeyRateSearch.Optimum best(double xi, int maxSamples) {
        KeyRate.checkReconciliation(xi);
        BitLength.ofSamples(maxSamples);
        KeyRateSearch.Result r = KeyRateSearch.search(m -> rateForSearch(m, xi),
                (from, m) -> KeyRate.KEPT_FRACTION * Math.max(0, xi - eveFloorBelow(from)) / bitDuration(m),
                MIN_SAMPLES, maxSamples);
        return new KeyRateSearch.Optimum(at(r.best(), xi), r.best(), r.evaluated(), r.searchedUpTo(),
                r.stoppedByCeiling());
    }
}

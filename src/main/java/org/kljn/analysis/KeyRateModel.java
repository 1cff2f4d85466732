package org.kljn.analysis;

import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret-key rate of one line and one defence (generator temperatures) as a function of the bit duration τ,
 * from the four situations' transfer functions (no further simulation): Alice's and Bob's exact errors ({@link
 * ExactProbabilities}) and Eve's exact window information ({@link WindowEavesdropper}) through her instrument. τ
 * counts whole Nyquist intervals of the band: τ = M/(2Δf), M ≥ 2 ({@link #bitDuration}).
 */
public final class KeyRateModel {
    /** The shortest bit: two Nyquist samples (one frequency bin below the band edge). */
    public static final int MIN_SAMPLES = 2;

    private final ExactProbabilities.Situations situations;
    private final WindowEavesdropper eve;
    private final NoiseTemperatures temperatures;
    private final EveInstrument instrument;
    private final double bandwidth;
    /** R at ξ = 1 per M: the search and the tables ask for the same bits more than once. */
    private final Map<Integer, KeyRate> cache = new ConcurrentHashMap<>();

    private KeyRateModel(ExactProbabilities.Situations situations, WindowEavesdropper eve, NoiseTemperatures t,
            EveInstrument instrument, double bandwidth) {
        this.situations = situations;
        this.eve = eve;
        this.temperatures = t;
        this.instrument = instrument;
        this.bandwidth = bandwidth;
    }

    /**
     * @param situations the transfer functions of the four situations, keyed "HL", "LH", "HH", "LL"
     * @param bandwidth  Δf of the brick-wall band the transfer functions were swept over, Hz
     */
    public static KeyRateModel of(ResistorPair resistors, LineModel line, Map<String, TransferFunctions> situations,
            NoiseTemperatures t, EveInstrument instrument, double bandwidth) {
        return new KeyRateModel(ExactProbabilities.situations(resistors, line, situations, t),
                WindowEavesdropper.of(resistors, line, situations), t, instrument, bandwidth);
    }

    /** The same loop and line at another temperature set (the transfer functions are shared). */
    public static KeyRateModel of(LoopAnalysisResult r, NoiseTemperatures t, EveInstrument instrument) {
        return of(r.loop().resistors(), r.loop().line(), r.situations(), t, instrument, r.settings().bandwidth());
    }

    public NoiseTemperatures temperatures() {
        return temperatures;
    }

    public EveInstrument instrument() {
        return instrument;
    }

    public double bandwidth() {
        return bandwidth;
    }

    /** τ = M/(2Δf). */
    public double bitDuration(int samples) {
        return samples / (2 * bandwidth);
    }

    /** The key rate for a bit of {@code samples} Nyquist samples, reconciliation efficiency ξ. */
    public KeyRate at(int samples, double xi) {
        checkSamples(samples);
        return cache.computeIfAbsent(samples, this::compute).withReconciliation(xi);
    }

    private static void checkSamples(int samples) {
        if (samples < MIN_SAMPLES) {
            throw new IllegalArgumentException("a bit of " + samples + " Nyquist samples: the key rate needs at least "
                    + MIN_SAMPLES);
        }
    }

    /** Alice's and Bob's errors for the bit (cached: cheap beside Eve's window for long bits). */
    private KeyRate.Errors errors(int samples) {
        return errorCache.computeIfAbsent(samples, m -> {
            double seconds = bitDuration(m);
            return KeyRate.Errors.of(ExactProbabilities.aliceBob(situations, Resistor.H, seconds),
                    ExactProbabilities.aliceBob(situations, Resistor.L, seconds));
        });
    }

    private final Map<Integer, KeyRate.Errors> errorCache = new ConcurrentHashMap<>();

    private KeyRate compute(int samples) {
        double seconds = bitDuration(samples);
        KeyRate.Errors errors = errors(samples);
        WindowLikelihoodRatio window = eve.test(temperatures, seconds, instrument);
        eveBound.put(samples, window.informationErrorBound());
        return new KeyRate(seconds, errors, KeyRate.aliceBobInformation(errors), window.mutualInformation(),
                window.successProbability(), KeyRate.KEPT_FRACTION, 1);
    }

    /**
     * A lower value of Eve's information on a bit of {@code samples}: the computed value less its quadrature bound
     * (the basis left out only lowers the computed value). By data processing it bounds every longer bit's too: the
     * longer window holds the shorter one.
     */
    private double eveInformationLow(int samples) {
        KeyRate k = cache.get(samples);
        return k == null ? 0 : Math.max(0, k.eveInformation() - 2 * eveBound.getOrDefault(samples, 0.0) - 1e-12);
    }

    private final Map<Integer, Double> eveBound = new ConcurrentHashMap<>();

    /**
     * R at ξ for the search: exact, or 0 without Eve's window when a shorter bit already gave her at least ξ·I(A;B)
     * (her information only grows with the window).
     */
    private double rateForSearch(int samples, double xi) {
        KeyRate.Errors e = errors(samples);
        if (xi * KeyRate.aliceBobInformation(e) <= eveFloorBelow(samples)) {
            return 0;
        }
        return cache.computeIfAbsent(samples, this::compute).withReconciliation(xi).bitsPerSecond();
    }

    /** The largest lower value of Eve's information over the bits evaluated up to {@code samples}. */
    private double eveFloorBelow(int samples) {
        double floor = 0;
        for (int m : cache.keySet()) {
            if (m <= samples) {
                floor = Math.max(floor, eveInformationLow(m));
            }
        }
        return floor;
    }

    /**
     * The best bit duration of this defence, M from {@link #MIN_SAMPLES} to {@code maxSamples} ({@link
     * KeyRateSearch}); the search stops early once no longer bit can do better: R(M') ≤ kept [ξ − I_E]⁺ / τ(M'),
     * I_E Eve's information on the longest bit evaluated (a lower value).
     */
    public KeyRateSearch.Optimum best(double xi, int maxSamples) {
        KeyRate.checkReconciliation(xi);
        checkSamples(maxSamples);
        KeyRateSearch.Result r = KeyRateSearch.search(m -> rateForSearch(m, xi),
                (from, m) -> KeyRate.KEPT_FRACTION * Math.max(0, xi - eveFloorBelow(from)) / bitDuration(m),
                MIN_SAMPLES, maxSamples);
        return new KeyRateSearch.Optimum(at(r.best(), xi), r.best(), r.evaluated(), r.searchedUpTo(),
                r.stoppedByCeiling());
    }
}

package org.kljn.analysis.eavesdropper;

import org.kljn.analysis.exact.NoiseTemperatures;

/**
 * What the best second-order eavesdropper achieves at one defence (a β or a temperature set) for one bit.
 *
 * @param temperatures       the generator temperatures (T_HA = T_eff)
 * @param jeffreysRate       J = D(HL‖LH) + D(LH‖HL), nats/s over the band
 * @param divergenceHlFromLh D(HL‖LH), nats/s
 * @param divergenceLhFromHl D(LH‖HL), nats/s
 * @param integrationError   Richardson's bound on J's quadrature error, nats/s
 * @param bitDuration        τ, s
 * @param bins               frequency bins (k − ½)/τ of the spectral likelihood-ratio detector
 * @param allBins            whether that detector uses every bin of the band (else every s-th: a long bit)
 * @param successProbability Eve's probability of a correct guess for the bit (equal priors), never below the best
 *                           detector's: the exact window likelihood ratio's upper value ({@code method} "window") or
 *                           a rigorous bound on it ("window-bound")
 * @param errorProbability   her probability of a wrong guess, a lower value (1 − the bound for "window-bound")
 * @param method             "window" ({@link WindowEavesdropper#test}: exact for the bit, through Eve's instrument)
 *                           or "window-bound" ({@link WindowEavesdropper#bound}: an upper bound for a bit longer than
 *                           {@link #WINDOW_LIMIT} Nyquist samples, or where the exact pencil cannot resolve Eve's floor
 *                           under the loop's noise in double precision)
 * @param mutualInformation  I(K; Eve) in bits per bit: the exact window value's upper value, or the bound
 * @param windowJeffreys     the window's Jeffreys divergence, nats ("window"; NaN for "window-bound")
 * @param eveNoise           Eve's instrument
 * @param spectralSuccessProbability the spectral likelihood-ratio detector's success (bins treated as independent):
 *                           an approximation for long bits, NOT a bound on Eve
 */
public record OptimalResult(NoiseTemperatures temperatures, double jeffreysRate, double divergenceHlFromLh,
        double divergenceLhFromHl, double integrationError, double bitDuration, int bins, boolean allBins,
        double successProbability, double errorProbability, String method, double mutualInformation,
        double windowJeffreys, EveInstrument eveNoise, double spectralSuccessProbability) {

    /**
     * Bits of at most this many Nyquist samples get the exact window likelihood ratio: its dense pencil has
     * ~π M + 60 dimensions (CPU per point measured by {@code kljn bench}); longer bits get {@link #WINDOW_BOUND}.
     */
    public static final int WINDOW_LIMIT = 256;

    /**
     * The reference window (Nyquist samples) on which {@link #WINDOW_BOUND} solves the exact pencil (and a Cholesky
     * factor at 7/8 of it, and one at M/⌈M/this⌉ for the near-null bound's degrees of freedom): larger is tighter and
     * slower.
     */
    public static final int BOUND_REFERENCE_SAMPLES = 128;

    /** {@link #method()} of the exact window likelihood ratio. */
    public static final String WINDOW = "window";

    /** {@link #method()} of the rigorous upper bound ({@link WindowEavesdropper#bound}). */
    public static final String WINDOW_BOUND = "window-bound";

    /**
     * Below this many Nyquist samples per bit the spectral likelihood ratio's finite-window loss can let a particular
     * attack match or beat it (measured: the current attack on an 8-section ladder at M = 20 and 40, see
     * docs/best-eavesdropper.md);
     * it is never used as Eve's best.
     */
    public static final int SPECTRAL_BOUND_MIN_SAMPLES = 100;

    /**
     * Whether {@link #successProbability} and {@link #mutualInformation} bound every detector's: always (the exact
     * window likelihood ratio's upper value, or a rigorous bound on it). Kept for the JSON key.
     */
    public boolean boundsEveryDetector() {
        return true;
    }

    /** Evaluates {@code eve} at {@code t} for a bit of {@code bitSamples} Nyquist samples. */
    public static OptimalResult of(org.kljn.ngspice.SpiceSimulator spice, OptimalEavesdropper eve,
            NoiseTemperatures t, int bitSamples) {
        return of(eve, eve.detectorBins(spice, bitSamples), t);
    }

    /**
     * Evaluates {@code eve} at {@code t} for the bit whose bins {@code bins} holds ({@link
     * OptimalEavesdropper#detectorBins}): no simulation, so one sweep of the bins serves every defence compared.
     */
    public static OptimalResult of(OptimalEavesdropper eve, LikelihoodRatioDetector.Bins bins, NoiseTemperatures t) {
        double tau = bins.tau();
        boolean allBins = bins.hl().size() == LikelihoodRatioDetector.binCount(eve.bandwidth(), tau);
        return of(eve, t, tau, bins.hl().size(), allBins, bins.at(t).successProbability());
    }

    /**
     * Evaluates {@code eve} at {@code t} for a bit of {@code tau} seconds without the spectral detector (its
     * {@link #spectralSuccessProbability} NaN): no bins are swept, so a search over τ (the secret-key rate) runs no
     * simulation. The same decision between the exact window test and its bound as {@link #of(OptimalEavesdropper,
     * LikelihoodRatioDetector.Bins, NoiseTemperatures)}.
     */
    public static OptimalResult windowOnly(OptimalEavesdropper eve, NoiseTemperatures t, double tau) {
        return of(eve, t, tau, 0, false, Double.NaN);
    }

    /** The one place that decides between the exact window test and its bound. */
    private static OptimalResult of(OptimalEavesdropper eve, NoiseTemperatures t, double tau, int bins,
            boolean allBins, double spectral) {
        OptimalEavesdropper.Divergence d = eve.divergence(t);
        double samples = 2 * eve.bandwidth() * tau;
        if (samples <= WINDOW_LIMIT * (1 + 1e-9)) {
            try {
                java.util.Optional<WindowLikelihoodRatio> window = eve.windowTest(t, tau);
                if (window.isPresent()) {
                    WindowLikelihoodRatio w = window.get();
                    return new OptimalResult(t, d.jeffreys(), d.hlFromLh(), d.lhFromHl(), d.errorBound(), tau, bins,
                            allBins, w.successProbability(), w.errorProbability(), WINDOW, w.mutualInformation(),
                            w.jeffreys(), eve.instrument(), spectral);
                }
            } catch (ArithmeticException unresolved) {
                // the loop's noise exceeds Eve's floor by more than double precision resolves (WindowPencil
                // .RESOLVED_SIGNAL: above T_eff = 1e12 K with the default floor on a 1 kΩ / 10 kΩ loop): the bound
                // below, never an approximation
            }
        }
        WindowBound b = eve.windowBound(t, tau, BOUND_REFERENCE_SAMPLES / (2 * eve.bandwidth()))
                .orElseThrow(() -> new IllegalStateException("Eve's window bound needs the band gain: build the"
                        + " eavesdropper from transfer functions"));
        return new OptimalResult(t, d.jeffreys(), d.hlFromLh(), d.lhFromHl(), d.errorBound(), tau, bins, allBins,
                b.successProbability(), b.errorProbability(), WINDOW_BOUND, b.mutualInformation(), Double.NaN,
                eve.instrument(), spectral);
    }
}

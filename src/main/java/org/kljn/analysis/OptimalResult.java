package org.kljn.analysis;

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
 * @param successProbability Eve's probability of a correct guess for the bit (equal priors): the exact window
 *                           likelihood ratio's upper value when {@code method} is "window", else the spectral one's
 * @param errorProbability   her probability of a wrong guess, computed directly (a lower value)
 * @param method             "window" ({@link WindowEavesdropper}: exact for the bit, through Eve's instrument) or
 *                           "spectral" (a bit longer than {@link #WINDOW_LIMIT} Nyquist samples: bins treated as
 *                           independent, not a bound) or "spectral-unresolved" (the window test's covariance could
 *                           not resolve Eve's floor under the loop's noise in double precision; not a bound)
 * @param mutualInformation  I(K; Eve) in bits per bit (window method; NaN for the spectral one)
 * @param windowJeffreys     the window's Jeffreys divergence, nats (window method; NaN otherwise)
 * @param eveNoise           Eve's instrument
 */
public record OptimalResult(NoiseTemperatures temperatures, double jeffreysRate, double divergenceHlFromLh,
        double divergenceLhFromHl, double integrationError, double bitDuration, int bins, boolean allBins,
        double successProbability, double errorProbability, String method, double mutualInformation,
        double windowJeffreys, EveInstrument eveNoise) {

    /**
     * Bits of at most this many Nyquist samples get the exact window likelihood ratio. Its dense pencil has
     * ~π M + 60 dimensions (measured by {@code kljn bench}: 0.09 s of CPU at M = 50, 2 s at M = 256), so longer
     * bits keep the spectral form for now.
     */
    public static final int WINDOW_LIMIT = 256;

    /** {@link #method()} of a bit longer than {@link #WINDOW_LIMIT}: the spectral detector, not a bound. */
    public static final String SPECTRAL_LONG_BIT = "spectral";

    /**
     * {@link #method()} where the window test could not resolve Eve's floor under the loop's noise in double
     * precision: the spectral detector, not a bound.
     */
    public static final String SPECTRAL_UNRESOLVED = "spectral-unresolved";

    /**
     * Below this many Nyquist samples per bit the spectral likelihood ratio's finite-window loss can let a particular
     * attack match or beat it (measured: the current attack on an 8-section ladder at M = 20 and 40, see
     * docs/best-eavesdropper.md), so its success is not a bound on every detector there.
     */
    public static final int SPECTRAL_BOUND_MIN_SAMPLES = 100;

    /**
     * Whether {@link #successProbability} bounds every detector's: always for the window method (the exact
     * likelihood ratio, an upper value); for the spectral one never (it can fall below an exact attack even for long
     * bits).
     */
    public boolean boundsEveryDetector() {
        return "window".equals(method);
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
        OptimalEavesdropper.Divergence d = eve.divergence(t);
        double tau = bins.tau();
        boolean allBins = bins.hl().size() == LikelihoodRatioDetector.binCount(eve.bandwidth(), tau);
        Window w = window(eve, t, tau);
        if (w.test().isPresent()) {
            return ofWindow(eve, t, d, tau, bins.hl().size(), allBins, w.test().get());
        }
        LikelihoodRatioDetector lr = bins.at(t);
        return new OptimalResult(t, d.jeffreys(), d.hlFromLh(), d.lhFromHl(), d.errorBound(), lr.bitDuration(),
                lr.bins(), allBins, lr.successProbability(), lr.errorProbability(), w.method(), Double.NaN, Double.NaN,
                eve.instrument());
    }

    /**
     * Evaluates {@code eve} at {@code t} for a bit of {@code tau} seconds where only the exact window test is wanted
     * (the secret-key rate needs Eve's information, which only the window test gives): no spectral bins are swept,
     * so a search over τ runs no simulation. Where the window test does not apply ({@link #method} {@value
     * #SPECTRAL_LONG_BIT} or {@value #SPECTRAL_UNRESOLVED}) success, error and information are NaN and {@link
     * #boundsEveryDetector} is false: nothing is claimed.
     */
    public static OptimalResult windowOnly(OptimalEavesdropper eve, NoiseTemperatures t, double tau) {
        OptimalEavesdropper.Divergence d = eve.divergence(t);
        Window w = window(eve, t, tau);
        if (w.test().isPresent()) {
            return ofWindow(eve, t, d, tau, 0, false, w.test().get());
        }
        return new OptimalResult(t, d.jeffreys(), d.hlFromLh(), d.lhFromHl(), d.errorBound(), tau, 0, false,
                Double.NaN, Double.NaN, w.method(), Double.NaN, Double.NaN, eve.instrument());
    }

    private static OptimalResult ofWindow(OptimalEavesdropper eve, NoiseTemperatures t,
            OptimalEavesdropper.Divergence d, double tau, int bins, boolean allBins, WindowLikelihoodRatio w) {
        return new OptimalResult(t, d.jeffreys(), d.hlFromLh(), d.lhFromHl(), d.errorBound(), tau, bins, allBins,
                w.successProbability(), w.errorProbability(), "window", w.mutualInformation(), w.jeffreys(),
                eve.instrument());
    }

    /** The window test for the bit, or why there is none ({@link #method}). */
    private record Window(java.util.Optional<WindowLikelihoodRatio> test, String method) {
    }

    /** The one place that decides where the exact window test applies. */
    private static Window window(OptimalEavesdropper eve, NoiseTemperatures t, double tau) {
        double samples = 2 * eve.bandwidth() * tau;
        if (samples > WINDOW_LIMIT * (1 + 1e-9)) {
            return new Window(java.util.Optional.empty(), SPECTRAL_LONG_BIT);
        }
        try {
            java.util.Optional<WindowLikelihoodRatio> test = eve.windowTest(t, tau);
            // built from bare spectra (no band gain): no window test, the spectral detector as before
            return new Window(test, test.isPresent() ? "window" : SPECTRAL_LONG_BIT);
        } catch (ArithmeticException unresolved) {
            // the loop's noise exceeds Eve's floor by more than double precision resolves (its covariance's
            // rounding, ~1e-16 of its largest eigenvalue, is larger than the floor: measured from about
            // T_eff = 1e18 K with the default 1 nV/√Hz floor on a 1 kΩ loop): no exact value can be had, and the
            // spectral detector's success is reported flagged as not a bound, never as the window's
            return new Window(java.util.Optional.empty(), SPECTRAL_UNRESOLVED);
        }
    }
}

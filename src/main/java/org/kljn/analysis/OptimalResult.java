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
 *                           independent, not a bound)
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

    /**
     * Below this many Nyquist samples per bit the spectral likelihood ratio's finite-window loss can let a particular
     * attack match or beat it (measured: the current attack on an 8-section ladder at M = 20 and 40, see the README),
     * so its success is not a bound on every detector there.
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
        double samples = 2 * eve.bandwidth() * tau;
        java.util.Optional<WindowLikelihoodRatio> window = samples <= WINDOW_LIMIT * (1 + 1e-9)
                ? eve.windowTest(t, tau) : java.util.Optional.empty();
        if (window.isPresent()) {
            WindowLikelihoodRatio w = window.get();
            return new OptimalResult(t, d.jeffreys(), d.hlFromLh(), d.lhFromHl(), d.errorBound(), tau,
                    bins.hl().size(), allBins, w.successProbability(), w.errorProbability(), "window",
                    w.mutualInformation(), w.jeffreys(), eve.instrument());
        }
        LikelihoodRatioDetector lr = bins.at(t);
        return new OptimalResult(t, d.jeffreys(), d.hlFromLh(), d.lhFromHl(), d.errorBound(), lr.bitDuration(),
                lr.bins(), allBins, lr.successProbability(), lr.errorProbability(), "spectral", Double.NaN, Double.NaN,
                eve.instrument());
    }
}

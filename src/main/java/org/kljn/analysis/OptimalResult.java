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
 * @param bins               frequency bins (k − ½)/τ of the likelihood-ratio detector
 * @param allBins            whether it uses every bin of the band (else every s-th: a long bit)
 * @param successProbability Eve's probability of a correct guess for the bit (likelihood ratio, equal priors)
 * @param errorProbability   her probability of a wrong guess, computed directly
 */
public record OptimalResult(NoiseTemperatures temperatures, double jeffreysRate, double divergenceHlFromLh,
        double divergenceLhFromHl, double integrationError, double bitDuration, int bins, boolean allBins,
        double successProbability, double errorProbability) {

    /**
     * Below this many Nyquist samples per bit the spectral likelihood ratio's finite-window loss can let a particular
     * attack match or beat it (measured: the current attack on an 8-section ladder at M = 20 and 40, see the README),
     * so its success is not a bound on every detector there.
     */
    public static final int SPECTRAL_BOUND_MIN_SAMPLES = 100;

    /**
     * Whether {@link #successProbability} bounds every detector's, not only this spectral one's: a bit long enough
     * for the spectral form and short enough that every bin is used ({@link LikelihoodRatioDetector#PREDICTION_MAX_BINS}).
     */
    public boolean boundsEveryDetector() {
        return allBins && bins >= SPECTRAL_BOUND_MIN_SAMPLES / 2;
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
        LikelihoodRatioDetector lr = bins.at(t);
        return new OptimalResult(t, d.jeffreys(), d.hlFromLh(), d.lhFromHl(), d.errorBound(), lr.bitDuration(),
                lr.bins(), lr.bins() == LikelihoodRatioDetector.binCount(eve.bandwidth(), lr.bitDuration()),
                lr.successProbability(), lr.errorProbability());
    }
}

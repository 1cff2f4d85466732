package org.kljn.analysis.eavesdropper;

/**
 * Upper bounds on Eve's success and information for a bit window where the exact likelihood ratio ({@link
 * WindowLikelihoodRatio}) is out of reach: a bit longer than the exact method's limit, or a loop whose noise
 * exceeds Eve's floor by more than double precision resolves. Every number is provably at least the exact window
 * value (derivation: {@code docs/eavesdropper-window.md}).
 *
 * <p>From an upper bound B̄ on the window's Bhattacharyya distance B = −ln ∫√(p_HL p_LH) (Bhattacharyya coefficient
 * BC = e^{−B}): the total variation TV ≤ √(1 − BC²) (Le Cam), so P(correct) = ½ + ½ TV ≤ ½ + ½ √(1 − e^{−2B̄});
 * and I(K; Eve), the Jensen-Shannon divergence of the two laws in bits, is at most both TV and the squared Hellinger
 * distance Σ(√p − √q)² = 2(1 − e^{−B}) (pointwise, 1 − h₂((1+x)/2) ≤ min(|x|, x²) with x = (p − q)/(p + q), and
 * (p − q)²/(p + q) ≤ 2(√p − √q)²).
 *
 * @param bhattacharyya      B̄, nats (an upper bound on the window's Bhattacharyya distance)
 * @param successProbability the bound on Eve's probability of a correct guess (equal priors)
 * @param mutualInformation  the bound on I(K; Eve), bits per bit
 * @param referenceSeconds   τ₀, the window on which the exact pencil was solved (NaN when none could be)
 */
public record WindowBound(double bhattacharyya, double successProbability, double mutualInformation,
        double referenceSeconds) {

    /** The bounds implied by B̄ = {@code bhattacharyya} (nats, ≥ 0; +∞ for none: Eve may know the bit). */
    public static WindowBound ofBhattacharyya(double bhattacharyya, double referenceSeconds) {
        if (!(bhattacharyya >= 0)) {
            throw new IllegalArgumentException("a Bhattacharyya bound is >= 0, got " + bhattacharyya);
        }
        double tv = Math.min(1, Math.sqrt(-Math.expm1(-2 * bhattacharyya)));
        double hellinger = -2 * Math.expm1(-bhattacharyya);
        double success = Math.min(1, 0.5 + 0.5 * tv);
        double information = Math.min(1, Math.min(tv, hellinger));
        return new WindowBound(bhattacharyya, success, information, referenceSeconds);
    }

    /** Her probability of a wrong guess: at least 1 − the success bound. */
    public double errorProbability() {
        return Math.max(0, 1 - successProbability);
    }
}

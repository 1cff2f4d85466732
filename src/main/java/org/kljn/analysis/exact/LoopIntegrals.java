package org.kljn.analysis.exact;

/**
 * The β-independent heart of the exact analysis: for each generator s (Alice's, Bob's) and each probe
 * pair (X, Y), the band integral J_s(X,Y) = ∫ g(f) Re[H_sX(f) conj(H_sY(f))] df, H being the transfer
 * function from the generator's voltage to the probe. A generator with one-sided PSD S_s(f) = S0_s g(f)
 * then contributes S0_s J_s(X,Y) to ⟨X Y⟩: the moments are linear in each generator's temperature, so
 * every β follows from one pair of AC runs.
 *
 * @param alice      J for Alice's generator, indexed [X.ordinal()][Y.ordinal()]
 * @param bob        J for Bob's generator
 * @param errorBound an upper estimate of the integration error of any |J| entry, relative to the largest
 *                   entry (Richardson: |S_h - S_2h| / 15 for Simpson's rule, plus the part of the band
 *                   below the sweep's first frequency)
 */
public record LoopIntegrals(double[][] alice, double[][] bob, double errorBound) {
    /**
     * The largest integration error bound a result is printed with. The signals are differences of J entries
     * (eqs. 5-7), so an error of this size in the entries can already change their sign on a nearly balanced loop.
     */
    public static final double TOLERANCE = 1e-3;

    /**
     * These integrals, or a refusal when their own error bound exceeds {@link #TOLERANCE}: a result outside its
     * error bound is never printed as fine.
     *
     * @param points   the sweep points used, for the message
     * @param bandwidth the band's upper frequency in Hz, for the message
     */
    public LoopIntegrals withinTolerance(int points, double bandwidth) {
        if (!(errorBound <= TOLERANCE)) {
            throw new org.kljn.circuit.ParameterException(org.kljn.circuit.Parameter.SWEEP_POINTS, String.format(
                    java.util.Locale.ROOT, "the band integrals' error bound"
                    + " is %.1e of their scale, above the tolerance %.0e: %d AC points over 0..%.4g Hz do not resolve"
                    + " this line's transfer functions (its resonances or the part of the band below the first"
                    + " frequency); use more AC points, a narrower band or another line model", errorBound,
                    TOLERANCE, points, bandwidth));
        }
        return this;
    }

    public double alice(Probe x, Probe y) {
        return alice[x.ordinal()][y.ordinal()];
    }

    public double bob(Probe x, Probe y) {
        return bob[x.ordinal()][y.ordinal()];
    }
}

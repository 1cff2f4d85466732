package org.kljn.analysis.montecarlo;

/**
 * Eve's measured success and information about the bit from the log-likelihood ratios Λ her detector gave on
 * simulated bits of known situation (equal priors, as in the prediction).
 *
 * <p><b>Success.</b> She says HL when Λ &gt; 0. With p_HL, p_LH the fractions right among the HL and the LH bits,
 * P̂ = ½ (p_HL + p_LH) (stratified: the two situations weigh ½ each whatever the draw's split), standard error
 * ½ √(p_HL(1 − p_HL)/n_HL + p_LH(1 − p_LH)/n_LH).
 *
 * <p><b>Information.</b> For a calibrated Λ the posterior of the true bit k is P(k | x) = 1/(1 + e^{−s Λ}) (s = +1
 * for HL, −1 for LH), so I(K; X) = H(K) − H(K | X) = 1 − E[log₂(1 + e^{−s Λ})] bits. Î = 1 − ½ (m_HL + m_LH) with
 * m the sample means of log₂(1 + e^{−s Λ}) over each situation's bits is unbiased when the detector's model is the
 * simulated process; its standard error is ½ √(v_HL/n_HL + v_LH/n_LH) from the sample variances. When the model
 * is wrong, E[log₂(1 + e^{−sΛ})] is a cross-entropy, never below H(K | X): Î then estimates a lower bound on the
 * information in the simulated observation, never more.
 *
 * @param bits                     bits measured
 * @param successProbability       P̂
 * @param successStandardError     its standard error
 * @param mutualInformation        Î, bits per bit
 * @param informationStandardError its standard error
 */
public record EmpiricalLikelihoodRatios(int bits, double successProbability, double successStandardError,
        double mutualInformation, double informationStandardError) {

    /**
     * From each bit's Λ and whether its situation was HL; every estimate NaN when a situation has fewer than two bits
     * (no stratified estimate or standard error).
     */
    public static EmpiricalLikelihoodRatios of(double[] logLikelihoodRatio, boolean[] hl) {
        if (logLikelihoodRatio.length != hl.length) {
            throw new IllegalArgumentException("one Λ per bit: " + logLikelihoodRatio.length + " vs " + hl.length);
        }
        int[] n = new int[2];
        int[] right = new int[2];
        double[] sum = new double[2];
        double[] sum2 = new double[2];
        for (int i = 0; i < hl.length; i++) {
            int c = hl[i] ? 0 : 1;
            double signed = hl[i] ? logLikelihoodRatio[i] : -logLikelihoodRatio[i];
            n[c]++;
            if (signed > 0) {
                right[c]++;
            }
            double loss = softplus(-signed) / Math.log(2);
            sum[c] += loss;
            sum2[c] += loss * loss;
        }
        if (n[0] < 2 || n[1] < 2) {
            return new EmpiricalLikelihoodRatios(hl.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double success = 0, successVar = 0, loss = 0, lossVar = 0;
        for (int c = 0; c < 2; c++) {
            double p = (double) right[c] / n[c];
            success += 0.5 * p;
            successVar += 0.25 * p * (1 - p) / n[c];
            double mean = sum[c] / n[c];
            double var = Math.max(0, (sum2[c] - n[c] * mean * mean) / (n[c] - 1));
            loss += 0.5 * mean;
            lossVar += 0.25 * var / n[c];
        }
        return new EmpiricalLikelihoodRatios(hl.length, success, Math.sqrt(successVar), 1 - loss, Math.sqrt(lossVar));
    }

    /** ln(1 + e^v) without overflow or loss for large |v|. */
    static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }
}

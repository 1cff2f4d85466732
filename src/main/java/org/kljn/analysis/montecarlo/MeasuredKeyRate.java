package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.KeyRate;

/**
 * The secret-key rate measured on simulated bits: Alice's and Bob's decisions on each bit and Eve's window
 * log-likelihood ratio Λ on the same bit, against what {@link KeyRate} predicts for them (docs/key-rate.md).
 *
 * <p>Every estimate is stratified as the prediction's equal priors: the HL and the LH bits weigh ½ each, whatever the
 * draw's split.
 * <ul>
 * <li>Per role: the R_H holder's error ½(P̂(Alice wrong | HL) + P̂(Bob wrong | LH)), the R_L holder's the other two.</li>
 * <li>Disagreement d̂ = ½(d̂_HL + d̂_LH), d̂ the fraction of a situation's bits where Alice or Bob is wrong;
 * I(A;B) = 1 − h(d̂) (as {@link KeyRate#aliceBobInformation}); its bias from h's curvature is
 * ½|h''(d)| Var(d̂) = Var(d̂)/(2 d(1 − d) ln 2), about 1/(8 n ln 2): below 1e-4 bits from 2,000 bits, far below its
 * standard error.</li>
 * <li>Eve's information Î = 1 − ½(m_HL + m_LH), m the mean of log₂(1 + e^{−sΛ}) ({@link EmpiricalLikelihoodRatios}):
 * an estimate (a lower value of what the simulated observation holds when her model is not the simulated process),
 * with its standard error.</li>
 * <li>R̂ = kept × [ξ·(1 − h(d̂)) − Î]⁺ / τ. Its standard error by the delta method on the unclipped bracket, which is
 * linear in the per-bit quantities Y = −ξ h'(d̂) D + L (D a disagreement's indicator, L the log-loss): Var =
 * ¼ Σ_situations Var(Y)/n, so the correlation between Alice/Bob's errors and Eve's loss on the same bit (the same
 * loop noise) is counted.</li>
 * </ul>
 *
 * @param bitDuration     τ, s
 * @param highHolderError the R_H holder's error rate
 * @param lowHolderError  the R_L holder's error rate
 * @param hl              the HL bits
 * @param lh              the LH bits
 * @param eve             Eve's measured success and information
 */
public record MeasuredKeyRate(double bitDuration, Estimate highHolderError, Estimate lowHolderError, Stratum hl,
                             Stratum lh, EmpiricalLikelihoodRatios eve) {

    /** A measured value and its standard error. */
    public record Estimate(double value, double standardError) {
        /** (value − expected)/standardError. */
        public double z(double expected) {
            return (value - expected) / standardError;
        }
    }

    /**
     * The bits of one secure situation: the disagreement indicator D and Eve's log-loss L (bits) of each, their means,
     * sample variances and covariance.
     */
    public record Stratum(int bits, double disagreement, double disagreementVariance, double loss, double lossVariance,
                          double covariance) {
        static Stratum of(boolean[] disagree, double[] loss) {
            int n = disagree.length;
            double md = 0, ml = 0;
            for (int i = 0; i < n; i++) {
                md += disagree[i] ? 1 : 0;
                ml += loss[i];
            }
            md /= n;
            ml /= n;
            double vd = 0, vl = 0, c = 0;
            for (int i = 0; i < n; i++) {
                double d = (disagree[i] ? 1 : 0) - md;
                double l = loss[i] - ml;
                vd += d * d;
                vl += l * l;
                c += d * l;
            }
            return new Stratum(n, md, vd / (n - 1), ml, vl / (n - 1), c / (n - 1));
        }

        /** The sample variance of a·D + L. */
        double varianceOf(double a) {
            return a * a * disagreementVariance + lossVariance + 2 * a * covariance;
        }
    }

    /**
     * From each bit's situation, Alice's and Bob's decision and Eve's Λ.
     *
     * @param logLikelihoodRatio Eve's Λ per bit (HL where Λ &gt; 0)
     * @param hl                 whether the bit's situation was HL (Alice holds R_H)
     * @param aliceWrong         whether Alice misjudged the bit's situation
     * @param bobWrong           whether Bob did
     * @throws IllegalArgumentException when a situation has fewer than two bits (no standard error)
     */
    public static MeasuredKeyRate of(double[] logLikelihoodRatio, boolean[] hl, boolean[] aliceWrong,
            boolean[] bobWrong, double bitDuration) {
        int n = hl.length;
        if (logLikelihoodRatio.length != n || aliceWrong.length != n || bobWrong.length != n) {
            throw new IllegalArgumentException("one Λ and one decision each per bit");
        }
        int nHl = 0;
        for (boolean b : hl) {
            nHl += b ? 1 : 0;
        }
        if (nHl < 2 || n - nHl < 2) {
            throw new IllegalArgumentException("a measured key rate needs at least two bits of each situation, got "
                    + nHl + " HL and " + (n - nHl) + " LH");
        }
        boolean[][] disagree = {new boolean[nHl], new boolean[n - nHl]};
        double[][] loss = {new double[nHl], new double[n - nHl]};
        // [situation][alice, bob] wrong counts
        int[][] wrong = new int[2][2];
        int[] k = new int[2];
        for (int i = 0; i < n; i++) {
            int c = hl[i] ? 0 : 1;
            double signed = hl[i] ? logLikelihoodRatio[i] : -logLikelihoodRatio[i];
            disagree[c][k[c]] = aliceWrong[i] || bobWrong[i];
            loss[c][k[c]] = EmpiricalLikelihoodRatios.softplus(-signed) / Math.log(2);
            k[c]++;
            wrong[c][0] += aliceWrong[i] ? 1 : 0;
            wrong[c][1] += bobWrong[i] ? 1 : 0;
        }
        // the R_H holder: Alice in HL, Bob in LH
        Estimate high = stratified(wrong[0][0], nHl, wrong[1][1], n - nHl);
        Estimate low = stratified(wrong[0][1], nHl, wrong[1][0], n - nHl);
        return new MeasuredKeyRate(bitDuration, high, low, Stratum.of(disagree[0], loss[0]),
                Stratum.of(disagree[1], loss[1]), EmpiricalLikelihoodRatios.of(logLikelihoodRatio, hl));
    }

    /** ½(k₁/n₁ + k₂/n₂) and its binomial standard error. */
    private static Estimate stratified(int k1, int n1, int k2, int n2) {
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        return new Estimate(0.5 * (p1 + p2), 0.5 * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2));
    }

    public int bits() {
        return hl.bits() + lh.bits();
    }

    /** P̂(a kept HL bit disagrees). */
    public Estimate disagreementHl() {
        return fraction(hl);
    }

    /** P̂(a kept LH bit disagrees). */
    public Estimate disagreementLh() {
        return fraction(lh);
    }

    private static Estimate fraction(Stratum s) {
        return new Estimate(s.disagreement(), Math.sqrt(s.disagreement() * (1 - s.disagreement()) / s.bits()));
    }

    /** d̂ = ½(d̂_HL + d̂_LH). */
    public Estimate disagreement() {
        double d = 0.5 * (hl.disagreement() + lh.disagreement());
        return new Estimate(d, 0.5 * Math.sqrt(hl.disagreementVariance() / hl.bits()
                + lh.disagreementVariance() / lh.bits()));
    }

    /** I(A;B) = 1 − h(d̂) per kept bit, standard error |h'(d̂)|·SE(d̂). */
    public Estimate aliceBobInformation() {
        Estimate d = disagreement();
        return new Estimate(1 - KeyRate.binaryEntropy(d.value()), Math.abs(entropySlope(d.value())) * d.standardError());
    }

    /** Eve's measured information per kept bit, an estimate with its standard error. */
    public Estimate eveInformation() {
        return new Estimate(eve.mutualInformation(), eve.informationStandardError());
    }

    /** [ξ·I(A;B) − I(A;E)]⁺ per kept bit; the standard error of the bracket before the clip. */
    public Estimate bitsPerKeptBit(double xi) {
        KeyRate.checkReconciliation(xi);
        double d = disagreement().value();
        double bracket = xi * aliceBobInformation().value() - eveInformation().value();
        double a = -xi * entropySlope(d);
        double se = 0.5 * Math.sqrt(hl.varianceOf(a) / hl.bits() + lh.varianceOf(a) / lh.bits());
        return new Estimate(Math.max(0, bracket), se);
    }

    /** R̂ = kept × [ξ·I(A;B) − I(A;E)]⁺ / τ, bit/s, with its standard error. */
    public Estimate bitsPerSecond(double xi) {
        Estimate b = bitsPerKeptBit(xi);
        double scale = KeyRate.KEPT_FRACTION / bitDuration;
        return new Estimate(scale * b.value(), scale * b.standardError());
    }

    /** h'(d) = log₂((1 − d)/d); 0 at d = 0 or 1 (no disagreement measured: no slope to propagate). */
    static double entropySlope(double d) {
        return d <= 0 || d >= 1 ? 0 : Math.log((1 - d) / d) / Math.log(2);
    }
}

package org.kljn.analysis.eavesdropper;

import java.util.Arrays;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.Arctangent;
import org.kljn.analysis.finitebit.ChiSquareMixture;

/**
 * Eve's exact likelihood-ratio test between HL and LH on one bit window, from the generalised eigenvalues
 * μ_j = 1 + δ_j of the two situations' whitened covariance operators ({@link WindowEavesdropper}).
 *
 * <p>In the pencil's eigenbasis the coordinates y_j are independent, N(0, 1) under LH and N(0, μ_j) under HL, and
 * the log-likelihood ratio is Λ = Σ_j ½ (1 − 1/μ_j) y_j² − ½ Σ_j ln μ_j. So (each χ² of one degree of freedom)
 * <pre>
 *   under HL: Λ = Σ ½ δ_j χ²_1 − θ,    under LH: Λ = Σ ½ δ_j/(1+δ_j) χ²_1 − θ,    θ = ½ Σ ln(1 + δ_j),
 * </pre>
 * exact χ² mixtures ({@link ChiSquareMixture}); with equal priors Eve says HL when Λ &gt; 0 and
 * P(correct) = ½ [P_HL(Λ &gt; 0) + P_LH(Λ &lt; 0)]. The window's divergences are closed forms:
 * D(HL‖LH) = ½ Σ [δ − ln(1+δ)], D(LH‖HL) = ½ Σ [ln(1+δ) − δ/(1+δ)], J = ½ Σ δ²/(1+δ) nats.
 *
 * <p><b>Her information about the bit</b>, I(K; Eve) = ln 2 − ½ E_HL[ln(1 + e^{−Λ})] − ½ E_LH[ln(1 + e^{Λ})]
 * nats. With p_LH(λ) = e^{−λ} p_HL(λ) both expectations are one under HL of φ(λ) = ln(1 + e^{−λ}) +
 * e^{−λ} ln(1 + e^{λ}), whose bilateral Laplace transform ∫ e^{sλ} φ(λ) dλ = π / (s (1 − s) sin πs) on
 * 0 &lt; Re s &lt; 1; on the line s = ½ + it, with M(s) = E_HL e^{−sΛ} = Π_j [(1 + s δ_j) (1 + δ_j)^{−s}]^{−½}
 * and ln 2 = ½ ∫_0^∞ dt / ((¼ + t²) cosh πt),
 * <pre>
 *   I = ½ ∫_0^∞ [1 − Re M(½ + it)] / ((¼ + t²) cosh πt) dt   nats,
 * </pre>
 * a non-negative integrand (|M| ≤ M(½) ≤ 1 by Hölder) that vanishes when every δ_j does. The trapezoidal rule
 * with step h on [0, T] has the rigorous error bound B / (e^{2πa/h} − 1) + 2 e^{−πT}/(π T²): the integrand is
 * analytic in the strip |Im t| &lt; ½, and on |Im t| ≤ a (a = ¼) |M| ≤ 1, |cosh π(x+iy)| ≥ cos(πa) cosh πx and
 * |¼ + (x+iy)²| ≥ (½ − a)² + x², so B = π/((½ − a) cos πa) bounds the integral along the strip's edges
 * (Trefethen &amp; Weideman, SIAM Rev. 56 (2014), Thm 5.1).
 *
 * <p><b>Every number is an upper value for Eve.</b> The basis leaves out signal energy t_HL, t_LH (in units of the
 * floor); that adds at most ¼ (t_HL + t_LH) nats to the information and ¼ (√t_HL + √t_LH) to the success, and
 * the χ² mixture's and the quadrature's error bounds are added too ({@link #successProbability}, {@link
 * #mutualInformation}).
 */
public final class WindowLikelihoodRatio {
    /** Below this Σ δ² the two situations are the same to rounding: Eve guesses (her edge is below 1e-12). */
    private static final double SAME_TO_ROUNDING = 1e-24;
    /** The strip half-width a of the information integral's error bound. */
    private static final double STRIP = 0.25;
    private static final double INFORMATION_STEP = 0.04;
    private static final double INFORMATION_END = 10;

    private final double seconds;
    private final EveInstrument instrument;
    private final NoiseTemperatures temperatures;
    private final int order;
    private final double[] delta;
    private final double tailHl;
    private final double tailLh;
    private double[] probabilities;
    private double[] information;

    WindowLikelihoodRatio(double seconds, EveInstrument instrument, NoiseTemperatures temperatures, int order,
            double[] delta, double tailHl, double tailLh) {
        this.seconds = seconds;
        this.instrument = instrument;
        this.temperatures = temperatures;
        this.order = order;
        this.delta = delta.clone();
        Arrays.sort(this.delta);
        this.tailHl = tailHl;
        this.tailLh = tailLh;
    }

    /**
     * From generalised eigenvalues given directly (δ_j = μ_j − 1, every other dimension has μ = 1) with no basis
     * left out: an independent model's pencil (e.g. the brick-wall lumped loop's prolate splitting).
     */
    public static WindowLikelihoodRatio ofEigenvalues(double seconds, EveInstrument instrument,
            NoiseTemperatures temperatures, double[] delta) {
        return new WindowLikelihoodRatio(seconds, instrument, temperatures, 0, delta, 0, 0);
    }

    public double bitDuration() {
        return seconds;
    }

    public EveInstrument instrument() {
        return instrument;
    }

    public NoiseTemperatures temperatures() {
        return temperatures;
    }

    /**
     * Window functions per channel (prolate functions, or Legendre polynomials for
     * {@link WindowEavesdropper#legendreTest}): the pencil has twice as many dimensions.
     */
    public int basisFunctions() {
        return order;
    }

    /** δ_j = μ_j − 1, ascending (a copy). */
    public double[] relativeEigenvalues() {
        return delta.clone();
    }

    /** The signal energy left outside the basis, in units of the floor: {t_HL, t_LH}. */
    public double[] leftOutEnergy() {
        return new double[] {tailHl, tailLh};
    }

    /** D(HL‖LH) over the window, nats. */
    public double divergenceHlFromLh() {
        double s = 0;
        for (double d : delta) {
            s += d - Math.log1p(d);
        }
        return 0.5 * s;
    }

    /** D(LH‖HL) over the window, nats. */
    public double divergenceLhFromHl() {
        double s = 0;
        for (double d : delta) {
            s += Math.log1p(d) - d / (1 + d);
        }
        return 0.5 * s;
    }

    /** The window's Jeffreys divergence J = ½ Σ δ²/(1+δ), nats (for a long bit, J-rate × τ). */
    public double jeffreys() {
        double s = 0;
        for (double d : delta) {
            s += d * d / (1 + d);
        }
        return 0.5 * s;
    }

    /**
     * Eve's probability of a correct guess (equal priors), an upper value: the χ² mixtures' numerical error bounds
     * and the left-out energy's ¼ (√t_HL + √t_LH) added, capped at 1.
     */
    public double successProbability() {
        return Math.min(1, probabilities()[0] + probabilities()[2]);
    }

    /** Her probability of a wrong guess, computed directly, a lower value (the same bounds subtracted, at least 0). */
    public double errorProbability() {
        return Math.max(0, probabilities()[1] - probabilities()[2]);
    }

    /** The bound added to the success and taken from the error. */
    public double probabilityErrorBound() {
        return probabilities()[2];
    }

    /** I(K; Eve) in bits per bit, an upper value (quadrature and left-out bounds added; at most 1). */
    public double mutualInformation() {
        return Math.min(1, (information()[0] + information()[1]) / Math.log(2));
    }

    /** The bound (bits) included in {@link #mutualInformation}. */
    public double informationErrorBound() {
        return information()[1] / Math.log(2);
    }

    private synchronized double[] probabilities() {
        if (probabilities != null) {
            return probabilities;
        }
        double leftOut = 0.25 * (Math.sqrt(tailHl) + Math.sqrt(tailLh));
        double size = 0;
        for (double d : delta) {
            size += d * d;
        }
        if (size < SAME_TO_ROUNDING) {
            probabilities = new double[] {0.5, 0.5, leftOut + 1e-12};
            return probabilities;
        }
        double[] hlWeights = new double[delta.length];
        double[] lhWeights = new double[delta.length];
        double[] dof = new double[delta.length];
        double theta = 0;
        for (int j = 0; j < delta.length; j++) {
            hlWeights[j] = 0.5 * delta[j];
            lhWeights[j] = 0.5 * delta[j] / (1 + delta[j]);
            dof[j] = 1;
            theta += 0.5 * Math.log1p(delta[j]);
        }
        ChiSquareMixture hl = ChiSquareMixture.of(hlWeights, dof);
        ChiSquareMixture lh = ChiSquareMixture.of(lhWeights, dof);
        ChiSquareMixture.Probability hlRight = hl.survivalWithBound(theta); // HL said under HL: right
        ChiSquareMixture.Probability hlLeft = hl.cdfWithBound(theta);
        ChiSquareMixture.Probability lhLeft = lh.cdfWithBound(theta); // LH said under LH: right
        ChiSquareMixture.Probability lhRight = lh.survivalWithBound(theta);
        double correct = 0.5 * (hlRight.value() + lhLeft.value());
        double wrong = 0.5 * (hlLeft.value() + lhRight.value());
        double numeric = 0.5 * Math.max(hlRight.errorBound() + lhLeft.errorBound(),
                hlLeft.errorBound() + lhRight.errorBound());
        probabilities = new double[] {correct, wrong, numeric + leftOut};
        return probabilities;
    }

    private synchronized double[] information() {
        if (information != null) {
            return information;
        }
        double h = INFORMATION_STEP;
        int points = (int) Math.ceil(INFORMATION_END / h);
        double sum = 0.5 * integrand(0);
        for (int k = 1; k <= points; k++) {
            sum += integrand(k * h);
        }
        double value = 0.5 * h * sum;
        double b = Math.PI / ((0.5 - STRIP) * Math.cos(Math.PI * STRIP));
        double tEnd = points * h;
        double quadrature = 0.5 * (b / Math.expm1(2 * Math.PI * STRIP / h)
                + 2 * Math.exp(-Math.PI * tEnd) / (Math.PI * tEnd * tEnd)) + 1e-15 * (1 + Math.abs(value));
        double leftOut = 0.25 * (tailHl + tailLh);
        information = new double[] {Math.max(0, value), quadrature + leftOut};
        return information;
    }

    /** [1 − Re M(½ + it)] / ((¼ + t²) cosh πt), with 1 − Re e^{L} computed without cancellation. */
    private double integrand(double t) {
        double re = 0;
        double im = 0;
        for (double d : delta) {
            // −½ [ln(1 + s δ) − s ln(1 + δ)], s = ½ + it
            double a = 1 + 0.5 * d;
            double b = t * d;
            double logAbs = 0.5 * Math.log1p(d + 0.25 * d * d + b * b);
            double arg = Arctangent.atan2(b, a); // a > 0: δ > −1
            double l = Math.log1p(d);
            re -= 0.5 * (logAbs - 0.5 * l);
            im -= 0.5 * (arg - t * l);
        }
        double s = Math.sin(0.5 * im);
        double oneMinus = -Math.expm1(re) * Math.cos(im) + 2 * s * s;
        return oneMinus / ((0.25 + t * t) * Math.cosh(Math.PI * t));
    }
}

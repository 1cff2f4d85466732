package org.kljn.analysis.finitebit;

import java.util.Arrays;

/**
 * The distribution of Q = Σ_j w_j X_j with X_j independent central χ² variables of d_j degrees of freedom and
 * weights w_j of either sign: every per-bit statistic of the KLJN loop (a time average of a quadratic form of
 * Gaussian probes) is of this form, with the w_j the eigenvalues of the quadratic form on the bit window.
 *
 * <p><b>Method: exact inversion of the moment generating function along a vertical line through the
 * saddle point, trapezoidal rule, with a rigorous error bound.</b> The moment generating function is
 * M(s) = E e^{sQ} = Π_j (1 − 2 w_j s)^{−d_j/2}, analytic in the strip s_− &lt; Re s &lt; s_+ with
 * s_± the nearest singularities 1/(2 w_j) on either side of 0. For 0 &lt; c &lt; s_+,
 * ∫ e^{sy} P(Q ≥ y) dy = M(s)/s, so (bilateral Laplace inversion)
 * <pre>
 *   P(Q &gt; x) = (1/π) ∫_0^∞ Re F(c + it) dt,   F(s) = M(s) e^{−sx} / s.
 * </pre>
 * c is the saddle point of |F| on the real axis (the minimum of ψ(s) = ln M(s) − sx − ln s on (0, s_+)), so
 * the integrand is a positive bump without cancellation and the tail probability comes out with a
 * <em>relative</em> accuracy: a tail probability is never computed as 1 − the other side. The left tail is the
 * right tail of −Q; P(Q &gt; x) for x below the mean is 1 − the directly computed left tail (a number ≥ ~½).
 * This is the numerical steepest-descent inversion of C. W. Helstrom, "Distribution of quadratic forms in
 * Gaussian random variables", IEEE Trans. Aerosp. Electron. Syst. 17 (1981), and S. O. Rice, "Distribution
 * of quadratic forms in normal random variables — evaluation by numerical integration", SIAM J. Sci. Stat.
 * Comput. 1 (1980); the truncation bound is Imhof's (Biometrika 48, 1961, eq. 3.4) on the shifted line.
 *
 * <p>Error bound (returned with every probability): the trapezoidal sum with step h equals, by Poisson's
 * summation formula, Σ_m e^{2πmc/h} P(Q ≥ x + 2πm/h); the terms m ≠ 0 (aliasing) are bounded by
 * r/(1−r), r = e^{−2πc/h} (m &lt; 0, using P ≤ 1), and by the Chernoff bound M(c') e^{−c'x} q/(1−q),
 * q = e^{−2π(c'−c)/h}, c &lt; c' &lt; s_+ (m &gt; 0). The truncation of the sum at T = Nh is bounded by
 * (1/π)∫_T^∞ |F| dt ≤ (1/π) e^{−cx} M(c) Π_{j∈S} (a_j T)^{−d_j/2} (2/D_S), a_j = 2|w_j|/(1 − 2w_jc),
 * S = {j: a_j T ≥ 1}, D_S = Σ_S d_j (|F| decreases along the line), tightened by the convexity
 * of ln|M| in ln t (see {@code truncation}). h and T are chosen so that the bound
 * is below 1e-10 of the saddle-point estimate of the result. Weights with 2|w_j||s| ≤ 1/4 on the whole
 * line enter ln M through their power sums (the series of ln(1 − 2ws), truncated with its bound below
 * 1e-15), so a mixture of 10^4 terms costs O(number of large weights + 40) per point of the line.
 *
 * <p>Measured (ChiSquareMixtureTest): relative error ≤ 1e-9 typically, ≤ 1e-6 in both tails down to 1e-14 for
 * a total of more than 2 degrees of freedom; with ≤ 2 (the integrand decays like t^{−1−D/2}) the sum stops
 * at 2^18 points and the error is ≤ 1e-5 while the reported bound is looser (up to ~1e-3 in the bulk).
 * The density has no rigorous bound; it is accurate to ~1e-8 for more than 2 degrees of freedom.
 */
public final class ChiSquareMixture {
    /** Target relative size of the total error bound. */
    private static final double RELATIVE_TARGET = 1e-10;
    /** Upper limit on the trapezoidal points per probability; beyond it the bound is reported as is. */
    private static final int MAX_POINTS = 1 << 18;
    /** Weights with 2|w s| below this on the whole line go into the power-sum series. */
    private static final double SERIES_RADIUS = 0.25;

    private final double[] w;
    private final double[] d;
    private final double mean;
    private final double variance;
    /** Nearest singularity on the positive real axis, 1/(2 max w); +∞ if no weight is positive. */
    private final double sPlus;
    /** Nearest singularity on the negative real axis, 1/(2 min w); −∞ if no weight is negative. */
    private final double sMinus;
    private ChiSquareMixture negated;

    /** A probability with the bound on its absolute numerical error. */
    public record Probability(double value, double errorBound) {
    }

    private ChiSquareMixture(double[] w, double[] d) {
        this.w = w;
        this.d = d;
        double m = 0;
        double v = 0;
        double maxW = 0;
        double minW = 0;
        for (int j = 0; j < w.length; j++) {
            m += w[j] * d[j];
            v += 2 * w[j] * w[j] * d[j];
            maxW = Math.max(maxW, w[j]);
            minW = Math.min(minW, w[j]);
        }
        this.mean = m;
        this.variance = v;
        this.sPlus = maxW > 0 ? 1 / (2 * maxW) : Double.POSITIVE_INFINITY;
        this.sMinus = minW < 0 ? 1 / (2 * minW) : Double.NEGATIVE_INFINITY;
    }

    /**
     * Q = Σ w_j χ²_{d_j}. Zero weights are dropped and equal weights merged (their χ² add: χ²_a + χ²_b =
     * χ²_{a+b}). At least one weight must be non-zero.
     *
     * @param weights          w_j, finite, any sign
     * @param degreesOfFreedom d_j &gt; 0 (not necessarily integer)
     */
    public static ChiSquareMixture of(double[] weights, double[] degreesOfFreedom) {
        if (weights.length != degreesOfFreedom.length) {
            throw new IllegalArgumentException("weights (" + weights.length + ") and degrees of freedom ("
                    + degreesOfFreedom.length + ") differ in length");
        }
        int n = weights.length;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("a chi-square mixture's weights must be finite numbers; weight " + j
                        + " of " + n + " is " + weights[j]);
            }
            if (!(degreesOfFreedom[j] > 0) || !Double.isFinite(degreesOfFreedom[j])) {
                throw new IllegalArgumentException("degrees of freedom " + j + " is " + degreesOfFreedom[j]
                        + "; must be positive and finite");
            }
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(weights[a], weights[b]));
        double[] w = new double[n];
        double[] d = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int j = order[i];
            if (weights[j] == 0) {
                continue;
            }
            if (k > 0 && w[k - 1] == weights[j]) {
                d[k - 1] += degreesOfFreedom[j];
            } else {
                w[k] = weights[j];
                d[k] = degreesOfFreedom[j];
                k++;
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("all " + n + " weights are zero: Q = 0 has no continuous distribution");
        }
        return new ChiSquareMixture(Arrays.copyOf(w, k), Arrays.copyOf(d, k));
    }

    /** The sum of this and an independent mixture: all terms of both. */
    public ChiSquareMixture plus(ChiSquareMixture other) {
        double[] weights = Arrays.copyOf(w, w.length + other.w.length);
        double[] dof = Arrays.copyOf(d, d.length + other.d.length);
        System.arraycopy(other.w, 0, weights, w.length, other.w.length);
        System.arraycopy(other.d, 0, dof, d.length, other.d.length);
        return of(weights, dof);
    }

    /** E Q = Σ w_j d_j. */
    public double mean() {
        return mean;
    }

    /** Var Q = 2 Σ w_j² d_j. */
    public double variance() {
        return variance;
    }

    /** The n-th cumulant κ_n = 2^{n−1} (n−1)! Σ_j d_j w_j^n. */
    public double cumulant(int n) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += d[j] * Math.pow(w[j], n);
        }
        double factorial = 1;
        for (int k = 2; k < n; k++) {
            factorial *= k;
        }
        return Math.pow(2, n - 1) * factorial * sum;
    }

    /** The distinct non-zero weights, ascending (a copy). */
    public double[] weights() {
        return w.clone();
    }

    /** The degrees of freedom of {@link #weights()} (a copy). */
    public double[] degreesOfFreedom() {
        return d.clone();
    }

    /** The distribution of −Q. */
    public ChiSquareMixture negate() {
        if (negated == null) {
            double[] nw = new double[w.length];
            double[] nd = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                nw[j] = -w[w.length - 1 - j];
                nd[j] = d[w.length - 1 - j];
            }
            ChiSquareMixture n = new ChiSquareMixture(nw, nd);
            n.negated = this;
            negated = n;
        }
        return negated;
    }

    /** P(Q ≤ x). */
    public double cdf(double x) {
        return cdfWithBound(x).value();
    }

    /** P(Q &gt; x), computed directly (relative accuracy in the right tail). */
    public double survival(double x) {
        return survivalWithBound(x).value();
    }

    /** P(Q ≤ x) with its error bound: the right tail of −Q at −x. */
    public Probability cdfWithBound(double x) {
        return negate().survivalWithBound(-x);
    }

    /**
     * P(Q &gt; x) with its error bound. For x ≥ E Q (the right tail) it is computed directly, with a relative
     * accuracy however small it is; for x &lt; E Q it is 1 − P(Q ≤ x) with the left tail P(Q ≤ x) computed
     * directly (a number near 1 then keeps its full accuracy; the inversion of the large side would instead
     * cancel against the pole at s = 0).
     */
    public Probability survivalWithBound(double x) {
        if (x >= mean) {
            return rightTail(x);
        }
        Probability left = negate().rightTail(-x);
        return new Probability(1 - left.value(), left.errorBound() + 1e-16);
    }

    private Probability rightTail(double x) {
        if (!Double.isFinite(x)) {
            if (Double.isNaN(x)) {
                throw new IllegalArgumentException("x is NaN");
            }
            return new Probability(x > 0 ? 0 : 1, 0);
        }
        if (sPlus == Double.POSITIVE_INFINITY && x >= 0) {
            return new Probability(0, 0); // Q ≤ 0 surely
        }
        if (sMinus == Double.NEGATIVE_INFINITY && x <= 0) {
            return new Probability(1, 0); // Q > 0 surely (Q = 0 has probability zero)
        }
        double c = saddle(x, true);
        double chernoff = logMgf(c) - c * x; // ln of the Chernoff bound P(Q > x) ≤ M(c) e^{−cx}
        if (chernoff < -700) {
            // below 1e-304: zero, with the Chernoff bound as its error
            return new Probability(0, Math.exp(chernoff));
        }
        double psi = logMgf(c) - c * x - Math.log(c);
        double psi2 = secondDerivativeLogMgf(c) + 1 / (c * c);
        // saddle-point estimate of the result, to set relative targets
        double estimate = Math.exp(psi) / Math.sqrt(2 * Math.PI * psi2);
        double target = RELATIVE_TARGET * estimate;

        Step step = step(c, x, target, psi2);
        double h = step.h();
        long n = truncationPoints(c, x, h, target);
        double tMax = n * h;

        Series series = new Series(Math.hypot(c, tMax));
        double sum = 0.5;
        double absSum = 0.5;
        for (long k = 1; k <= n; k++) {
            double t = k * h;
            double[] lm = series.logMgf(c, t);
            // ln F = ln M(s) − s x − ln s, relative to ψ(c)
            double re = lm[0] - c * x - 0.5 * Math.log(c * c + t * t) - psi;
            double im = lm[1] - t * x - Arctangent.atan2(t, c);
            double mag = Math.exp(re);
            sum += mag * Math.cos(im);
            absSum += mag;
        }
        double scale = h / Math.PI * Math.exp(psi);
        double value = scale * sum;
        double aliasing = aliasingBound(c, step.cPrime(), x, h);
        double truncation = Math.exp(logTruncationBound(c, x, tMax));
        double rounding = 1e-15 * scale * absSum + series.error * Math.abs(value);
        value = Math.min(1, Math.max(0, value));
        return new Probability(value, aliasing + truncation + rounding);
    }

    /** The inversion's step h on the contour Re s = c, and the c' &gt; c its right aliasing bound is taken at. */
    private record Step(double h, double cPrime) {
    }

    /**
     * The step for P(Q &gt; x) at the saddle point c: both aliasing bounds below target/2, and fine enough to resolve
     * the integrand's bump (ψ'' its curvature).
     */
    private Step step(double c, double x, double target, double psi2) {
        double lnLeft = Math.max(1, Math.log(2 / target));
        double h = 2 * Math.PI * c / lnLeft;
        double bestRightH = 0;
        double cPrime = c;
        for (int i = 1; i <= 4; i++) {
            // candidates up to 9c, nearer where the singularity s_+ is: a far s_+ (a tiny positive weight, e.g. an
            // eigenvalue's rounding noise) would otherwise put c' where M(c') e^{-c'x} is e^(1e18), beyond doubles
            double cp = Math.min(c * (1 + 2 * i), c + i * 0.2 * (sPlus - c));
            double lnA = logMgf(cp) - cp * x;
            double hr = 2 * Math.PI * (cp - c) / Math.max(1, Math.log(2 / target) + lnA);
            if (hr > bestRightH) {
                bestRightH = hr;
                cPrime = cp;
            }
        }
        h = Math.min(h, bestRightH);
        h = Math.min(h, 0.5 / Math.sqrt(psi2)); // resolve the bump itself
        return new Step(h, cPrime);
    }

    /**
     * The truncation T = N h of P(Q &gt; x)'s integral: the smallest N (doubling, then bisection to 1/16) whose bound
     * is below target/2, at most {@code MAX_POINTS}.
     */
    private long truncationPoints(double c, double x, double h, double target) {
        double lnTarget = Math.log(target / 2);
        long n = 8;
        while (logTruncationBound(c, x, n * h) > lnTarget && n < MAX_POINTS) {
            n *= 2;
        }
        long lo = n / 2;
        long hi = n;
        while (hi - lo > Math.max(1, hi / 16)) {
            long mid = (lo + hi) / 2;
            if (logTruncationBound(c, x, mid * h) > lnTarget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.min(hi, MAX_POINTS);
    }

    /**
     * The density of Q at x, by the same inversion (F(s) = M(s) e^{−sx}, c the saddle point of ln M(s) − sx).
     * Its step is chosen like the survival's; no rigorous bound is attached (tested by halving the step).
     */
    public double density(double x) {
        return Math.exp(logDensity(x));
    }

    /** ln of the {@link #density} (finite far into the tails, where the density itself underflows). */
    public double logDensity(double x) {
        if ((sPlus == Double.POSITIVE_INFINITY && x >= 0) || (sMinus == Double.NEGATIVE_INFINITY && x <= 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double c = saddle(x, false);
        double psi = logMgf(c) - c * x;
        double psi2 = secondDerivativeLogMgf(c);
        double width = 1 / Math.sqrt(psi2); // of the bump along the line (s units)
        // aliasing: the trapezoidal sum is Σ_m of the tilted density f_c(y) ∝ e^{cy} f(y) at x + 2πm/h, and f_c
        // is the mixture with weights w/(1 − 2wc): mean x, standard deviation √ψ''(c), exponential tails of
        // rates s_+ − c and c − s_−. 2π/h spans its bulk and 40 e-folds of each tail.
        double span = 30 * Math.sqrt(psi2);
        if (sPlus != Double.POSITIVE_INFINITY) {
            span += 40 / (sPlus - c);
        }
        if (sMinus != Double.NEGATIVE_INFINITY) {
            span += 40 / (c - sMinus);
        }
        double h = Math.min(2 * Math.PI / span, 0.5 * width);
        double lnTarget = psi + Math.log(1e-8 / Math.sqrt(2 * Math.PI * psi2));
        long n = 8;
        while (logTruncationBoundDensity(c, x, n * h) > lnTarget && n < MAX_POINTS) {
            n *= 2;
        }
        Series series = new Series(Math.hypot(c, n * h));
        double sum = 0.5;
        for (long k = 1; k <= n; k++) {
            double t = k * h;
            double[] lm = series.logMgf(c, t);
            sum += Math.exp(lm[0] - c * x - psi) * Math.cos(lm[1] - t * x);
        }
        return sum > 0 ? psi + Math.log(h / Math.PI * sum) : Double.NEGATIVE_INFINITY;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** ln M(s) for real s in the strip. */
    double logMgf(double s) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum -= 0.5 * d[j] * Math.log1p(-2 * w[j] * s);
        }
        return sum;
    }

    private double firstDerivativeLogMgf(double s) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += d[j] * w[j] / (1 - 2 * w[j] * s);
        }
        return sum;
    }

    private double secondDerivativeLogMgf(double s) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            double r = w[j] / (1 - 2 * w[j] * s);
            sum += 2 * d[j] * r * r;
        }
        return sum;
    }

    /**
     * The real saddle point: the root of ψ'(s) = K'(s) − x − 1/s on (0, s_+) when {@code withPole} (survival),
     * else of K'(s) − x on (s_−, s_+) (density). ψ is convex there, so a safeguarded bisection/Newton converges.
     */
    private double saddle(double x, boolean withPole) {
        double lo;
        double hi;
        double sd = Math.sqrt(variance);
        if (withPole) {
            lo = 0;
            hi = sPlus;
        } else {
            lo = sMinus;
            hi = sPlus;
        }
        // finite brackets: expand from a scale guess where a side is unbounded
        if (hi == Double.POSITIVE_INFINITY) {
            hi = Math.max(1 / sd, lo > 0 ? lo : 0);
            while (derivative(hi, x, withPole) < 0) {
                hi *= 2;
            }
        }
        if (lo == Double.NEGATIVE_INFINITY) {
            lo = -1 / sd;
            while (derivative(lo, x, withPole) > 0) {
                lo *= 2;
            }
        }
        double s = withPole ? Math.min(0.5 * (lo + hi), 1 / sd) : 0.5 * (lo + hi);
        if (!(s > lo && s < hi)) {
            s = 0.5 * (lo + hi);
        }
        for (int it = 0; it < 200; it++) {
            double g = derivative(s, x, withPole);
            if (g > 0) {
                hi = s;
            } else {
                lo = s;
            }
            double g2 = secondDerivativeLogMgf(s) + (withPole ? 1 / (s * s) : 0);
            double next = s - g / g2;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - s) <= 1e-14 * Math.abs(s) || hi - lo <= 1e-15 * Math.max(Math.abs(lo), Math.abs(hi))) {
                return next;
            }
            s = next;
        }
        return s;
    }

    private double derivative(double s, double x, boolean withPole) {
        return firstDerivativeLogMgf(s) - x - (withPole ? 1 / s : 0);
    }

    /** Poisson-summation bound on the aliasing terms m ≠ 0 (see the class comment). */
    private double aliasingBound(double c, double cPrime, double x, double h) {
        double r = Math.exp(-2 * Math.PI * c / h);
        // the right term in logs: with a far singularity (a tiny positive weight, e.g. rounding noise of an
        // eigenvalue) M(c') e^{-c'x} overflows while q underflows, and their product (bounded by the choice of h)
        // would be ∞·0 = NaN
        double lnQ = -2 * Math.PI * (cPrime - c) / h;
        return r / (1 - r) + Math.exp(logMgf(cPrime) - cPrime * x + lnQ) / -Math.expm1(lnQ);
    }

    /** ln of the bound on (1/π) ∫_T^∞ |M(c+it) e^{−(c+it)x}/(c+it)| dt (Imhof's bound on the shifted line). */
    private double logTruncationBound(double c, double x, double tMax) {
        return truncation(c, x, tMax, 1);
    }

    private double logTruncationBoundDensity(double c, double x, double tMax) {
        return truncation(c, x, tMax, 0);
    }

    /**
     * Bound on (1/π) ∫_T^∞ |M(c+it) e^{−(c+it)x}| |c+it|^{−poleOrder} dt. With a_j = 2|w_j|/(1 − 2w_jc),
     * |M(c+it)| = M(c) e^{−G(u)}, G(u) = Σ_j (d_j/4) ln(1 + a_j² e^{2u}), u = ln t, and G is convex in u, so
     * G(u) ≥ G(U) + G'(U)(u − U) beyond U = ln T: the integral (with 1/|s| ≤ 1/t) is at most
     * e^{−G(U)}/G'(U) for poleOrder 1 and T e^{−G(U)}/(G'(U) − 1) for poleOrder 0. (Imhof's bound, eq. 3.4,
     * is the special case of keeping only the terms with a_j T ≥ 1; this one stays tight when many small
     * weights give a Gaussian-like decay.)
     */
    private double truncation(double c, double x, double tMax, int poleOrder) {
        double logBound = logMgf(c) - c * x - Math.log(Math.PI);
        double g = 0;
        double slope = 0;
        for (int j = 0; j < w.length; j++) {
            double a = 2 * Math.abs(w[j]) / (1 - 2 * w[j] * c) * tMax;
            double a2 = a * a;
            g += 0.25 * d[j] * Math.log1p(a2);
            slope += 0.5 * d[j] * a2 / (1 + a2);
        }
        if (poleOrder == 1) {
            return logBound - g - Math.log(slope);
        }
        return slope > 1 ? logBound - g + Math.log(tMax / (slope - 1)) : Double.POSITIVE_INFINITY;
    }

    /**
     * ln M(c + it) with the small weights (2|w||s| ≤ 1/4 for |s| ≤ sMax) summed through their power sums:
     * −(d/2) ln(1 − 2ws) = Σ_m (d/2) (2ws)^m / m.
     */
    private final class Series {
        /**
         * The large weights, in pairs of equal degrees of freedom where they come so (2w of each, d/4, d/2), and the
         * rest alone: a pair's two factors take one logarithm and one arctangent ({@link #logMgf}).
         */
        private final double[] pairFirst;
        private final double[] pairSecond;
        private final double[] pairQuarterDof;
        private final double[] pairHalfDof;
        private final double[] twiceWeight;
        private final double[] quarterDof;
        private final double[] halfDof;
        private final double[] coefficient; // q_m / (2m), q_m = Σ_small d_j (2 w_j sMax)^m
        private final double sMax;
        private final double error;

        Series(double sMax) {
            this.sMax = sMax;
            int nLarge = 0;
            int[] idx = new int[w.length];
            double dofSmall = 0;
            double rho = 0;
            for (int j = 0; j < w.length; j++) {
                double r = 2 * Math.abs(w[j]) * sMax;
                if (r > SERIES_RADIUS) {
                    idx[nLarge++] = j;
                } else {
                    dofSmall += d[j];
                    rho = Math.max(rho, r);
                }
            }
            double[][] pairs = new double[4][nLarge / 2];
            double[][] singles = new double[3][nLarge];
            int nPairs = 0;
            int nSingles = 0;
            for (int k = 0; k < nLarge; k++) {
                int j = idx[k];
                if (k + 1 < nLarge && d[idx[k + 1]] == d[j]) {
                    pairs[0][nPairs] = 2 * w[j];
                    pairs[1][nPairs] = 2 * w[idx[k + 1]];
                    pairs[2][nPairs] = 0.25 * d[j];
                    pairs[3][nPairs] = 0.5 * d[j];
                    nPairs++;
                    k++;
                } else {
                    singles[0][nSingles] = 2 * w[j];
                    singles[1][nSingles] = 0.25 * d[j];
                    singles[2][nSingles] = 0.5 * d[j];
                    nSingles++;
                }
            }
            pairFirst = Arrays.copyOf(pairs[0], nPairs);
            pairSecond = Arrays.copyOf(pairs[1], nPairs);
            pairQuarterDof = Arrays.copyOf(pairs[2], nPairs);
            pairHalfDof = Arrays.copyOf(pairs[3], nPairs);
            twiceWeight = Arrays.copyOf(singles[0], nSingles);
            quarterDof = Arrays.copyOf(singles[1], nSingles);
            halfDof = Arrays.copyOf(singles[2], nSingles);
            if (dofSmall == 0 || rho == 0) {
                coefficient = new double[0];
                error = 0;
                return;
            }
            // remainder per weight ≤ (d/2) ρ^{P+1} / ((P+1)(1−ρ))
            int order = 1;
            while (0.5 * dofSmall * Math.pow(rho, order + 1) / ((order + 1) * (1 - rho)) > 1e-15 && order < 200) {
                order++;
            }
            error = 0.5 * dofSmall * Math.pow(rho, order + 1) / ((order + 1) * (1 - rho));
            double[] q = new double[order + 1];
            for (int j = 0; j < w.length; j++) {
                double r = 2 * w[j] * sMax;
                if (Math.abs(r) > SERIES_RADIUS) {
                    continue;
                }
                double p = d[j];
                for (int m = 1; m <= order; m++) {
                    p *= r;
                    q[m] += p;
                }
            }
            coefficient = new double[order + 1];
            for (int m = 1; m <= order; m++) {
                coefficient[m] = q[m] / (2 * m);
            }
        }

        /** {Re, Im} of ln M(c + it). */
        double[] logMgf(double c, double t) {
            double re = 0;
            double im = 0;
            // a pair: ln|z₁|² + ln|z₂|² = ln(|z₁|²|z₂|²) and arg z₁ + arg z₂ = arg(z₁z₂), exactly so as both
            // arguments lie in (−π/2, π/2) (Re z = 1 − 2wc > 0 in the strip), so their sum in (−π, π)
            for (int k = 0; k < pairFirst.length; k++) {
                double a1 = 1 - pairFirst[k] * c;
                double b1 = -pairFirst[k] * t;
                double a2 = 1 - pairSecond[k] * c;
                double b2 = -pairSecond[k] * t;
                double m1 = a1 * a1 + b1 * b1;
                double m2 = a2 * a2 + b2 * b2;
                double product = m1 * m2;
                re -= pairQuarterDof[k] * (product >= Double.MIN_NORMAL && product <= Double.MAX_VALUE
                        ? Math.log(product) : Math.log(m1) + Math.log(m2));
                double x = a1 * a2 - b1 * b2;
                double y = a1 * b2 + a2 * b1;
                // arg(x + iy) for x ≤ 0: ±π − arg(−x + iy)
                double arg = x > 0 ? Arctangent.atan2(y, x) : Math.copySign(Math.PI, y) - Arctangent.atan2(y, -x);
                im -= pairHalfDof[k] * arg;
            }
            for (int k = 0; k < twiceWeight.length; k++) {
                double a = 1 - twiceWeight[k] * c;
                double b = -twiceWeight[k] * t;
                re -= quarterDof[k] * Math.log(a * a + b * b);
                im -= halfDof[k] * Arctangent.atan2(b, a); // a > 0 in the strip
            }
            int order = coefficient.length - 1;
            if (order >= 1) {
                // Horner in z = s / sMax
                double zr = c / sMax;
                double zi = t / sMax;
                double pr = coefficient[order];
                double pi = 0;
                for (int m = order - 1; m >= 1; m--) {
                    double nr = pr * zr - pi * zi + coefficient[m];
                    double ni = pr * zi + pi * zr;
                    pr = nr;
                    pi = ni;
                }
                re += pr * zr - pi * zi;
                im += pr * zi + pi * zr;
            }
            return new double[] {re, im};
        }
    }
}

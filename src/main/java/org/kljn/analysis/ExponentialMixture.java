package org.kljn.analysis;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The distribution of Q = Σ_j w_j E_j with independent E_j ~ Exp(1) (equivalently Σ (w_j/2) χ²₂), by the
 * Lugannani-Rice saddle-point formula on the cumulant generating function K(s) = −Σ ln(1 − w_j s):
 * <pre>
 *   P(Q &gt; x) ≈ 1 − Φ(r) + φ(r)(1/v − 1/r),   K'(ŝ) = x,  r = sgn(ŝ)√(2(ŝx − K(ŝ))),  v = ŝ√K''(ŝ),
 * </pre>
 * and, within 1e-4 standard deviations of the mean where that form cancels, its limit (the Edgeworth term with
 * the skewness). Both tails are computed directly, never as 1 − p. This is the likelihood-ratio detector's
 * interim distribution until {@code ChiSquareMixture} (exact) is on main; its accuracy is tested against a
 * Monte Carlo in {@code LikelihoodRatioDetectorTest}.
 */
final class ExponentialMixture {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private final double[] w;
    private final double k1, k2, k3;
    private final double lo, hi;

    private ExponentialMixture(double[] w) {
        this.w = w.clone();
        double a = 0, b = 0, c = 0, maxPos = 0, minNeg = 0;
        for (double x : w) {
            a += x;
            b += x * x;
            c += 2 * x * x * x;
            maxPos = Math.max(maxPos, x);
            minNeg = Math.min(minNeg, x);
        }
        k1 = a;
        k2 = b;
        k3 = c;
        hi = maxPos > 0 ? 1 / maxPos : Double.POSITIVE_INFINITY;
        lo = minNeg < 0 ? 1 / minNeg : Double.NEGATIVE_INFINITY;
    }

    static ExponentialMixture of(double[] weights) {
        return new ExponentialMixture(weights);
    }

    double mean() {
        return k1;
    }

    double variance() {
        return k2;
    }

    /** P(Q &gt; x). */
    double survival(double x) {
        return tail(x, true);
    }

    /** P(Q &lt; x). */
    double cdf(double x) {
        return tail(x, false);
    }

    private double tail(double x, boolean upper) {
        if (k2 == 0) {
            return upper ? (0 > x ? 1 : 0) : (0 < x ? 1 : 0);
        }
        double sd = Math.sqrt(k2);
        double z = (x - k1) / sd;
        if (Math.abs(z) < 1e-4) {
            double corr = STANDARD_NORMAL.density(z) * k3 / (6 * k2 * sd) * (z * z - 1);
            return upper ? STANDARD_NORMAL.cumulativeProbability(-z) + corr
                    : STANDARD_NORMAL.cumulativeProbability(z) - corr;
        }
        double s = saddlePoint(x);
        double kk = 0, k2s = 0;
        for (double v : w) {
            double d = 1 - v * s;
            kk -= Math.log(d);
            k2s += v * v / (d * d);
        }
        double r = Math.copySign(Math.sqrt(Math.max(0, 2 * (s * x - kk))), s);
        double u = s * Math.sqrt(k2s);
        double correction = STANDARD_NORMAL.density(r) * (1 / u - 1 / r);
        return upper ? STANDARD_NORMAL.cumulativeProbability(-r) + correction
                : STANDARD_NORMAL.cumulativeProbability(r) - correction;
    }

    /** ŝ with K'(ŝ) = x on the domain (lo, hi) where every 1 − w_j s &gt; 0; K' increases there. */
    private double saddlePoint(double x) {
        UnivariateFunction f = s -> {
            double d = 0;
            for (double v : w) {
                d += v / (1 - v * s);
            }
            return d - x;
        };
        double a = Double.isInfinite(lo) ? -1 : lo;
        double b = Double.isInfinite(hi) ? 1 : hi;
        if (Double.isInfinite(lo)) {
            while (f.value(a) > 0) {
                a *= 2;
            }
        } else {
            a = lo * (1 - 1e-15);
        }
        if (Double.isInfinite(hi)) {
            while (f.value(b) < 0) {
                b *= 2;
            }
        } else {
            b = hi * (1 - 1e-15);
        }
        // K' runs from −∞ (or its bound) to +∞ on the domain: a sign change exists for any x in the support
        double fa = f.value(a), fb = f.value(b);
        if (fa > 0) {
            return a;
        }
        if (fb < 0) {
            return b;
        }
        return new BrentSolver(1e-300, 1e-15 * Math.max(Math.abs(a), Math.abs(b)), 1e-300).solve(500, f, a, b);
    }
}

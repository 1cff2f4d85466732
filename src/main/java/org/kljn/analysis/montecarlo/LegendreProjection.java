package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.WindowEavesdropper;
import org.kljn.analysis.exact.Probe;

/**
 * Streams a transient's accepted points into each bit window's coefficients of U_A and I_A on the window's
 * orthonormal Legendre polynomials φ_n(t) = √((2n+1)/τ) P_n(2(t − t_0)/τ − 1), n &lt; K: the basis in which
 * {@link WindowEavesdropper} writes Eve's observation, so that the exact window likelihood ratio can be applied to
 * each simulated bit ({@link WindowLikelihoodStatistic}). Memory: 2K coefficients and three K-vectors of
 * antiderivatives, whatever the bit's length.
 *
 * <p><b>Exact on the solver's interpolant.</b> Between accepted points the waveform is linear (the trapezoidal
 * rule's interpolant, as in {@link WindowMoments}); a step straddling a window boundary is split there by linear
 * interpolation. With x = 2(t − t_0)/τ − 1, ℓ(x) linear on [x_a, x_b] of slope s, and the antiderivatives
 * Q_n(x) = ∫_{−1}^x P_n = (P_{n+1} − P_{n−1})/(2n+1) (Q_0 = x + 1) and S_n(x) = ∫_{−1}^x Q_n =
 * (Q_{n+1} − Q_{n−1})/(2n+1) (S_0 = (x + 1)²/2), integration by parts gives each segment's part exactly:
 * <pre>
 *   ∫_{x_a}^{x_b} ℓ P_n dx = ℓ(x_b) Q_n(x_b) − ℓ(x_a) Q_n(x_a) − s [S_n(x_b) − S_n(x_a)],   c_n = √((2n+1)τ)/2 · Σ_segments.
 * </pre>
 * No quadrature: near the window's ends the highest polynomials oscillate on scales of τ/n², far below the
 * solver's step, and an exact integral of the interpolant is the only one that sees them correctly. The terms
 * cancel mildly (by about 1/(n Δx) for a segment of Δx); rounding adds ~1e-16 of the waveform's scale per
 * segment, twelve orders below Eve's default floor.
 */
public final class LegendreProjection extends WindowStream {
    /** Receives each window's 2K coefficients (U_A's K, then I_A's K; V·√s and A·√s), a fresh array. */
    @FunctionalInterface
    public interface CoefficientConsumer {
        void windowDone(int window, double[] coefficients);
    }

    private final int order;
    private final CoefficientConsumer consumer;
    private final double[] sums;
    private Antiderivatives atA;
    private Antiderivatives atB;

    /** Projects every window of {@code windows} on the first {@code order} Legendre polynomials of the window. */
    public LegendreProjection(BitWindows windows, int order, CoefficientConsumer consumer) {
        super(windows, Probe.U_A, Probe.I_A);
        if (order < 1) {
            throw new IllegalArgumentException("need at least one basis function, got " + order);
        }
        this.order = order;
        this.consumer = consumer;
        this.sums = new double[2 * order];
        this.atA = new Antiderivatives(order);
        this.atB = new Antiderivatives(order);
    }

    @Override
    void restart() {
        java.util.Arrays.fill(sums, 0);
        atA.invalidate();
    }

    @Override
    void segment(int window, double a, double b, double[] ya, double[] yb) {
        double start = windows().measurementStart(window);
        double tau = windows().measurement();
        double xa = Math.max(-1, Math.min(1, 2 * (a - start) / tau - 1));
        double xb = Math.max(-1, Math.min(1, 2 * (b - start) / tau - 1));
        project(xa, xb, ya[0], yb[0], ya[1], yb[1]);
    }

    @Override
    void windowDone(int window) {
        consumer.windowDone(window, coefficients(sums, order, windows().measurement()));
        java.util.Arrays.fill(sums, 0);
        atA.invalidate();
    }

    /** Adds ∫_{xa}^{xb} ℓ P_n dx for both channels (ℓ linear from the a values to the b values). */
    private void project(double xa, double xb, double ua, double ub, double ia, double ib) {
        if (!atA.at(xa)) {
            atA.evaluate(xa);
        }
        atB.evaluate(xb);
        addSegment(atA, atB, ua, ub, sums, 0);
        addSegment(atA, atB, ia, ib, sums, order);
        Antiderivatives swap = atA;
        atA = atB;
        atB = swap;
    }

    private static void addSegment(Antiderivatives a, Antiderivatives b, double ya, double yb, double[] sums,
            int offset) {
        double slope = (yb - ya) / (b.x - a.x);
        int k = a.q.length - 1; // Q up to K, S up to K − 1
        for (int n = 0; n < k; n++) {
            sums[offset + n] += yb * b.q[n] - ya * a.q[n] - slope * (b.s[n] - a.s[n]);
        }
    }

    /** c_n = √((2n+1)τ)/2 · ∫ ℓ P_n dx (a fresh array). */
    static double[] coefficients(double[] sums, int order, double tau) {
        double[] c = new double[sums.length];
        for (int ch = 0; ch < 2; ch++) {
            for (int n = 0; n < order; n++) {
                c[ch * order + n] = 0.5 * Math.sqrt((2 * n + 1) * tau) * sums[ch * order + n];
            }
        }
        return c;
    }

    /**
     * The coefficients on [0, τ] of the piecewise-linear function through (t_j, y_j) (t ascending, from 0 to τ):
     * the same exact integral, for tests and one-off use.
     */
    public static double[] project(double[] t, double[] y, double tau, int order) {
        double[] sums = new double[order];
        Antiderivatives a = new Antiderivatives(order);
        Antiderivatives b = new Antiderivatives(order);
        a.evaluate(2 * t[0] / tau - 1);
        for (int j = 1; j < t.length; j++) {
            b.evaluate(2 * t[j] / tau - 1);
            addSegment(a, b, y[j - 1], y[j], sums, 0);
            Antiderivatives swap = a;
            a = b;
            b = swap;
        }
        double[] c = new double[order];
        for (int n = 0; n < order; n++) {
            c[n] = 0.5 * Math.sqrt((2 * n + 1) * tau) * sums[n];
        }
        return c;
    }

    /** P_0 … P_{K+1}, Q_0 … Q_K and S_0 … S_{K−1} at one x. */
    private static final class Antiderivatives {
        final double[] p;
        final double[] q;
        final double[] s;
        double x = Double.NaN;

        Antiderivatives(int order) {
            p = new double[order + 2];
            q = new double[order + 1];
            s = new double[order];
        }

        boolean at(double where) {
            return x == where;
        }

        void invalidate() {
            x = Double.NaN;
        }

        void evaluate(double where) {
            x = where;
            int k = s.length;
            p[0] = 1;
            p[1] = where;
            for (int n = 1; n <= k; n++) {
                p[n + 1] = ((2 * n + 1) * where * p[n] - n * p[n - 1]) / (n + 1);
            }
            q[0] = where + 1;
            for (int n = 1; n <= k; n++) {
                q[n] = (p[n + 1] - p[n - 1]) / (2 * n + 1);
            }
            s[0] = 0.5 * (where + 1) * (where + 1);
            for (int n = 1; n < k; n++) {
                s[n] = (q[n + 1] - q[n - 1]) / (2 * n + 1);
            }
        }
    }
}

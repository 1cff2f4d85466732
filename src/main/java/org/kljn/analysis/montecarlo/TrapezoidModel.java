package org.kljn.analysis.montecarlo;

import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.LoopIntegrals;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.noise.InjectedNoise;

/**
 * The expected moments the transient itself measures, discretisation included: ngspice's trapezoidal rule with
 * equal steps h_s on a linear circuit, fed a piecewise-linear source whose kinks are solver points, and the
 * per-bit averages of products of probes taken linear between points ({@link WindowMoments}).
 *
 * <p>Derivation. For C ẋ + G x = B u the trapezoidal rule gives, in z, X = [C·(2/h_s)(z−1)/(z+1) + G]⁻¹ B U: at
 * the solver points the probes are the input samples u_n filtered by the continuous transfer function at the
 * warped frequency, H(f_w) with f_w = tan(π f h_s)/(π h_s) (the bilinear transform). The samples u_n are the
 * grid values (one-sided PSD S0·G(f), {@link InjectedNoise#gridSpectrum}) interpolated linearly to k = h/h_s
 * points per grid step: zero-stuffing by k and the discrete triangle T(ν) = (sin πkν / sin πν)²/k give, averaged
 * over the k phases, the PSD S0·G(f)·|T(f h_s)|²/k² on 0 ≤ f ≤ 1/(2h_s). The average of x·y linear between
 * points is (4R(0) + R(1) + R(−1))/6 in the lag-l cross-covariances R(l), the weight 2/3 + cos(2π f h_s)/3 on
 * the spectrum. Hence, per generator s,
 * <pre>
 *   J_s^trap(X,Y) = ∫_0^{1/(2h_s)} G(f) |T(f h_s)|²/k² · Re[H_sX(f_w) conj H_sY(f_w)] · (2/3 + cos(2π f h_s)/3) df,
 * </pre>
 * against the exact J_s(X,Y) = ∫_0^∞ g(f) Re[H_sX conj H_sY] df ({@link ExactAnalysis#integrals}). For a
 * memoryless loop (H constant) both are equal for every k (check: k = 1, G = 1 gives 2Δf/3, TRNOISE's noise
 * bandwidth): one step per noise sample is exact. The model assumes ngspice takes exactly the forced steps; its
 * truncation-error control can only add points.
 *
 * <p>For pre-warped noise ({@link org.kljn.noise.PrewarpedNoise}, k = 1) G·w at f equals g(f_w)·df_w/df by
 * construction, so J_s^trap = J_s: the model reproduces the exact integrals up to its quadrature (~1e-5 relative),
 * which is the {@code discretisationBound} such runs report.
 */
public final class TrapezoidModel {
    /** Simpson intervals over [0, 1/(2h_s)]: at least 2048, and at most 1/(256 h) apart (Δf/64 at K = 2). */
    private static int intervals(int k) {
        return Math.max(2048, 128 * k);
    }

    private TrapezoidModel() {
    }

    /**
     * The band integrals of the trapezoidal solution with {@code k} equal steps per noise grid step, from the exact
     * transfer functions.
     */
    public static LoopIntegrals integrals(TransferFunctions tf, InjectedNoise noise, int k) {
        double hs = noise.gridStep() / k;
        double fNyquist = 1 / (2 * hs);
        int intervals = intervals(k);
        double df = fNyquist / intervals;
        double[][] ja = new double[4][4];
        double[][] jb = new double[4][4];
        double[] ar = new double[4], ai = new double[4], br = new double[4], bi = new double[4];
        for (int i = 0; i <= intervals; i++) {
            double f = i * df;
            double w = (i == 0 || i == intervals) ? 1 : (i % 2 == 1 ? 4 : 2);
            double nu = f * hs;
            double triangle = k == 1 || nu == 0 ? k : Math.pow(Math.sin(Math.PI * k * nu) / Math.sin(Math.PI * nu), 2) / k;
            double spectrum = noise.gridSpectrum(f) * triangle * triangle / ((double) k * k);
            // the points f = 1/(2h_s) warp to infinity: the transfer function's last (highest) value stands in
            double fw = i == intervals ? Double.POSITIVE_INFINITY : Math.tan(Math.PI * f * hs) / (Math.PI * hs);
            interpolate(tf, fw, ar, ai, br, bi);
            double weight = w * df / 3 * spectrum * (2.0 / 3 + Math.cos(2 * Math.PI * f * hs) / 3);
            for (int x = 0; x < 4; x++) {
                for (int y = 0; y < 4; y++) {
                    ja[x][y] += weight * (ar[x] * ar[y] + ai[x] * ai[y]);
                    jb[x][y] += weight * (br[x] * br[y] + bi[x] * bi[y]);
                }
            }
        }
        return new LoopIntegrals(ja, jb, Double.NaN);
    }

    /** H of each probe at frequency f, linear between the sweep's points, the last point's value above it. */
    private static void interpolate(TransferFunctions tf, double f, double[] ar, double[] ai, double[] br,
            double[] bi) {
        double[] freq = tf.frequency();
        int n = freq.length;
        int i;
        double u;
        if (!(f < freq[n - 1])) {
            i = n - 2;
            u = 1;
        } else if (f <= freq[0]) {
            i = 0;
            u = 0;
        } else {
            double spacing = (freq[n - 1] - freq[0]) / (n - 1);
            i = Math.min(n - 2, (int) ((f - freq[0]) / spacing));
            u = (f - freq[i]) / (freq[i + 1] - freq[i]);
        }
        for (int p = 0; p < 4; p++) {
            ar[p] = lerp(tf.aliceRe()[p], i, u);
            ai[p] = lerp(tf.aliceIm()[p], i, u);
            br[p] = lerp(tf.bobRe()[p], i, u);
            bi[p] = lerp(tf.bobIm()[p], i, u);
        }
    }

    private static double lerp(double[] v, int i, double u) {
        return v[i] + u * (v[i + 1] - v[i]);
    }

    /**
     * The relative discretisation error of each of the six averaged products ({@link WindowMoments} order): a mean
     * square against itself, a product U·I against √(⟨U²⟩⟨I²⟩) (the scale its fluctuations have: a power into the
     * cable can be nearly zero).
     */
    public static double[] relativeErrors(KljnMoments trapezoid, KljnMoments exact) {
        double[] t = products(trapezoid);
        double[] e = products(exact);
        double[] scale = {e[0], e[1], e[2], e[3], Math.sqrt(e[0] * e[2]), Math.sqrt(e[1] * e[3])};
        double[] r = new double[WindowMoments.PRODUCTS];
        for (int p = 0; p < r.length; p++) {
            r[p] = (t[p] - e[p]) / scale[p];
        }
        return r;
    }

    /** The six products in {@link WindowMoments} order: U_A², U_B², I_A², I_B², U_A I_A, U_B I_B. */
    static double[] products(KljnMoments m) {
        return new double[] {m.moment(Probe.U_A, Probe.U_A), m.moment(Probe.U_B, Probe.U_B),
                m.moment(Probe.I_A, Probe.I_A), m.moment(Probe.I_B, Probe.I_B), m.moment(Probe.U_A, Probe.I_A),
                m.moment(Probe.U_B, Probe.I_B)};
    }
}

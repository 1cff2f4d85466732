package org.kljn.analysis.finitebit;

import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.exact.ProbeQuadraticForm;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.noise.Johnson;
import org.kljn.circuit.KljnLoop;

import java.util.Arrays;

/**
 * The exact distribution of a per-bit statistic Q = (1/τ) ∫_0^τ z(t)ᵀ A z(t) dt of one bit situation (one loop,
 * one β) over a finite bit window τ: Q is a weighted sum of independent χ² variables ({@link ChiSquareMixture})
 * whose weights are the eigenvalues of the quadratic form with the probes' covariance over the window.
 *
 * <p>The probes are linear in the two independent generator noises (one-sided PSD S_g g(f), S_g = 4kT_gR_g; the
 * R_H side at T_eff, the R_L side at βT_eff): z = Σ_g H_g * n_g, with H_g from {@link TransferFunctions}. Two
 * ways to the weights:
 * <ul>
 * <li><b>window</b> (exact for the finite window): the probes' cross-covariance R_pq(Δ) = ∫_0^∞ Re[G_pq(f)
 * e^{2πifΔ}] df, G_pq = Σ_g S_g g H_gp conj(H_gq) (Filon's rule: G linear between AC points, the exponential
 * integrated exactly), sampled on N+1 uniform nodes of [0, τ] (N/τ = 8 f_max, four times the rate the
 * products need); with Simpson weights q_i the statistic is the quadratic form uᵀ𝔸u of the Gaussian vector u
 * = (z_p(t_i)), 𝔸 = diag(q_i/τ) ⊗ A, covariance Σ. A pivoted Cholesky factor Σ ≈ LLᵀ (residual trace below
 * 1e-11 of the trace, probes scaled to unit variance) reduces it to the r×r symmetric matrix Lᵀ𝔸L, r ≈ 2(2 f_max τ
 * + a few): its eigenvalues are the weights, each of one degree of freedom (Nyström's method).</li>
 * <li><b>spectral</b> (long windows, Szegő): in bins f_k = k/τ the window's Fourier coefficients are independent,
 * and Q = Σ_k Σ_{i=1,2} λ_i(f_k) m_k (χ²_2/2), λ_i the eigenvalues of the 2×2 Hermitian K(f) = S^{1/2}
 * H(f)^† A H(f) S^{1/2} (averaged over the bin with the weight g, which makes the mean exact) and m_k = ∫ g over
 * the bin (the bin at 0 is half a bin with one degree of freedom).
 * Its mean is ∫ tr K g df, its variance (1/τ) ∫ tr K² g² df = V/τ with V of {@link EveStatistics}.</li>
 * </ul>
 * {@link #distribution} uses the window method up to {@link #WINDOW_LIMIT} Nyquist samples of the band's
 * <em>effective</em> upper frequency f_c (2 f_c τ) and the spectral one above, where the tests show the two agree
 * within the target. f_c is where the band proper ends, not the AC grid's last point: a realised FIR band
 * ({@code noise.RealisedBand}) carries interpolation images (≤ 3e-4 of the pass band, ~1e-4 of the power) out to
 * tens of times Δf, and its grid runs that far so that every mean is exact; choosing the method by the grid's end
 * sent every bit of such a band to the spectral form, whose variance is the Szegő limit and overstates a short
 * bit's spread (the 20-section Cat5 ladder at 500 Hz, M = 50: the current statistic's standard deviation by
 * 0.7 %, BSY's by 0.4 %; the finite window's edges lower it). Above f_c (the first grid point past the band's
 * maximum where g ≤ {@link #GAP_GAIN}·max g and at most {@link #GAP_TAIL} of the power lies beyond) the band is
 * taken by the spectral form and its χ² terms added to the window's: the two parts are independent up to the
 * cross products of a band below f_c and one that starts in a gap above it, whose window averages fluctuate at
 * frequencies ≳ the gap (relative variance ≲ GAP_GAIN + GAP_TAIL), and the split keeps the mean exact
 * (g = g_low + g_high at every point, both linear between points).
 */
public final class FiniteBitStatistics {
    /** Above this many Nyquist samples 2 f_max τ the spectral form is used (see the class comment). */
    public static final double WINDOW_LIMIT = 128;
    /** Time nodes per 1/(2 f_max): the node rate is 8 f_max. */
    static final double NODES_PER_NYQUIST = 4;

    private final double[] frequency;
    private final double[] gain;
    /** S_g^{1/2} H_g: [generator][probe][k], real and imaginary parts. */
    private final double[][][] hRe;
    private final double[][][] hIm;
    private final double fMax;
    private final double gridStep;

    private FiniteBitStatistics(double[] frequency, double[] gain, double[][][] hRe, double[][][] hIm) {
        this.frequency = frequency;
        this.gain = gain;
        this.hRe = hRe;
        this.hIm = hIm;
        this.fMax = frequency[frequency.length - 1];
        this.gridStep = (fMax - frequency[0]) / (frequency.length - 1);
    }

    /** The statistics of {@code loop} (its AC transfer functions {@code tf}) at noise temperature tEff and β. */
    public static FiniteBitStatistics of(KljnLoop loop, TransferFunctions tf, double tEff, double beta) {
        return atTemperatures(loop, tf, NoiseTemperatures.standard(loop.alice(), tEff, beta),
                NoiseTemperatures.standard(loop.bob(), tEff, beta));
    }

    /** The statistics of {@code loop} with each resistor's generator at its own temperature (generalised KLJN). */
    public static FiniteBitStatistics of(KljnLoop loop, TransferFunctions tf, NoiseTemperatures t) {
        return atTemperatures(loop, tf, t.alice(loop.alice()), t.bob(loop.bob()));
    }

    private static FiniteBitStatistics atTemperatures(KljnLoop loop, TransferFunctions tf, double tAlice,
            double tBob) {
        double sA = Math.sqrt(Johnson.voltagePsd(tAlice, loop.aliceResistance()));
        double sB = Math.sqrt(Johnson.voltagePsd(tBob, loop.bobResistance()));
        int n = tf.size();
        double[][][] re = new double[2][4][n];
        double[][][] im = new double[2][4][n];
        for (int p = 0; p < 4; p++) {
            for (int k = 0; k < n; k++) {
                re[0][p][k] = sA * tf.aliceRe()[p][k];
                im[0][p][k] = sA * tf.aliceIm()[p][k];
                re[1][p][k] = sB * tf.bobRe()[p][k];
                im[1][p][k] = sB * tf.bobIm()[p][k];
            }
        }
        return new FiniteBitStatistics(tf.frequency().clone(), tf.gain().clone(), re, im);
    }

    /** The band's upper frequency f_max (the AC grid's last point), Hz. */
    public double upperFrequency() {
        return fMax;
    }

    /** Nyquist samples of f_max in a window of {@code seconds}: 2 f_max τ. */
    public double nyquistSamples(double seconds) {
        return 2 * fMax * seconds;
    }

    /**
     * The method {@link #distribution} uses for a window of {@code seconds}: "window" (with a band's image tail
     * above {@link #bandEdge()} added in spectral form) or "spectral".
     */
    public String methodFor(double seconds) {
        return 2 * bandEdge() * seconds > WINDOW_LIMIT ? "spectral" : "window";
    }

    /**
     * The distribution of Q over a bit of {@code seconds}: the window method when the band proper (below its
     * effective upper frequency f_c) holds at most {@link #WINDOW_LIMIT} Nyquist samples, with the band's far tail
     * above f_c (images) added in spectral form; the spectral form for longer bits. See the class comment.
     */
    public ChiSquareMixture distribution(ProbeQuadraticForm form, double seconds) {
        if (2 * bandEdge() * seconds > WINDOW_LIMIT) {
            return spectral(form, seconds);
        }
        if (split == null) {
            return window(form, seconds);
        }
        ChiSquareMixture low;
        try {
            low = split.low.window(form, seconds);
        } catch (VanishingStatistic e) {
            return split.high.spectral(form, seconds);
        }
        try {
            return low.plus(split.high.spectral(form, seconds));
        } catch (VanishingStatistic e) {
            return low;
        }
    }

    // ------------------------------------------------------------------------------------------ band edge

    /** A grid point counts as in the gap above the band when g there is at most this fraction of g's maximum. */
    static final double GAP_GAIN = 1e-6;
    /** ... and at most this fraction of the band's power lies above it. */
    static final double GAP_TAIL = 1e-3;

    /** The band split at f_c: below (window method) and above (spectral); null when the grid ends at the band. */
    private record Split(FiniteBitStatistics low, FiniteBitStatistics high) {
    }

    private Split split;
    private volatile double bandEdge = Double.NaN;

    /**
     * The effective upper frequency f_c of the band: the grid's last point, or the first grid point past g's
     * maximum where g ≤ {@link #GAP_GAIN}·max g with at most {@link #GAP_TAIL} of ∫g above it (the start of a
     * realised band's stop band, before its interpolation images).
     */
    public double bandEdge() {
        if (Double.isNaN(bandEdge)) {
            findSplit();
        }
        return bandEdge;
    }

    private synchronized void findSplit() {
        if (!Double.isNaN(bandEdge)) {
            return;
        }
        int n = frequency.length;
        int peak = 0;
        for (int k = 1; k < n; k++) {
            if (gain[k] > gain[peak]) {
                peak = k;
            }
        }
        // tail[k] = ∫ from frequency[k] to the grid's end (trapezoid: g linear between points)
        double[] tail = new double[n];
        for (int k = n - 2; k >= 0; k--) {
            tail[k] = tail[k + 1] + 0.5 * (gain[k] + gain[k + 1]) * (frequency[k + 1] - frequency[k]);
        }
        int c = n - 1;
        for (int k = peak + 1; k < n - 1; k++) {
            if (gain[k] <= GAP_GAIN * gain[peak] && tail[k] <= GAP_TAIL * tail[0]) {
                c = k;
                break;
            }
        }
        if (c < n - 1) {
            // low: the grid up to c + 1 with g(c + 1) = 0; high: the whole grid with g = 0 up to c. At every point
            // g_low + g_high = g, and both are linear between points, so every mean adds up exactly.
            double[] lowGain = Arrays.copyOf(gain, c + 2);
            lowGain[c + 1] = 0;
            double[] highGain = gain.clone();
            Arrays.fill(highGain, 0, c + 1, 0);
            split = new Split(new FiniteBitStatistics(Arrays.copyOf(frequency, c + 2), lowGain, truncate(hRe, c + 2),
                    truncate(hIm, c + 2)), new FiniteBitStatistics(frequency, highGain, hRe, hIm));
        }
        bandEdge = frequency[c];
    }

    private static double[][][] truncate(double[][][] h, int length) {
        double[][][] out = new double[h.length][][];
        for (int g = 0; g < h.length; g++) {
            out[g] = new double[h[g].length][];
            for (int p = 0; p < h[g].length; p++) {
                out[g][p] = Arrays.copyOf(h[g][p], length);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ spectral

    /** The most terms per eigenvalue branch of the spectral form before bins are taken together in blocks. */
    static final int MAX_TERMS = 4096;

    /** The long-window (Szegő) form: bins of width 1/τ. */
    public ChiSquareMixture spectral(ProbeQuadraticForm form, double seconds) {
        return spectral(form, seconds, MAX_TERMS);
    }

    /** The spectral form with at most about {@code maxTerms} terms per eigenvalue branch (bins in blocks beyond). */
    ChiSquareMixture spectral(ProbeQuadraticForm form, double seconds, int maxTerms) {
        checkSeconds(seconds);
        int bins = (int) Math.ceil(fMax * seconds + 0.5);
        // A long bit has millions of bins (10^7 samples: 5·10^6): interior bins are then taken together in blocks
        // of b, each block one χ²_{2b} term per eigenvalue branch with the block-averaged K. The mean stays exact;
        // the variance loses only the spread of λ(f) within a block, ~(b/(τ f_max))² relative for a smooth
        // spectrum (< 1e-7 with 4096 blocks), and the mixture stays small enough to invert in memory and time.
        int block = bins <= maxTerms ? 1 : (int) Math.ceil((bins - 1) / (double) (maxTerms - 2));
        int groups = block == 1 ? bins + 1 : 2 + (int) Math.ceil((bins - 1) / (double) block);
        double[] w = new double[2 * groups];
        double[] d = new double[2 * groups];
        int count = 0;
        double[][] zr = new double[2][4];
        double[][] zi = new double[2][4];
        for (int k = 0; k <= bins; ) {
            // bin 0 (a real coefficient) and the last (partial) bin stand alone; the others go in blocks
            int last = k == 0 || k == bins ? k : Math.min(bins - 1, k + block - 1);
            int inBlock = last - k + 1;
            double lo = Math.max(0, (k - 0.5) / seconds);
            double hi = Math.min(fMax, (last + 0.5) / seconds);
            k = last + 1;
            if (hi <= lo) {
                continue;
            }
            double mass = gainIntegral(lo, hi);
            if (mass <= 0) {
                continue;
            }
            // K averaged over the bin with the band's weight g (trapezoid on sub-points no coarser than the AC
            // grid), so that the mean Σ tr K̄ m_k is the exact ∫ tr K g df
            int sub = 2 * (int) Math.ceil((hi - lo) / gridStep) + 1;
            double kaa = 0, kbb = 0, kabRe = 0, kabIm = 0;
            for (int j = 0; j < sub; j++) {
                double f = sub == 1 ? 0.5 * (lo + hi) : lo + (hi - lo) * j / (sub - 1);
                double q = (sub == 1 ? 1 : (j == 0 || j == sub - 1 ? 0.5 : 1) / (sub - 1)) * (hi - lo)
                        * gainAt(f) / mass;
                if (q == 0) {
                    continue;
                }
                interpolate(f, zr, zi);
                // K_gh = Σ_xy conj(H_gx) A_xy H_hy (S^{1/2} already in H)
                for (int x = 0; x < 4; x++) {
                    for (int y = 0; y < 4; y++) {
                        double a = form.at(x, y) * q;
                        if (a == 0) {
                            continue;
                        }
                        kaa += a * (zr[0][x] * zr[0][y] + zi[0][x] * zi[0][y]);
                        kbb += a * (zr[1][x] * zr[1][y] + zi[1][x] * zi[1][y]);
                        // conj(H_ax) H_by
                        kabRe += a * (zr[0][x] * zr[1][y] + zi[0][x] * zi[1][y]);
                        kabIm += a * (zr[0][x] * zi[1][y] - zi[0][x] * zr[1][y]);
                    }
                }
            }
            double half = 0.5 * (kaa + kbb);
            double disc = Math.sqrt(0.25 * (kaa - kbb) * (kaa - kbb) + kabRe * kabRe + kabIm * kabIm);
            for (double lambda : new double[] {half + disc, half - disc}) {
                if (lambda == 0) {
                    continue;
                }
                if (lo == 0) {
                    w[count] = lambda * mass; // a real coefficient: one degree of freedom, mean λ m
                    d[count] = 1;
                } else {
                    // (λ m/n) χ²_2 / 2 for each of the n bins of the block: (λ m / 2n) χ²_{2n}
                    w[count] = 0.5 * lambda * mass / inBlock;
                    d[count] = 2 * inBlock;
                }
                count++;
            }
        }
        return mixture(form, w, d, count);
    }

    /** g(f), linear between grid points, 0 above the grid. */
    private double gainAt(double f) {
        int n = frequency.length;
        if (f > fMax) {
            return 0;
        }
        double pos = (f - frequency[0]) / gridStep;
        int k = Math.max(0, Math.min(n - 2, (int) Math.floor(pos)));
        double t = Math.max(0, Math.min(1, pos - k));
        return gain[k] + t * (gain[k + 1] - gain[k]);
    }

    /** ∫_lo^hi g(f) df with g linear between grid points (0 outside the grid). */
    private double gainIntegral(double lo, double hi) {
        double sum = 0;
        int n = frequency.length;
        // the grid is uniform: only the intervals overlapping [lo, hi] contribute (one more each side for rounding)
        int first = (int) Math.max(0, Math.min(n - 1, Math.floor((lo - frequency[0]) / gridStep) - 1));
        int last = (int) Math.max(0, Math.min(n - 1, Math.ceil((hi - frequency[0]) / gridStep) + 1));
        for (int k = first; k + 1 < n && k < last; k++) {
            double a = Math.max(lo, frequency[k]);
            double b = Math.min(hi, frequency[k + 1]);
            if (b <= a) {
                continue;
            }
            double h = frequency[k + 1] - frequency[k];
            double ga = gain[k] + (gain[k + 1] - gain[k]) * (a - frequency[k]) / h;
            double gb = gain[k] + (gain[k + 1] - gain[k]) * (b - frequency[k]) / h;
            sum += 0.5 * (ga + gb) * (b - a);
        }
        // the sliver below the first grid point (LTRA starts a hair above 0): at the first point's gain
        if (lo < frequency[0]) {
            sum += gain[0] * (Math.min(hi, frequency[0]) - lo);
        }
        return sum;
    }

    /** S^{1/2} H at frequency f, linear between grid points. */
    private void interpolate(double f, double[][] zr, double[][] zi) {
        int n = frequency.length;
        double step = (frequency[n - 1] - frequency[0]) / (n - 1);
        double pos = (f - frequency[0]) / step;
        int k = (int) Math.floor(pos);
        k = Math.max(0, Math.min(n - 2, k));
        double t = Math.max(0, Math.min(1, pos - k));
        for (int g = 0; g < 2; g++) {
            for (int p = 0; p < 4; p++) {
                zr[g][p] = hRe[g][p][k] + t * (hRe[g][p][k + 1] - hRe[g][p][k]);
                zi[g][p] = hIm[g][p][k] + t * (hIm[g][p][k + 1] - hIm[g][p][k]);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ window

    /** The exact finite-window form (Nyström on uniform nodes, Simpson weights). */
    public ChiSquareMixture window(ProbeQuadraticForm form, double seconds) {
        return window(form, seconds, NODES_PER_NYQUIST);
    }

    ChiSquareMixture window(ProbeQuadraticForm form, double seconds, double nodesPerNyquist) {
        checkSeconds(seconds);
        int[] probes = probeSet(form);
        Factor f = factor(seconds, nodesPerNyquist, probes);
        int nodes = f.nodes;
        int intervals = nodes - 1;
        double delta = seconds / intervals;
        int n = f.n;
        int rank = f.rank;
        double[][] columns = f.columns;
        double[] scale = f.scale;
        int np = probes.length;
        // Lᵀ 𝔸 L with 𝔸 = diag(q_i/τ) ⊗ (A_ab / (s_a s_b)) on the scaled variables u = s z
        double[] weight = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            weight[i] = (i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2)) * delta / 3 / seconds;
        }
        double[][] al = new double[rank][n];
        for (int c = 0; c < rank; c++) {
            double[] col = columns[c];
            double[] out = al[c];
            for (int a = 0; a < np; a++) {
                for (int b = 0; b < np; b++) {
                    double coefficient = form.at(probes[a], probes[b]) / (scale[a] * scale[b]); // z = u / s
                    if (coefficient == 0) {
                        continue;
                    }
                    for (int i = 0; i < nodes; i++) {
                        out[a * nodes + i] += coefficient * weight[i] * col[b * nodes + i];
                    }
                }
            }
        }
        int[] used = java.util.stream.IntStream.range(0, np).filter(a -> form.uses(probes[a])).toArray();
        double[][] m = new double[rank][rank];
        for (int c = 0; c < rank; c++) {
            for (int e = 0; e <= c; e++) {
                double s = 0;
                double[] x = columns[c];
                double[] y = al[e];
                for (int a : used) {
                    for (int v = a * nodes, end = v + nodes; v < end; v++) {
                        s += x[v] * y[v];
                    }
                }
                m[c][e] = s;
                m[e][c] = s;
            }
        }
        double[] eigen = symmetricEigenvalues(m);
        double largest = 0;
        for (double e : eigen) {
            largest = Math.max(largest, Math.abs(e));
        }
        double[] w = new double[eigen.length];
        double[] d = new double[eigen.length];
        int count = 0;
        for (double e : eigen) {
            if (Math.abs(e) > 1e-13 * largest) {
                w[count] = e;
                d[count] = 1;
                count++;
            }
        }
        return mixture(form, w, d, count);
    }

    /**
     * Σ w_j χ²_{d_j} over the first {@code count} weights. A non-finite weight means the loop's spectra left double
     * precision (at a 1e-300 Hz band they underflowed: issue 22's "weight 0 is NaN"); the ranges of T_eff, the
     * bandwidth, R and C keep them finite, so reaching it means a combination outside those.
     */
    private static ChiSquareMixture mixture(ProbeQuadraticForm form, double[] w, double[] d, int count) {
        if (count == 0) {
            throw new VanishingStatistic(form);
        }
        for (int j = 0; j < count; j++) {
            if (!Double.isFinite(w[j])) {
                throw new ArithmeticException("the finite-bit statistics of this loop are not finite numbers"
                        + " (eigenvalue " + j + " of " + count + " is " + w[j] + "): the loop's spectra left double"
                        + " precision; bring T_eff, the bandwidth or the resistances and capacitance closer to ordinary"
                        + " values");
            }
        }
        return ChiSquareMixture.of(Arrays.copyOf(w, count), Arrays.copyOf(d, count));
    }

    /** The pivoted Cholesky factor of the four probes' scaled covariance on the window's nodes (cached per τ). */
    private record Factor(int nodes, int n, int rank, double[][] columns, double[] scale) {
    }

    private final java.util.Map<String, Factor> factors = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The probes a form's factor covers: the voltages (U_A, U_B) for any form of the voltages alone (BSY, Alice's and
     * Bob's own statistics and their combinations share one factor), the currents likewise, else all four.
     */
    private static int[] probeSet(ProbeQuadraticForm form) {
        boolean voltages = form.uses(Probe.U_A.ordinal()) || form.uses(Probe.U_B.ordinal());
        boolean currents = form.uses(Probe.I_A.ordinal()) || form.uses(Probe.I_B.ordinal());
        if (voltages && !currents) {
            return new int[] {Probe.U_A.ordinal(), Probe.U_B.ordinal()};
        }
        if (currents && !voltages) {
            return new int[] {Probe.I_A.ordinal(), Probe.I_B.ordinal()};
        }
        return new int[] {0, 1, 2, 3};
    }

    private Factor factor(double seconds, double nodesPerNyquist, int[] probes) {
        String key = seconds + "/" + nodesPerNyquist + "/" + Arrays.toString(probes);
        Factor cached = factors.get(key);
        if (cached != null) {
            return cached;
        }
        if (factors.size() > 16) {
            factors.clear(); // a few bit lengths at a time
        }
        int np = probes.length;
        int intervals = 2 * (int) Math.ceil(0.5 * Math.max(8, nodesPerNyquist * nyquistSamples(seconds)));
        double delta = seconds / intervals;
        int nodes = intervals + 1;
        // covariance table cov[a][b][m] = R_{pa pb}(m δ), m = 0..intervals (R_pq(−Δ) = R_qp(Δ))
        double[][][] cov = covariances(probes, delta, nodes);
        double[] scale = new double[np];
        for (int a = 0; a < np; a++) {
            if (!(cov[a][a][0] > 0)) {
                throw new IllegalStateException("probe " + Probe.values()[probes[a]] + " carries no noise");
            }
            scale[a] = 1 / Math.sqrt(cov[a][a][0]);
        }
        Factor f = pivotedCholesky(cov, scale, nodes);
        factors.put(key, f);
        return f;
    }

    /**
     * The pivoted Cholesky factor of the scaled covariance Σ[(a,i),(b,j)] = s_a s_b R_ab((i−j)δ) on {@code nodes} nodes
     * per probe, from the table {@code cov[a][b][m]} = R_ab(mδ): columns until the residual trace falls below 1e-11 of
     * the trace.
     */
    private static Factor pivotedCholesky(double[][][] cov, double[] scale, int nodes) {
        int n = scale.length * nodes;
        double[] residual = new double[n];
        double trace = 0;
        for (int v = 0; v < n; v++) {
            int a = v / nodes;
            residual[v] = scale[a] * scale[a] * cov[a][a][0];
            trace += residual[v];
        }
        int maxRank = n;
        double[][] columns = new double[Math.min(n, 64)][];
        int rank = 0;
        double remaining = trace;
        boolean[] used = new boolean[n];
        while (rank < maxRank && remaining > 1e-11 * trace) {
            int pivot = largestResidual(residual, used);
            if (pivot < 0) {
                break;
            }
            double best = residual[pivot];
            used[pivot] = true;
            double[] col = covarianceColumn(cov, scale, nodes, pivot);
            double root = Math.sqrt(best);
            // subtract the previous columns (contiguous axpy per column)
            for (int c = 0; c < rank; c++) {
                double[] prev = columns[c];
                double coefficient = prev[pivot];
                if (coefficient == 0) {
                    continue;
                }
                for (int v = 0; v < n; v++) {
                    col[v] -= coefficient * prev[v];
                }
            }
            for (int v = 0; v < n; v++) {
                col[v] = used[v] ? 0 : col[v] / root; // eliminated pivots stay 0
            }
            col[pivot] = root;
            for (int v = 0; v < n; v++) {
                if (!used[v]) {
                    residual[v] -= col[v] * col[v];
                }
            }
            residual[pivot] = 0;
            if (rank == columns.length) {
                columns = Arrays.copyOf(columns, 2 * columns.length);
            }
            columns[rank++] = col;
            remaining = 0;
            for (int v = 0; v < n; v++) {
                if (!used[v]) {
                    remaining += Math.max(0, residual[v]);
                }
            }
        }
        return new Factor(nodes, n, rank, columns, scale);
    }

    /** The unused variable with the largest positive residual variance (the first of equals), or −1 where none is. */
    private static int largestResidual(double[] residual, boolean[] used) {
        int pivot = -1;
        double best = 0;
        for (int v = 0; v < residual.length; v++) {
            if (!used[v] && residual[v] > best) {
                best = residual[v];
                pivot = v;
            }
        }
        return pivot;
    }

    /** Column {@code pivot} of the scaled covariance Σ: Σ[(a,i),(b,j)] = s_a s_b R_ab((i−j)δ), R_ab(−Δ) = R_ba(Δ). */
    private static double[] covarianceColumn(double[][][] cov, double[] scale, int nodes, int pivot) {
        int pa = pivot / nodes;
        int pi = pivot % nodes;
        double[] col = new double[scale.length * nodes];
        for (int v = 0; v < col.length; v++) {
            int b = v / nodes;
            int j = v % nodes;
            int lag = pi - j;
            double r = lag >= 0 ? cov[pa][b][lag] : cov[b][pa][-lag];
            col[v] = scale[pa] * scale[b] * r;
        }
        return col;
    }

    /**
     * Eigenvalues of a symmetric matrix: EJML's symmetric QR without eigenvectors (measured: the key-rate search spent
     * most of its time here in Commons Math's decomposition, which always computes eigenvectors, and in the Jacobi
     * fallback), and where it fails to converge the cyclic Jacobi method, which always does.
     */
    public static double[] symmetricEigenvalues(double[][] m) {
        int n = m.length;
        org.ejml.interfaces.decomposition.EigenDecomposition_F64<org.ejml.data.DMatrixRMaj> eig =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, false, true);
        if (eig.decompose(new org.ejml.data.DMatrixRMaj(m))) {
            double[] out = new double[n];
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                out[i] = eig.getEigenvalue(i).real;
                finite &= Double.isFinite(out[i]);
            }
            if (finite) {
                return out;
            }
        }
        return jacobiEigenvalues(m);
    }

    /** Cyclic Jacobi rotations (Numerical Recipes, §11.1) until the off-diagonal part is below 1e-15 of the norm. */
    static double[] jacobiEigenvalues(double[][] input) {
        int n = input.length;
        double[][] a = new double[n][];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            a[i] = input[i].clone();
            for (int j = 0; j < n; j++) {
                norm += a[i][j] * a[i][j];
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * norm) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (apq == 0 || apq * apq <= 1e-36 * norm) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        if (k == p || k == q) {
                            continue;
                        }
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[p][k] = a[k][p];
                        a[k][q] = s * akp + c * akq;
                        a[q][k] = a[k][q];
                    }
                    a[p][p] -= t * apq;
                    a[q][q] += t * apq;
                    a[p][q] = 0;
                    a[q][p] = 0;
                }
            }
        }
        double[] eigen = new double[n];
        for (int i = 0; i < n; i++) {
            eigen[i] = a[i][i];
        }
        return eigen;
    }

    /**
     * R_{pa pb}(m δ) for m = 0..nodes−1 by Filon's rule on the AC grid: G_ab linear on each interval, the
     * exponential integrated exactly: ∫ over [c − h/2, c + h/2] = e^{iωc} h [Ḡ sinθ/θ + i (ΔG/2)(sinθ − θ cosθ)/θ²],
     * θ = ωh/2, ω = 2π m δ.
     */
    private double[][][] covariances(int[] probes, double delta, int nodes) {
        int np = probes.length;
        int nf = frequency.length;
        // G_ab(f_k) = g Σ_g H_ga conj(H_gb)
        double[][][] gRe = new double[np][np][nf];
        double[][][] gIm = new double[np][np][nf];
        for (int a = 0; a < np; a++) {
            for (int b = 0; b < np; b++) {
                int x = probes[a];
                int y = probes[b];
                for (int k = 0; k < nf; k++) {
                    double re = 0;
                    double im = 0;
                    for (int g = 0; g < 2; g++) {
                        double ar = hRe[g][x][k], ai = hIm[g][x][k], br = hRe[g][y][k], bi = hIm[g][y][k];
                        re += ar * br + ai * bi;
                        im += ai * br - ar * bi;
                    }
                    gRe[a][b][k] = gain[k] * re;
                    gIm[a][b][k] = gain[k] * im;
                }
            }
        }
        double[][][] cov = new double[np][np][nodes];
        double[] cosC = new double[nf - 1];
        double[] sinC = new double[nf - 1];
        double[] sincT = new double[nf - 1];
        double[] oddT = new double[nf - 1];
        double[] width = new double[nf - 1];
        for (int m = 0; m < nodes; m++) {
            double omega = 2 * Math.PI * m * delta;
            for (int k = 0; k + 1 < nf; k++) {
                double h = frequency[k + 1] - frequency[k];
                double c = 0.5 * (frequency[k + 1] + frequency[k]);
                double theta = 0.5 * omega * h;
                cosC[k] = Math.cos(omega * c);
                sinC[k] = Math.sin(omega * c);
                width[k] = h;
                if (Math.abs(theta) < 1e-3) {
                    double t2 = theta * theta;
                    sincT[k] = 1 - t2 / 6 + t2 * t2 / 120;
                    oddT[k] = theta / 3 - theta * t2 / 30;
                } else {
                    double s = Math.sin(theta);
                    sincT[k] = s / theta;
                    oddT[k] = (s - theta * Math.cos(theta)) / (theta * theta);
                }
            }
            for (int a = 0; a < np; a++) {
                for (int b = 0; b < np; b++) {
                    double[] re = gRe[a][b];
                    double[] im = gIm[a][b];
                    double sum = 0;
                    for (int k = 0; k + 1 < nf; k++) {
                        // integral of G e^{iωf} over the interval, real part
                        double meanRe = 0.5 * (re[k] + re[k + 1]);
                        double meanIm = 0.5 * (im[k] + im[k + 1]);
                        double dRe = 0.5 * (re[k + 1] - re[k]);
                        double dIm = 0.5 * (im[k + 1] - im[k]);
                        // bracket = Ḡ sinc + i (ΔG/2) odd
                        double brRe = meanRe * sincT[k] - dIm * oddT[k];
                        double brIm = meanIm * sincT[k] + dRe * oddT[k];
                        sum += width[k] * (cosC[k] * brRe - sinC[k] * brIm);
                    }
                    cov[a][b][m] = sum;
                }
            }
        }
        return cov;
    }

    private static void checkSeconds(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("bit duration must be positive and finite, got " + seconds + " s");
        }
    }

    /**
     * The statistic is identically zero on this loop (e.g. U_A² − U_B² with no cable resistance, where U_A = U_B):
     * it has no continuous distribution.
     */
    public static final class VanishingStatistic extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        VanishingStatistic(ProbeQuadraticForm form) {
            super("the statistic " + form.name() + " is identically zero on this loop");
        }
    }
}

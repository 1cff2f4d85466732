package org.kljn.analysis.eavesdropper;

import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;

/**
 * The prolate spheroidal wave functions ψ_n of bandwidth c on [−1, 1] (Slepian): the eigenfunctions of the
 * time-and-band limiting operator Q, (Qg)(x) = ∫_{−1}^{1} sin c(x − y)/(π(x − y)) g(y) dy, with eigenvalues
 * 1 > λ_0 > λ_1 > … > 0. Mapped onto a bit window [0, τ] with c = π f_max τ, λ_n is the fraction of ψ_n's energy
 * inside the band |f| ≤ f_max, and about 2c/π = 2 f_max τ of them are near 1, then they fall super-exponentially:
 * a signal band-limited to f_max needs about 2 f_max τ + O(ln c · ln(1/ε)) of them, against ≈ c = π f_max τ
 * Legendre polynomials.
 *
 * <p><b>Computation</b> (Bouwkamp; Xiao, Rokhlin &amp; Yarvin 2001): ψ_n are also the eigenfunctions of the
 * differential operator −((1 − x²)ψ')' + c²x²ψ, which is symmetric tridiagonal in the normalised Legendre basis
 * P̄_k = √(k + ½) P_k, splitting by parity:
 * <pre>
 *   A_kk = k(k+1) + c² (2k(k+1) − 1)/((2k+3)(2k−1)),   A_{k,k+2} = c² (k+2)(k+1)/((2k+3) √((2k+1)(2k+5))).
 * </pre>
 * Its eigenvalues (EJML's implicit QR on the tridiagonal) and eigenvectors (inverse iteration) give the Legendre
 * coefficients β of ψ_n, computed on L &gt; K Legendre functions and checked to have decayed below
 * {@link #END_COEFFICIENT} at L. The eigenvalues λ_n follow without cancellation (Xiao-Rokhlin-Yarvin): with
 * F ψ_n = μ_n ψ_n, (Fg)(x) = ∫_{−1}^{1} e^{icxt} g(t) dt, λ_n = (c/2π) |μ_n|², differentiating the eigen-relation and
 * taking the inner product with ψ_{n−1} gives μ_n ⟨ψ_n', ψ_{n−1}⟩ = ic μ_{n−1} ⟨tψ_n, ψ_{n−1}⟩, so
 * |μ_n/μ_{n−1}| = c |⟨tψ_n, ψ_{n−1}⟩| / |⟨ψ_n', ψ_{n−1}⟩| (both inner products of order one, from β), and
 * μ_0 = ∫ψ_0 / ψ_0(0) = √2 β_0 / ψ_0(0). The product of n ratios carries a relative rounding of ~n × 1e-15.
 *
 * <p><b>The eigenvalues past K</b>, bounded (Courant-Fischer): λ_n ≤ sup ⟨Qg, g⟩ over unit g orthogonal to
 * P̄_0 … P̄_{n−1}; with ĝ(ω) = ∫ g e^{iωt} dt = Σ_{k≥n} a_k 2 i^k √(k + ½) j_k(ω) and Cauchy-Schwarz,
 * |ĝ(ω)|² ≤ 2 Σ_{k≥n} (2k+1) j_k(ω)², so λ_n ≤ (1/2π) ∫_{−c}^{c} |ĝ|² dω ≤ (2c/π) Σ_{k≥n} (2k+1) j_k(c)² for n &gt; c
 * (each term increases with ω below its first maximum, past k). The left-out sum Σ_{m≥n} λ_m is then the chain's
 * λ_n … λ_{E−1} (each with {@link #EIGENVALUE_MARGIN}) plus the sum of these bounds from E on. The chain stops early,
 * at the first n with (E − n − 1) λ_n below a quarter unit in the last place of that sum's Bessel part: the
 * eigenvalues fall with n, so λ_{n+1} … λ_{E−1} together are below it and cannot change a bit of any left-out sum
 * (322 functions instead of E = 487 at 256 Nyquist samples: λ_321 = 6.5e-52 against a Bessel part of 1.4e-32).
 *
 * <p><b>Cost and cache</b>: at 256 Nyquist samples (c = 402, K = 481, E = 487, L = 665) 11-13 ms for the functions and
 * 2.3-2.7 ms for 296 of them orthonormalised on K polynomials, on one core (23-25 ms for both before the early stop
 * and the blocked Gram-Schmidt); both are kept ({@link #CACHED_FUNCTIONS}, {@link #CACHED_COEFFICIENTS}) for the next
 * point at the same bit.
 */
final class ProlateBasis {
    /** The largest Legendre coefficient allowed at the end of the computed expansion of any ψ_n, n &lt; K. */
    static final double END_COEFFICIENT = 1e-20;

    /** Eigenvector entries set to zero (far below {@link #END_COEFFICIENT}, above the subnormal numbers). */
    static final double NEGLIGIBLE = 1e-150;

    /** The relative margin added to each computed λ_n (the ratio chain's rounding is ~n × 1e-15). */
    static final double EIGENVALUE_MARGIN = 1e-6;

    /**
     * The most doubles the cache of computed functions holds (16 MB): one entry is the computed functions' coefficients,
     * 0.86 MB at 256 Nyquist samples (322 functions on 333 Legendre coefficients), 3.5 MB at c = 850, K = 1000 (near
     * the largest order, {@link WindowEavesdropper#MAX_ORDER}).
     */
    static final long CACHED_FUNCTIONS = 2_000_000;

    /**
     * The most doubles the cache of orthonormalised coefficients holds (8 MB): 0.57 MB per entry at 256 Nyquist samples
     * (296 functions on 481 polynomials), 2.2 MB at c = 850, K = 1000, 560 functions.
     */
    static final long CACHED_COEFFICIENTS = 1_000_000;

    /**
     * ψ_n, λ_n and the left-out sums by (c to the bit, E): all of them are determined by those two (the tolerance and
     * K only choose E), so one bit's points (a β search, a key-rate search, a map's cells) compute them once.
     */
    private static final Lru<FunctionsKey, Functions> FUNCTIONS = new Lru<>(CACHED_FUNCTIONS,
            Functions::doubles);

    /** {@link #legendreCoefficients} by (c to the bit, E, K, count). */
    private static final Lru<CoefficientsKey, double[][][]> COEFFICIENTS = new Lru<>(
            CACHED_COEFFICIENTS, ProlateBasis::doubles);

    private final Functions functions;
    private final int order;
    /** Whether {@link #legendreCoefficients} goes through the cache. */
    private final boolean cached;

    private ProlateBasis(Functions functions, int order, boolean cached) {
        this.functions = functions;
        this.order = order;
        this.cached = cached;
    }

    /**
     * ψ_n of bandwidth c with their eigenvalues up to where the rest of the E ≥ K cannot move the left-out sums
     * ({@link #functions(double, int, double, int)}), shared between the bases that have the same c and E (never
     * modified after construction, never handed out).
     *
     * @param beta beta[n]: the normalised Legendre coefficients of ψ_n, of degrees n mod 2, n mod 2 + 2, … (L of them)
     * @param leftOut leftOut[n] ≥ Σ_{m ≥ n} λ_m, n ≤ E
     */
    private record Functions(double bandwidth, int end, double[][] beta, double[] eigenvalues, double[] leftOut) {
        long doubles() {
            long n = eigenvalues.length + leftOut.length;
            for (double[] b : beta) {
                n += b.length;
            }
            return n;
        }
    }

    private record FunctionsKey(long bandwidthBits, int end) {
    }

    private record CoefficientsKey(long bandwidthBits, int end, int order, int count) {
    }

    /**
     * ψ_0 … ψ_{K−1} of bandwidth {@code c} (K = {@code order} &gt; c) with their eigenvalues and the left-out sums,
     * the eigenvalues computed up to the order E ≥ K from which the Courant-Fischer bound on Σ_{n≥E} λ_n is at most
     * {@code tolerance} (or to where the Bessel tail vanishes). Taken from the cache when computed before for the
     * same c (to the bit) and E: the same numbers either way.
     */
    static ProlateBasis of(double c, int order, double tolerance) {
        double[] bound = bound(c, order);
        int end = end(bound, order, tolerance);
        FunctionsKey key = new FunctionsKey(Double.doubleToLongBits(c), end);
        Functions functions = FUNCTIONS.get(key);
        if (functions == null) {
            functions = FUNCTIONS.putIfAbsent(key, functions(c, end, bound[end]));
        }
        return new ProlateBasis(functions, order, true);
    }

    /** As {@link #of}, computed afresh (the cache neither read nor filled): the reference the cache is tested on. */
    static ProlateBasis computed(double c, int order, double tolerance) {
        double[] bound = bound(c, order);
        int end = end(bound, order, tolerance);
        return new ProlateBasis(functions(c, end, bound[end]), order, false);
    }

    /** The doubles held by the two caches now (at most {@link #CACHED_FUNCTIONS} + {@link #CACHED_COEFFICIENTS}). */
    static long cachedDoubles() {
        return FUNCTIONS.held() + COEFFICIENTS.held();
    }

    /** The Courant-Fischer bounds (2c/π) Σ_{m≥n} tail_m(c) on Σ_{m≥n} λ_m, n &gt; c (class comment). */
    private static double[] bound(double c, int order) {
        if (!(c > 0) || !(order > c)) {
            throw new IllegalArgumentException("need 0 < c < K, got c = " + c + ", K = " + order);
        }
        double[] tail = WindowEavesdropper.besselTail(c);
        double[] bound = new double[tail.length + 1]; // (2c/π) Σ_{m≥n} tail_m(c)
        for (int m = tail.length - 1; m >= 0; m--) {
            bound[m] = bound[m + 1] + 2 * c / Math.PI * tail[m];
        }
        return bound;
    }

    /** E: the first order from K on whose bound is at most {@code tolerance}, or where the Bessel tail ends. */
    private static int end(double[] bound, int order, double tolerance) {
        int end = order;
        while (end < bound.length - 1 && bound[end] > tolerance) {
            end++;
        }
        return end;
    }

    private static Functions functions(double c, int end, double bound) {
        int size = end + Math.max(40, end / 3) + 16;
        while (true) {
            Functions f = functions(c, end, bound, size);
            if (f != null) {
                return f;
            }
            size += size / 2;
        }
    }

    /**
     * ψ_n and λ_n in order on {@code size} Legendre functions, up to the first n whose λ_n bounds all the later ones
     * below a quarter unit in the last place of the Courant-Fischer bound at E (λ_m ≤ λ_n for m &gt; n: the
     * eigenvalues fall with n), so that adding them cannot change a bit of the left-out sums (class comment). Null if
     * ψ_{E−2}, ψ_{E−1} or a computed ψ_n has not decayed to {@link #END_COEFFICIENT} at {@code size}.
     */
    private static Functions functions(double c, int end, double bound, int size) {
        Tridiagonal[] operator = {Tridiagonal.of(c, size, 0), Tridiagonal.of(c, size, 1)};
        double[][] beta = new double[end][];
        double[] lambda = new double[end];
        // L must hold every ψ_n below E, computed or not, so that L (and with it every number) does not depend on
        // where the chain stops: the last two, which reach the highest degrees, are checked first
        for (int n = Math.max(0, end - 2); n < end; n++) {
            if (!decayed(operator[n & 1].vector(n >> 1))) {
                return null;
            }
        }
        double negligible = 0.25 * Math.ulp(bound);
        RatioChain chain = null;
        int computed = end;
        for (int n = 0; n < end; n++) {
            double[] b = operator[n & 1].vector(n >> 1);
            if (!decayed(b)) {
                return null;
            }
            beta[n] = b;
            if (n == 0) {
                chain = new RatioChain(c, b);
            } else {
                chain.next(b, beta[n - 1], n & 1);
            }
            lambda[n] = chain.lambda();
            if ((end - n - 1) * lambda[n] * (1 + EIGENVALUE_MARGIN) <= negligible) {
                computed = n + 1;
                break;
            }
        }
        double rest = lambda[computed - 1] * (1 + EIGENVALUE_MARGIN); // ≥ each λ_m, m ≥ computed
        double[] leftOut = new double[end + 1];
        for (int n = end; n >= computed; n--) {
            leftOut[n] = bound + (end - n) * rest;
        }
        for (int n = computed - 1; n >= 0; n--) {
            leftOut[n] = leftOut[n + 1] + lambda[n] * (1 + EIGENVALUE_MARGIN);
        }
        return new Functions(c, end, java.util.Arrays.copyOf(beta, computed), java.util.Arrays.copyOf(lambda, computed),
                leftOut);
    }

    /** Whether the expansion has decayed to {@link #END_COEFFICIENT} at its end. */
    private static boolean decayed(double[] beta) {
        return Math.max(Math.abs(beta[beta.length - 1]), Math.abs(beta[beta.length - 2])) <= END_COEFFICIENT;
    }

    double bandwidth() {
        return functions.bandwidth;
    }

    /** E: the order from which the left-out sums are the Bessel bound's alone. */
    int end() {
        return functions.end;
    }

    /** λ_n for n up to where the chain stopped (at most E; a copy). */
    double[] eigenvalues() {
        return functions.eigenvalues.clone();
    }

    /** An upper value of Σ_{m ≥ n} λ_m, for n ≤ E (past where the chain stopped: the Bessel part alone, to the bit). */
    double leftOut(int n) {
        return functions.leftOut[n];
    }

    /**
     * The first {@code count} functions' coefficients on the first K normalised Legendre polynomials, by parity:
     * {@code [p][k][r]} is the coefficient of P̄_{2k+p} in function 2r + p, the truncations to degree &lt; K
     * orthonormalised (modified Gram-Schmidt; they are orthonormal to rounding before the truncation, which moves
     * them by at most {@link #END_COEFFICIENT}-small amounts where the polynomials of degree &lt; K suffice) in order, so that the first r functions span the projection of
     * ψ_0 … ψ_{r−1} onto the polynomials of degree &lt; K. A fresh copy on every call (the cache keeps its own).
     */
    double[][][] legendreCoefficients(int count) {
        if (count > functions.beta.length || count > order) {
            throw new IllegalArgumentException("asked for " + count + " prolate functions, computed "
                    + functions.beta.length + " on " + order + " Legendre polynomials");
        }
        if (!cached) {
            return orthonormalised(count);
        }
        CoefficientsKey key = new CoefficientsKey(Double.doubleToLongBits(bandwidth()), functions.end, order, count);
        double[][][] b = COEFFICIENTS.get(key);
        if (b == null) {
            b = COEFFICIENTS.putIfAbsent(key, orthonormalised(count));
        }
        double[][][] copy = new double[2][][];
        for (int p = 0; p < 2; p++) {
            copy[p] = new double[b[p].length][];
            for (int k = 0; k < b[p].length; k++) {
                copy[p][k] = b[p][k].clone();
            }
        }
        return copy;
    }

    private static long doubles(double[][][] coefficients) {
        long n = 0;
        for (double[][] parity : coefficients) {
            for (double[] row : parity) {
                n += row.length;
            }
        }
        return n;
    }

    /** {@link #legendreCoefficients}, computed. */
    private double[][][] orthonormalised(int count) {
        double[][] beta = functions.beta;
        double[][][] out = new double[2][][];
        for (int p = 0; p < 2; p++) {
            int rows = (order - p + 1) / 2;
            int cols = (count - p + 1) / 2;
            double[][] q = new double[cols][rows]; // column-major while orthonormalising
            for (int r = 0; r < cols; r++) {
                System.arraycopy(beta[2 * r + p], 0, q[r], 0, rows);
            }
            // left-looking in blocks of four: each column meets the finished ones in the same order, with the same
            // operations, as one at a time (the same numbers); the four columns' sums run side by side
            for (int r0 = 0; r0 < cols; r0 += 4) {
                if (r0 + 4 <= cols) {
                    projectOut(q, r0, rows);
                }
                for (int r = r0; r < Math.min(cols, r0 + 4); r++) {
                    for (int s = r0 + 4 <= cols ? r0 : 0; s < r; s++) {
                        double dot = 0;
                        for (int k = 0; k < rows; k++) {
                            dot += q[s][k] * q[r][k];
                        }
                        for (int k = 0; k < rows; k++) {
                            q[r][k] -= dot * q[s][k];
                        }
                    }
                    double norm = 0;
                    for (int k = 0; k < rows; k++) {
                        norm += q[r][k] * q[r][k];
                    }
                    double inv = 1 / Math.sqrt(norm);
                    for (int k = 0; k < rows; k++) {
                        q[r][k] *= inv;
                    }
                }
            }
            double[][] b = new double[rows][cols];
            for (int r = 0; r < cols; r++) {
                for (int k = 0; k < rows; k++) {
                    b[k][r] = q[r][k];
                }
            }
            out[p] = b;
        }
        return out;
    }

    /**
     * Modified Gram-Schmidt of columns r0 … r0 + 3 against the finished columns 0 … r0 − 1: for each of them in order,
     * each column's inner product with it (summed over k in order) and the subtraction.
     */
    private static void projectOut(double[][] q, int r0, int rows) {
        double[] a = q[r0];
        double[] b = q[r0 + 1];
        double[] c = q[r0 + 2];
        double[] d = q[r0 + 3];
        for (int s = 0; s < r0; s++) {
            double[] f = q[s];
            double da = 0;
            double db = 0;
            double dc = 0;
            double dd = 0;
            for (int k = 0; k < rows; k++) {
                double v = f[k];
                da += v * a[k];
                db += v * b[k];
                dc += v * c[k];
                dd += v * d[k];
            }
            for (int k = 0; k < rows; k++) {
                double v = f[k];
                a[k] -= da * v;
                b[k] -= db * v;
                c[k] -= dc * v;
                d[k] -= dd * v;
            }
        }
    }

    /**
     * The differential operator on the normalised Legendre functions of parity p below degree {@code size}: the
     * symmetric tridiagonal (d, e) and its eigenvalues χ ascending (EJML's implicit QR).
     */
    private record Tridiagonal(double[] d, double[] e, double[] chi, double tiny) {
        static Tridiagonal of(double c, int size, int p) {
            int m = (size - p + 1) / 2;
            double[] d = new double[m];
            double[] e = new double[m - 1];
            for (int i = 0; i < m; i++) {
                double k = 2 * i + p;
                d[i] = k * (k + 1) + c * c * (2 * k * (k + 1) - 1) / ((2 * k + 3) * (2 * k - 1));
                if (i + 1 < m) {
                    e[i] = c * c * (k + 2) * (k + 1) / ((2 * k + 3) * Math.sqrt((2 * k + 1) * (2 * k + 5)));
                }
            }
            SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM();
            qr.setFastEigenvalues(true);
            qr.setMaxIterations(100 * m);
            if (!qr.process(m, d.clone(), e.clone())) {
                throw new ArithmeticException("prolate tridiagonal eigenvalues did not converge (c = " + c + ")");
            }
            double[] chi = new double[m];
            for (int i = 0; i < m; i++) {
                chi[i] = qr.getEigenvalue(i);
            }
            java.util.Arrays.sort(chi);
            double scale = 0;
            for (int i = 0; i < m; i++) {
                scale = Math.max(scale, Math.abs(d[i]) + (i + 1 < m ? Math.abs(e[i]) : 0));
            }
            return new Tridiagonal(d, e, chi, 1e-300 + 1e-18 * scale);
        }

        /** The coefficients of ψ_{2r+p}: the eigenvector of χ_r. */
        double[] vector(int r) {
            return inverseIteration(d, e, chi[r], tiny);
        }
    }

    /**
     * The unit eigenvector of the symmetric tridiagonal (d, e) for the eigenvalue near {@code sigma}: two steps of
     * inverse iteration (σ is within ~1e-16 ‖T‖ of the eigenvalue, the others at least ~1e-3 ‖T‖ away: each step
     * shrinks the other components by ~1e-13), each a solve with Gaussian elimination with partial pivoting (LAPACK's dgttrf/dgttrs).
     * The eigenvalues of one parity are separated by at least ~4c or ~4k, far above their rounding.
     */
    private static double[] inverseIteration(double[] d, double[] e, double sigma, double tiny) {
        int m = d.length;
        double[] dl = new double[m];
        double[] dd = new double[m];
        double[] du = new double[m];
        double[] du2 = new double[m];
        boolean[] swap = new boolean[m];
        for (int i = 0; i < m; i++) {
            dd[i] = d[i] - sigma;
        }
        System.arraycopy(e, 0, dl, 0, m - 1);
        System.arraycopy(e, 0, du, 0, m - 1);
        for (int i = 0; i + 1 < m; i++) {
            if (Math.abs(dd[i]) >= Math.abs(dl[i])) {
                if (dd[i] == 0) {
                    dd[i] = tiny;
                }
                double f = dl[i] / dd[i];
                dl[i] = f;
                dd[i + 1] -= f * du[i];
            } else {
                double f = dd[i] / dl[i];
                dd[i] = dl[i];
                dl[i] = f;
                double t = du[i];
                du[i] = dd[i + 1];
                dd[i + 1] = t - f * dd[i + 1];
                if (i + 2 < m) {
                    du2[i] = du[i + 1];
                    du[i + 1] = -f * du[i + 1];
                }
                swap[i] = true;
            }
        }
        if (dd[m - 1] == 0) {
            dd[m - 1] = tiny;
        }
        double[] inverse = new double[m];
        for (int i = 0; i < m; i++) {
            inverse[i] = 1 / dd[i];
        }
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = 1 + 0.5 * ((i * 7) % 11) / 11.0; // a start with no special relation to any eigenvector
        }
        for (int step = 0; step < 2; step++) {
            for (int i = 0; i + 1 < m; i++) {
                if (swap[i]) {
                    double t = x[i];
                    x[i] = x[i + 1];
                    x[i + 1] = t - dl[i] * x[i + 1];
                } else {
                    x[i + 1] -= dl[i] * x[i];
                }
                if (Math.abs(x[i + 1]) < NEGLIGIBLE) {
                    x[i + 1] = 0;
                }
            }
            x[m - 1] *= inverse[m - 1];
            if (m > 1) {
                x[m - 2] = (x[m - 2] - du[m - 2] * x[m - 1]) * inverse[m - 2];
            }
            for (int i = m - 3; i >= 0; i--) {
                double v = (x[i] - du[i] * x[i + 1] - du2[i] * x[i + 2]) * inverse[i];
                x[i] = Math.abs(v) < NEGLIGIBLE ? 0 : v;
            }
            double norm = 0;
            for (double v : x) {
                norm += v * v;
            }
            double inv = 1 / Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                // entries below 1e-150 of the unit vector are dropped: they would only turn into subnormal numbers
                // (slow to compute with) and lie far below END_COEFFICIENT
                x[i] = Math.abs(x[i] * inv) < NEGLIGIBLE ? 0 : x[i] * inv;
            }
        }
        return x;
    }

    /** λ_0, λ_1, … by the ratio chain (class comment), one function at a time. */
    private static final class RatioChain {
        private final double c;
        private final double logScale;
        private final double[] root; // √(2k+1)
        private final double[] a; // a_k = k/√((2k−1)(2k+1))
        private double logMu;

        /** From ψ_0's coefficients: μ_0 = √2 β_0 / ψ_0(0), ψ_0(0) = Σ β_k √(k + ½) P_k(0). */
        RatioChain(double c, double[] b0) {
            this.c = c;
            // P_{2j}(0) = (−1)^j (2j − 1)!!/(2j)!!
            double at0 = 0;
            double p = 1;
            for (int i = 0; i < b0.length; i++) {
                int k = 2 * i;
                if (i > 0) {
                    p *= -(k - 1.0) / k;
                }
                at0 += b0[i] * Math.sqrt(k + 0.5) * p;
            }
            logMu = Math.log(Math.sqrt(2) * Math.abs(b0[0]) / Math.abs(at0));
            logScale = Math.log(c / (2 * Math.PI));
            int degrees = 2 * b0.length + 2;
            root = new double[degrees + 1];
            a = new double[degrees + 1];
            for (int k = 0; k <= degrees; k++) {
                root[k] = Math.sqrt(2.0 * k + 1);
                a[k] = k == 0 ? 0 : k / Math.sqrt((2.0 * k - 1) * (2.0 * k + 1));
            }
        }

        /** Steps from μ_{n−1} to μ_n, ψ_n of parity p. */
        void next(double[] psi, double[] previous, int p) {
            logMu += Math.log(c * Math.abs(timesT(psi, previous, p, a)) / Math.abs(derivative(psi, previous, p, root)));
        }

        /** λ_n = (c/2π) |μ_n|² for the last step's n. */
        double lambda() {
            return Math.exp(logScale + 2 * logMu);
        }
    }

    /**
     * ⟨t ψ, φ⟩ for ψ of parity p (coefficients of P̄_p, P̄_{p+2}, …) and φ of the other parity: t P̄_k = a_{k+1}
     * P̄_{k+1} + a_k P̄_{k−1}, a_k = k/√((2k−1)(2k+1)).
     */
    private static double timesT(double[] psi, double[] phi, int p, double[] a) {
        double s = 0;
        for (int i = 0; i < psi.length; i++) {
            if (psi[i] == 0) {
                continue; // below NEGLIGIBLE
            }
            int k = 2 * i + p;
            // P̄_{k+1} and P̄_{k−1} in φ's layout (degrees 1 − p, 3 − p, …): index (k + 1 − (1 − p))/2
            int up = (k + 1 - (1 - p)) / 2;
            if (up < phi.length) {
                s += psi[i] * a[k + 1] * phi[up];
            }
            if (k >= 1) {
                s += psi[i] * a[k] * phi[(k - 1 - (1 - p)) / 2];
            }
        }
        return s;
    }

    /**
     * ⟨ψ', φ⟩ for ψ of parity p and φ of the other: P̄_k' = Σ_{l &lt; k, k − l odd} √((2k+1)(2l+1)) P̄_l, so the sum is
     * Σ_k β_k √(2k+1) S_k with S_k = Σ_{l &lt; k} φ_l √(2l+1) (a running sum).
     */
    private static double derivative(double[] psi, double[] phi, int p, double[] root) {
        double s = 0;
        double running = 0;
        int j = 0; // next index of φ (degree 2j + 1 − p) to add
        for (int i = 0; i < psi.length; i++) {
            int k = 2 * i + p;
            while (j < phi.length && 2 * j + 1 - p < k) {
                running += phi[j] * root[2 * j + 1 - p];
                j++;
            }
            s += psi[i] * root[k] * running;
        }
        return s;
    }

    /**
     * A least-recently-used map bounded by the number of doubles its values hold, behind one lock (the key-rate map
     * and the defence call it from several threads). Values are computed outside the lock: two threads missing the
     * same key at once both compute it (the same numbers) and the first stored is the one both get.
     */
    private static final class Lru<K, V> {
        private final long budget;
        private final java.util.function.ToLongFunction<V> weight;
        private final java.util.LinkedHashMap<K, V> map = new java.util.LinkedHashMap<>(16, 0.75f, true);
        private long held;

        Lru(long budget, java.util.function.ToLongFunction<V> weight) {
            this.budget = budget;
            this.weight = weight;
        }

        synchronized V get(K key) {
            return map.get(key);
        }

        /** The value stored for {@code key}, storing {@code value} first if there is none (unless it alone is too big). */
        synchronized V putIfAbsent(K key, V value) {
            V old = map.get(key);
            if (old != null) {
                return old;
            }
            long w = weight.applyAsLong(value);
            if (w > budget) {
                return value;
            }
            map.put(key, value);
            held += w;
            var eldest = map.values().iterator();
            while (held > budget) {
                held -= weight.applyAsLong(eldest.next());
                eldest.remove();
            }
            return value;
        }

        synchronized long held() {
            return held;
        }
    }
}

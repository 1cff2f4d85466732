package org.kljn.analysis.eavesdropper;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ProlateBasis} against computations that share none of its code: the sinc kernel discretised on Gauss
 * nodes (Nyström, EJML's dense symmetric eigenvalues; no Legendre coefficients, no differential operator), Slepian's small-bandwidth limit, the trace
 * identity Σ λ_n = 2c/π, and the eigen-relation ∫ e^{icxt} ψ_n(t) dt = μ_n ψ_n(x) evaluated by quadrature.
 */
class ProlateBasisTest {
    /**
     * The eigenvalues of Q, (Qg)(x) = ∫_{−1}^{1} sin c(x − y)/(π(x − y)) g(y) dy, from the symmetric Nyström matrix
     * √w_i K(x_i, x_j) √w_j on {@code nodes} Gauss-Legendre points, descending. The kernel is entire, so they
     * converge exponentially in the nodes: to ~1e-15 absolute here.
     */
    static double[] nystrom(double c, int nodes) {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(nodes);
        DMatrixRMaj a = new DMatrixRMaj(nodes, nodes);
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                double x = rule.getPoint(i);
                double y = rule.getPoint(j);
                double k = i == j ? c / Math.PI : Math.sin(c * (x - y)) / (Math.PI * (x - y));
                a.set(i, j, Math.sqrt(rule.getWeight(i) * rule.getWeight(j)) * k);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(nodes, false, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("Nystrom eigenvalues at c = " + c);
        }
        double[] l = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            l[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(l);
        double[] out = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            out[i] = l[nodes - 1 - i];
        }
        return out;
    }

    private static int order(double c) {
        return (int) Math.ceil(c) + 1;
    }

    /**
     * λ_n to 1e-10 relative where λ_n ≥ 1e-6 and to 1e-13 absolute below, at c = 0.5, 4, 20 and 60 (80 to 200 Nyström
     * nodes). A wrong entry of the tridiagonal (e.g. 2k(k+1) without the −1) moves the eigenvalues by O(c²/k²)
     * relative; an index shifted by one in the ratio chain moves them by factors.
     */
    @ParameterizedTest(name = "c = {0}")
    @ValueSource(doubles = {0.5, 4, 20, 60})
    void eigenvaluesAreTheSincKernelsOnGaussNodes(double c) {
        double[] oracle = nystrom(c, (int) Math.max(80, 2.5 * c + 50));
        double[] lambda = ProlateBasis.of(c, order(c), 1e-40).eigenvalues();
        for (int n = 0; n < Math.min(lambda.length, oracle.length); n++) {
            double tolerance = oracle[n] >= 1e-6 ? 1e-10 * oracle[n] : 1e-13;
            assertEquals(oracle[n], lambda[n], tolerance, "lambda_" + n + "(" + c + ")");
        }
    }

    /**
     * Slepian's small-bandwidth limit λ_n = (2/π) [2^{2n} (n!)³/((2n)! (2n+1)!)]² c^{2n+1} (1 + O(c²)) checked at
     * c = 0.1 against Nyström (the O(c²) term is 1.2e-3 there for n ≤ 1), then used at c = 1e-3 (where it is ~1e-7)
     * for the eigenvalues far below any dense computation's reach: λ_0 … λ_10 down to ~1e-60 to 1e-5 relative. This
     * is what the left-out bound rests on: the chain's tiny eigenvalues with their relative accuracy.
     */
    @Test
    void tinyEigenvaluesFollowTheSmallBandwidthLimit() {
        double[] nys = nystrom(0.1, 60);
        for (int n = 0; n < 3; n++) {
            assertEquals(1, nys[n] / smallBandwidth(n, 0.1), 2e-3, "the limit itself, n = " + n);
        }
        double c = 1e-3;
        double[] lambda = ProlateBasis.of(c, order(c), 1e-200).eigenvalues();
        assertTrue(lambda.length > 10, "eigenvalues computed: " + lambda.length);
        for (int n = 0; n <= 10; n++) {
            assertEquals(1, lambda[n] / smallBandwidth(n, c), 1e-5, "lambda_" + n + "(1e-3) = " + lambda[n]);
        }
    }

    private static double smallBandwidth(int n, double c) {
        double f = Math.pow(4, n);
        for (int k = 1; k <= n; k++) {
            f *= k * k * k;
        }
        for (int k = 1; k <= 2 * n; k++) {
            f /= k;
        }
        for (int k = 1; k <= 2 * n + 1; k++) {
            f /= k;
        }
        return 2 / Math.PI * f * f * Math.pow(c, 2 * n + 1);
    }

    /**
     * The left-out sums bound what the trace leaves: Σ_{m≥n} λ_m = 2c/π − Σ_{m&lt;n} λ_m (tr Q = ∫ c/π dx), the
     * right side from Nyström. Where the remainder is resolvable (≥ 1e-9) the bound must hold and be tight to 1e-6
     * relative (twice its margin of 1e-6); an off-by-one (Σ_{m&gt;n}) fails it by λ_n, which is ≥ 1e-9 there. At c = 404 (a bit of
     * 256 Nyström samples, the largest window) the eigenvalues sum to 2c/π to 1e-11 relative: the chain's rounding
     * over hundreds of ratios.
     */
    @Test
    void leftOutSumsBoundWhatTheTraceLeaves() {
        for (double c : new double[] {4, 20, 60}) {
            double[] nys = nystrom(c, (int) Math.max(80, 2.5 * c + 50));
            ProlateBasis basis = ProlateBasis.of(c, order(c), 1e-40);
            double kept = 0;
            int checked = 0;
            for (int n = 0; n < order(c); n++) {
                double remainder = 2 * c / Math.PI - kept;
                if (remainder >= 1e-9) {
                    assertTrue(basis.leftOut(n) >= remainder - 1e-13, "bound at n = " + n + ", c = " + c);
                    assertEquals(remainder, basis.leftOut(n), 2e-6 * remainder + 1e-13, "tight at n = " + n);
                    checked++;
                }
                kept += nys[n];
            }
            assertTrue(checked > 2 * c / Math.PI, "checked " + checked + " orders at c = " + c);
        }
        double c = 404;
        double[] lambda = ProlateBasis.of(c, 480, 1e-35).eigenvalues();
        double sum = 0;
        for (double l : lambda) {
            sum += l;
        }
        assertEquals(2 * c / Math.PI, sum, 1e-11 * sum, "trace at c = 404");
    }

    /**
     * Where the chain stops before E (at c = 20, 60 and 402), the eigenvalues it leaves out are bounded by its last
     * one: past 2c/π the computed λ_n fall strictly, by at least a factor 2 per order over the last 20 (they fall
     * super-exponentially), and every computed λ_n past c lies below its own Courant-Fischer bound
     * (2c/π) Σ_{k≥n} (2k+1) j_k(c)² (Bessel functions, none of the chain's code; a loose check, many orders of
     * magnitude above λ_n there). The bound on the stopped orders rests on the fall. The sums past the stop are the
     * Bessel part plus the stopped orders times the last λ, which is below a quarter ulp of it: the same double.
     */
    @ParameterizedTest(name = "c = {0}")
    @ValueSource(doubles = {20, 60, 402.1238596594935})
    void eigenvaluesLeftOutAreBoundedByTheLastComputed(double c) {
        int k = c > 400 ? 481 : 2 * order(c);
        ProlateBasis basis = ProlateBasis.of(c, k, c > 400 ? 4.1e-32 : 1e-40);
        double[] lambda = basis.eigenvalues();
        int stop = lambda.length;
        int end = basis.end();
        assertTrue(stop < end, "the chain stops at " + stop + " before E = " + end);
        for (int n = (int) (2 * c / Math.PI) + 1; n < stop; n++) {
            assertTrue(lambda[n] < lambda[n - 1], "lambda falls at n = " + n);
            if (n >= stop - 20) {
                assertTrue(lambda[n] < 0.5 * lambda[n - 1], "super-exponential fall at n = " + n);
            }
        }
        double[] tail = WindowEavesdropper.besselTail(c);
        for (int n = (int) Math.ceil(c) + 1; n < stop; n++) {
            assertTrue(lambda[n] <= 2 * c / Math.PI * tail[n], "Courant-Fischer bound at n = " + n);
        }
        assertTrue((end - stop) * lambda[stop - 1] * (1 + ProlateBasis.EIGENVALUE_MARGIN)
                <= 0.25 * Math.ulp(basis.leftOut(end)), "the stopped orders' share");
        for (int n = stop; n <= end; n++) {
            assertEquals(basis.leftOut(end), basis.leftOut(n), 0.0, "left out from n = " + n);
        }
    }

    /**
     * The eigen-relation |∫_{−1}^{1} e^{icxt} ψ_n(t) dt| = |μ_n| |ψ_n(x)|, |μ_n| = √(2πλ_n/c), with ψ_n from the
     * orthonormalised coefficients (Legendre series, Gauss quadrature of 200 points for the integral): checks the
     * functions and their eigenvalues together, to 1e-9 relative, at c = 20 for n ≤ 14 (λ_14 ≈ 3e-3) at three points.
     * The coefficient columns are orthonormal to 1e-13.
     */
    @Test
    void functionsSatisfyTheirEigenRelation() {
        double c = 20;
        int k = 40;
        int count = 15;
        ProlateBasis basis = ProlateBasis.of(c, k, 1e-40);
        double[][][] b = basis.legendreCoefficients(count);
        double[] lambda = basis.eigenvalues();
        for (int p = 0; p < 2; p++) {
            int cols = b[p][0].length;
            for (int r = 0; r < cols; r++) {
                for (int s = 0; s < cols; s++) {
                    double dot = 0;
                    for (double[] row : b[p]) {
                        dot += row[r] * row[s];
                    }
                    assertEquals(r == s ? 1 : 0, dot, 1e-13, "orthonormal columns " + r + ", " + s);
                }
            }
        }
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(200);
        for (int n = 0; n < count; n++) {
            for (double x : new double[] {0.13, 0.5, 0.87}) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < rule.getNumberOfPoints(); i++) {
                    double t = rule.getPoint(i);
                    double psi = value(b, n, t);
                    re += rule.getWeight(i) * Math.cos(c * x * t) * psi;
                    im += rule.getWeight(i) * Math.sin(c * x * t) * psi;
                }
                double mu = Math.sqrt(2 * Math.PI * lambda[n] / c);
                assertEquals(mu * Math.abs(value(b, n, x)), Math.hypot(re, im), 1e-9 * mu * (1 + Math.abs(value(b, n,
                        x))), "eigen-relation n = " + n + " at x = " + x);
            }
        }
    }

    /** ψ_n(x) = Σ_k B_kn √(k + ½) P_k(x) from the coefficient layout [parity][k][r]. */
    private static double value(double[][][] b, int n, double x) {
        int p = n & 1;
        int r = n >> 1;
        double[][] bp = b[p];
        int degrees = 2 * bp.length + p + 1;
        double[] legendre = new double[degrees + 1];
        legendre[0] = 1;
        legendre[1] = x;
        for (int m = 1; m < degrees; m++) {
            legendre[m + 1] = ((2 * m + 1) * x * legendre[m] - m * legendre[m - 1]) / (m + 1);
        }
        double sum = 0;
        for (int k = 0; k < bp.length; k++) {
            int degree = 2 * k + p;
            sum += bp[k][r] * Math.sqrt(degree + 0.5) * legendre[degree];
        }
        return sum;
    }
}

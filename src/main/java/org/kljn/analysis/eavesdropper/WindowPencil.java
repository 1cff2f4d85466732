package org.kljn.analysis.eavesdropper;

/**
 * The window pencil's linear algebra ({@link WindowEavesdropper}): the generalised eigenvalues of the pair
 * (I + A_HL, I + A_LH) of whitened coefficient covariances, the log-determinants and the degrees of freedom the
 * bounds need, by a Cholesky factor of I + A_LH, the congruence L⁻¹ΔL⁻ᵀ and {@link SymmetricEigenvalues}.
 */
final class WindowPencil {
    private WindowPencil() {
    }

    /** The relative rounding margin added to d's Cholesky value (its inverse's trace is computed to ~κ·1e-16). */
    static final double FREEDOM_ROUNDING = 1e-6;

    /** tr A(I + A)^{−1} = n − ‖L^{−1}‖²_F, LLᵀ = I + A ({@code a} overwritten), with a rounding margin. */
    static double freedom(double[][] a) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            a[i][i] += 1;
        }
        return freedomOfFactor(cholesky(a));
    }

    static double freedomOfFactor(double[][] l) {
        int n = l.length;
        double[][] identity = new double[n][n];
        for (int i = 0; i < n; i++) {
            identity[i][i] = 1;
        }
        double trace = 0;
        for (double[] row : lowerSolveColumns(l, identity)) {
            for (double v : row) {
                trace += v * v;
            }
        }
        return Math.min(n, n - trace + FREEDOM_ROUNDING * n);
    }

    /**
     * δ_j = μ_j − 1: the eigenvalues of L⁻¹ Δ L⁻ᵀ with LLᵀ = I + A_LH (both overwritten). The Cholesky factor and
     * the row-wise triangular solves are ours (measured twice as fast as EJML's column-wise {@code solveL} with a
     * square right-hand side); the symmetric eigenvalues are {@link SymmetricEigenvalues}' (no eigenvectors).
     */
    static double[] relativeEigenvalues(double[][] aLh, double[][] delta) {
        return pencil(aLh, delta).delta();
    }

    /** The pencil's δ_j, ln det(I + A_LH) and that Cholesky factor. */
    record Pencil(double[] delta, double logDetLh, double[][] factorLh) {
    }

    static Pencil pencil(double[][] aLh, double[][] delta) {
        int n = aLh.length;
        for (int i = 0; i < n; i++) {
            aLh[i][i] += 1;
        }
        double[][] l = cholesky(aLh);
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += 2 * Math.log(l[i][i]);
        }
        return new Pencil(SymmetricEigenvalues.of(congruence(l, delta)), logDet, l);
    }

    /** ln det(I + A_LH + Δ/2): the mean covariance's, whitened (both overwritten). */
    static double logDetMean(double[][] aLh, double[][] delta) {
        int n = aLh.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                aLh[i][j] += 0.5 * delta[i][j];
            }
            aLh[i][i] += 1;
        }
        double[][] l = cholesky(aLh);
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += 2 * Math.log(l[i][i]);
        }
        return logDet;
    }

    /**
     * The lower Cholesky factor of the symmetric positive-definite {@code a} (overwritten and returned; its upper
     * triangle is read). Right-looking on the upper factor U = Lᵀ, row by row: each step's update of the trailing
     * rows is an axpy along a row, which the JIT vectorises (a dot-product Cholesky's reductions it does not);
     * then transposed in place.
     */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        for (int j = 0; j < n; j++) {
            double[] uj = a[j];
            double s = uj[j];
            if (!(s > 0)) {
                throw new ArithmeticException("covariance not positive definite at " + j + " (" + s + ")");
            }
            double root = Math.sqrt(s);
            uj[j] = root;
            double inv = 1 / root;
            for (int k = j + 1; k < n; k++) {
                uj[k] *= inv;
            }
            for (int i = j + 1; i < n; i++) {
                double c = uj[i];
                if (c == 0) {
                    continue;
                }
                double[] ai = a[i];
                for (int k = i; k < n; k++) {
                    ai[k] -= c * uj[k];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                a[i][k] = a[k][i];
                a[k][i] = 0;
            }
        }
        return a;
    }

    /**
     * X = L⁻¹ Δ L⁻ᵀ for lower-triangular L and symmetric Δ, exactly symmetric: with Δ = D + Dᵀ, D the strict lower
     * triangle plus half the diagonal, X = Y + Yᵀ, Y = T L⁻ᵀ, T = L⁻¹ D lower triangular. T costs n³/3 (its rows end
     * at the diagonal) and Yᵀ = L⁻¹ Tᵀ n³: 4n³/3 against 2n³ for L⁻¹ (L⁻¹ Δ)ᵀ.
     */
    static double[][] congruence(double[][] l, double[][] delta) {
        int n = l.length;
        // T = L⁻¹ D by forward substitution: row i of T has its entries in columns ≤ i
        double[][] t = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] ti = new double[i + 1];
            System.arraycopy(delta[i], 0, ti, 0, i + 1);
            ti[i] *= 0.5;
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                double c = li[k];
                if (c == 0) {
                    continue;
                }
                double[] tk = t[k];
                for (int j = 0; j <= k; j++) {
                    ti[j] -= c * tk[j];
                }
            }
            double inv = 1 / li[i];
            for (int j = 0; j <= i; j++) {
                ti[j] *= inv;
            }
            t[i] = ti;
        }
        // Tᵀ, upper triangular: row j holds T's column j from the diagonal down
        double[][] tt = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ti = t[i];
            for (int j = 0; j <= i; j++) {
                tt[j][i] = ti[j];
            }
        }
        double[][] yt = lowerSolveColumns(l, tt);
        double[][] x = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = yt[i][j] + yt[j][i];
                x[i][j] = v;
                x[j][i] = v;
            }
        }
        return x;
    }

    /** L⁻¹ B for lower-triangular L (row-major), B row-major; returns a new matrix. */
    static double[][] lowerSolveColumns(double[][] l, double[][] b) {
        int n = l.length;
        int cols = b[0].length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] xi = b[i].clone();
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                double c = li[k];
                if (c == 0) {
                    continue;
                }
                double[] xk = x[k];
                for (int j = 0; j < cols; j++) {
                    xi[j] -= c * xk[j];
                }
            }
            double inv = 1 / li[i];
            for (int j = 0; j < cols; j++) {
                xi[j] *= inv;
            }
            x[i] = xi;
        }
        return x;
    }
}

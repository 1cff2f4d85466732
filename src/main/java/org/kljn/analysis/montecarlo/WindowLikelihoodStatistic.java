package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.WindowEavesdropper;
import org.kljn.analysis.eavesdropper.WindowLikelihoodRatio;

/**
 * Eve's exact log-likelihood ratio Λ(x) = ln N(x; C_HL) − ln N(x; C_LH) for one bit's window coefficients x
 * (U_A's K Legendre coefficients, then I_A's: {@link LegendreProjection}) with her instrument's floor in them, from
 * the two situations' coefficient covariances ({@link WindowEavesdropper}). This is the statistic whose exact
 * distribution {@link WindowLikelihoodRatio} gives: the transient applies it to each simulated bit, so the measured
 * and the predicted success and information are about the same detector.
 *
 * <p>Whitened by the floor (x̃ = x/σ_floor per coordinate, C̃ = D⁻¹ C D⁻¹ ⪰ I), with C̃_LH = L Lᵀ and
 * L⁻¹ C̃_HL L⁻ᵀ = I + B = L₂ L₂ᵀ (B = L⁻¹ (C̃_HL − C̃_LH) L⁻ᵀ from the difference, as in the prediction's pencil):
 * <pre>
 *   Λ = ½ ‖y‖² − ½ ‖L₂⁻¹ y‖² − Σ ln (L₂)_jj,    y = L⁻¹ x̃.
 * </pre>
 * Two triangular solves per bit, n² flops for n = 2K; the floor keeps every matrix well conditioned (its smallest
 * eigenvalue is 1 in floor units).
 */
public final class WindowLikelihoodStatistic {
    private final int order;
    private final double[] inverseFloorDeviation;
    private final double[][] lowerLh;
    private final double[][] lowerRatio;
    private final double halfLogDetRatio;

    private WindowLikelihoodStatistic(int order, double[] inverseFloorDeviation, double[][] lowerLh,
            double[][] lowerRatio, double halfLogDetRatio) {
        this.order = order;
        this.inverseFloorDeviation = inverseFloorDeviation;
        this.lowerLh = lowerLh;
        this.lowerRatio = lowerRatio;
        this.halfLogDetRatio = halfLogDetRatio;
    }

    /**
     * From the covariances of the 2K coefficients in HL and in LH (floor included) and the floor's variance of
     * each coefficient (N_a/2 on channel a for white noise of one-sided PSD N_a in an orthonormal basis).
     *
     * @throws ArithmeticException when a covariance is not positive definite in floor units
     */
    public static WindowLikelihoodStatistic of(int order, double[][] covarianceHl, double[][] covarianceLh,
            double[] floorVariance) {
        int n = 2 * order;
        if (covarianceHl.length != n || covarianceLh.length != n || floorVariance.length != n) {
            throw new IllegalArgumentException("need 2K = " + n + " coefficients' covariances and floors, got "
                    + covarianceHl.length + ", " + covarianceLh.length + ", " + floorVariance.length);
        }
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(floorVariance[i] > 0)) {
                throw new IllegalArgumentException("floor variance " + i + " must be positive: " + floorVariance[i]);
            }
            inv[i] = 1 / Math.sqrt(floorVariance[i]);
        }
        double[][] lh = new double[n][n];
        double[][] delta = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = inv[i] * inv[j];
                double l = 0.5 * (covarianceLh[i][j] + covarianceLh[j][i]) * s;
                double d = 0.5 * (covarianceHl[i][j] + covarianceHl[j][i] - covarianceLh[i][j] - covarianceLh[j][i]) * s;
                lh[i][j] = lh[j][i] = l;
                delta[i][j] = delta[j][i] = d;
            }
        }
        double[][] l = cholesky(lh);
        // B = L⁻¹ Δ L⁻ᵀ: solve the columns, transpose (Δ symmetric), solve again
        double[][] b = lowerSolve(l, lowerSolve(l, delta, true), true);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (b[i][j] + b[j][i]);
                b[i][j] = b[j][i] = s;
            }
            b[i][i] += 1;
        }
        double[][] l2 = cholesky(b);
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += Math.log(l2[i][i]);
        }
        return new WindowLikelihoodStatistic(order, inv, l, l2, logDet);
    }

    /** Basis functions per channel K. */
    public int order() {
        return order;
    }

    /** Λ = ln N(x; C_HL) − ln N(x; C_LH) for the 2K coefficients x: positive when HL is the likelier situation. */
    public double logLikelihoodRatio(double[] x) {
        int n = 2 * order;
        if (x.length != n) {
            throw new IllegalArgumentException("need " + n + " coefficients, got " + x.length);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i] * inverseFloorDeviation[i];
        }
        forward(lowerLh, y);
        double yy = 0;
        for (double v : y) {
            yy += v * v;
        }
        forward(lowerRatio, y);
        double zz = 0;
        for (double v : y) {
            zz += v * v;
        }
        return 0.5 * (yy - zz) - halfLogDetRatio;
    }

    /** Solves L v = b in place (L lower triangular, rows). */
    private static void forward(double[][] l, double[] v) {
        for (int i = 0; i < v.length; i++) {
            double[] li = l[i];
            double s = v[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * v[k];
            }
            v[i] = s / li[i];
        }
    }

    /** L⁻¹ M (each column solved), transposed when asked: (L⁻¹ M)ᵀ. */
    private static double[][] lowerSolve(double[][] l, double[][] m, boolean transposed) {
        int n = l.length;
        double[][] out = new double[n][n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = m[i][j];
            }
            forward(l, col);
            for (int i = 0; i < n; i++) {
                if (transposed) {
                    out[j][i] = col[i];
                } else {
                    out[i][j] = col[i];
                }
            }
        }
        return out;
    }

    /** The lower Cholesky factor of a symmetric positive-definite matrix (a new matrix). */
    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = a[j][j];
            double[] lj = l[j];
            for (int k = 0; k < j; k++) {
                s -= lj[k] * lj[k];
            }
            if (!(s > 0)) {
                throw new ArithmeticException("coefficient covariance not positive definite in floor units at " + j
                        + " (" + s + ")");
            }
            double root = Math.sqrt(s);
            lj[j] = root;
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= li[k] * lj[k];
                }
                li[j] = t / root;
            }
        }
        return l;
    }
}

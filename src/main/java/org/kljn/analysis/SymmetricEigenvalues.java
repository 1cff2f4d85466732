package org.kljn.analysis;

/**
 * The eigenvalues (only) of a dense real symmetric matrix: Householder reduction to tridiagonal form and the
 * implicit QL method (Numerical Recipes §11.2-11.3, tred2/tqli without the eigenvectors). Commons Math's
 * {@code EigenDecomposition} always accumulates the eigenvectors, several times the work when only the spectrum is
 * wanted (Eve's window pencils of a few thousand dimensions).
 */
final class SymmetricEigenvalues {
    private SymmetricEigenvalues() {
    }

    /** The eigenvalues of the symmetric {@code a} (row-major, n×n; overwritten), unordered. */
    static double[] of(double[][] a) {
        int n = a.length;
        double[] d = new double[n];
        double[] e = new double[n];
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = a[i].clone();
        }
        tridiagonalize(a, d, e);
        try {
            ql(d, e);
        } catch (ArithmeticException notConverged) {
            // clusters of tiny eigenvalues can stall QL: the cyclic Jacobi method always converges
            return FiniteBitStatistics.symmetricEigenvalues(copy);
        }
        return d;
    }

    /** Householder: a → tridiagonal with diagonal d and sub-diagonal e[1..n−1] (e[0] = 0). */
    private static void tridiagonalize(double[][] a, double[] d, double[] e) {
        int n = a.length;
        for (int i = n - 1; i > 0; i--) {
            int l = i - 1;
            double h = 0;
            double[] ai = a[i];
            if (l > 0) {
                double scale = 0;
                for (int k = 0; k <= l; k++) {
                    scale += Math.abs(ai[k]);
                }
                if (scale == 0) {
                    e[i] = ai[l];
                } else {
                    for (int k = 0; k <= l; k++) {
                        ai[k] /= scale;
                        h += ai[k] * ai[k];
                    }
                    double f = ai[l];
                    double g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
                    e[i] = scale * g;
                    h -= f * g;
                    ai[l] = f - g;
                    f = 0;
                    for (int j = 0; j <= l; j++) {
                        double[] aj = a[j];
                        double s = 0;
                        for (int k = 0; k <= j; k++) {
                            s += aj[k] * ai[k];
                        }
                        for (int k = j + 1; k <= l; k++) {
                            s += a[k][j] * ai[k];
                        }
                        e[j] = s / h;
                        f += e[j] * ai[j];
                    }
                    double hh = f / (h + h);
                    for (int j = 0; j <= l; j++) {
                        f = ai[j];
                        double g2 = e[j] - hh * f;
                        e[j] = g2;
                        double[] aj = a[j];
                        for (int k = 0; k <= j; k++) {
                            aj[k] -= f * e[k] + g2 * ai[k];
                        }
                    }
                }
            } else {
                e[i] = ai[l];
            }
            d[i] = h;
        }
        e[0] = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i][i];
        }
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0;
    }

    /** Implicit QL with Wilkinson shifts on the tridiagonal (d, e); d becomes the eigenvalues. */
    private static void ql(double[] d, double[] e) {
        int n = d.length;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= 2.3e-16 * dd || Math.abs(e[m]) < Double.MIN_NORMAL) {
                        break;
                    }
                }
                if (m != l) {
                    if (iter++ == 200) {
                        throw new ArithmeticException("QL did not converge");
                    }
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = Math.hypot(g, 1);
                    g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
                    double s = 1, c = 1, p = 0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (r == 0 && i >= l) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }
}

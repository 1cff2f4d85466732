package org.kljn.analysis.eavesdropper;

import org.ejml.dense.row.decomposition.eig.symm.SymmetricQrAlgorithm_DDRM;
import org.kljn.analysis.finitebit.FiniteBitStatistics;

/**
 * The eigenvalues (no eigenvectors) of a dense real symmetric matrix of a few hundred to a thousand dimensions, the
 * window pencil's ({@link WindowEavesdropper}): Householder reduction to tridiagonal form (Golub &amp; Van Loan,
 * Matrix Computations, 4th ed., Alg. 8.3.1), then EJML's implicit symmetric QR on the tridiagonal matrix.
 *
 * <p>Why not EJML's whole decomposition: its reduction is a dot-product loop over the rows that the JIT does not
 * vectorise, and it takes two passes over the matrix per reflector. Here the reflector's symmetric product
 * p = τ A v is accumulated as axpys over rows (A symmetric, so Σ_i v_i A_i is A v), and the rank-2 update
 * A ← A − v wᵀ − w vᵀ of one reflector is fused with the next reflector's product in one pass over the matrix
 * (the next reflector needs only the updated column, which is updated first). Measured in a scratch benchmark on
 * a random symmetric 960 × 960 matrix (thread CPU, warm): 0.165 s against EJML's 0.46 s, eigenvalues agreeing to
 * 2e-14 of the norm (both reductions are backward stable). Where the QR iteration does not converge the
 * tridiagonal matrix goes to {@link FiniteBitStatistics#symmetricEigenvalues} (EJML, then Jacobi).
 */
final class SymmetricEigenvalues {
    private SymmetricEigenvalues() {
    }

    /** The eigenvalues of the symmetric {@code a} (full storage, both triangles; overwritten), in no order. */
    static double[] of(double[][] a) {
        int n = a.length;
        if (n <= 2) {
            return FiniteBitStatistics.symmetricEigenvalues(a);
        }
        double[] diag = new double[n];
        double[] off = new double[n - 1];
        double[] v = new double[n];
        double[] p = new double[n];
        double[] w = new double[n];
        double[] nextV = new double[n];
        double[] nextP = new double[n];
        // p holds τ A₂₂ v for reflector k already (fused into the previous update)
        boolean fused = false;
        double tau = 0;
        for (int k = 0; k < n - 2; k++) {
            int s = k + 1;
            diag[k] = a[k][k];
            if (!fused) {
                tau = reflector(a, k, v, off);
                if (tau == 0) {
                    continue; // the column is already zero below the subdiagonal: H = I
                }
                java.util.Arrays.fill(p, s, n, 0);
                for (int i = s; i < n; i++) {
                    double c = tau * v[i];
                    double[] ai = a[i];
                    for (int j = s; j < n; j++) {
                        p[j] += c * ai[j];
                    }
                }
            }
            fused = false;
            // w = p − (τ/2)(pᵀv) v, so that H A₂₂ H = A₂₂ − v wᵀ − w vᵀ
            double pv = 0;
            for (int i = s; i < n; i++) {
                pv += p[i] * v[i];
            }
            double half = 0.5 * tau * pv;
            for (int i = s; i < n; i++) {
                w[i] = p[i] - half * v[i];
            }
            // column s first: it defines the next reflector
            for (int i = s; i < n; i++) {
                a[i][s] -= v[i] * w[s] + w[i] * v[s];
            }
            int s2 = s + 1;
            double nextTau = k + 1 < n - 2 ? reflector(a, s, nextV, off) : 0;
            if (nextTau != 0) {
                java.util.Arrays.fill(nextP, s2, n, 0);
            }
            for (int i = s2; i < n; i++) {
                double vi = v[i];
                double wi = w[i];
                double[] ai = a[i];
                if (nextTau != 0) {
                    double c = nextTau * nextV[i];
                    for (int j = s2; j < n; j++) {
                        double x = ai[j] - (vi * w[j] + wi * v[j]);
                        ai[j] = x;
                        nextP[j] += c * x;
                    }
                } else {
                    for (int j = s2; j < n; j++) {
                        ai[j] -= vi * w[j] + wi * v[j];
                    }
                }
            }
            if (nextTau != 0) {
                double[] swap = v;
                v = nextV;
                nextV = swap;
                swap = p;
                p = nextP;
                nextP = swap;
                tau = nextTau;
                fused = true;
            } else if (k + 1 < n - 2) {
                // reflector s was the identity: record it and skip it
                diag[s] = a[s][s];
                k++;
            }
        }
        diag[n - 2] = a[n - 2][n - 2];
        off[n - 2] = a[n - 1][n - 2];
        diag[n - 1] = a[n - 1][n - 1];
        double[] d = diag.clone();
        double[] e = off.clone();
        SymmetricQrAlgorithm_DDRM qr = new SymmetricQrAlgorithm_DDRM();
        qr.setFastEigenvalues(true);
        qr.setMaxIterations(100 * n);
        if (qr.process(n, d, e)) {
            double[] out = new double[n];
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                out[i] = qr.getEigenvalue(i);
                finite &= Double.isFinite(out[i]);
            }
            if (finite) {
                return out;
            }
        }
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            t[i][i] = diag[i];
            if (i + 1 < n) {
                t[i][i + 1] = off[i];
                t[i + 1][i] = off[i];
            }
        }
        return FiniteBitStatistics.symmetricEigenvalues(t);
    }

    /**
     * The Householder reflector H = I − τ v vᵀ that zeroes column k below its subdiagonal (rows k + 1 …; v scaled by
     * the column's largest entry, which τ absorbs); records the subdiagonal entry it leaves in {@code off[k]}.
     *
     * @return τ, or 0 where the column is already zero (no reflector)
     */
    private static double reflector(double[][] a, int k, double[] v, double[] off) {
        int n = a.length;
        int s = k + 1;
        double scale = 0;
        for (int i = s; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i][k]));
        }
        if (scale == 0) {
            off[k] = 0;
            return 0;
        }
        double norm2 = 0;
        for (int i = s; i < n; i++) {
            double x = a[i][k] / scale;
            v[i] = x;
            norm2 += x * x;
        }
        double norm = Math.sqrt(norm2);
        double alpha = v[s] >= 0 ? -norm : norm;
        off[k] = alpha * scale;
        double first = v[s];
        v[s] -= alpha;
        // vᵀv = |x|² − 2αx₁ + α² = 2(|x|² − αx₁)
        return 1 / (norm2 - alpha * first);
    }
}

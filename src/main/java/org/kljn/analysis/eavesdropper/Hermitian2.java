package org.kljn.analysis.eavesdropper;

/**
 * Arithmetic on 2×2 Hermitian matrices stored as {a, d, Re b, Im b} for [[a, b], [conj b, d]] (the cross-spectral
 * matrix of (U_A, I_A): a = G_UU, d = G_II, b = G_UI).
 */
final class Hermitian2 {
    private Hermitian2() {
    }

    static double determinant(double[] m) {
        return m[0] * m[1] - (m[2] * m[2] + m[3] * m[3]);
    }

    /**
     * The eigenvalues ν of G⁻¹Δ (real: G is positive definite and Δ Hermitian), i.e. the roots of
     * det(Δ − νG) = 0: det(G)ν² − (Δ_aa G_dd + Δ_dd G_aa − 2 Re(Δ_b conj G_b))ν + det(Δ) = 0. Solved in the
     * cancellation-free form, so that ν keeps its relative precision when Δ is tiny (the null β).
     */
    static void relativeEigenvalues(double[] g, double[] delta, double[] nu) {
        double a = determinant(g);
        double b = delta[0] * g[1] + delta[1] * g[0] - 2 * (delta[2] * g[2] + delta[3] * g[3]);
        double c = determinant(delta);
        double disc = Math.max(0, b * b - 4 * a * c);
        double q = b + Math.copySign(Math.sqrt(disc), b);
        if (q == 0) {
            nu[0] = 0;
            nu[1] = 0;
            return;
        }
        nu[0] = q / (2 * a);
        nu[1] = 2 * c / q;
    }

    /** xᴴ P x for Hermitian P and x = (x1, x2) complex. */
    static double quadraticForm(double[] p, double x1r, double x1i, double x2r, double x2i) {
        double s = p[0] * (x1r * x1r + x1i * x1i) + p[1] * (x2r * x2r + x2i * x2i);
        // 2 Re(conj(x1) b x2)
        double br = p[2], bi = p[3];
        double yr = br * x2r - bi * x2i;
        double yi = br * x2i + bi * x2r;
        return s + 2 * (x1r * yr + x1i * yi);
    }

    /** The inverse [[d, −b], [−conj b, a]]/det into {@code out}. */
    static void inverse(double[] m, double[] out) {
        double det = determinant(m);
        out[0] = m[1] / det;
        out[1] = m[0] / det;
        out[2] = -m[2] / det;
        out[3] = -m[3] / det;
    }
}

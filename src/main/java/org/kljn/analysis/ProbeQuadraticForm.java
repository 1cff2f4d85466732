package org.kljn.analysis;

/**
 * A per-bit statistic Q = (1/τ) ∫_0^τ z(t)ᵀ A z(t) dt of Eve's four probes z = (U_A, U_B, I_A, I_B) (order of
 * {@link Probe}), given by its symmetric 4×4 matrix A.
 *
 * @param name   short name for messages
 * @param matrix symmetric 4×4, indexed by {@link Probe#ordinal()}
 */
public record ProbeQuadraticForm(String name, double[][] matrix) {

    public ProbeQuadraticForm {
        if (matrix.length != 4) {
            throw new IllegalArgumentException("a probe quadratic form is 4x4");
        }
        double[][] copy = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                copy[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
            }
        }
        matrix = copy;
    }

    /** Each attack's statistic (the same as {@link WindowMoments#statistic}). */
    public static ProbeQuadraticForm of(Attack attack) {
        double[][] a = new double[4][4];
        int ua = Probe.U_A.ordinal(), ub = Probe.U_B.ordinal(), ia = Probe.I_A.ordinal(), ib = Probe.I_B.ordinal();
        switch (attack) {
            case BSY -> {
                a[ua][ua] = 1; // <U_A²> − <U_B²> (paper, eq. 1)
                a[ub][ub] = -1;
            }
            case SECOND_LAW -> {
                a[ua][ia] = 1; // P_A − P_B = <U_A I_A> + <U_B I_B> (eqs. 7-9)
                a[ub][ib] = 1;
            }
            case CURRENT -> {
                a[ia][ia] = 1;
                a[ib][ib] = -1;
            }
        }
        return new ProbeQuadraticForm(attack.key(), a);
    }

    /** The time-averaged square of one probe, e.g. Alice's own statistic ⟨U_A²⟩ (KLJN protocol). */
    public static ProbeQuadraticForm meanSquare(Probe probe) {
        double[][] a = new double[4][4];
        a[probe.ordinal()][probe.ordinal()] = 1;
        return new ProbeQuadraticForm("<" + probe + "^2>", a);
    }

    /** u·this + v·other. */
    public ProbeQuadraticForm plus(double u, double v, ProbeQuadraticForm other) {
        double[][] a = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a[i][j] = u * matrix[i][j] + v * other.matrix[i][j];
            }
        }
        return new ProbeQuadraticForm(u + "*" + name + "+" + v + "*" + other.name, a);
    }

    public double at(int i, int j) {
        return matrix[i][j];
    }

    /** Whether probe p enters the form. */
    public boolean uses(int p) {
        for (int j = 0; j < 4; j++) {
            if (matrix[p][j] != 0) {
                return true;
            }
        }
        return false;
    }
}

package org.kljn.analysis.exact;

import java.util.List;

/**
 * A per-bit statistic Q = (1/τ) ∫_0^τ z(t)ᵀ A z(t) dt of Eve's four probes z = (U_A, U_B, I_A, I_B) (order of
 * {@link Probe}), given by its symmetric 4×4 matrix A.
 *
 * <p>Each attack's statistic is defined once, by its terms ({@link #define}); its matrix ({@link #of(Attack)}), its
 * exact mean ({@link #mean}), the size of what it subtracts ({@link #scale}), its variance rate
 * ({@link EveStatistics}) and its value from a transient's window products ({@link org.kljn.analysis.montecarlo.WindowMoments#statistic}) are
 * all derived from those terms.
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

    /** One term c·x(t)·y(t) of a statistic's integrand. */
    public record Term(Probe x, Probe y, double coefficient) {
    }

    private static final java.util.Map<Attack, List<Term>> TERMS = new java.util.EnumMap<>(Attack.class);

    static {
        for (Attack a : Attack.values()) {
            TERMS.put(a, define(a));
        }
    }

    /** The terms of the attack's statistic ({@link #define}). */
    public static List<Term> terms(Attack attack) {
        return TERMS.get(attack);
    }

    /**
     * The one definition of each attack's statistic: the terms of its integrand z(t) = Σ c x(t) y(t). A new
     * {@link Attack} does not compile until it has its case here (the switch has no default).
     */
    private static List<Term> define(Attack attack) {
        return switch (attack) {
            // <U_A²> − <U_B²> (paper, eq. 1)
            case BSY -> List.of(new Term(Probe.U_A, Probe.U_A, 1), new Term(Probe.U_B, Probe.U_B, -1));
            // P_A − P_B = <U_A I_A> + <U_B I_B> (eqs. 7-9; P_B = −<U_B I_B>)
            case SECOND_LAW -> List.of(new Term(Probe.U_A, Probe.I_A, 1), new Term(Probe.U_B, Probe.I_B, 1));
            // <I_A²> − <I_B²>
            case CURRENT -> List.of(new Term(Probe.I_A, Probe.I_A, 1), new Term(Probe.I_B, Probe.I_B, -1));
        };
    }

    /** The terms of the time-averaged square of one probe, e.g. Alice's own statistic ⟨U_A²⟩ (KLJN protocol). */
    public static List<Term> meanSquareTerms(Probe probe) {
        return List.of(new Term(probe, probe, 1));
    }

    /** Each attack's statistic as a matrix (from {@link #terms(Attack)}). */
    public static ProbeQuadraticForm of(Attack attack) {
        return of(attack.key(), terms(attack));
    }

    /** The time-averaged square of one probe, e.g. Alice's own statistic ⟨U_A²⟩ (KLJN protocol). */
    public static ProbeQuadraticForm meanSquare(Probe probe) {
        return of("<" + probe + "^2>", meanSquareTerms(probe));
    }

    private static ProbeQuadraticForm of(String name, List<Term> terms) {
        double[][] a = new double[4][4];
        for (Term t : terms) {
            a[t.x().ordinal()][t.y().ordinal()] += t.coefficient();
        }
        return new ProbeQuadraticForm(name, a);
    }

    /**
     * The attack statistic's mean Σ c ⟨x y⟩ from the probes' second moments {@code m} (indexed by
     * {@link Probe#ordinal()}), summed in the order of its terms.
     */
    public static double mean(Attack attack, double[][] m) {
        List<Term> terms = terms(attack);
        double sum = 0;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            double term = t.coefficient() * m[t.x().ordinal()][t.y().ordinal()];
            sum = i == 0 ? term : sum + term;
        }
        return sum;
    }

    /**
     * The size of the terms the attack's statistic subtracts, Σ |c| √(⟨x²⟩⟨y²⟩) (Cauchy-Schwarz; ⟨x²⟩ for a
     * square): a mean far below it is zero up to rounding.
     */
    public static double scale(Attack attack, double[][] m) {
        List<Term> terms = terms(attack);
        double sum = 0;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            int x = t.x().ordinal(), y = t.y().ordinal();
            double term = Math.abs(t.coefficient()) * (x == y ? m[x][x] : Math.sqrt(m[x][x] * m[y][y]));
            sum = i == 0 ? term : sum + term;
        }
        return sum;
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

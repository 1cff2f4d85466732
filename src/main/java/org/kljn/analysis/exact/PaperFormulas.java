package org.kljn.analysis.exact;

import org.kljn.noise.Johnson;

/**
 * The equations of Kish &amp; Granqvist, "Elimination of a Second-Law-attack, and all cable-resistance-based
 * attacks, in the KLJN secure key exchange system", exactly AS PRINTED, including what looks wrong.
 * Nothing here is corrected: the corrections live in {@code LumpedKljn} (test oracle), and the comments say where the two
 * differ and why.
 *
 * <p>Paper notation: R_H at T_eff, R_L at T_eff (eqs. 1-9) or &beta; T_eff (eqs. 10-13), lumped cable
 * resistance R_c, brick-wall bandwidth &Delta;f, loop resistance {@code R = R_H + R_c + R_L}. "P_HL" is the
 * mean power flowing into the cable at the H end, "P_LH" the one at the L end (with Alice holding R_H these
 * are {@code LumpedKljn#powerIntoCableA()} and {@code LumpedKljn#powerIntoCableB()}).
 *
 * <p>Parameters: {@code rL}, {@code rH}, {@code rc} in ohms, {@code tEff} in kelvin, {@code bandwidth} in Hz,
 * {@code beta} dimensionless. Results in V^2 (eqs. 1, 2, 12, 13) or W (eqs. 3-7).
 */
public final class PaperFormulas {

    private PaperFormulas() {
    }

    /**
     * Eq. 1 (Kish-Scheuer BSY signal): {@code Delta_KS = 4kT_eff &Delta;f |R_c^2 (R_H - R_L) / (R_H + R_c + R_L)^2|}.
     * Agrees with the loop: it is |{@code LumpedKljn#bsySignal()} (test oracle)| at &beta; = 1.
     */
    public static double eq1DeltaKs(double rL, double rH, double rc, double tEff, double bandwidth) {
        return 4.0 * Johnson.BOLTZMANN * tEff * bandwidth * Math.abs(rc * rc * (rH - rL) / square(rH + rc + rL));
    }

    /** Eq. 2 (Johnson's formula): {@code <U_R^2> = 4 k T_eff R &Delta;f}. */
    public static double eq2MeanSquareVoltage(double r, double tEff, double bandwidth) {
        return 4.0 * Johnson.BOLTZMANN * tEff * r * bandwidth;
    }

    /**
     * Eq. 3: cable heating by the H generator, {@code P_Hc = 4kT_eff R_H &Delta;f R_c / (R_H + R_c + R_L)^2}.
     * Correct for the lumped loop, read as "the H generator's share of R_c &lt;I^2&gt;". (The paper writes
     * {@code <I_A^2>} for the H generator's share of the loop current; that is not the probe I_A of this package.)
     */
    public static double eq3PowerHc(double rL, double rH, double rc, double tEff, double bandwidth) {
        return 4.0 * Johnson.BOLTZMANN * tEff * rH * bandwidth / square(rH + rc + rL) * rc;
    }

    /**
     * Eq. 4: cable heating by the L generator, {@code P_Lc = 4kT_eff R_L &Delta;f R_c / (R_H + R_c + R_L)^2
     * = P_Hc R_L / R_H}. The first line of eq. 4 is printed with "R_w" where R_c is meant (typo). Correct for the
     * lumped loop at &beta; = 1; with the offset the L generator's heating is &beta; times this.
     */
    public static double eq4PowerLc(double rL, double rH, double rc, double tEff, double bandwidth) {
        return 4.0 * Johnson.BOLTZMANN * tEff * rL * bandwidth / square(rH + rc + rL) * rc;
    }

    /**
     * Eq. 5, first printed form, with eq. 2's {@code <U_H^2> = 4kT_eff R_H &Delta;f} and
     * {@code <U_L^2> = 4kT_eff R_L &Delta;f} (generator open-circuit voltages):
     * {@code P_HL = <U_H^2> ((R_c+R_L)/R)^2 / (R_c+R_L) - <U_L^2> (R_H/R)^2 / R_H}. The first term is the power the
     * H generator sends into everything beyond its own resistor, the second the power the L generator sends into
     * R_H, i.e. back through the H end.
     */
    public static double eq5PowerHLFromVoltages(double rL, double rH, double rc, double tEff, double bandwidth) {
        double r = rH + rc + rL;
        return eq2MeanSquareVoltage(rH, tEff, bandwidth) * square((rc + rL) / r) / (rc + rL)
                - eq2MeanSquareVoltage(rL, tEff, bandwidth) * square(rH / r) / rH;
    }

    /**
     * Eq. 5, final printed form: {@code P_HL = 4kT_eff &Delta;f R_H R_c / (R_H + R_c + R_L)^2}. Correct (equals
     * P_A of the lumped loop with Alice holding R_H at &beta; = 1; it also equals eq. 3's P_Hc there).
     * The printed simplification uses {@code R_H R_L - R_L R_H = 0}, which holds only at equal temperatures.
     */
    public static double eq5PowerHL(double rL, double rH, double rc, double tEff, double bandwidth) {
        return 4.0 * Johnson.BOLTZMANN * tEff * bandwidth * rH * rc / square(rH + rc + rL);
    }

    /** Eq. 6, first printed form (mirror of {@link #eq5PowerHLFromVoltages}). */
    public static double eq6PowerLHFromVoltages(double rL, double rH, double rc, double tEff, double bandwidth) {
        double r = rH + rc + rL;
        return eq2MeanSquareVoltage(rL, tEff, bandwidth) * square((rc + rH) / r) / (rc + rH)
                - eq2MeanSquareVoltage(rH, tEff, bandwidth) * square(rL / r) / rL;
    }

    /**
     * Eq. 6, final printed form: {@code P_LH = 4kT_eff &Delta;f R_L R_c / (R_H + R_c + R_L)^2}. Correct at
     * &beta; = 1 (P_B of the lumped loop with Alice holding R_H).
     */
    public static double eq6PowerLH(double rL, double rH, double rc, double tEff, double bandwidth) {
        return 4.0 * Johnson.BOLTZMANN * tEff * bandwidth * rL * rc / square(rH + rc + rL);
    }

    /**
     * Eq. 7 as printed: {@code Delta P_HL = P_HL - P_LH = 4kT_eff &Delta;f R_c (R_H + R_L) / (R_H + R_c + R_L)^2}.
     *
     * <p>WRONG SIGN INSIDE: eqs. 5 and 6 give {@code P_HL - P_LH = 4kT_eff &Delta;f R_c (R_H - R_L)/R^2}. The
     * printed expression is {@code P_HL + P_LH = R_c <I^2>}, the total cable dissipation, which (as the paper itself
     * says after eq. 8) carries no directional information: it is the same for the LH and HL situations. The later
     * text (signal "scales linearly with R_c", the sign rule after eq. 9) uses the correct difference.
     */
    public static double eq7DeltaPowerHL(double rL, double rH, double rc, double tEff, double bandwidth) {
        return 4.0 * Johnson.BOLTZMANN * tEff * bandwidth * rc * (rH + rL) / square(rH + rc + rL);
    }

    /**
     * Eq. 11: the temperature offset claimed to solve eq. 10,
     * {@code beta = (1 + R_c/R_L) / (1 + R_c/R_H)}.
     *
     * <p>WRONG for the net power flows. It is the &beta; that equates the generators' GROSS emitted powers,
     * {@code S_H (R_c + R_L) = S_L (R_c + R_H)}: the first terms of eqs. 5-6, dropping the back-flow terms
     * {@code -S_L R_H/R^2} and {@code -S_H R_L/R^2}, which cancel each other only at &beta; = 1 (they are
     * {@code 4kT&Delta;f R_H R_L/R^2} times 1 and &beta;). The net Second-Law signal
     * {@code P_HL - P_LH = [S_H (R_c + 2R_L) - S_L (R_c + 2R_H)]/R^2} vanishes at
     * {@code (1 + R_c/(2R_L)) / (1 + R_c/(2R_H))} ({@code LumpedKljn#betaNullSecondLaw} (test oracle)): R_c/2 instead of R_c.
     * Since &beta; - 1 is then about twice too large, this &beta; roughly REVERSES the signal instead of
     * cancelling it: exactly, {@code secondLaw(eq. 11 beta) = -R_H/(R_H + R_c) * secondLaw(beta = 1)}.
     * (Read literally, eq. 10 with the simplified forms of eqs. 5-6 would instead give {@code beta = R_H/R_L}.)
     */
    public static double eq11Beta(double rL, double rH, double rc) {
        return (1.0 + rc / rL) / (1.0 + rc / rH);
    }

    /**
     * Eq. 12: the BSY signal with the offset, as printed,
     * {@code Delta_KS(T_eff, beta T_eff) = 4kT_eff &Delta;f R_H |[R_c^2 (1 - alpha beta) - alpha R_H R_c (beta - 1)]
     * / (R_H + R_c + R_L)^2|}, {@code alpha = R_L/R_H}.
     *
     * <p>MISSING FACTOR 2 in the second numerator term. From the loop,
     * {@code <U_H^2> - <U_L^2> = 4kT_eff &Delta;f R_H [R_c^2 (1 - alpha beta) - 2 alpha R_H R_c (beta - 1)] / R^2}
     * ({@code LumpedKljn#bsySignalVersusBeta} (test oracle)). The two agree only at &beta; = 1, where both reduce to eq. 1.
     */
    public static double eq12DeltaKs(double rL, double rH, double rc, double tEff, double bandwidth, double beta) {
        double alpha = rL / rH;
        return 4.0 * Johnson.BOLTZMANN * tEff * bandwidth * rH
                * Math.abs((rc * rc * (1.0 - alpha * beta) - alpha * rH * rc * (beta - 1.0)) / square(rH + rc + rL));
    }

    /**
     * Eq. 13: the claim that eq. 12 vanishes at eq. 11's &beta;; returns eq. 12 evaluated there (0 up to rounding).
     *
     * <p>The claim is internally CONSISTENT (the printed eq. 12 numerator is {@code R_c [R_c (1 - alpha beta) -
     * R_L (beta - 1)]}, zero exactly at eq. 11's &beta;), but both equations carry the same factor-2 slip, so the
     * actual BSY signal there is not zero: it is {@code R_c} times the reversed Second-Law signal (see
     * {@link #eq11Beta}). The paper's qualitative conclusion survives: one &beta; does null both attacks, because
     * {@code bsy = R_c * secondLaw} for a lumped cable; it is {@code LumpedKljn#betaNullSecondLaw} (test oracle), not eq. 11.
     */
    public static double eq13DeltaKsAtEq11Beta(double rL, double rH, double rc, double tEff, double bandwidth) {
        return eq12DeltaKs(rL, rH, rc, tEff, bandwidth, eq11Beta(rL, rH, rc));
    }

    private static double square(double x) {
        return x * x;
    }
}

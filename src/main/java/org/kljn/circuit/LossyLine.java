package org.kljn.circuit;

import java.util.List;

/**
 * ngspice's lossy transmission line (LTRA) with totals R, L, G, C over unit length. ngspice supports RLC,
 * RC, LC and RG lines only: combinations with G > 0 and C > 0 together with R > 0 are rejected.
 */
public record LossyLine(double resistance, double inductance, double conductance, double capacitance)
        implements LineModel {
    public LossyLine {
        Checks.nonNegative(Parameter.CABLE_RESISTANCE, resistance);
        LineModel.checkResistance(resistance);
        Checks.nonNegative(Parameter.CABLE_INDUCTANCE, inductance);
        Checks.nonNegative(Parameter.CABLE_CONDUCTANCE, conductance);
        Checks.nonNegative(Parameter.CABLE_CAPACITANCE, capacitance);
        LineModel.checkCapacitance(capacitance);
        boolean rlc = conductance == 0 && resistance > 0 && inductance > 0 && capacitance > 0;
        boolean rc = conductance == 0 && inductance == 0 && resistance > 0 && capacitance > 0;
        boolean lc = conductance == 0 && resistance == 0 && inductance > 0 && capacitance > 0;
        boolean rg = inductance == 0 && capacitance == 0 && resistance > 0 && conductance > 0;
        if (!(rlc || rc || lc || rg)) {
            throw new ParameterException(capacitance == 0 ? Parameter.CABLE_CAPACITANCE : Parameter.CABLE_RESISTANCE,
                    "ngspice's LTRA supports RLC, RC, LC and RG lines only; got R = " + SpiceNumbers.format(resistance)
                    + ", L = " + SpiceNumbers.format(inductance) + ", G = " + SpiceNumbers.format(conductance)
                    + ", C = " + SpiceNumbers.format(capacitance));
        }
    }

    @Override
    public String kind() {
        return "ltra";
    }

    @Override
    public List<String> elements(String prefix, String nodeA, String nodeB) {
        return List.of("O" + prefix + " " + nodeA + " 0 " + nodeB + " 0 " + prefix + "_ltra");
    }

    @Override
    public List<String> definitions(String prefix) {
        return List.of(".model " + prefix + "_ltra ltra(r=" + SpiceNumbers.format(resistance) + " l="
                + SpiceNumbers.format(inductance) + " g=" + SpiceNumbers.format(conductance) + " c="
                + SpiceNumbers.format(capacitance) + " len=1)");
    }

    /**
     * Refused for every LTRA line. ngspice's LTRA transient is a convolution model (ltramisc.c: the line's impulse
     * responses integrated against linearly interpolated port values, the history cut where a coefficient falls
     * below its reltol), not lumped elements under the trapezoidal rule: the pre-warping that makes the transient's
     * means exact (the trapezoidal rule at equal steps is the bilinear transform) says nothing about it, and it is
     * biased: on R_c = 1.2 kΩ, C_c = 60 nF at 400 Hz, 400 bits measured the BSY mean at −1.16e-9 ± 1.4e-10 against
     * an exact +3.77e-10 (the URC of the same line: 2.7e-10 ± 1.5e-10). RLC lines fail outright in 39.3 ("Timestep
     * too small"). The RC ladder converges to this line (N⁻², the main job's report) and is bounded.
     */
    @Override
    public void checkTransientCapable() {
        throw new ParameterException(Parameter.CABLE_MODEL, "the ltra model cannot run bit exchanges: in a transient"
                + " ngspice's LTRA is a convolution model (impulse response against interpolated port values, history"
                + " cut at its reltol), measured biased (a BSY mean of the wrong sign), and the transient's accuracy"
                + " bound holds only for lumped R, L, C under the trapezoidal rule; use the RC ladder of the same R_c"
                + " and C_c (--cable ladder --sections N, N >= sqrt(2 pi bandwidth R_c C_c); it converges to the exact"
                + " line as 1/N^2). ltra stays available to the AC analyses (analyze, defend, map)");
    }

    /**
     * The smallest θ² = 2π Δf R_c C_c at the band edge for which ngspice's LTRA AC model is used. Its RC equations
     * (ltraacld.c) hold Y₀ = √(ωC/2R)(1+j) and e^{−λ}, λ = √(ωRC/2)(1+j), and recover the series resistance from
     * 1 − e^{−λ}, a cancellation that grows as θ falls. Measured on R_c = 1.2 kΩ, C_c = 60 nF (kljn analyze --beta
     * null, against a 20-section ladder): relative error of the null β 2.5e-11 at θ² = 4.5e-9, 9e-10 at 4.5e-13,
     * 3.0e-6 at 4.5e-19, 2.5e-4 at 4.5e-24 (issue 22 saw 0.24 % at a 1e-20 Hz band and β = 0.38 for 1.70 at 1e-100
     * Hz). At θ² ≥ 1e-10 it is about 1e-10; below, the line is electrically short (its capacitance changes the loop by
     * about θ²) and the ladder or the lumped line is exact to θ⁴.
     */
    public static final double MIN_THETA_SQUARED = 1e-10;

    /**
     * Refuses a band over which the line is so short electrically that ngspice's LTRA loses precision: |λ|² =
     * ωC|R + jωL| at the band edge (θ² on an RC line; an RLC or LC line has the same 1 − e^{−λ}) below
     * {@link #MIN_THETA_SQUARED}.
     */
    @Override
    public void checkResolves(double bandwidth) {
        double omega = 2 * Math.PI * bandwidth;
        double theta2 = omega * capacitance * Math.hypot(resistance, omega * inductance);
        if (capacitance > 0 && !(theta2 >= MIN_THETA_SQUARED)) {
            throw new ParameterException(Parameter.CABLE_MODEL, String.format(java.util.Locale.ROOT, "the ltra model"
                    + " loses precision on a line this short electrically: 2 pi bandwidth C_c |R_c + j 2 pi bandwidth"
                    + " L_c| = %.3g at the band"
                    + " edge, allowed at least %.0e (ngspice's LTRA cancels 1 - exp(-sqrt(that)); at 4.5e-24 its null"
                    + " beta was 2.5e-4 off); the line's capacitance changes the loop by about that much: use the"
                    + " ladder (--cable ladder, exact to its square) or the lumped line", theta2, MIN_THETA_SQUARED));
        }
    }

    @Override
    public boolean singularAtDc() {
        return true;
    }

    @Override
    public String describe() {
        return "LTRA line, R_c = " + SpiceNumbers.engineering(resistance) + "ohm, L_c = "
                + SpiceNumbers.engineering(inductance) + "H, C_c = " + SpiceNumbers.engineering(capacitance) + "F";
    }
}

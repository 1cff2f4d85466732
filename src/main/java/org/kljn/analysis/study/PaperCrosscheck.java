package org.kljn.analysis.study;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaCurve;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.PaperFormulas;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.Resistor;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.noise.Johnson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every equation of the seed paper that can be evaluated, beside the simulated value for the same loop, with a
 * verdict (the computation behind {@code kljn crosscheck}). Eqs. 1-9 at β = 1; eq. 10 (the defence's condition) and
 * eqs. 12-13 at eq. 11's β, as the paper uses them; eq. 11 against the simulated null.
 *
 * <p>The paper derives every equation but eq. 2 for a lumped cable resistance R_c. On any other line (a ladder,
 * URC or LTRA, with shunt capacitance and possibly inductance) those rows are printed with their values but marked
 * not applicable, and their notes state only what holds for that line.
 */
public final class PaperCrosscheck {
    /** Relative deviation accepted as agreement: the lumped analysis matches closed forms far better. */
    public static final double TOLERANCE = 1e-6;

    private PaperCrosscheck() {
    }

    /**
     * One equation's verdict.
     *
     * @param equation          the paper's equation number
     * @param beta              the β it is evaluated at
     * @param paper             the paper's value
     * @param simulated         the circuit's value
     * @param relativeDeviation |paper − simulated| relative to the simulated value (or to the size of the terms it
     *                          is the difference of, where that value is zero to rounding)
     * @param unit              the unit of {@code paper} and {@code simulated}: V^2, W, or 1 (a β)
     * @param applicable        whether the paper derived the equation for this line (a lumped R_c; eq. 2 for any)
     * @param agrees            applicable and relativeDeviation ≤ {@link #TOLERANCE}
     * @param note              what is compared, and where they differ, why
     */
    public record Verdict(String equation, double beta, double paper, double simulated, double relativeDeviation,
                          String unit, boolean applicable, boolean agrees, String note) {
        /** The verdict in one word: agrees, DIFFERS, or n/a (derived for another line model). */
        public String word() {
            return !applicable ? "n/a" : agrees ? "agrees" : "DIFFERS";
        }
    }

    private static final String VOLTS2 = "V^2";
    private static final String WATTS = "W";
    private static final String RATIO = "1";

    /**
     * The verdicts for {@code loop}.
     *
     * @throws ParameterException for a cable that does not state R_c (a user subcircuit): the paper's formulas need it
     */
    public static List<Verdict> run(SpiceSimulator spice, KljnLoop loop, double t, double df) {
        double rc = loop.line().resistance();
        if (Double.isNaN(rc)) {
            throw new ParameterException(Parameter.CABLE_MODEL, "crosscheck needs the cable's series resistance R_c for"
                    + " the paper's formulas; a user subcircuit does not state it (use lumped, ladder, urc or ltra)");
        }
        double rl = loop.resistors().low();
        double rh = loop.resistors().high();
        LoopAnalysisResult analysis = LoopAnalysis.run(spice, loop, AnalysisSettings.builder().tEff(t).bandwidth(df)
                .minimax(false).lumpedComparison(false).build());
        Simulated sim = new Simulated(loop, analysis.betaCurve(), PaperFormulas.eq11Beta(rl, rh, rc));

        boolean lumped = loop.line() instanceof LumpedLine;
        // on another line every equation but eq. 2 is out of its model: printed, marked, and explained for this line
        String outside = lumped ? "" : "not applicable: derived for a lumped R_c, and this line (" + loop.line().kind()
                + ") has shunt capacitance C_c = " + String.format(Locale.ROOT, "%.3e", loop.line().capacitance())
                + " F; ";
        Inputs in = new Inputs(rl, rh, rc, t, df, lumped, outside);
        List<Verdict> rows = new ArrayList<>(betaOneRows(in, sim));
        rows.addAll(eq11Rows(in, sim));
        return List.copyOf(rows);
    }

    /**
     * The paper's inputs for this loop, and whether its equations apply here.
     *
     * @param outside the note's prefix on a line the equations were not derived for; empty on a lumped R_c
     */
    private record Inputs(double rl, double rh, double rc, double t, double df, boolean lumped, String outside) {
    }

    /** The simulated quantities the paper's equations are compared with, from the loop's β curve. */
    private static final class Simulated {
        final BetaCurve curve;
        final KljnMoments m1;
        final double pHL;
        final double pLH;
        final double hSign;
        final double heatingH;
        final double heatingL;
        final double eq9;
        final double betaEq11;
        final double betaNull;
        final double bsyAtEq11;
        final double slAtEq11;
        final double uH2;
        final double powerScale;
        final double powerScaleAtEq11;
        final boolean bsyIdenticallyZero;
        final String bsyNullWords;
        final String slNullWords;

        Simulated(KljnLoop loop, BetaCurve curve, double betaEq11) {
            this.curve = curve;
            this.betaEq11 = betaEq11;
            m1 = curve.momentsAt(1);
            boolean aliceHigh = loop.alice() == Resistor.H;
            // the paper's H end and L end
            pHL = aliceHigh ? m1.powerIntoCableA() : m1.powerIntoCableB();
            pLH = aliceHigh ? m1.powerIntoCableB() : m1.powerIntoCableA();
            hSign = aliceHigh ? 1 : -1;
            // cable heating by the H generator alone: the L side at zero temperature (β = 0)
            KljnMoments hOnly = curve.momentsAt(0);
            heatingH = hOnly.powerIntoCableA() + hOnly.powerIntoCableB();
            heatingL = m1.powerIntoCableA() + m1.powerIntoCableB() - heatingH;
            eq9 = m1.moment(Probe.U_A, Probe.I_A) + m1.moment(Probe.U_B, Probe.I_A);
            betaNull = curve.betaNull(Attack.SECOND_LAW).orElse(Double.NaN);
            double bsyNull = curve.betaNull(Attack.BSY).orElse(Double.NaN);
            bsyAtEq11 = Math.abs(curve.signal(Attack.BSY, betaEq11));
            slAtEq11 = hSign * curve.signal(Attack.SECOND_LAW, betaEq11);
            uH2 = aliceHigh ? m1.meanSquareVoltageA() : m1.meanSquareVoltageB();
            // the natural size of a mean power <U I> here (Cauchy-Schwarz bound): a cable power that is zero in the
            // paper (R_c = 0) is compared against it, not against its own round-off (7e-27 W once read as DIFFERS)
            powerScale = Math.sqrt(m1.meanSquareVoltageA() * m1.moment(Probe.I_A, Probe.I_A));
            powerScaleAtEq11 = Math.sqrt(curve.momentsAt(betaEq11).meanSquareVoltageA()
                    * curve.momentsAt(betaEq11).moment(Probe.I_A, Probe.I_A));
            bsyIdenticallyZero = Math.abs(m1.signal(Attack.BSY)) <= 1e-9 * m1.scale(Attack.BSY)
                    && bsyAtEq11 <= 1e-9 * curve.momentsAt(betaEq11).scale(Attack.BSY);
            bsyNullWords = !Double.isNaN(bsyNull) ? String.format(Locale.ROOT, "beta = %.9g", bsyNull)
                    : bsyIdenticallyZero ? "every beta (U_A = U_B on this line)" : "no beta > 0";
            slNullWords = !Double.isNaN(betaNull) ? String.format(Locale.ROOT, "%.9g", betaNull)
                    : "none (no beta > 0 nulls it)";
        }
    }

    /** Eqs. 1-9, at β = 1. */
    private static List<Verdict> betaOneRows(Inputs in, Simulated s) {
        double rl = in.rl();
        double rh = in.rh();
        double rc = in.rc();
        double t = in.t();
        double df = in.df();
        boolean lumped = in.lumped();
        String outside = in.outside();
        KljnMoments m1 = s.m1;
        double dP = s.pHL - s.pLH;
        List<Verdict> rows = new ArrayList<>();
        rows.add(row("1", 1, PaperFormulas.eq1DeltaKs(rl, rh, rc, t, df), Math.abs(m1.signal(Attack.BSY)),
                m1.scale(Attack.BSY), VOLTS2, lumped, outside + "Delta_KS = |<U_H^2> - <U_L^2>|"));
        rows.add(row("2", 1, PaperFormulas.eq2MeanSquareVoltage(rh, t, df),
                Johnson.meanSquareVoltage(t, rh, df), 0, VOLTS2, true,
                "the generators are defined by this formula: an input of the simulation, not a test of it"));
        rows.add(row("3", 1, PaperFormulas.eq3PowerHc(rl, rh, rc, t, df), s.heatingH, 0, WATTS, lumped,
                outside + "cable heating by the H generator alone"));
        rows.add(row("4", 1, PaperFormulas.eq4PowerLc(rl, rh, rc, t, df), s.heatingL, 0, WATTS, lumped,
                outside + "cable heating by the L generator alone"));
        rows.add(row("5", 1, PaperFormulas.eq5PowerHL(rl, rh, rc, t, df), s.pHL, s.powerScale, WATTS, lumped,
                outside + "mean power into the cable at the H end"));
        rows.add(row("6", 1, PaperFormulas.eq6PowerLH(rl, rh, rc, t, df), s.pLH, s.powerScale, WATTS, lumped,
                outside + "mean power into the cable at the L end"));
        double eq7 = PaperFormulas.eq7DeltaPowerHL(rl, rh, rc, t, df);
        rows.add(row("7", 1, eq7, dP, s.powerScale, WATTS, lumped, outside + eq7Note(eq7,
                PaperFormulas.eq5PowerHL(rl, rh, rc, t, df) - PaperFormulas.eq6PowerLH(rl, rh, rc, t, df), s.pHL,
                s.pLH, s.powerScale)));
        // eq. 8 names the ends H and L, eq. 9 the same measurement with Alice's and Bob's ends A and B: each end's
        // voltage times the one cable current I_c, here I_A (flowing into the cable at A)
        String oneCurrent = lumped ? "" : "; with shunt capacitance I_A != -I_B, and the paper's single cable current"
                + " is ambiguous";
        rows.add(row("8", 1, s.hSign * s.eq9, dP, m1.scale(Attack.SECOND_LAW), WATTS, lumped, outside
                + "<(U_cH + U_cL) I_c> with I_c flowing out of the H end, against P_HL - P_LH" + oneCurrent));
        rows.add(row("9", 1, s.eq9, m1.powerIntoCableA() - m1.powerIntoCableB(), m1.scale(Attack.SECOND_LAW), WATTS,
                lumped, outside + "<(U_A + U_B) I_c> with I_c = I_A, against P_AB - P_BA"
                        + (lumped ? " (its sign is Alice's resistor: > 0 for R_H)" : oneCurrent)));
        return rows;
    }

    /** Eqs. 10-13, at eq. 11's β as the paper uses them; eq. 11 against the simulated null. */
    private static List<Verdict> eq11Rows(Inputs in, Simulated s) {
        boolean lumped = in.lumped();
        String outside = in.outside();
        double betaEq11 = s.betaEq11;
        double dP = s.pHL - s.pLH;
        double dPAtEq11 = s.slAtEq11;
        List<Verdict> rows = new ArrayList<>();
        rows.add(row("10", betaEq11, 0.0, dPAtEq11, s.powerScaleAtEq11, WATTS, lumped, outside + String.format(
                Locale.ROOT, "asks P_HL(T_eff) - P_LH(beta T_eff) = 0 at eq. 11's beta; simulated there: %.6e W"
                        + " (at beta = 1: %.6e W%s)", dPAtEq11, dP,
                dPAtEq11 * dP < 0 ? ": the sign reversed, not nulled" : "")));
        rows.add(row("11", betaEq11, betaEq11, s.betaNull, 0, RATIO, lumped, outside + String.format(Locale.ROOT,
                "the beta that nulls the secondLaw signal is %s (bsy vanishes at %s); at eq. 11's beta the"
                        + " secondLaw signal is %.6e W (at beta = 1: %.6e W)", s.slNullWords, s.bsyNullWords,
                s.slAtEq11, s.hSign * s.m1.signal(Attack.SECOND_LAW))));
        rows.add(row("12", betaEq11, PaperFormulas.eq12DeltaKs(in.rl(), in.rh(), in.rc(), in.t(), in.df(), betaEq11),
                s.bsyAtEq11, s.curve.momentsAt(betaEq11).scale(Attack.BSY), VOLTS2, lumped,
                outside + "Delta_KS(T_eff, beta T_eff) at eq. 11's beta"));
        rows.add(row("13", betaEq11, 0.0, s.bsyAtEq11, s.uH2, VOLTS2, lumped, outside + String.format(Locale.ROOT,
                "claims eq. 12 vanishes at eq. 11's beta; simulated |bsy| there is %.6e V^2, and bsy vanishes at"
                        + " %s", s.bsyAtEq11, s.bsyIdenticallyZero ? s.bsyNullWords : s.bsyNullWords + " instead")));
        return rows;
    }

    /**
     * Eq. 7's note: what the printed form is and what the simulated difference is, each said only where this loop
     * shows it (within {@link #TOLERANCE} of the power scale): the printed R_c (R_H + R_L) form is the cable's total
     * dissipation P_HL + P_LH, and the simulated difference is eqs. 5 - 6 = 4kTΔf R_c (R_H - R_L)/R², on a lumped
     * R_c only. On another line the note gives the simulated difference and dissipation, nothing derived.
     */
    private static String eq7Note(double eq7, double eq5MinusEq6, double pHL, double pLH, double powerScale) {
        double dP = pHL - pLH;
        double sum = pHL + pLH;
        String simulated = String.format(Locale.ROOT, "simulated P_HL - P_LH = %.6e W, P_HL + P_LH (the cable's"
                + " dissipation) = %.6e W", dP, sum);
        if (close(eq7, dP, powerScale)) {
            return "P_HL - P_LH";
        }
        List<String> parts = new ArrayList<>();
        if (close(eq7, sum, powerScale)) {
            parts.add("the printed R_c (R_H + R_L) is P_HL + P_LH, the cable's dissipation (no direction)");
        }
        if (close(eq5MinusEq6, dP, powerScale)) {
            parts.add("the difference is eq. 5 - eq. 6 = 4kT df R_c (R_H - R_L)/R^2");
        }
        parts.add(simulated);
        return String.join("; ", parts);
    }

    /** Whether {@code paper} agrees with {@code simulated} within {@link #TOLERANCE} (see {@link #deviation}). */
    private static boolean close(double paper, double simulated, double scale) {
        return deviation(paper, simulated, scale) <= TOLERANCE;
    }

    /**
     * |paper - simulated| / |simulated|, or, where the simulated value is zero to rounding (below 1e-9 of
     * {@code scale}, the size of the terms it is the difference of), relative to that scale.
     */
    private static double deviation(double paper, double simulated, double scale) {
        double denominator = Math.abs(simulated) > 1e-9 * scale ? Math.abs(simulated) : scale;
        return denominator == 0 ? (paper == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(paper - simulated) / denominator;
    }

    /** One verdict, its relative deviation from {@link #deviation}. */
    private static Verdict row(String eq, double beta, double paper, double simulated, double scale, String unit,
            boolean applicable, String note) {
        double dev = deviation(paper, simulated, scale);
        return new Verdict(eq, beta, paper, simulated, dev, unit, applicable, applicable && dev <= TOLERANCE, note);
    }
}

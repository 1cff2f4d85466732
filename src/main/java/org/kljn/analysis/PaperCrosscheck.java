package org.kljn.analysis;

import org.kljn.circuit.KljnLoop;
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
 * verdict (the computation behind {@code kljn crosscheck}). Eqs. 1-7 and 9 at β = 1; eq. 11 against the simulated
 * null; eqs. 12-13 at eq. 11's β, as the paper uses them.
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
     * @param agrees            relativeDeviation ≤ {@link #TOLERANCE}
     * @param note              what is compared, and where they differ, why
     */
    public record Verdict(String equation, double beta, double paper, double simulated, double relativeDeviation,
                          boolean agrees, String note) {
    }

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
        BetaCurve curve = analysis.betaCurve();
        KljnMoments m1 = curve.momentsAt(1);
        boolean aliceHigh = loop.alice() == Resistor.H;
        // the paper's H end and L end
        double pHL = aliceHigh ? m1.powerIntoCableA() : m1.powerIntoCableB();
        double pLH = aliceHigh ? m1.powerIntoCableB() : m1.powerIntoCableA();
        double hSign = aliceHigh ? 1 : -1;
        // cable heating by the H generator alone: the L side at zero temperature (β = 0)
        KljnMoments hOnly = curve.momentsAt(0);
        double heatingH = hOnly.powerIntoCableA() + hOnly.powerIntoCableB();
        double heatingL = m1.powerIntoCableA() + m1.powerIntoCableB() - heatingH;
        double eq9 = m1.moment(Probe.U_A, Probe.I_A) + m1.moment(Probe.U_B, Probe.I_A);
        double betaEq11 = PaperFormulas.eq11Beta(rl, rh, rc);
        double betaNull = curve.betaNull(Attack.SECOND_LAW).orElse(Double.NaN);
        double bsyNull = curve.betaNull(Attack.BSY).orElse(Double.NaN);
        double bsyAtEq11 = Math.abs(curve.signal(Attack.BSY, betaEq11));
        double slAtEq11 = hSign * curve.signal(Attack.SECOND_LAW, betaEq11);
        double uH2 = aliceHigh ? m1.meanSquareVoltageA() : m1.meanSquareVoltageB();
        // the natural size of a mean power <U I> here (Cauchy-Schwarz bound): a cable power that is zero in the
        // paper (R_c = 0) is compared against it, not against its own round-off (7e-27 W once read as DIFFERS)
        double powerScale = Math.sqrt(m1.meanSquareVoltageA() * m1.moment(Probe.I_A, Probe.I_A));
        boolean bsyIdenticallyZero = Math.abs(m1.signal(Attack.BSY)) <= 1e-9 * m1.scale(Attack.BSY)
                && bsyAtEq11 <= 1e-9 * curve.momentsAt(betaEq11).scale(Attack.BSY);
        String bsyNullWords = !Double.isNaN(bsyNull) ? String.format(Locale.ROOT, "beta = %.9g", bsyNull)
                : bsyIdenticallyZero ? "every beta (U_A = U_B on this line)" : "no beta > 0";
        String slNullWords = !Double.isNaN(betaNull) ? String.format(Locale.ROOT, "%.9g", betaNull)
                : "none (no beta > 0 nulls it)";

        List<Verdict> rows = new ArrayList<>();
        rows.add(row("1", 1, PaperFormulas.eq1DeltaKs(rl, rh, rc, t, df), Math.abs(m1.signal(Attack.BSY)),
                m1.scale(Attack.BSY), "Delta_KS = |<U_H^2> - <U_L^2>|"));
        rows.add(row("2", 1, PaperFormulas.eq2MeanSquareVoltage(rh, t, df),
                Johnson.meanSquareVoltage(t, rh, df), 0,
                "the generators are defined by this formula: an input of the simulation, not a test of it"));
        rows.add(row("3", 1, PaperFormulas.eq3PowerHc(rl, rh, rc, t, df), heatingH, 0,
                "cable heating by the H generator alone"));
        rows.add(row("4", 1, PaperFormulas.eq4PowerLc(rl, rh, rc, t, df), heatingL, 0,
                "cable heating by the L generator alone"));
        rows.add(row("5", 1, PaperFormulas.eq5PowerHL(rl, rh, rc, t, df), pHL, powerScale,
                "mean power into the cable at the H end"));
        rows.add(row("6", 1, PaperFormulas.eq6PowerLH(rl, rh, rc, t, df), pLH, powerScale,
                "mean power into the cable at the L end"));
        double eq7 = PaperFormulas.eq7DeltaPowerHL(rl, rh, rc, t, df);
        boolean eq7ok = Math.abs(eq7 - (pHL - pLH)) <= TOLERANCE
                * (Math.abs(pHL - pLH) > 1e-9 * powerScale ? Math.abs(pHL - pLH) : powerScale);
        rows.add(row("7", 1, eq7, pHL - pLH, powerScale, eq7ok ? "P_HL - P_LH"
                : String.format(Locale.ROOT, "printed (R_H + R_L) gives P_HL + P_LH = %.6e W, the total cable"
                        + " dissipation; the simulated difference P_HL - P_LH = %.6e W follows R_c (R_H - R_L)",
                        pHL + pLH, pHL - pLH)));
        rows.add(row("9", 1, hSign * eq9, pHL - pLH, m1.scale(Attack.SECOND_LAW),
                "<(U_A + U_B) I_c> with I_c = I_A, against P_HL - P_LH"
                        + (loop.line().capacitance() > 0 ? "; with shunt capacitance I_A != I_B and the"
                        + " paper's single cable current is ambiguous" : "")));
        rows.add(row("11", betaEq11, betaEq11, betaNull, 0, String.format(Locale.ROOT,
                "the beta that nulls the secondLaw signal is %s (bsy vanishes at %s); at eq. 11's beta the"
                        + " secondLaw signal is %.6e W (at beta = 1: %.6e W)", slNullWords, bsyNullWords, slAtEq11,
                hSign * m1.signal(Attack.SECOND_LAW))));
        rows.add(row("12", betaEq11, PaperFormulas.eq12DeltaKs(rl, rh, rc, t, df, betaEq11), bsyAtEq11,
                curve.momentsAt(betaEq11).scale(Attack.BSY),
                "Delta_KS(T_eff, beta T_eff) at eq. 11's beta"));
        rows.add(row("13", betaEq11, 0.0, bsyAtEq11, uH2, String.format(Locale.ROOT,
                "claims eq. 12 vanishes at eq. 11's beta; simulated |bsy| there is %.6e V^2, and bsy vanishes at"
                        + " %s", bsyAtEq11, bsyIdenticallyZero ? bsyNullWords : bsyNullWords + " instead")));
        return List.copyOf(rows);
    }

    /**
     * One verdict. The relative deviation is |paper - simulated| / |simulated|, or, where the simulated
     * value is zero to rounding (below 1e-9 of {@code scale}, the size of the terms it is the difference
     * of), relative to that scale.
     */
    private static Verdict row(String eq, double beta, double paper, double simulated, double scale,
            String note) {
        double denominator = Math.abs(simulated) > 1e-9 * scale ? Math.abs(simulated) : scale;
        double dev = denominator == 0 ? (paper == 0 ? 0 : Double.POSITIVE_INFINITY)
                : Math.abs(paper - simulated) / denominator;
        return new Verdict(eq, beta, paper, simulated, dev, dev <= TOLERANCE, note);
    }
}

package org.kljn.report;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaCurve;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.montecarlo.NullConfirmation;
import org.kljn.analysis.study.LineStudy;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.io.AtomicFiles;
import org.kljn.io.Csv;
import org.kljn.output.JsonOutput;
import org.kljn.output.StudySummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The report folder of the main job (HTML, PNG, SVG, CSV, JSON), written from the records of
 * {@link LineStudy}: presentation only, no simulation.
 */
public final class KljnStudy {

    private KljnStudy() {
    }

    /** Writes the report of {@code study} into {@code out} and returns its verdict in words. */
    public static String write(LineStudy.Result study, Path out) throws IOException {
        Files.createDirectories(out);
        LineStudy.Config c = study.config();
        String cable = c.preset().word();
        List<List<String>> rows = modelTable(study, out);
        Charts.Rendered fig1 = signalFigure(study, out);
        List<List<String>> mcRows = new ArrayList<>();
        Charts.Rendered fig2 = successFigure(study, out, mcRows);
        List<List<String>> nullRows = nullConfirmationRows(study);
        Charts.Rendered fig3 = residualFigure(study, out);
        Charts.Rendered fig4 = convergenceFigure(study, out);

        SecurityStudy security = SecurityStudy.write(study.security(), out);
        // the answer in one sentence first (the page shows it in bold): can a key be made over this line, how fast,
        // with which bit, band and defence; then the details
        String opening = keyRateVerdict(study);
        String details = security.sentence() + "\n\n" + verdict(study) + "\n\n" + security.paragraph();
        String verdict = opening + "\n\n" + details;
        String length = SpiceNumbers.format(c.length()) + " m";
        HtmlReport report = HtmlReport.titled("KLJN line study: " + cable + ", " + length)
                .withVerdict(opening, details)
                .withTable("Line models at " + length + " (β nulls exact; Eve's best exact success for a bit of "
                                + LineStudy.REFERENCE_BIT_SAMPLES + " Nyquist samples, " + String.format(Locale.ROOT,
                                "%.4g", BitLength.duration(LineStudy.REFERENCE_BIT_SAMPLES, c.bandwidth())) + " s)",
                        List.of("model", "β null bsy", "β null secondLaw", "β null current", "minimax β",
                                "Eve, no defence", "Eve, eq. 11 β", "Eve, minimax β"), rows)
                .withTable("Monte Carlo in ngspice (" + c.mcBits() + " bits each, " + study.monteCarloLine() + ")",
                        List.of("condition", "attack", "M", "τ [s]", "Eve correct", "95% interval", "predicted",
                                "Alice/Bob errors"), mcRows)
                .withTable("Transient confirmation of the exact nulls (" + study.monteCarloLine() + "; " + c.nullBits()
                                + " bits of " + c.nullBitSamples() + " Nyquist samples at each null; mean signal and"
                                + " its 3σ half-width as fractions of the β = 1 signal; confirmed when both together"
                                + " stay within ±1 %)",
                        List.of("attack", "β null (brick wall)", "β null (injected band)", "mean signal / β = 1",
                                "3σ / β = 1", "steps per sample", "verdict"), nullRows)
                .withFigure("Attack signals against β", fig1)
                .withFigure("Eve's success against bit duration", fig2)
                .withFigure("Residual leak of the paper's defence against cable length", fig3)
                .withFigure("RC ladder convergence to the exact line", fig4)
                .withFigure("Security map: Eve's optimal success with the best temperature defence", security.map())
                .withDataFile("line models", out.resolve("line-models.csv"))
                .withDataFile("signal against β", out.resolve("signal-versus-beta.csv"))
                .withDataFile("success against bit duration", out.resolve("success-versus-bit-duration.csv"))
                .withDataFile("residual against length", out.resolve("residual-versus-length.csv"))
                .withDataFile("ladder convergence", out.resolve("ladder-convergence.csv"))
                .withDataFile("security map", out.resolve("security-map.csv"))
                .withDataFile("summary", out.resolve("summary.json"));
        report.write(out);
        return verdict;
    }

    /** The line-model table (line-models.csv, summary.json); returns its HTML rows. */
    private static List<List<String>> modelTable(LineStudy.Result study, Path out) throws IOException {
        LineStudy.Config c = study.config();
        String cable = c.preset().word();
        double betaEq11 = study.betaEq11();
        // the model table and summary.json
        List<List<String>> rows = new ArrayList<>();
        StringBuilder modelCsv = new StringBuilder(Csv.row("model", "betaNull_bsy", "betaNull_secondLaw",
                "betaNull_current", "betaMinimax", "eveNoDefence", "eveEq11", "eveMinimax"));
        for (LineStudy.ModelResult m : study.models().values()) {
            List<String> row = new ArrayList<>();
            row.add(m.line().describe());
            for (Attack a : Attack.values()) {
                OptionalDouble n = m.exact().betaNull(a);
                row.add(n.isPresent() ? fmt(n.getAsDouble()) : "none");
            }
            row.add(fmt(m.betaMinimax()));
            row.add(String.format(Locale.ROOT, "%.4f", m.eveNoDefence()));
            row.add(String.format(Locale.ROOT, "%.4f", m.eveEq11()));
            row.add(String.format(Locale.ROOT, "%.4f", m.eveMinimax()));
            rows.add(row);
            modelCsv.append(Csv.line(row));
        }
        AtomicFiles.writeString(out.resolve("line-models.csv"), modelCsv.toString());
        AtomicFiles.writeString(out.resolve("summary.json"), JsonOutput.file(StudySummary.of(study,
                keyRateVerdict(study))));

        return rows;
    }

    /** Each attack's signal against β on the exact line. */
    private static Charts.Rendered signalFigure(LineStudy.Result study, Path out) throws IOException {
        double betaEq11 = study.betaEq11();
        // signal against β on the exact line
        LineStudy.ModelResult ltra = study.models().get("ltra");
        BetaCurve curve = ltra.exact().betaCurve();
        double[] betas = KljnCharts.betaGrid(curve, betaEq11);
        StringBuilder betaCsv = new StringBuilder(Csv.row("beta", "bsy_V2", "secondLaw_W", "current_A2"));
        for (double b : betas) {
            betaCsv.append(Csv.row(b, curve.signal(Attack.BSY, b), curve.signal(Attack.SECOND_LAW, b),
                    curve.signal(Attack.CURRENT, b)));
        }
        AtomicFiles.writeString(out.resolve("signal-versus-beta.csv"), betaCsv.toString());
        Charts.Rendered fig1 = Charts.write(KljnCharts.signalVersusBeta(KljnCharts.attackCurves(curve, betas), betaEq11)
                .withSubtitle("exact analysis, " + ltra.line().describe()), out, "signal-versus-beta", 900, 600);

        return fig1;
    }

    /** Eve's success against bit duration, predicted and by Monte Carlo; fills the Monte Carlo table rows. */
    private static Charts.Rendered successFigure(LineStudy.Result study, Path out, List<List<String>> mcRows)
            throws IOException {
        LineStudy.Config c = study.config();
        // success against bit duration, predicted and Monte Carlo
        List<KljnCharts.SuccessCurve> success = new ArrayList<>();
        StringBuilder successCsv = new StringBuilder(Csv.row("condition", "beta", "bitSamples", "bitDuration_s", "kind",
                "attack", "success", "low95", "high95"));
        for (LineStudy.SuccessCondition k : study.success()) {
            double[] tau = new double[k.bitSamples().length];
            for (int i = 0; i < tau.length; i++) {
                tau[i] = k.bitSamples()[i] / (2 * c.bandwidth());
                successCsv.append(Csv.row(k.label(), k.beta(), k.bitSamples()[i], tau[i], "predicted",
                        k.bestAttack().key(), k.predicted()[i], null, null));
            }
            int nm = k.monteCarlo().size();
            double[] mt = new double[nm], ms = new double[nm], lo = new double[nm], hi = new double[nm];
            for (int j = 0; j < nm; j++) {
                LineStudy.MonteCarloPoint p = k.monteCarlo().get(j);
                mt[j] = p.bitDuration();
                ms[j] = p.successRate();
                lo[j] = p.low95();
                hi[j] = p.high95();
                successCsv.append(Csv.row(k.label(), k.beta(), p.bitSamples(), p.bitDuration(), "montecarlo",
                        k.bestAttack().key(), p.successRate(), p.low95(), p.high95()));
                mcRows.add(List.of(k.label(), k.bestAttack().key(), Integer.toString(p.bitSamples()),
                        String.format(Locale.ROOT, "%.4g", p.bitDuration()),
                        String.format(Locale.ROOT, "%.4f", p.successRate()),
                        String.format(Locale.ROOT, "%.4f – %.4f", p.low95(), p.high95()),
                        String.format(Locale.ROOT, "%.4f", p.predicted()),
                        String.format(Locale.ROOT, "%.4f", p.aliceBobErrorRate())));
            }
            success.add(new KljnCharts.SuccessCurve(k.label(), tau, k.predicted(), mt, ms, lo, hi));
        }
        AtomicFiles.writeString(out.resolve("success-versus-bit-duration.csv"), successCsv.toString());
        Charts.Rendered fig2 = Charts.write(KljnCharts.successVersusBitDuration(success)
                        .withSubtitle("Eve's best attack; " + study.monteCarloLine()
                                + "; lines: predicted, points: ngspice Monte Carlo"),
                out, "success-versus-bit-duration", 900, 600);

        return fig2;
    }

    /** The leak eq. 11's β leaves against cable length. */
    private static Charts.Rendered residualFigure(LineStudy.Result study, Path out) throws IOException {
        String cable = study.config().preset().word();
        // residual leak of eq. 11's β against length
        List<KljnCharts.LineModelCurve> residual = new ArrayList<>();
        StringBuilder residualCsv = new StringBuilder(Csv.row("model", "length_m", "residual"));
        for (LineStudy.ResidualCurve r : study.residual()) {
            for (int i = 0; i < r.lengths().length; i++) {
                residualCsv.append(Csv.row(r.model(), r.lengths()[i], r.residual()[i]));
            }
            residual.add(new KljnCharts.LineModelCurve(r.model(), r.lengths(), r.residual()));
        }
        AtomicFiles.writeString(out.resolve("residual-versus-length.csv"), residualCsv.toString());
        Charts.Rendered fig3 = Charts.write(KljnCharts.residualVersusLength(residual).withSubtitle(
                "Eve's best attack with the paper's eq. 11 β, relative to no defence (|μ|/√V ratio); " + cable
                        + " cable"), out, "residual-versus-length", 900, 600);

        return fig3;
    }

    /** The ladder's convergence to the exact RC line. */
    private static Charts.Rendered convergenceFigure(LineStudy.Result study, Path out) throws IOException {
        // ladder convergence to the exact RC line
        List<KljnCharts.ConvergenceCurve> conv = new ArrayList<>();
        StringBuilder convCsv = new StringBuilder(Csv.row("attack", "sections", "relative_error"));
        for (LineStudy.ConvergenceCurve cc : study.convergence()) {
            for (int i = 0; i < cc.sections().length; i++) {
                convCsv.append(Csv.row(cc.attack().key(), cc.sections()[i], cc.relativeError()[i]));
            }
            conv.add(new KljnCharts.ConvergenceCurve(cc.attack().key(), cc.sections(), cc.relativeError()));
        }
        AtomicFiles.writeString(out.resolve("ladder-convergence.csv"), convCsv.toString());
        Charts.Rendered fig4 = Charts.write(KljnCharts.ladderConvergence(conv, "relative").withSubtitle(
                "RC ladder of N T sections against the exact uniform RC line (LTRA), R_c = "
                        + SpiceNumbers.engineering(study.resistance()) + "Ω, C_c = "
                        + SpiceNumbers.engineering(study.capacitance()) + "F"), out, "ladder-convergence", 900, 600);

        return fig4;
    }

    /** The rows of the null-confirmation table. */
    private static List<List<String>> nullConfirmationRows(LineStudy.Result study) {
        List<List<String>> rows = new ArrayList<>();
        for (NullConfirmation.Outcome o : study.nullConfirmations()) {
            rows.add(List.of(o.attack().key(), fmt(o.betaNullBrickWall()), fmt(o.betaNull()),
                    String.format(Locale.ROOT, "%+.2e", o.relativeSignal()),
                    String.format(Locale.ROOT, "%.2e", o.relativeHalfWidth()), Integer.toString(o.stepsPerSample()),
                    o.verdict()));
        }
        return rows;
    }

    /** The key-rate verdict in one sentence ({@link org.kljn.analysis.defence.KeyRateDefences#verdict}). */
    static String keyRateVerdict(LineStudy.Result study) {
        LineStudy.Config c = study.config();
        return study.keyRate().verdict(SpiceNumbers.format(c.length()) + " m of " + c.preset().word() + " cable (the"
                + " exact line, LTRA)");
    }

    /** The study's findings in words. */
    static String verdict(LineStudy.Result study) {
        LineStudy.Config c = study.config();
        LineStudy.ModelResult ltra = study.models().get("ltra");
        LineStudy.ModelResult lumped = study.models().get("lumped");
        return String.format(Locale.ROOT, "KLJN with R_L = %s, R_H = %s over %s m of %s cable (R_c = %sΩ, C_c = %sF), "
                        + "T_eff = %.3g K, band %s Hz.%n%n"
                        + "The paper's eq. 11 gives β = %.6f. On the lumped model both the BSY and the Second-Law signal "
                        + "vanish at β = %s instead; eq. 11 overshoots and reverses them. On the exact line (LTRA) the "
                        + "nulls are bsy %s, secondLaw %s, current %s: no single β nulls every attack, and the LTRA line's β that "
                        + "minimises Eve's best attack is %s.%n%n"
                        + "Eve's best success (exact finite-bit distribution, Bayes threshold) for a bit of %d Nyquist"
                        + " samples (%.4g s) on the exact line: %.4f without defence, %.4f with the paper's β, %.4f with"
                        + " the minimax β.",
                SpiceNumbers.engineering(c.resistors().low()), SpiceNumbers.engineering(c.resistors().high()),
                SpiceNumbers.format(c.length()), c.preset().word(), SpiceNumbers.engineering(study.resistance()),
                SpiceNumbers.engineering(study.capacitance()), c.tEff(), SpiceNumbers.engineering(c.bandwidth()),
                study.betaEq11(), fmt(lumped.exact().betaNull(Attack.SECOND_LAW)), fmt(ltra.exact().betaNull(Attack.BSY)),
                fmt(ltra.exact().betaNull(Attack.SECOND_LAW)), fmt(ltra.exact().betaNull(Attack.CURRENT)),
                fmt(ltra.betaMinimax()), LineStudy.REFERENCE_BIT_SAMPLES,
                BitLength.duration(LineStudy.REFERENCE_BIT_SAMPLES, c.bandwidth()), ltra.eveNoDefence(), ltra.eveEq11(),
                ltra.eveMinimax());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String fmt(OptionalDouble v) {
        return v.isPresent() ? fmt(v.getAsDouble()) : "none";
    }
}

package org.kljn.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kljn.analysis.Attack;
import org.kljn.analysis.BetaCurve;
import org.kljn.analysis.BitExchangeSimulation;
import org.kljn.analysis.NullConfirmation;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.analysis.EveStatistics;
import org.kljn.analysis.AnalysisSettings;
import org.kljn.analysis.KljnMoments;
import org.kljn.analysis.LoopAnalysis;
import org.kljn.analysis.LoopAnalysisResult;
import org.kljn.analysis.closedform.PaperFormulas;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.ngspice.NgSpice;
import org.kljn.analysis.SecurityVerdict;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The main job: one realistic KLJN line studied end to end. For each line model (lumped resistance, RC
 * ladder, URC, LTRA): the attack signals, the paper's eq. 11 β, the β that nulls each attack and the β
 * that minimises Eve's best attack; Eve's success against bit duration with and without the defence,
 * predicted and by Monte Carlo in ngspice; the leak the paper's defence leaves against cable length; the
 * ladder's convergence to the exact line. Writes a report folder (HTML, PNG, SVG, CSV, JSON).
 */
public final class KljnStudy {

    /** The study's inputs. {@link #defaults()} is the embedded default the no-argument command runs. */
    public record Config(ResistorPair resistors, CablePreset preset, double length, double tEff, double bandwidth,
            int ladderSections, int mcBits, int[] mcBitSamples, long seed, Path out, int nullBits, int nullBitSamples) {
        /** With the default null confirmation: {@link #NULL_BITS} bits of {@link #NULL_BIT_SAMPLES} samples. */
        public Config(ResistorPair resistors, CablePreset preset, double length, double tEff, double bandwidth,
                int ladderSections, int mcBits, int[] mcBitSamples, long seed, Path out) {
            this(resistors, preset, length, tEff, bandwidth, ladderSections, mcBits, mcBitSamples, seed, out, NULL_BITS,
                    NULL_BIT_SAMPLES);
        }
    }

    /** 1 kΩ / 10 kΩ, 2 km of Cat5-like pair, T_eff = 1e9 K, Δf = 500 Hz: a KLJN line as built in the literature. */
    public static Config defaults(Path out) {
        return new Config(new ResistorPair(1e3, 10e3), CablePreset.CAT5, 2e3, 1e9, 500, 20, 100,
                new int[] {50, 400}, 1, out);
    }

    /** Bits and bit length of each null confirmation: about 30 s per attack on two cores. */
    static final int NULL_BITS = 400;
    static final int NULL_BIT_SAMPLES = 200;

    private KljnStudy() {
    }

    /** Runs the study, writes the report folder and returns the verdict printed to {@code log}. */
    public static String run(Config c, PrintStream log) throws IOException {
        Path out = c.out();
        java.nio.file.Files.createDirectories(out);
        CablePreset p = c.preset();
        double r = p.resistance(c.length());
        double cap = p.capacitance(c.length());
        double ind = p.inductance(c.length());
        Map<String, LineModel> models = models(p, c.length(), c.ladderSections());
        double betaEq11 = PaperFormulas.eq11Beta(c.resistors().low(), c.resistors().high(), r);
        int refSamples = 1000;
        double refTau = refSamples / (2 * c.bandwidth());

        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("rl", c.resistors().low());
        parameters.put("rh", c.resistors().high());
        parameters.put("preset", p.name().toLowerCase(Locale.ROOT));
        parameters.put("length", c.length());
        parameters.put("teff", c.tEff());
        parameters.put("bandwidth", c.bandwidth());
        parameters.put("rc", r);
        parameters.put("cc", cap);
        parameters.put("lc", ind);
        json.put("parameters", parameters);
        json.put("betaEq11", betaEq11);
        Map<String, Object> modelJson = new LinkedHashMap<>();
        Map<String, double[]> minimaxByModel = new LinkedHashMap<>();
        Map<String, EveStatistics> eveByModel = new LinkedHashMap<>();
        try (NgSpice spice = NgSpice.open()) {
            log.println("exact analysis of " + models.size() + " line models ...");
            BetaCurve ltraCurve = null;
            BetaCurve ladderCurve = null;
            for (Map.Entry<String, LineModel> e : models.entrySet()) {
                KljnLoop loop = KljnLoop.secure(c.resistors(), Resistor.H, e.getValue());
                LoopAnalysisResult exact = LoopAnalysis.run(spice, loop, settings(c).bitSamples(refSamples).build());
                BetaCurve curve = exact.betaCurve();
                EveStatistics eve = exact.eveStatistics();
                eveByModel.put(e.getKey(), eve);
                double minimax = exact.betaMinimax().getAsDouble();
                minimaxByModel.put(e.getKey(), new double[] {minimax});
                if (e.getKey().equals("ltra")) {
                    ltraCurve = curve;
                }
                if (e.getKey().equals("ladder")) {
                    ladderCurve = curve;
                }
                List<String> row = new ArrayList<>();
                row.add(e.getValue().describe());
                Map<String, Object> m = new LinkedHashMap<>();
                for (Attack a : Attack.values()) {
                    OptionalDouble n = curve.betaNull(a);
                    row.add(n.isPresent() ? fmt(n.getAsDouble()) : "none");
                    m.put("betaNull_" + a.key(), n.isPresent() ? n.getAsDouble() : null);
                }
                row.add(fmt(minimax));
                double p1 = eve.bestSuccessProbability(1, refTau);
                double pEq = eve.bestSuccessProbability(betaEq11, refTau);
                double pMin = eve.bestSuccessProbability(minimax, refTau);
                row.add(String.format(Locale.ROOT, "%.4f", p1));
                row.add(String.format(Locale.ROOT, "%.4f", pEq));
                row.add(String.format(Locale.ROOT, "%.4f", pMin));
                m.put("betaMinimax", minimax);
                m.put("eveBestSuccessNoDefence", p1);
                m.put("eveBestSuccessEq11", pEq);
                m.put("eveBestSuccessMinimax", pMin);
                modelJson.put(e.getKey(), m);
                rows.add(row);
            }
            json.put("models", modelJson);

            // Plot: signal against beta (exact line)
            List<KljnCharts.AttackCurve> curves = new ArrayList<>();
            double betaMax = 1.5;
            for (Attack a : Attack.values()) {
                OptionalDouble n = ltraCurve.betaNull(a);
                if (n.isPresent()) {
                    betaMax = Math.max(betaMax, 1.2 * n.getAsDouble());
                }
            }
            betaMax = Math.max(betaMax, 1.2 * betaEq11);
            double[] betas = linspace(0, betaMax, 121);
            List<String> betaCsv = new ArrayList<>(List.of("beta,bsy_V2,secondLaw_W,current_A2"));
            for (double b : betas) {
                betaCsv.add(b + "," + ltraCurve.signal(Attack.BSY, b) + "," + ltraCurve.signal(Attack.SECOND_LAW, b) + ","
                        + ltraCurve.signal(Attack.CURRENT, b));
            }
            for (Attack a : Attack.values()) {
                double[] s = new double[betas.length];
                for (int i = 0; i < betas.length; i++) {
                    s[i] = ltraCurve.signal(a, betas[i]);
                }
                OptionalDouble n = ltraCurve.betaNull(a);
                curves.add(new KljnCharts.AttackCurve(a.key(), unit(a), betas, s, n.isPresent() ? n.getAsDouble() : Double.NaN));
            }
            writeCsv(out.resolve("signal-versus-beta.csv"), betaCsv);
            Charts.Rendered fig1 = Charts.write(KljnCharts.signalVersusBeta(curves, betaEq11)
                    .withSubtitle("exact analysis, " + models.get("ltra").describe()), out, "signal-versus-beta", 900, 600);

            // Plot: success against bit duration, predicted and Monte Carlo, on the ladder model
            log.println("Monte Carlo bit exchanges in ngspice (" + c.mcBits() + " bits per point) ...");
            LineModel mcLine = models.get("ladder");
            double minimaxLadder = minimaxByModel.get("ladder")[0];
            EveStatistics mcEve = eveByModel.get("ladder");
            String[] conditions = {"no defence (β = 1)", "paper's eq. 11 β = " + fmt(betaEq11),
                    "minimax β = " + fmt(minimaxLadder)};
            double[] condBeta = {1, betaEq11, minimaxLadder};
            double[] samples = logspace(10, 1e4, 31);
            List<KljnCharts.SuccessCurve> success = new ArrayList<>();
            List<String> successCsv = new ArrayList<>(List.of("condition,beta,bitSamples,bitDuration_s,kind,attack,success,low95,high95"));
            List<List<String>> mcRows = new ArrayList<>();
            for (int k = 0; k < conditions.length; k++) {
                double[] tau = new double[samples.length];
                double[] pred = new double[samples.length];
                Attack bestAttack = mcEve.bestAttack(condBeta[k]);
                for (int i = 0; i < samples.length; i++) {
                    tau[i] = samples[i] / (2 * c.bandwidth());
                    pred[i] = mcEve.bestSuccessProbability(condBeta[k], tau[i]);
                    successCsv.add(q(conditions[k]) + "," + condBeta[k] + "," + samples[i] + "," + tau[i] + ",predicted,"
                            + bestAttack.key() + "," + pred[i] + ",,");
                }
                int nm = c.mcBitSamples().length;
                double[] mt = new double[nm], ms = new double[nm], lo = new double[nm], hi = new double[nm];
                for (int j = 0; j < nm; j++) {
                    BitExchangeSimulation.Settings s = new BitExchangeSimulation.Settings(c.resistors(), mcLine, c.tEff(),
                            condBeta[k], c.bandwidth(), c.mcBitSamples()[j], c.mcBits(), c.seed() + 100L * k + j, 4, -1);
                    BitExchangeSimulation.Result res = BitExchangeSimulation.run(spice, s, i -> { });
                    BitExchangeSimulation.AttackOutcome o = res.eve().get(bestAttack);
                    double[] ci = o.ci95();
                    mt[j] = s.bitDuration();
                    ms[j] = o.successRate();
                    lo[j] = ci[0];
                    hi[j] = ci[1];
                    successCsv.add(q(conditions[k]) + "," + condBeta[k] + "," + s.bitSamples() + "," + s.bitDuration()
                            + ",montecarlo," + bestAttack.key() + "," + o.successRate() + "," + ci[0] + "," + ci[1]);
                    mcRows.add(List.of(conditions[k], bestAttack.key(), Integer.toString(s.bitSamples()),
                            String.format(Locale.ROOT, "%.4f", o.successRate()),
                            String.format(Locale.ROOT, "%.4f – %.4f", ci[0], ci[1]),
                            String.format(Locale.ROOT, "%.4f", o.predicted()),
                            String.format(Locale.ROOT, "%.4f", res.aliceBobErrorRate())));
                    log.printf(Locale.ROOT, "  %s, M = %d: Eve (%s) %.3f [%.3f, %.3f], predicted %.3f%n", conditions[k],
                            s.bitSamples(), bestAttack.key(), o.successRate(), ci[0], ci[1], o.predicted());
                }
                success.add(new KljnCharts.SuccessCurve(conditions[k], tau, pred, mt, ms, lo, hi));
            }
            writeCsv(out.resolve("success-versus-bit-duration.csv"), successCsv);
            Charts.Rendered fig2 = Charts.write(KljnCharts.successVersusBitDuration(success)
                    .withSubtitle("Eve's best attack; " + mcLine.describe() + "; lines: predicted, points: ngspice Monte Carlo"),
                    out, "success-versus-bit-duration", 900, 600);

            // The exact nulls, confirmed by transient Monte Carlo on the ladder (independent of the AC analysis)
            log.println("transient confirmation of each attack's exact null on the ladder (" + c.nullBits() + " bits of "
                    + c.nullBitSamples() + " Nyquist samples each) ...");
            List<List<String>> nullRows = new ArrayList<>();
            Map<String, Object> nullJson = new LinkedHashMap<>();
            try (NgSpicePool pool = NgSpicePool.sizedToCores()) {
                for (Attack a : Attack.values()) {
                    OptionalDouble n = ladderCurve.betaNull(a);
                    if (n.isEmpty()) {
                        continue;
                    }
                    NullConfirmation.Outcome o = NullConfirmation.confirm(pool, c.resistors(), mcLine, c.tEff(),
                            c.bandwidth(), a, n.getAsDouble(), c.nullBitSamples(), c.nullBits(), c.seed() + 1000 + a.ordinal());
                    String verdict = o.confirmed() ? "confirmed" : "NOT confirmed";
                    nullRows.add(List.of(a.key(), fmt(n.getAsDouble()), fmt(o.betaNull()),
                            String.format(Locale.ROOT, "%+.2e", o.relativeSignal()),
                            String.format(Locale.ROOT, "%.2e", o.relativeHalfWidth()),
                            Integer.toString(o.stepsPerSample()), verdict));
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("betaNullBrickWall", n.getAsDouble());
                    m.put("betaNullInjectedBand", o.betaNull());
                    m.put("meanSignal", o.meanSignal());
                    m.put("standardError", o.standardError());
                    m.put("signalAtBetaOne", o.signalAtBetaOne());
                    m.put("relativeSignal", o.relativeSignal());
                    m.put("relativeHalfWidth3Sigma", o.relativeHalfWidth());
                    m.put("stepsPerSample", o.stepsPerSample());
                    m.put("confirmed", o.confirmed());
                    nullJson.put(a.key(), m);
                    log.printf(Locale.ROOT, "  %s: beta null %s, transient mean signal %+.2e of its beta = 1 value"
                                    + " (3 sigma %.1e): %s (%.0f s)%n", a.key(), fmt(o.betaNull()), o.relativeSignal(),
                            o.relativeHalfWidth(), verdict, o.seconds());
                }
            }
            json.put("nullConfirmation", nullJson);

            // Plot: residual leak of the paper's defence against length
            log.println("residual leak against cable length ...");
            double[] lengths = logspace(100, 20e3, 9);
            List<KljnCharts.LineModelCurve> residual = new ArrayList<>();
            List<String> residualCsv = new ArrayList<>(List.of("model,length_m,residual"));
            for (String name : models.keySet()) {
                double[] res = new double[lengths.length];
                for (int i = 0; i < lengths.length; i++) {
                    LineModel m = models(p, lengths[i], c.ladderSections()).get(name);
                    KljnLoop loop = KljnLoop.secure(c.resistors(), Resistor.H, m);
                    EveStatistics eve = LoopAnalysis.run(spice, loop, settings(c).minimax(false).build()).eveStatistics();
                    double beq = PaperFormulas.eq11Beta(c.resistors().low(), c.resistors().high(), p.resistance(lengths[i]));
                    res[i] = eve.bestSnrRate(beq) / eve.bestSnrRate(1);
                    residualCsv.add(name + "," + lengths[i] + "," + res[i]);
                }
                residual.add(new KljnCharts.LineModelCurve(name, lengths, res));
            }
            writeCsv(out.resolve("residual-versus-length.csv"), residualCsv);
            Charts.Rendered fig3 = Charts.write(KljnCharts.residualVersusLength(residual).withSubtitle(
                    "Eve's best attack with the paper's eq. 11 β, relative to no defence (|μ|/√V ratio); "
                            + p.name().toLowerCase(Locale.ROOT) + " cable"), out, "residual-versus-length", 900, 600);

            // Plot: ladder convergence to the exact RC line
            log.println("ladder convergence ...");
            KljnLoop exactRc = KljnLoop.secure(c.resistors(), Resistor.H,
                    CableSpec.of(CableKind.LTRA, r, cap, 0, 0).line());
            KljnMoments refMoments = LoopAnalysis.run(spice, exactRc, settings(c).minimax(false).build()).moments();
            int[] ns = {1, 2, 4, 8, 16, 32, 64};
            List<KljnCharts.ConvergenceCurve> conv = new ArrayList<>();
            List<String> convCsv = new ArrayList<>(List.of("attack,sections,relative_error"));
            for (Attack a : Attack.values()) {
                double[] err = new double[ns.length];
                for (int i = 0; i < ns.length; i++) {
                    KljnLoop loop = KljnLoop.secure(c.resistors(), Resistor.H,
                            CableSpec.of(CableKind.LADDER, r, cap, Double.NaN, ns[i]).line());
                    double v = LoopAnalysis.run(spice, loop, settings(c).minimax(false).build()).signal(a);
                    err[i] = Math.abs(v - refMoments.signal(a)) / Math.abs(refMoments.signal(a));
                    convCsv.add(a.key() + "," + ns[i] + "," + err[i]);
                }
                conv.add(new KljnCharts.ConvergenceCurve(a.key(), ns, err));
            }
            writeCsv(out.resolve("ladder-convergence.csv"), convCsv);
            Charts.Rendered fig4 = Charts.write(KljnCharts.ladderConvergence(conv, "relative").withSubtitle(
                    "RC ladder of N T sections against the exact uniform RC line (LTRA), R_c = " + SpiceNumbers.engineering(r)
                            + "Ω, C_c = " + SpiceNumbers.engineering(cap) + "F"), out, "ladder-convergence", 900, 600);

            List<String> modelCsv = new ArrayList<>(List.of("model,betaNull_bsy,betaNull_secondLaw,betaNull_current,"
                    + "betaMinimax,eveNoDefence,eveEq11,eveMinimax"));
            for (List<String> row : rows) {
                modelCsv.add(String.join(",", row.stream().map(KljnStudy::q).toList()));
            }
            writeCsv(out.resolve("line-models.csv"), modelCsv);
            AtomicFiles.writeString(out.resolve("summary.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));

            log.println("best eavesdropper and security map ...");
            SecurityStudy security = SecurityStudy.write(SecurityVerdict.compute(spice, c.resistors(), p, c.tEff(),
                    c.length(), c.bandwidth(), refSamples), out);
            String verdict = verdict(c, r, cap, betaEq11, modelJson, refSamples) + "\n\n" + security.paragraph();
            HtmlReport report = HtmlReport.titled("KLJN line study: " + p.name().toLowerCase(Locale.ROOT) + ", "
                            + SpiceNumbers.engineering(c.length()) + "m")
                    .withVerdict(verdict)
                    .withTable("Line models at " + SpiceNumbers.engineering(c.length()) + "m (β nulls exact; Eve's best"
                                    + " success for a bit of " + refSamples + " Nyquist samples)",
                            List.of("model", "β null bsy", "β null secondLaw", "β null current", "minimax β",
                                    "Eve, no defence", "Eve, eq. 11 β", "Eve, minimax β"), rows)
                    .withTable("Monte Carlo in ngspice (" + c.mcBits() + " bits each, " + mcLine.describe() + ")",
                            List.of("condition", "attack", "M", "Eve correct", "95% interval", "predicted",
                                    "Alice/Bob errors"), mcRows)
                    .withTable("Transient confirmation of the exact nulls (" + mcLine.describe() + "; " + c.nullBits()
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
    }

    /** The four line models of {@code metres} of the preset cable, by their cable words. */
    static Map<String, LineModel> models(CablePreset preset, double metres, int sections) {
        Map<String, LineModel> m = new LinkedHashMap<>();
        for (CableKind k : List.of(CableKind.LUMPED, CableKind.LADDER, CableKind.URC, CableKind.LTRA)) {
            m.put(k.word(), CableSpec.preset(k, preset, metres, k == CableKind.LADDER ? sections : 0).line());
        }
        return m;
    }

    /** The exact analysis settings of the study (β = 1; no lumped comparison: the lumped model is a row). */
    private static AnalysisSettings.Builder settings(Config c) {
        return AnalysisSettings.builder().tEff(c.tEff()).bandwidth(c.bandwidth()).lumpedComparison(false);
    }

    private static String verdict(Config c, double r, double cap, double betaEq11, Map<String, Object> models, int refSamples) {
        @SuppressWarnings("unchecked")
        Map<String, Object> ltra = (Map<String, Object>) models.get("ltra");
        @SuppressWarnings("unchecked")
        Map<String, Object> lumped = (Map<String, Object>) models.get("lumped");
        return String.format(Locale.ROOT, "KLJN with R_L = %s, R_H = %s over %sm of %s cable (R_c = %sΩ, C_c = %sF), "
                        + "T_eff = %.3g K, band %s Hz.%n%n"
                        + "The paper's eq. 11 gives β = %.6f. On the lumped model both the BSY and the Second-Law signal "
                        + "vanish at β = %s instead; eq. 11 overshoots and reverses them. On the exact line (LTRA) the "
                        + "nulls are bsy %s, secondLaw %s, current %s: no single β nulls every attack, and the β that "
                        + "minimises Eve's best attack is %s.%n%n"
                        + "Eve's best success for a bit of %d Nyquist samples on the exact line: %.4f without defence, "
                        + "%.4f with the paper's β, %.4f with the minimax β.",
                SpiceNumbers.engineering(c.resistors().low()), SpiceNumbers.engineering(c.resistors().high()),
                SpiceNumbers.engineering(c.length()), c.preset().name().toLowerCase(Locale.ROOT), SpiceNumbers.engineering(r),
                SpiceNumbers.engineering(cap), c.tEff(), SpiceNumbers.engineering(c.bandwidth()), betaEq11,
                fmtObj(lumped.get("betaNull_secondLaw")), fmtObj(ltra.get("betaNull_bsy")),
                fmtObj(ltra.get("betaNull_secondLaw")), fmtObj(ltra.get("betaNull_current")), fmtObj(ltra.get("betaMinimax")),
                refSamples, (Double) ltra.get("eveBestSuccessNoDefence"), (Double) ltra.get("eveBestSuccessEq11"),
                (Double) ltra.get("eveBestSuccessMinimax"));
    }

    private static String unit(Attack a) {
        return switch (a) {
            case BSY -> "V²";
            case SECOND_LAW -> "W";
            case CURRENT -> "A²";
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String fmtObj(Object v) {
        return v == null ? "none" : fmt((Double) v);
    }

    private static String q(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static double[] linspace(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a + (b - a) * i / (n - 1);
        }
        return x;
    }

    private static double[] logspace(double a, double b, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a * Math.pow(b / a, (double) i / (n - 1));
        }
        return x;
    }

    private static void writeCsv(Path file, List<String> lines) throws IOException {
        AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
    }
}

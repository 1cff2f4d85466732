package org.kljn.report;

import org.kljn.analysis.defence.DefenceChoices;
import org.kljn.analysis.defence.DefenceComparison;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.AttackSignal;
import org.kljn.analysis.exact.BetaCurve;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.EvePrediction;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.analysis.study.SecurityMap;
import org.kljn.analysis.study.KeyRateMap;
import org.kljn.io.AtomicFiles;
import org.kljn.io.Units;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The HTML reports of {@code analyze}, {@code defend} and {@code map} ({@code --report DIR}), in the style of the
 * main job's: the verdict in one sentence first, then the details, tables, figures (PNG shown, SVG linked) and the
 * command's JSON. Presentation only: every number comes from the command's result records, and the verdict sentence
 * is the command's own (one parameter), so that the page says what the terminal says.
 */
public final class CommandReports {
    private CommandReports() {
    }

    /**
     * The report of {@code kljn analyze}.
     *
     * @param keys     the key rates the verdict is worded from (the analysed β first, then each single-β defence)
     * @param verdict  the answer in one sentence (the command's key-rate verdict)
     * @param lineText the line in words, as the command prints it
     * @param json     the command's {@code --json} object, written beside the page as analysis.json
     * @return the page's path
     */
    public static Path analyze(LoopAnalysisResult r, DefenceChoices defences, KeyRateDefences keys, String lineText,
                               String verdict, String json, Path dir) throws IOException {
        EvePrediction eve = r.eve();
        String setup = String.format(Locale.ROOT, "KLJN loop with R_L = %s, R_H = %s, Alice holding R_%s; %s; T_eff = %s,"
                        + " band 0..%s (brick wall), β = %s; Eve's bit lasts %s (%s).",
                Units.si(r.loop().resistors().low(), "Ω"), Units.si(r.loop().resistors().high(), "Ω"), r.loop().alice(),
                siSpelling(lineText), Units.scientific(r.settings().tEff()) + " K", Units.si(r.settings().bandwidth(), "Hz"),
                number(r.betaUsed()), Units.si(eve.bitDuration(), "s"), Units.count(eve.bitSamples(), "Nyquist sample"));
        List<List<String>> attacks = new ArrayList<>();
        for (Attack a : Attack.values()) {
            AttackSignal s = r.attacks().get(a);
            attacks.add(List.of(a.key(), Units.si(s.signal(), a.unit()), optional(s.betaNull()),
                    s.signalAtBetaEq11().isPresent() ? Units.si(s.signalAtBetaEq11().getAsDouble(), a.unit()) : "–",
                    probability(eve.of(a).successProbability()), Units.scientific(eve.of(a).errorProbability())));
        }
        ExactProbabilities.AliceBob ab = eve.exact().aliceBob();
        List<List<String>> defenceRows = new ArrayList<>();
        for (DefenceChoices.Choice c : defences.choices()) {
            defenceRows.add(List.of(c.name(), number(c.beta()), c.bestAttack().key(), probability(c.attackSuccess()),
                    probability(c.optimalSuccess()), rate(c.jeffreysRate())));
        }
        StringBuilder details = new StringBuilder(setup);
        details.append(String.format(Locale.ROOT, "%n%nAlice or Bob wrong per bit: %s (Alice %s, Bob %s).",
                Units.scientific(ab.errorProbability()), Units.scientific(ab.aliceError()),
                Units.scientific(ab.bobError())));
        r.betaEq11().ifPresent(b -> details.append(" The paper's eq. 11 gives β = ").append(number(b)).append('.'));
        r.optimal().ifPresent(p -> {
            OptimalResult o = p.atBetaUsed();
            details.append(String.format(Locale.ROOT, "%n%nThe best second-order eavesdropper (likelihood ratio of U_A and"
                            + " I_A, method %s) guesses the bit right with probability %s at this β; her Jeffreys rate is"
                            + " %s, and the β minimising it is %s.%s", o.method(), probability(o.successProbability()),
                    rate(o.jeffreysRate()), number(p.betaMinimizing()),
                    o.boundsEveryDetector() ? "" : " (This detector's success is not a bound on every detector.)"));
        });
        Charts.Rendered signals = Charts.write(signalFigure(r.betaCurve(), r.betaEq11(), r.betaUsed())
                        .withSubtitle("exact analysis, " + lineText), dir, "signal-versus-beta", 900, 600);
        Charts.Rendered choices = Charts.write(defenceFigure(defences), dir, "defences", 900, 600);
        Path jsonFile = dir.resolve("analysis.json");
        AtomicFiles.writeString(jsonFile, json);
        return HtmlReport.titled("KLJN analysis: " + siSpelling(lineText))
                .withVerdict(siSpelling(verdict), details.toString())
                .withTable(keyRateCaption(keys), KEY_RATE_HEADER, keyRateRows(keys))
                .withTable("Attack signals (HL minus LH) and Eve's exact success for the bit (Bayes threshold)",
                        List.of("attack", "signal", "β null", "signal at eq. 11 β", "Eve correct", "Eve wrong"), attacks)
                .withTable("Defences for a bit of " + Units.si(defences.bitDuration(), "s") + ": Eve's probability of"
                                + " a correct guess (secure within 0.5 + " + number(defences.epsilon()) + ")",
                        List.of("defence", "β", "best attack", "P(attack)", "P(best eavesdropper)", "J"), defenceRows)
                .withFigure("Attack signals against β", signals)
                .withFigure("Eve's success with each single-β defence", choices)
                .withDataFile("the command's JSON (kljn analyze --json)", jsonFile)
                .write(dir);
    }

    /**
     * The report of {@code kljn defend}.
     *
     * @param verdict the answer in one sentence
     * @param setup   the line and loop in words, as the command prints them
     * @param keys    the key rates the verdict is worded from, one row per defence (the page's first table)
     * @param json    the command's {@code --json} object, written beside the page as defences.json
     */
    public static Path defend(DefenceComparison c, KeyRateDefences keys, String setup, String verdict, String json,
                              Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (DefenceComparison.Row row : c.rows()) {
            NoiseTemperatures t = row.result().temperatures();
            rows.add(List.of(row.name(), number(t.lowAtAlice() / t.highAtAlice()), number(t.highAtBob() / t.highAtAlice()),
                    number(t.lowAtBob() / t.highAtAlice()), rate(row.result().jeffreysRate()),
                    probability(row.result().successProbability()),
                    Units.si(row.separations().get(Attack.BSY), Attack.BSY.unit()),
                    Units.si(row.separations().get(Attack.SECOND_LAW), Attack.SECOND_LAW.unit()),
                    Units.si(row.separations().get(Attack.CURRENT), Attack.CURRENT.unit())));
        }
        double[] v = c.nullSpace().nullVector();
        String details = setup + String.format(Locale.ROOT, "%n%nThe temperature equations G_HL(f) = G_LH(f) over the"
                        + " band have smallest relative singular value %s; the nearest temperatures (T_HA, T_LA, T_HB, T_LB)"
                        + " are (%s, %s, %s, %s).", Units.scientific(c.nullSpace().smallestRelative()), number(v[0]),
                number(v[1]), number(v[2]), number(v[3]));
        Charts.Rendered figure = Charts.write(jeffreysFigure(c), dir, "defences", 900, 600);
        Path jsonFile = dir.resolve("defences.json");
        AtomicFiles.writeString(jsonFile, json);
        // spaced slashes: a ratio's header may break there (the table then fits the page's width)
        List<String> header = new ArrayList<>(List.of("defence", "T_LA / T_HA", "T_HB / T_HA", "T_LB / T_HA", "J",
                "Eve's optimal success"));
        for (Attack a : Attack.values()) {
            header.add(a.key() + " mean HL − LH");
        }
        return HtmlReport.titled("KLJN defences")
                .withVerdict(siSpelling(verdict), siSpelling(details))
                .withTable(keyRateCaption(keys), KEY_RATE_HEADER, keyRateRows(keys))
                .withTable("Defences judged by the best second-order eavesdropper (likelihood ratio of U and I), bit of "
                        + Units.count(c.bitSamples(), "Nyquist sample"), header, rows)
                .withFigure("Eve's optimal success against her Jeffreys rate, one point per defence", figure)
                .withDataFile("the command's JSON (kljn defend --json)", jsonFile)
                .write(dir);
    }

    /**
     * The report of {@code kljn map}: the two heat maps, the secure lengths per band and the map's data, all written
     * into {@code dir}.
     *
     * @param verdict the answer in one sentence
     * @param name    the cable in words
     * @param json    the command's summary JSON, written as security-map.json
     */
    public static Path map(SecurityMap map, String name, String setup, String verdict, String json, Path dir)
            throws IOException {
        Charts.Rendered temperatures = SecurityMapChart.write(map, true, "Eve's optimal success, best temperature set: "
                + name + ", M = " + map.bitSamples(), dir, "security-map-best-temperatures");
        Charts.Rendered beta = SecurityMapChart.write(map, false, "Eve's optimal success, best single β: " + name
                + ", M = " + map.bitSamples(), dir, "security-map-best-beta");
        Path csv = dir.resolve("security-map.csv");
        AtomicFiles.writeString(csv, SecurityMapChart.csv(map));
        Path jsonFile = dir.resolve("security-map.json");
        AtomicFiles.writeString(jsonFile, json);
        double[] sb = map.secureLength(false), st = map.secureLength(true);
        List<List<String>> rows = new ArrayList<>();
        for (int b = 0; b < map.bandwidths().length; b++) {
            rows.add(List.of(Units.si(map.bandwidths()[b], "Hz"), secureLength(sb[b], map.lengths()),
                    secureLength(st[b], map.lengths())));
        }
        return HtmlReport.titled("KLJN security map: " + name)
                .withVerdict(verdict, setup)
                .withTable("Longest secure cable at each band (Eve's optimal success at most 0.5 + "
                                + number(map.epsilon()) + " for a bit of " + Units.count(map.bitSamples(), "Nyquist sample")
                                + ")", List.of("band", "best single β", "best temperature set"), rows)
                .withFigure("Eve's optimal success with the best temperature set (colour: success − 0.5 on a log scale;"
                        + " line: the secure edge)", temperatures)
                .withFigure("Eve's optimal success with the best single β", beta)
                .withDataFile("every grid point", csv)
                .withDataFile("the map's summary (kljn map --json)", jsonFile)
                .write(dir);
    }

    /**
     * The report of {@code kljn map --metric key-rate}: the heat map (zero-rate contour, the user's point), the
     * longest length with a key and the best cell per band, and the map's data, all written into {@code dir}.
     *
     * @param verdict the answer in one sentence (the command's)
     * @param name    the cable in words
     * @param csv     the map's CSV (key-rate-map.csv)
     * @param json    the command's summary JSON, written as key-rate-map.json
     * @param point   the user's (length, band) marked on the map, or null
     */
    public static Path keyRateMap(KeyRateMap map, String name, String setup, String verdict, String csv, String json,
            double[] point, Path dir) throws IOException {
        Charts.Rendered figure = KeyRateMapChart.write(map, KeyRateMapChart.title(name), point, dir, "key-rate-map");
        Path csvFile = dir.resolve("key-rate-map.csv");
        AtomicFiles.writeString(csvFile, csv);
        Path jsonFile = dir.resolve("key-rate-map.json");
        AtomicFiles.writeString(jsonFile, json);
        double[] zero = map.zeroRateLength();
        List<List<String>> rows = new ArrayList<>();
        for (int b = 0; b < map.bandwidths().length; b++) {
            KeyRateMap.Cell best = map.bestAt(b);
            boolean key = best.bitsPerSecond() > 0;
            rows.add(List.of(Units.si(map.bandwidths()[b], "Hz"), keyLength(zero[b], map.lengths()),
                    Units.significant(best.bitsPerSecond(), 4) + " bit/s", key ? Units.si(best.length(), "m") : "–",
                    key ? Units.si(best.rate().bitDuration(), "s") + " (" + Units.count(best.bitSamples(),
                            "Nyquist sample") + ")" : "–", key ? best.defence() : "–"));
        }
        return HtmlReport.titled("KLJN secret-key rate map: " + name)
                .withVerdict(verdict, setup)
                .withTable("A key up to (the geometric midpoint between the last length with a key and the first"
                                + " without) and the best cell of each band, reconciliation "
                                + number(map.reconciliation()),
                        List.of("band", "a key up to", "best rate", "at length", "bit", "defence"), rows)
                .withFigure("The best secret-key rate (colour: log10 bit/s over " + number(KeyRateMapChart.DECADES)
                        + " decades below the best cell; grey: no key; line: the zero-rate contour"
                        + (point != null ? "; marker: the operating point" : "") + ")", figure)
                .withDataFile("every cell", csvFile)
                .withDataFile("the map's summary (kljn map --json)", jsonFile)
                .write(dir);
    }

    /** The length up to which a band gives a key, in words (the map's zero-rate length). */
    private static String keyLength(double metres, double[] lengths) {
        if (Double.isNaN(metres)) {
            return "no key down to " + Units.si(lengths[0], "m");
        }
        if (Double.isInfinite(metres)) {
            return "all, up to " + Units.si(lengths[lengths.length - 1], "m");
        }
        return Units.si(metres, "m");
    }

    /** A secure length in words: a length, "below the shortest" or "beyond the longest" on the grid. */
    public static String secureLength(double metres, double[] lengths) {
        if (Double.isNaN(metres)) {
            return "none down to " + Units.si(lengths[0], "m");
        }
        if (Double.isInfinite(metres)) {
            return "all, up to " + Units.si(lengths[lengths.length - 1], "m");
        }
        return Units.si(metres, "m");
    }

    private static ChartSpec signalFigure(BetaCurve curve, OptionalDouble betaEq11, double betaUsed) {
        double[] betas = KljnCharts.betaGrid(curve, betaUsed, betaEq11.orElse(Double.NaN));
        return KljnCharts.signalVersusBeta(KljnCharts.attackCurves(curve, betas), betaEq11.orElse(Double.NaN));
    }

    /** Eve's success (best attack and best eavesdropper) at each single-β defence, against the defence's β. */
    private static ChartSpec defenceFigure(DefenceChoices d) {
        List<Series> series = new ArrayList<>();
        for (DefenceChoices.Choice c : d.choices()) {
            series.add(Series.points(c.name() + ": best eavesdropper", new double[] {c.beta()},
                    new double[] {c.optimalSuccess()}));
            series.add(Series.points(c.name() + ": " + c.bestAttack().key() + " attack", new double[] {c.beta()},
                    new double[] {c.attackSuccess()}));
        }
        return new ChartSpec("Eve's success with each single-β defence", "bit of " + Units.si(d.bitDuration(), "s")
                + "; 0.5 is guessing", ChartSpec.Axis.linear("β = T_L / T_H", ""),
                ChartSpec.Axis.linear("Eve's success probability", ""), series,
                List.of(ChartSpec.Marker.horizontal(0.5 + d.epsilon(), "0.5 + ε")));
    }

    /** One point per defence: Eve's optimal success against her Jeffreys rate (log where every rate is positive). */
    private static ChartSpec jeffreysFigure(DefenceComparison c) {
        List<Series> series = new ArrayList<>();
        boolean positive = true;
        for (DefenceComparison.Row row : c.rows()) {
            positive &= row.result().jeffreysRate() > 0;
            series.add(Series.points(row.name(), new double[] {row.result().jeffreysRate()},
                    new double[] {row.result().successProbability()}));
        }
        ChartSpec.Axis x = positive ? ChartSpec.Axis.log("Jeffreys rate J", "nats/s")
                : ChartSpec.Axis.linear("Jeffreys rate J", "nats/s");
        return new ChartSpec("Defences: Eve's optimal success and her Jeffreys rate", "bit of "
                + Units.count(c.bitSamples(), "Nyquist sample") + "; a smaller J leaves her less per second", x,
                ChartSpec.Axis.linear("Eve's optimal success", ""), series, List.of());
    }

    /** The key-rate table's columns: the verdict's numbers for each defence (analyze --json's keyRate*). */
    private static final List<String> KEY_RATE_HEADER = List.of("defence", "R [bit/s]", "R at ξ = "
            + number(KeyRate.PRACTICAL_RECONCILIATION) + " [bit/s]", "τ", "M", "I(A;B) [bits]", "I(A;E) [bits]",
            "Alice/Bob disagree", "R_H holder errs", "R_L holder errs", "Eve correct");

    private static String keyRateCaption(KeyRateDefences keys) {
        return String.format(Locale.ROOT, "Secret-key rate of each defence at %s: R = kept × [ξ·I(A;B) − I(A;E)]⁺ / τ"
                        + " with kept = %s and ξ = %s; Eve's information from her exact window likelihood ratio with"
                        + " instrument noise %s V²/Hz and %s A²/Hz (≤, ≥: her information is an upper bound there, the"
                        + " rate a lower value)", keys.bitSamples() != null
                        ? "the bit of " + Units.count(keys.bitSamples(), "Nyquist sample") : "each defence's best bit",
                number(KeyRate.KEPT_FRACTION), number(keys.reconciliation()),
                Units.scientific(keys.instrument().voltageNoise()), Units.scientific(keys.instrument().currentNoise()));
    }

    /** One row per defence; "not known" where Eve's information is not a bound (no rate is given there). */
    private static List<List<String>> keyRateRows(KeyRateDefences keys) {
        List<List<String>> rows = new ArrayList<>();
        for (KeyRateDefences.Row row : keys.rows()) {
            KeyRate k = row.rate();
            boolean bound = OptimalResult.WINDOW_BOUND.equals(k.eveMethod());
            String notKnown = "not known (" + k.eveMethod() + ")";
            rows.add(List.of(row.name(), k.known() ? (bound ? "≥ " : "") + number(k.bitsPerSecond()) : notKnown,
                    k.known() ? (bound ? "≥ " : "") + number(k.withReconciliation(KeyRate.PRACTICAL_RECONCILIATION)
                            .bitsPerSecond()) : notKnown, Units.si(k.bitDuration(), "s"),
                    Long.toString(Math.round(2 * keys.bandwidth() * k.bitDuration())), number(k.aliceBobInformation()),
                    k.known() ? (bound ? "≤ " : "") + small(k.eveInformation()) : notKnown,
                    small(k.errors().disagreement()), small(k.errors().highHolderError()),
                    small(k.errors().lowHolderError()),
                    k.known() ? (bound ? "≤ " : "") + probability(k.eveSuccess()) : notKnown));
        }
        return rows;
    }

    private static String optional(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "none";
    }

    /** β and other plain numbers: six significant digits, trailing zeros dropped. */
    /** A quantity as SPICE spells it in a line's description: number, scale suffix, unit ohm, F or H. */
    private static final java.util.regex.Pattern SPICE_QUANTITY = java.util.regex.Pattern.compile(
            "(?<![\\w.])(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)(meg|[fpnumkgt])?(ohm|F|H)\\b");

    /**
     * A text of the command (a line's description, a verdict naming the line) with each quantity SPICE spells
     * ("100ohm", "1kohm", "104nF") spelled as the pages spell quantities ("100 Ω", "1 kΩ", "104 nF").
     */
    static String siSpelling(String text) {
        java.util.regex.Matcher m = SPICE_QUANTITY.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            double v = org.kljn.circuit.SpiceNumbers.parse("quantity", m.group(1) + (m.group(2) == null ? ""
                    : m.group(2)));
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(Units.si(v, m.group(3).equals("ohm") ? "Ω"
                    : m.group(3))));
        }
        return m.appendTail(b).toString();
    }

    private static String number(double v) {
        return Units.significant(v, 6);
    }

    /** A number that may be tiny (an error probability, Eve's information): below 10⁻³ as a power of ten. */
    private static String small(double v) {
        return v != 0 && Math.abs(v) < 1e-3 ? Units.scientific(v) : number(v);
    }

    /** A Jeffreys rate: a power of ten, never a prefix on nats. */
    private static String rate(double nats) {
        return Units.scientific(nats) + " nats/s";
    }

    /** A probability to six decimals, as the terminal prints it. */
    private static String probability(double p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }
}

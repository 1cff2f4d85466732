package org.kljn.report;

import org.kljn.io.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An HTML page from sweep CSVs: a verdict that names failed points, a table with units, and, against the swept
 * parameter, Eve's best predicted success for the points' bit duration and the β of eq. 11 beside the
 * Second-Law null, one series per combination of the other parameters that vary.
 */
public final class SweepReport {
    /** Sweep parameters that can be an x axis, in order of preference, with their units. */
    private static final Map<String, String> AXES = axes();
    private static final List<String> ATTACKS = List.of("bsy", "secondLaw", "current");
    /** The β a point used: the axis of a sweep over β rules. */
    private static final String BETA_USED = "betaUsed";

    /** Columns shown in the table, with units. */
    private static final Map<String, String> SHOWN = shown();

    private SweepReport() {
    }

    private static Map<String, String> axes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("length", "m");
        m.put("rc", "Ω");
        m.put("cc", "F");
        m.put("lc", "H");
        m.put("bandwidth", "Hz");
        m.put("rl", "Ω");
        m.put("rh", "Ω");
        m.put("teff", "K");
        m.put("sections", "");
        m.put("bitSamples", "Nyquist samples");
        m.put("beta", "");
        m.put("eveNoiseVoltage", "V²/Hz");
        m.put("eveNoiseCurrent", "A²/Hz");
        m.put("reconciliation", "");
        return m;
    }

    private static Map<String, String> shown() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : List.of("index", "alice", "cable", "preset")) {
            m.put(c, "");
        }
        m.put("length", "m");
        m.put("rc", "Ω");
        m.put("cc", "F");
        m.put("bandwidth", "Hz");
        m.put("bitSamples", "");
        for (String c : List.of("beta", "betaUsed", "betaEq11", "betaNull_bsy", "betaNull_secondLaw",
                "betaNull_current", "betaMinimax", "predicted_bsy", "predicted_secondLaw", "predicted_current",
                "betaMinimizing", "predicted_optimal", "mc_bsy", "mc_secondLaw", "mc_current", "status", "error")) {
            m.put(c, "");
        }
        return m;
    }

    /** The rows of one or more sweep CSVs with the same columns. */
    private record Table(List<String> header, List<List<String>> rows) {
        Map<String, Integer> columns() {
            Map<String, Integer> col = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                col.put(header.get(i), i);
            }
            return col;
        }
    }

    private static Table read(List<Path> csvs) throws IOException {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (Path csv : csvs) {
            List<String> lines;
            try {
                lines = Files.readAllLines(csv);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("sweep CSV " + csv + ": no such file");
            }
            // a sweep's results file starts with its stamp line ('# kljn sweep fingerprint=...'), then the header
            int first = !lines.isEmpty() && lines.get(0).startsWith("# ") ? 1 : 0;
            if (lines.size() <= first) {
                throw new IllegalArgumentException("sweep CSV " + csv + " is empty: no header row");
            }
            List<String> h = Csv.parse(lines.get(first));
            for (String needed : List.of("index", "status")) {
                if (!h.contains(needed)) {
                    throw new IllegalArgumentException("sweep CSV " + csv + ": not a results file of kljn sweep (no"
                            + " column '" + needed + "' in its header '" + shorten(lines.get(first)) + "'); report the"
                            + " files that 'kljn sweep' or 'kljn merge' wrote");
                }
            }
            if (header == null) {
                header = h;
            } else if (!header.equals(h)) {
                throw new IllegalArgumentException("sweep CSV " + csv + " has other columns than " + csvs.get(0)
                        + ": report sweeps of one kind together");
            }
            for (int i = first + 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                List<String> row = Csv.parse(lines.get(i));
                if (row.size() != h.size()) {
                    throw new IllegalArgumentException("sweep CSV " + csv + ", line " + (i + 1) + ": " + row.size()
                            + " fields where the header has " + h.size() + " (a torn or edited row)");
                }
                if (!row.get(h.indexOf("index")).matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("sweep CSV " + csv + ", line " + (i + 1) + ": index '"
                            + shorten(row.get(h.indexOf("index"))) + "' is not a point number");
                }
                rows.add(row);
            }
        }
        return new Table(header, rows);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    public static Path write(List<Path> csvs, Path out) throws IOException {
        Table t = read(csvs);
        Map<String, Integer> col = t.columns();
        List<List<String>> rows = new ArrayList<>(t.rows());
        int index = col.get("index");
        rows.sort((a, b) -> Integer.compare(Integer.parseInt(a.get(index)), Integer.parseInt(b.get(index))));
        List<List<String>> ok = rows.stream().filter(r -> "ok".equals(r.get(col.get("status")))).toList();
        List<List<String>> failed = rows.stream().filter(r -> !"ok".equals(r.get(col.get("status")))).toList();
        Files.createDirectories(out);

        String axis = axis(ok, col);
        String bit = bitLength(ok, col);
        String noFigures = axis == null ? "No figures: no parameter of this sweep takes more than one numeric value"
                + " over its finished points, so there is no x axis to draw them against; the table lists every point."
                : !col.containsKey("predicted_bsy") ? "No figures: these points carry no exact predictions (the sweep"
                + " ran without the exact analysis); the table lists every point." : null;
        Verdict verdict = verdict(csvs, rows, ok, failed, col, axis, bit);
        HtmlReport report = HtmlReport.titled("KLJN sweep: " + rows.size() + " points")
                .withVerdict(verdict.sentence(), verdict.details() + (noFigures == null ? "" : "\n\n" + noFigures));
        if (noFigures == null) {
            report = withFigures(report, out, ok, col, axis, bit);
        }
        List<String> shown = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        List<String> same = new ArrayList<>();
        for (Map.Entry<String, String> c : SHOWN.entrySet()) {
            if (!col.containsKey(c.getKey())) {
                continue;
            }
            String unit = c.getValue();
            Set<String> values = new LinkedHashSet<>();
            rows.forEach(r -> values.add(r.get(col.get(c.getKey()))));
            boolean kept = c.getKey().equals("index") || c.getKey().equals("status");
            // a column with one value at every point is said once above the table (the table fits the page)
            if (!kept && rows.size() > 1 && values.size() == 1) {
                String v = values.iterator().next();
                if (!v.isEmpty()) {
                    same.add(c.getKey() + " = " + (isNumber(v) ? sixDigits(Double.parseDouble(v)) : v)
                            + (unit.isEmpty() ? "" : " " + unit));
                }
                continue;
            }
            shown.add(c.getKey());
            headings.add(unit.isEmpty() ? c.getKey() : c.getKey() + " [" + unit + "]");
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> row = new ArrayList<>();
            for (String c : shown) {
                String v = r.get(col.get(c));
                row.add(isNumber(v) && !c.equals("index") ? sixDigits(Double.parseDouble(v)) : v);
            }
            cells.add(row);
        }
        report = report.withTable("Sweep points (predicted: Eve's probability of a correct guess for the point's bit;"
                + " mc: Monte Carlo success rate)" + (same.isEmpty() ? "" : "; at every point: "
                + String.join(", ", same)), headings, cells);
        for (Path csv : csvs) {
            report = report.withDataFile("sweep CSV", csv.toAbsolutePath());
        }
        return report.write(out);
    }

    /**
     * The x axis: the first sweep parameter, in {@link #AXES} order, that has a number in every finished row and
     * takes more than one value. {@code betaUsed} is a result, not a swept parameter: it is the axis only of a sweep
     * over β rules ({@code beta: 1, eq11, null, minimax}), whose {@code beta} column holds words, and then it is the β
     * each rule gave.
     */
    static String axis(List<List<String>> ok, Map<String, Integer> col) {
        for (String candidate : AXES.keySet()) {
            if (numericAndVarying(ok, col.get(candidate))) {
                return candidate;
            }
        }
        Integer beta = col.get("beta");
        if (beta != null && ok.stream().map(r -> r.get(beta)).distinct().count() > 1
                && numericAndVarying(ok, col.get(BETA_USED))) {
            return BETA_USED;
        }
        return null;
    }

    private static boolean numericAndVarying(List<List<String>> ok, Integer c) {
        return c != null && !ok.isEmpty() && ok.stream().allMatch(r -> isNumber(r.get(c)))
                && ok.stream().map(r -> Double.parseDouble(r.get(c))).distinct().count() > 1;
    }

    /** "M Nyquist samples (τ s)" when every finished point has the same bit, else "per point (see table)". */
    private static String bitLength(List<List<String>> ok, Map<String, Integer> col) {
        Integer m = col.get("bitSamples");
        Integer bw = col.get("bandwidth");
        if (m == null || bw == null || ok.isEmpty()) {
            return "bit length not recorded";
        }
        Set<String> durations = new LinkedHashSet<>();
        for (List<String> r : ok) {
            double samples = Double.parseDouble(r.get(m));
            double tau = samples / (2 * Double.parseDouble(r.get(bw)));
            durations.add(String.format(Locale.ROOT, "%.0f Nyquist samples (%.4g s)", samples, tau));
        }
        return durations.size() == 1 ? "a bit of " + durations.iterator().next() : "bits of different lengths (see the table)";
    }

    /** The page's verdict: Eve's best predicted success in one sentence (or the points' count), then the details. */
    private record Verdict(String sentence, String details) {
    }

    private static Verdict verdict(List<Path> csvs, List<List<String>> rows, List<List<String>> ok,
            List<List<String>> failed, Map<String, Integer> col, String axis, String bit) {
        String counts = rows.size() + " points from " + (csvs.size() == 1 ? csvs.get(0).getFileName()
                : csvs.size() + " files") + ": " + ok.size() + " finished, " + failed.size() + " failed.";
        StringBuilder v = new StringBuilder();
        if (!failed.isEmpty()) {
            v.append(" Failed points:");
            Integer err = col.get("error");
            int listed = 0;
            for (List<String> r : failed) {
                if (listed++ == 10) {
                    v.append(" … and ").append(failed.size() - 10).append(" more (see the table)");
                    break;
                }
                v.append(" #").append(r.get(0)).append(" (").append(err == null ? r.get(col.get("status"))
                        : r.get(err)).append(");");
            }
        }
        StringBuilder eve = new StringBuilder();
        if (col.containsKey("predicted_bsy") && !ok.isEmpty()) {
            double worst = 0;
            List<String> worstRow = null;
            String worstAttack = null;
            for (List<String> r : ok) {
                for (String a : ATTACKS) {
                    double p = num(r.get(col.get("predicted_" + a)));
                    if (p > worst) {
                        worst = p;
                        worstRow = r;
                        worstAttack = a;
                    }
                }
            }
            eve.append(String.format(Locale.ROOT, "For %s, Eve's best predicted success over the finished points is"
                    + " %.4f (the %s attack at point #%s", bit, worst, worstAttack, worstRow.get(0)));
            if (axis != null) {
                eve.append(", ").append(axis).append(" = ").append(worstRow.get(col.get(axis)))
                        .append(unit(axis).isEmpty() ? "" : " " + unit(axis));
            }
            eve.append("); 0.5 is guessing.");
        }
        if (col.containsKey("predicted_optimal")) {
            // filled on the rows whose β is optimal (the J-minimising β), empty on the others
            double worst = -1;
            List<String> worstRow = null;
            for (List<String> r : ok) {
                double p = num(r.get(col.get("predicted_optimal")));
                if (p > worst) {
                    worst = p;
                    worstRow = r;
                }
            }
            if (worstRow != null && worst >= 0) {
                v.append(String.format(Locale.ROOT, "%nAt the β minimising J, the success of the likelihood-ratio"
                        + " eavesdropper (the best second-order eavesdropper) is at most %.4f (point #%s, β = %s).",
                        worst, worstRow.get(0), sixDigits(num(worstRow.get(col.get("betaMinimizing"))))));
            }
        }
        String details = v.toString().strip();
        return eve.length() == 0 ? new Verdict(counts, details)
                : new Verdict(eve.toString(), (counts + (details.isEmpty() ? "" : " " + details)).strip());
    }

    private static HtmlReport withFigures(HtmlReport report, Path out, List<List<String>> ok, Map<String, Integer> col,
            String axis, String bit) throws IOException {
        // one series per combination of the other parameters that vary at a fixed axis value (a preset's R_c and
        // C_c follow its length: they vary with the axis, not beside it, and would split every point into a series)
        List<String> varying = new ArrayList<>();
        int x = col.get(axis);
        for (String c : List.of("cable", "alice", "preset", "length", "rc", "cc", "lc", "sections", "bandwidth", "rl",
                "rh", "teff", "bitSamples", "beta", "subcktName", "eveNoiseVoltage", "eveNoiseCurrent",
                "reconciliation")) {
            Integer i = col.get(c);
            if (i == null || c.equals(axis)) {
                continue;
            }
            Map<String, Set<String>> valuesAtX = new LinkedHashMap<>();
            for (List<String> r : ok) {
                valuesAtX.computeIfAbsent(r.get(x), k -> new LinkedHashSet<>()).add(r.get(i));
            }
            if (valuesAtX.values().stream().anyMatch(v -> v.size() > 1)) {
                varying.add(c);
            }
        }
        Map<String, TreeMap<Double, double[]>> bySeries = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> bestAttacks = new LinkedHashMap<>();
        for (List<String> r : ok) {
            List<String> parts = new ArrayList<>();
            for (String c : varying) {
                parts.add(c + " " + r.get(col.get(c)));
            }
            String series = parts.isEmpty() ? "all points" : String.join(", ", parts);
            double best = 0.5;
            String attack = "none";
            for (String a : ATTACKS) {
                double p = num(r.get(col.get("predicted_" + a)));
                if (p > best) {
                    best = p;
                    attack = a;
                }
            }
            bestAttacks.computeIfAbsent(series, k -> new LinkedHashMap<>()).merge(attack, 1, Integer::sum);
            bySeries.computeIfAbsent(series, k -> new TreeMap<>()).put(Double.parseDouble(r.get(col.get(axis))),
                    new double[] {best, num(r.get(col.get("betaNull_secondLaw"))), num(r.get(col.get("betaEq11")))});
        }
        List<Series> success = new ArrayList<>();
        List<Series> betas = new ArrayList<>();
        Set<String> nullSeries = new LinkedHashSet<>();
        for (Map.Entry<String, TreeMap<Double, double[]>> e : bySeries.entrySet()) {
            double[] xs = e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
            success.add(Series.linePoints(e.getKey() + " (" + bestAttackWords(bestAttacks.get(e.getKey())) + ")", xs,
                    e.getValue().values().stream().mapToDouble(v -> v[0]).toArray()));
            // the null does not depend on the β a point used: one series per other combination
            String nullKey = e.getKey().replaceAll("(, )?beta [^,]*", "");
            if (nullSeries.add(nullKey)) {
                betas.add(Series.linePoints((nullKey.isEmpty() ? "" : nullKey + ": ") + "β null secondLaw", xs,
                        e.getValue().values().stream().mapToDouble(v -> v[1]).toArray()));
                betas.add(Series.dashed((nullKey.isEmpty() ? "" : nullKey + ": ") + "paper's eq. 11 β", xs,
                        e.getValue().values().stream().mapToDouble(v -> v[2]).toArray()));
            }
        }
        String unit = unit(axis);
        boolean log = !axis.startsWith("beta") && ok.stream().allMatch(r -> Double.parseDouble(r.get(col.get(axis))) > 0);
        ChartSpec.Axis xAxis = log ? ChartSpec.Axis.log(axis, unit) : ChartSpec.Axis.linear(axis, unit);
        Charts.Rendered f1 = Charts.write(new ChartSpec("Eve's best predicted success against " + axis,
                "best of the bsy, secondLaw and current attacks for " + bit, xAxis,
                ChartSpec.Axis.linear("Eve's success probability", ""), success, List.of()), out, "sweep-success",
                900, 600);
        Charts.Rendered f2 = Charts.write(new ChartSpec("β that nulls the Second-Law signal, and the paper's eq. 11 β",
                "against " + axis + (unit.isEmpty() ? "" : " [" + unit + "]"), xAxis,
                ChartSpec.Axis.linear("β = T_L / T_H", ""), betas, List.of()), out, "sweep-beta", 900, 600);
        return report.withFigure("Eve's best predicted success against " + axis + ", " + bit, f1)
                .withFigure("β null of the Second-Law attack and eq. 11's β against " + axis, f2);
    }

    /**
     * Which attack is Eve's best along a series, in words: "best attack: bsy", or, when it changes along the axis,
     * each with its points ("best attack: bsy at 3 points, current at 2"), never an unexplained "mixed".
     */
    static String bestAttackWords(Map<String, Integer> pointsByAttack) {
        if (pointsByAttack.size() == 1) {
            String only = pointsByAttack.keySet().iterator().next();
            return only.equals("none") ? "no attack beats guessing" : "best attack: " + only;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : pointsByAttack.entrySet()) {
            String who = e.getKey().equals("none") ? "none beats guessing" : e.getKey();
            parts.add(parts.isEmpty() ? who + " at " + org.kljn.io.Units.count(e.getValue(), "point")
                    : who + " at " + e.getValue());
        }
        return "best attack: " + String.join(", ", parts);
    }

    /** Six significant digits without trailing zeros: 0.999950 stays 0.99995, 100.000 becomes 100. */
    private static String sixDigits(double v) {
        return org.kljn.io.Units.significant(v, 6);
    }

    /** The axis' unit ("" for β). */
    private static String unit(String axis) {
        return AXES.getOrDefault(axis, "");
    }

    private static double num(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

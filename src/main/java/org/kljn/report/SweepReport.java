package org.kljn.report;

import org.kljn.io.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTML page from sweep CSVs: the rows as a table, and, against the first numeric parameter that varies,
 * Eve's best predicted success and the β of eq. 11 beside the β nulls, one series per cable model.
 */
public final class SweepReport {
    private static final List<String> AXIS_CANDIDATES = List.of("length", "rc", "cc", "bandwidth", "rl", "rh",
            "teff", "sections", "bitSamples", "betaUsed");

    private SweepReport() {
    }

    public static Path write(List<Path> csvs, Path out) throws IOException {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (Path csv : csvs) {
            List<String> lines = Files.readAllLines(csv);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("empty sweep CSV " + csv);
            }
            List<String> h = Csv.parse(lines.get(0));
            if (header == null) {
                header = h;
            } else if (!header.equals(h)) {
                throw new IllegalArgumentException(csv + " has other columns than " + csvs.get(0));
            }
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    rows.add(Csv.parse(lines.get(i)));
                }
            }
        }
        Files.createDirectories(out);
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        String axis = null;
        for (String candidate : AXIS_CANDIDATES) {
            Integer c = col.get(candidate);
            if (c != null && rows.stream().map(r -> r.get(c)).distinct().count() > 1) {
                axis = candidate;
                break;
            }
        }
        HtmlReport report = HtmlReport.titled("KLJN sweep: " + rows.size() + " points")
                .withVerdict("Rows from " + csvs + ". Eve's best predicted success is the largest of the three attacks'"
                        + " predicted probabilities for the point's bit duration.");
        if (axis != null && col.containsKey("predicted_bsy")) {
            boolean log = !axis.equals("betaUsed");
            Map<String, TreeMap<Double, double[]>> bySeries = new LinkedHashMap<>();
            for (List<String> r : rows) {
                if (!"ok".equals(r.get(col.get("status")))) {
                    continue;
                }
                String series = r.get(col.get("cable")) + ", Alice " + r.get(col.get("alice")) + ", beta " + r.get(col.get("beta"));
                double x = Double.parseDouble(r.get(col.get(axis)));
                double best = 0.5;
                for (String a : List.of("predicted_bsy", "predicted_secondLaw", "predicted_current")) {
                    best = Math.max(best, num(r.get(col.get(a))));
                }
                bySeries.computeIfAbsent(series, k -> new TreeMap<>()).put(x, new double[] {best,
                        num(r.get(col.get("betaNull_secondLaw"))), num(r.get(col.get("betaEq11")))});
            }
            List<Series> success = new ArrayList<>();
            List<Series> betas = new ArrayList<>();
            java.util.Set<String> betaSeries = new java.util.HashSet<>();
            for (Map.Entry<String, TreeMap<Double, double[]>> e : bySeries.entrySet()) {
                double[] x = e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
                double[] y = e.getValue().values().stream().mapToDouble(v -> v[0]).toArray();
                success.add(Series.linePoints(e.getKey(), x, y));
                // the null does not depend on the β a point used: one series per cable and bit situation
                String nullKey = e.getKey().replaceAll(", beta .*$", "");
                if (betaSeries.add(nullKey)) {
                    double[] bn = e.getValue().values().stream().mapToDouble(v -> v[1]).toArray();
                    betas.add(Series.linePoints(nullKey + ": β null secondLaw", x, bn));
                }
            }
            Map.Entry<String, TreeMap<Double, double[]>> first = bySeries.entrySet().iterator().next();
            betas.add(Series.dashed("paper's eq. 11 β", first.getValue().keySet().stream().mapToDouble(Double::doubleValue)
                    .toArray(), first.getValue().values().stream().mapToDouble(v -> v[2]).toArray()));
            ChartSpec.Axis xAxis = log ? ChartSpec.Axis.log(axis, "") : ChartSpec.Axis.linear(axis, "");
            Charts.Rendered f1 = Charts.write(ChartSpec.of("Eve's best predicted success", xAxis,
                    ChartSpec.Axis.linear("success probability", ""), success), out, "sweep-success", 900, 600);
            Charts.Rendered f2 = Charts.write(ChartSpec.of("β that nulls the Second-Law signal and the paper's eq. 11 β",
                    xAxis, ChartSpec.Axis.linear("β", ""), betas), out, "sweep-beta", 900, 600);
            report = report.withFigure("Eve's best predicted success against " + axis, f1)
                    .withFigure("β against " + axis, f2);
        }
        List<String> shown = new ArrayList<>();
        for (String c : List.of("index", "alice", "cable", "preset", "length", "rc", "cc", "bandwidth", "beta", "betaUsed",
                "betaEq11", "betaNull_bsy", "betaNull_secondLaw", "betaNull_current", "betaMinimax", "predicted_bsy",
                "predicted_secondLaw", "predicted_current", "mc_bsy", "mc_secondLaw", "mc_current", "status", "error")) {
            if (col.containsKey(c)) {
                shown.add(c);
            }
        }
        List<List<String>> cells = new ArrayList<>();
        rows.sort((a, b) -> Integer.compare(Integer.parseInt(a.get(0)), Integer.parseInt(b.get(0))));
        for (List<String> r : rows) {
            List<String> row = new ArrayList<>();
            for (String c : shown) {
                String v = r.get(col.get(c));
                row.add(isNumber(v) && !c.equals("index") ? String.format(Locale.ROOT, "%.6g", Double.parseDouble(v)) : v);
            }
            cells.add(row);
        }
        report = report.withTable("Sweep points", shown, cells);
        for (Path csv : csvs) {
            report = report.withDataFile("sweep CSV", csv.toAbsolutePath());
        }
        return report.write(out);
    }

    private static double num(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

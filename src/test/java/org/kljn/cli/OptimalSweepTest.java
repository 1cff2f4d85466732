package org.kljn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.sweep.KljnEvaluator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep spec with {@code beta: optimal} writes the best eavesdropper's columns (the likelihood-ratio
 * eavesdropper's success and the β minimising J), and sharded runs, {@code merge --spec}, resume and the report
 * agree with that header.
 */
class OptimalSweepTest {
    private static final String SPEC = String.join("\n", "rl: 1k", "rh: 10k", "cable: lumped", "rc: 100, 300",
            "bandwidth: 1k", "beta: 1, optimal", "bitSamples: 200", "analyses: exact", "");

    @Test
    void optimalColumnsAreWrittenMergedResumedAndReported(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("optimal.spec");
        Files.writeString(spec, SPEC);
        for (String shard : List.of("1/2", "2/2")) {
            RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", dir.resolve("parts").toString(),
                    "--shard", shard, "--jobs", "1", "--progress", "never");
            assertEquals(0, r.status(), r.out() + r.err());
        }
        Path merged = dir.resolve("merged.csv");
        RunCommandTest.Result m = RunCommandTest.kljn("merge", dir.resolve("parts/sweep.shard-1-of-2.csv").toString(),
                dir.resolve("parts/sweep.shard-2-of-2.csv").toString(), "--spec", spec.toString(), "--out",
                merged.toString());
        assertEquals(0, m.status(), m.err());
        List<String> lines = Files.readAllLines(merged);
        List<String> header = List.of(lines.get(1).split(",")); // after the stamp line
        assertTrue(header.containsAll(KljnEvaluator.OPTIMAL_COLUMNS), header.toString());
        int rc = header.indexOf("rc"), beta = header.indexOf("beta"), used = header.indexOf("betaUsed");
        int betaJ = header.indexOf("betaMinimizing"), j = header.indexOf("jeffreysRate");
        int success = header.indexOf("predicted_optimal"), error = header.indexOf("predictedError_optimal");
        int optimalRows = 0;
        for (String row : lines.subList(2, lines.size())) {
            String[] c = row.split(",", -1);
            if (c[beta].equals("optimal")) {
                optimalRows++;
                // on the lumped line J = 0 at β* = (1 + R_c/2R_L)/(1 + R_c/2R_H) (closed form, LumpedKljn): every
                // second-order statistic has the same law in HL and LH, so the likelihood ratio only guesses
                double rcOhm = Double.parseDouble(c[rc]);
                double expected = (1 + rcOhm / 2e3) / (1 + rcOhm / 20e3);
                assertEquals(expected, Double.parseDouble(c[betaJ]), 1e-6 * expected, row);
                assertEquals(expected, Double.parseDouble(c[used]), 1e-6 * expected, row);
                assertTrue(Math.abs(Double.parseDouble(c[j])) < 1e-6, "J at its minimum on a lumped line: " + row);
                assertEquals(0.5, Double.parseDouble(c[success]), 1e-6, row);
                assertEquals(0.5, Double.parseDouble(c[error]), 1e-6, row);
            } else {
                for (int k : new int[] {betaJ, j, success, error}) {
                    assertEquals("", c[k], "beta = 1 rows leave the optimal columns empty: " + row);
                }
            }
        }
        assertEquals(2, optimalRows);

        // resuming a finished sweep with the same spec accepts its header and adds nothing
        Path whole = dir.resolve("whole.csv");
        Files.writeString(whole, String.join("\n", lines) + "\n");
        RunCommandTest.Result resumed = RunCommandTest.kljn("sweep", spec.toString(), "--out", whole.toString(), "--resume",
                "--jobs", "1", "--progress", "never");
        assertEquals(0, resumed.status(), resumed.out() + resumed.err());
        assertEquals(lines, new ArrayList<>(Files.readAllLines(whole)), "nothing to add");

        RunCommandTest.Result report = RunCommandTest.kljn("report", merged.toString(), "--out", dir.resolve("report").toString());
        assertEquals(0, report.status(), report.err());
        String html = Files.readString(dir.resolve("report/index.html"));
        assertTrue(html.contains("the success of the likelihood-ratio eavesdropper (the best second-order"
                + " eavesdropper) is at most 0.5000"), "verdict names the optimal success");
        assertTrue(html.contains("predicted_optimal"), "table shows the column");
    }
}

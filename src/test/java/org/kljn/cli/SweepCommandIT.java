package org.kljn.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep command end to end through the real library: shards merged equal the whole; resume; report. */
@Tag("integration") // end to end: runs in mvn verify (failsafe), not in the fast mvn test
class SweepCommandIT {
    private static final String SPEC = String.join("\n",
            "rl: 1k", "rh: 10k", "alice: H, L", "cable: lumped, ladder", "rc: 100, 300", "cc: 100n",
            "bandwidth: 1k", "beta: 1, eq11, null", "analyses: exact", "");

    /**
     * A sweep CSV's stamp line and header, then its rows sorted by point index (a stopped run's rows are in
     * completion order).
     */
    static List<String> sortedRows(Path csv) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String stamp = lines.remove(0);
        assertTrue(stamp.startsWith("# kljn sweep fingerprint="), stamp);
        String header = lines.remove(0);
        lines.sort(Comparator.comparingInt(l -> Integer.parseInt(l.substring(0, l.indexOf(',')))));
        lines.add(0, header);
        lines.add(0, stamp);
        return lines;
    }

    @Test
    void shardsMergedEqualTheWholeSweepAndTheReportIsBuilt(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("grid.spec");
        Files.writeString(spec, SPEC);
        RunCommandTest.Result whole = RunCommandTest.kljn("sweep", spec.toString(), "--out", dir.resolve("whole").toString(),
                "--jobs", "2", "--progress", "never");
        assertEquals(0, whole.status(), whole.out() + whole.err());
        for (String shard : List.of("1/2", "2/2")) {
            RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", dir.resolve("parts").toString(),
                    "--shard", shard, "--jobs", "1", "--progress", "never");
            assertEquals(0, r.status(), r.out() + r.err());
        }
        Path merged = dir.resolve("merged.csv");
        RunCommandTest.Result m = RunCommandTest.kljn("merge", dir.resolve("parts/sweep.shard-1-of-2.csv").toString(),
                dir.resolve("parts/sweep.shard-2-of-2.csv").toString(), "--out", merged.toString());
        assertEquals(0, m.status(), m.err());
        List<String> a = sortedRows(dir.resolve("whole/sweep.csv"));
        List<String> b = Files.readAllLines(merged);
        assertEquals(2 + 2 * 2 * 2 * 3, a.size(), "stamp, header and 24 points");
        assertEquals(a, Files.readAllLines(dir.resolve("whole/sweep.csv")), "a finished sweep is in index order");
        assertEquals(a, b, "shards merged give the same rows, byte for byte");
        // a ladder's lumped equivalent is its own R_c; a lumped cable has none
        List<String> header = List.of(b.get(1).split(","));
        int cable = header.indexOf("cable"), rc = header.indexOf("rc"), lumpedR = header.indexOf("lumpedEquivalentResistance");
        for (String row : b.subList(2, b.size())) {
            String[] cells = row.split(",", -1);
            if (cells[cable].equals("ladder")) {
                assertEquals(Double.parseDouble(cells[rc]), Double.parseDouble(cells[lumpedR]), 1e-3, row);
            } else {
                assertEquals("", cells[lumpedR], row);
            }
        }

        // a killed sweep: keep the header and 5 rows plus a torn line, then resume
        Path killed = dir.resolve("killed.csv");
        List<String> partial = new ArrayList<>(Files.readAllLines(dir.resolve("whole/sweep.csv")).subList(0, 6));
        Files.writeString(killed, String.join("\n", partial) + "\n" + "17,rl=1000;rh=10");
        RunCommandTest.Result resumed = RunCommandTest.kljn("sweep", spec.toString(), "--out", killed.toString(), "--resume",
                "--jobs", "2", "--progress", "never");
        assertEquals(0, resumed.status(), resumed.out() + resumed.err());
        assertEquals(a, sortedRows(killed), "resume completes the sweep with the same numbers");

        RunCommandTest.Result report = RunCommandTest.kljn("report", merged.toString(), "--out", dir.resolve("report").toString());
        assertEquals(0, report.status(), report.err());
        String html = Files.readString(dir.resolve("report/index.html"));
        assertTrue(html.contains("sweep-success.png") && html.contains("sweep-beta.png"), "figures in the page");
        assertTrue(javax.imageio.ImageIO.read(dir.resolve("report/sweep-success.png").toFile()).getWidth() == 900);
    }

    @Test
    void aBadSpecIsRejectedWithItsLine(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.spec");
        Files.writeString(spec, "rl: 1k\nrh: 10k\ncable: coax\n");
        RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("coax") && r.err().contains(":3"), r.err());
    }
}

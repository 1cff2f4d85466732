package org.kljn.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 item 15: a sweep at the stated maximum of 10^7 points needs no memory per point. Its grid is computed
 * when a point is asked for, not stored (stored, it took 2.2 GB before the first point ran), so a JVM with a 64 MB
 * heap parses the spec, checks it, and runs the last point of the grid (shard 10^7 of 10^7, one point).
 */
@Tag("integration") // a child JVM and ngspice: runs in mvn verify (failsafe)
class LargeSweepIT {
    @Test
    void aTenMillionPointSpecRunsInA64MbHeap(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("big.spec");
        Files.writeString(spec, String.join("\n", "rl: 1k", "rh: 10k", "teff: log 1 1e9 10000000", "analyses: exact", ""));
        Path out = dir.resolve("big.csv");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep", spec.toString(), "--out",
                out.toString(), "--shard", "10000000/10000000", "--jobs", "1", "--progress", "never")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.MINUTES), "hang guard"); // far above any plausible run
        String said = Files.readString(dir.resolve("child.out"));
        assertEquals(0, p.exitValue(), said);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size(), "stamp, header and the one point of this shard: " + lines);
        assertTrue(lines.get(0).endsWith("shard=10000000/10000000 points=10000000"), lines.get(0));
        assertTrue(lines.get(2).startsWith("9999999,") && lines.get(2).contains(";teff=1000000000;")
                && lines.get(2).endsWith(",ok,"), lines.get(2));
    }
}

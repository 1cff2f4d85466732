package org.kljn.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Monte Carlo sweep with {@code beta: optimal}: the likelihood-ratio detector's success rate column. */
@Tag("integration") // 4000 simulated bits, ~30-60 s: runs in mvn verify (failsafe), not in the fast mvn test
class OptimalSweepIT {
    /**
     * With {@code analyses: attack} the optimal rows also carry {@code mc_optimal}, the likelihood-ratio detector's
     * success rate on the simulated bits. On the lumped line at the J-minimising β the two situations have the same
     * law, so it is a fair coin: 2000 bits give a standard error of 0.0112; z = 4 (false failure 6e-5) allows
     * ±0.045, so a detector reading the situations at 0.55 or better (a β = 1 leak) would fail.
     */
    @Test
    void aMonteCarloSweepAddsTheLikelihoodRatioSuccessRate(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("optimal-mc.spec");
        Files.writeString(spec, String.join("\n", "rl: 1k", "rh: 10k", "cable: lumped", "rc: 300", "bandwidth: 1k",
                "beta: 1, optimal", "bitSamples: 200", "bits: 2000", "seed: 5", "analyses: exact, attack", ""));
        RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", dir.resolve("out").toString(),
                "--jobs", "1", "--progress", "never");
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> lines = Files.readAllLines(dir.resolve("out/sweep.csv"));
        List<String> header = List.of(lines.get(1).split(",")); // after the stamp line
        int beta = header.indexOf("beta"), mc = header.indexOf("mc_optimal");
        assertTrue(mc > 0, header.toString());
        for (String row : lines.subList(2, lines.size())) {
            String[] c = row.split(",", -1);
            if (c[beta].equals("optimal")) {
                assertEquals(0.5, Double.parseDouble(c[mc]), 4 * Math.sqrt(0.25 / 2000), row);
            } else {
                assertEquals("", c[mc], row);
            }
        }
    }
}

package org.kljn.sweep;

import org.kljn.io.Csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.ngspice.NgSpicePool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A point whose Monte Carlo fails keeps its exact columns (issue 11): the exact analysis of a user cable runs, its
 * transient does not, and the row is written as failed with every exact cell filled and the Monte Carlo cells empty.
 * The transient fails because the line model's file gained a behavioural source after the spec was checked: the
 * sweep checks every point up front (a behavioural element is outside the transient's bound, issue 22), and the
 * transient checks again when it runs.
 */
class PartialPointTest {

    @Test
    void failedMonteCarloKeepsTheExactColumns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.lib"), ".subckt bad a b\nR1 a m 100\nR2 m b 1u\n.ends\n");
        Files.writeString(dir.resolve("p.spec"), "cable: subckt\nsubckt: bad.lib bad\nanalyses: exact, attack\n"
                + "bits: 4\nbitSamples: 10\n");
        SweepSpec spec = SweepSpec.read(dir.resolve("p.spec"));
        // then the file changes: linear at the operating point (AC sees a 100 ohm line), nonlinear once time > 0.1 ms
        Files.writeString(dir.resolve("bad.lib"), ".subckt bad a b\nR1 a m 100\n"
                + "B1 m b v = V(a,m)*V(a,m)*1e12*(time>1e-4)\n.ends\n");
        Path out = dir.resolve("p.csv");
        try (NgSpicePool pool = NgSpicePool.of(1)) {
            SweepRunner.Summary s = SweepRunner.create(spec, KljnEvaluator.columns(spec), new KljnEvaluator(pool), out,
                    SweepRunnerTest.quiet(1)).run();
            assertEquals(1, s.failed());
        }
        List<String> lines = Files.readAllLines(out);
        List<String> header = Csv.parse(lines.get(1)); // after the stamp line
        List<String> row = Csv.parse(lines.get(2));
        assertEquals("failed", row.get(header.indexOf("status")));
        assertTrue(row.get(header.indexOf("error")).contains("Monte Carlo failed")
                && row.get(header.indexOf("error")).contains("cannot run bit exchanges"), row.get(header.indexOf("error")));
        // the subcircuit is a plain 100 ohm resistor at the operating point: the exact lumped null is exact here
        double betaNull = Double.parseDouble(row.get(header.indexOf("betaNull_secondLaw")));
        assertEquals((1 + 100 / 2e3) / (1 + 100 / 2e4), betaNull, 1e-9);
        for (String c : List.of("signal_bsy", "predicted_bsy", "powerA", "lumpedEquivalentResistance")) {
            assertTrue(!row.get(header.indexOf(c)).isEmpty(), c + " kept");
        }
        for (String c : List.of("mc_bsy", "mc_secondLaw", "mc_current", "aliceBobErrorRate")) {
            assertEquals("", row.get(header.indexOf(c)), c + " empty");
        }
    }
}

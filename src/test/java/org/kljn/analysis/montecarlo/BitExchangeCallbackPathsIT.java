package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kljn.analysis.exact.Attack;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LumpedLine;
import org.kljn.ngspice.CallbackPath;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.testing.TransientFixture;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kljn.testing.TransientFixture.LADDER;

/**
 * The transient bit exchange gives the same numbers whoever answers ngspice's per-point callbacks (the native shim
 * or JNA upcalls) and however many threads run its blocks: the injected waveform, the step grid and the stream of
 * accepted points are the same IEEE operations on both paths, so the per-bit averages agree bit for bit.
 */
@Tag("integration") // eight whole bit-exchange runs with their exact expectations (~10 s): mvn verify
class BitExchangeCallbackPathsIT {

    private static BitExchangeSettings settings(LineModel line, int samples, int bits, long seed) {
        return TransientFixture.builder(line).bitSamples(samples).bits(bits)
                .seed(seed).noiseGrid(4).build();
    }

    private static BitExchangeResult run(CallbackPath path, BitExchangeSettings s) {
        try (NgSpice spice = NgSpice.open(path)) {
            return BitExchangeSimulation.run(spice, s, i -> { });
        }
    }

    private static void assertSameBits(BitExchangeResult a, BitExchangeResult b, String what) {
        assertEquals(a.acceptedPoints(), b.acceptedPoints(), what + ": accepted points");
        assertEquals(a.aliceResistors(), b.aliceResistors());
        for (int i = 0; i < a.bitAverages().size(); i++) {
            assertArrayEquals(a.bitAverages().get(i), b.bitAverages().get(i), 0.0, what + ", bit " + i);
        }
        for (Attack attack : Attack.values()) {
            assertEquals(a.eve().get(attack).correct(), b.eve().get(attack).correct(), what + ", " + attack);
        }
    }

    @Test
    void shimAndJnaGiveIdenticalPerBitAveragesOnTheLumpedLoopAndAnEightSectionLadder() {
        assertTrue(NgSpice.shimAvailable(), "the shim must load here: " + NgSpice.shimProblem());
        for (LineModel line : List.of(new LumpedLine(100), LADDER)) {
            BitExchangeSettings s = settings(line, 50, 24, 5);
            BitExchangeResult shim = run(CallbackPath.SHIM, s);
            BitExchangeResult jna = run(CallbackPath.JNA, s);
            assertEquals("shim", shim.callbacks());
            assertEquals("jna", jna.callbacks());
            assertSameBits(shim, jna, line.describe());
            // two blocks (one per situation), each crossing 11 or more window joins inside its run
            assertEquals(2, BitSchedule.blocks(s, shim.aliceResistors()).size(), "blocks");
            assertTrue(shim.acceptedPoints() >= 24L * 50 * 4, "points " + shim.acceptedPoints());
        }
        // the pre-warped noise (one solver step per grid point) goes through the same tables
        BitExchangeSettings prewarped = settings(LADDER, 50, 24, 5)
                .withOversampling(0).withAccuracy(AccuracyGoal.MOMENTS);
        assertTrue(prewarped.prewarped());
        assertSameBits(run(CallbackPath.SHIM, prewarped), run(CallbackPath.JNA, prewarped), "pre-warped ladder");
    }

    @Test
    void oneAndTwoThreadsOnTheShimGiveIdenticalResults() {
        BitExchangeSettings s = settings(LADDER, 20, 200, 9);
        BitExchangeResult one = run(CallbackPath.SHIM, s);
        BitExchangeResult two;
        try (NgSpicePool pool = NgSpicePool.of(2)) {
            two = BitExchangeSimulation.run(pool, s, i -> { });
        }
        assertTrue(BitSchedule.blocks(s, one.aliceResistors()).size() >= 2, "at least two blocks in parallel");
        assertEquals("shim", two.callbacks());
        assertSameBits(one, two, "1 vs 2 threads");
    }
}

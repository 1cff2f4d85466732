package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Tag;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.testing.NgSpiceExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.NoiseDesign;
import org.kljn.noise.NoiseSpec;
import org.kljn.testing.TransientFixture;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kljn.testing.TransientFixture.LADDER;
import static org.kljn.testing.TransientFixture.PAIR;

/** Transient bit exchanges in ngspice against the exact analysis, with fixed seeds. */
@Tag("integration") // statistical: runs in mvn verify (failsafe), not in the fast mvn test
@ExtendWith(NgSpiceExtension.class)
class BitExchangeSimulationIT {
    @NgSpiceExtension.Session
    static NgSpice spice;

    private static BitExchangeSettings settings(LineModel line, double beta, int samples, int bits, long seed) {
        return TransientFixture.builder(line).beta(beta).bitSamples(samples)
                .bits(bits).seed(seed).noiseGrid(4).build();
    }

    /**
     * The per-bit time averages of U_A², U_B², I_A², I_B², U_A I_A, U_B I_B, averaged over the bits of one
     * situation, against the exact moments over the band the injected noise really has. Bits are independent,
     * so the spread of the per-bit averages gives the standard error; |z| < 4.5 for each of the 12 checks
     * (two-sided p ≈ 7e-6 each; the seed is fixed, so the test is deterministic).
     */
    private static void assertMomentsAgree(LineModel line, int samples, int bits, long seed) {
        assertMomentsAgree(settings(line, 1.0, samples, bits, seed), 4.5);
    }

    private static void assertMomentsAgree(BitExchangeSettings s, double zMax) {
        LineModel line = s.line();
        int bits = s.bits();
        BitExchangeResult r = BitExchangeSimulation.run(spice, s, i -> { });
        org.kljn.noise.BandShape band = s.noise() == BitExchangeSettings.NoiseMode.TRNOISE
                ? new org.kljn.noise.TrnoiseBand(s.bandwidth())
                : NoiseDesign.of(NoiseSpec.of(s.bandwidth()).withOversampling(4)).band();
        SituationExpectations exact = SituationExpectations.of(spice, s, band);
        for (Resistor alice : Resistor.values()) {
            KljnMoments m = exact.moments().get(Situation.secure(alice));
            double[] expected = {m.meanSquareVoltageA(), m.meanSquareVoltageB(), m.meanSquareCurrentA(),
                    m.meanSquareCurrentB(), m.powerIntoCableA(), -m.powerIntoCableB()};
            for (int p = 0; p < WindowMoments.PRODUCTS; p++) {
                double sum = 0, sum2 = 0;
                int n = 0;
                for (int i = 0; i < bits; i++) {
                    if (r.aliceResistors().get(i) == alice) {
                        double x = r.bitAverages().get(i)[p];
                        sum += x;
                        sum2 += x * x;
                        n++;
                    }
                }
                double mean = sum / n;
                double se = Math.sqrt((sum2 / n - mean * mean) / (n - 1));
                double z = (mean - expected[p]) / se;
                assertTrue(Math.abs(z) < zMax, line.describe() + ", Alice " + alice + ", product " + p
                        + ": transient " + mean + " vs exact " + expected[p] + " (z = " + z + ")");
            }
        }
    }

    @Test
    void transientMomentsMatchTheExactAnalysisOnALumpedLine() {
        assertMomentsAgree(new LumpedLine(500), 50, 200, 11);
    }

    /**
     * ngspice's TRNOISE mode against the exact analysis over TRNOISE's sinc⁴ band. TRNOISE cannot be seeded in
     * 39.3, so this test is random: |z| < 6 for each of 12 checks fails by chance with probability about 2e-8.
     */
    @Test
    void trnoiseModeMatchesTheExactAnalysisOverItsSincFourthBand() {
        assertMomentsAgree(TransientFixture.builder(new LumpedLine(500))
                .bitSamples(50).bits(200).seed(21).noiseGrid(4).noise(BitExchangeSettings.NoiseMode.TRNOISE).build(), 6);
    }

    @Test
    void transientMomentsMatchTheExactAnalysisOnAnRcLadder() {
        // 100 nF over a 1 kHz band: the shunt current is a few per cent of the loop current
        assertMomentsAgree(LADDER, 50, 120, 12);
    }

    /**
     * Eve's success rate against the predicted probability: with a fixed seed the count is deterministic;
     * the prediction must lie in the 99.9 % Wilson interval (z = 3.29) of the measured rate.
     */
    @Test
    void withoutDefenceEveSucceedsAsPredictedAndAtTheNullSheGuesses() {
        LineModel line = new LumpedLine(1000);
        BitExchangeResult r = BitExchangeSimulation.run(spice, settings(line, 1.0, 100, 300, 5), i -> { });
        for (Attack a : List.of(Attack.BSY, Attack.SECOND_LAW)) {
            BitExchangeResult.AttackOutcome o = r.eve().get(a);
            double[] ci = BitExchangeResult.wilson(o.correct(), o.bits(), 3.2905);
            assertTrue(o.predicted() > 0.8, "a strong cable resistance gives Eve a clear signal: " + o.predicted());
            assertTrue(ci[0] <= o.predicted() && o.predicted() <= ci[1],
                    a + ": measured " + o.successRate() + " " + java.util.Arrays.toString(ci) + ", predicted " + o.predicted());
        }
        // Alice's and Bob's own decisions: errors as predicted from the variance of their <U²>
        int errors = r.aliceBobErrors();
        double[] eci = BitExchangeResult.wilson(errors, 300, 3.2905);
        assertTrue(eci[0] <= r.predictedAliceBobErrorRate() && r.predictedAliceBobErrorRate() <= eci[1],
                "Alice/Bob errors " + r.aliceBobErrorRate() + " " + java.util.Arrays.toString(eci) + ", predicted "
                        + r.predictedAliceBobErrorRate());
        double betaNull = (1 + 1000 / 2e3) / (1 + 1000 / 20e3);
        BitExchangeResult d = BitExchangeSimulation.run(spice, settings(line, betaNull, 100, 300, 6), i -> { });
        for (Attack a : Attack.values()) {
            BitExchangeResult.AttackOutcome o = d.eve().get(a);
            double[] ci = BitExchangeResult.wilson(o.correct(), o.bits(), 3.2905);
            assertEquals(0.5, o.predicted(), 1e-12);
            assertTrue(ci[0] <= 0.5 && 0.5 <= ci[1], a + " at the null: " + o.successRate() + " " + java.util.Arrays.toString(ci));
        }
    }

    @Test
    void theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
        LineModel line = new LumpedLine(300);
        BitExchangeResult a = BitExchangeSimulation.run(spice, settings(line, 1.0, 20, 20, 42), i -> { });
        BitExchangeResult b = BitExchangeSimulation.run(spice, settings(line, 1.0, 20, 20, 42), i -> { });
        BitExchangeResult c = BitExchangeSimulation.run(spice, settings(line, 1.0, 20, 20, 43), i -> { });
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(a.bitAverages().get(i), b.bitAverages().get(i), 0.0, "bit " + i);
            assertNotEquals(a.bitAverages().get(i)[0], c.bitAverages().get(i)[0], "bit " + i);
        }
        assertEquals(a.aliceResistors(), b.aliceResistors());
        // independence across seeds: the per-bit <U_A²> of the two seeds are uncorrelated; with 20 bits the
        // sample correlation of independent values has sd ≈ 1/√19, so |r| < 0.9 is a loose but real bound
        double r = correlation(a.bitAverages(), c.bitAverages());
        assertTrue(Math.abs(r) < 0.9, "correlation between seeds " + r);
    }

    private static double correlation(List<double[]> x, List<double[]> y) {
        int n = x.size();
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x.get(i)[0] / n;
            my += y.get(i)[0] / n;
        }
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x.get(i)[0] - mx, dy = y.get(i)[0] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void bitWindowsStreamWithFlatMemory() {
        // the number of bits does not change what is kept in ngspice (.save none): checked by the stream
        // having seen every point while ngspice's vector holds one
        BitExchangeResult r = BitExchangeSimulation.run(spice,
                settings(new LumpedLine(100), 1.0, 20, 50, 3), i -> { });
        assertTrue(r.acceptedPoints() >= 50L * 20 * 4, "every grid point was accepted: " + r.acceptedPoints());
        assertEquals(1, spice.vector("a").length());
        KljnLoop unused = KljnLoop.secure(PAIR, Resistor.H, new LumpedLine(100));
        assertEquals(Situation.HL, unused.situation());
    }
}

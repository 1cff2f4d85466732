package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.testing.NgSpiceExtension;
import org.kljn.testing.TransientFixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kljn.testing.TransientFixture.LADDER;
import static org.kljn.testing.TransientFixture.PAIR;

/**
 * The transient's discretisation: the trapezoidal error model against ngspice's measured error, the automatic
 * step choice, and independence of the thread count.
 */
@Tag("integration") // 20-30 s: runs in mvn verify (failsafe), not in the fast mvn test
@ExtendWith(NgSpiceExtension.class)
class TransientAccuracyIT {
    /** 100 nF over a 1 kHz band: the capacitive ladder on which K = 4, one step per grid point was +2 % on ⟨I_B²⟩. */
    @NgSpiceExtension.Session
    static NgSpice spice;

    /** The FIR scheme (steps chosen by the trapezoidal error model), which this test's model checks are about. */
    private static BitExchangeSettings settings(LineModel line, int samples, int bits, long seed) {
        return defaults(line, samples, bits, seed).withAccuracy(AccuracyGoal.FIR);
    }

    /** The default goal (distributions: pre-warped noise on a line with capacitance). */
    private static BitExchangeSettings defaults(LineModel line, int samples, int bits, long seed) {
        return TransientFixture.builder(line).bitSamples(samples).bits(bits)
                .seed(seed).build();
    }

    /** Mean over the HL bits of each of the six products. */
    private static double[] hlMeans(BitExchangeResult r) {
        double[] sum = new double[WindowMoments.PRODUCTS];
        int n = 0;
        for (int i = 0; i < r.settings().bits(); i++) {
            if (r.aliceResistors().get(i) == Resistor.H) {
                double[] a = r.bitAverages().get(i);
                for (int p = 0; p < sum.length; p++) {
                    sum[p] += a[p];
                }
                n++;
            }
        }
        for (int p = 0; p < sum.length; p++) {
            sum[p] /= n;
        }
        return sum;
    }

    /**
     * The same waveform at 1 and at 16 solver steps per grid step (K = 4): the change of each mean square is the
     * discretisation error of the coarse run minus the fine one's, and {@link TrapezoidModel} predicts it. The
     * comparison is deterministic (fixed seed, the same noise in both runs); it allows 15 % of the predicted
     * change, the spread the per-waveform fluctuation of the error leaves over 16 bits of 200 samples.
     */
    @Test
    void theTrapezoidalModelPredictsNgspicesDiscretisationError() {
        BitExchangeSettings s = settings(LADDER, 200, 16, 7).withOversampling(4);
        double[] coarse = hlMeans(BitExchangeSimulation.run(spice, s.withStepsPerSample(1), i -> { }));
        double[] fine = hlMeans(BitExchangeSimulation.run(spice, s.withStepsPerSample(16), i -> { }));
        var noise = s.injectedNoise();
        var exact = SituationExpectations.of(spice, s, noise.band());
        KljnLoop loop = KljnLoop.secure(PAIR, Resistor.H, LADDER);
        double[] modelCoarse = TrapezoidModel.products(KljnMoments.of(loop,
                TrapezoidModel.integrals(exact.transfer().get(Situation.HL), noise, 1), 1e9, 1.0));
        double[] modelFine = TrapezoidModel.products(KljnMoments.of(loop,
                TrapezoidModel.integrals(exact.transfer().get(Situation.HL), noise, 16), 1e9, 1.0));
        for (int p = 0; p < 4; p++) {
            double measured = coarse[p] / fine[p] - 1;
            double predicted = modelCoarse[p] / modelFine[p] - 1;
            assertTrue(Math.abs(measured - predicted) <= 0.15 * Math.abs(predicted) + 2e-5,
                    "product " + p + ": measured change " + measured + ", predicted " + predicted);
        }
        // the error that matters is real here: ⟨I_B²⟩ moves by more than the 0.2 % target
        assertTrue(Math.abs(coarse[3] / fine[3] - 1) > 5e-3, "I_B^2 changed by " + (coarse[3] / fine[3] - 1));
    }

    @Test
    void automaticStepsMeetTheTargetAndALumpedLineNeedsOneStepPerSample() {
        BitExchangeResult ladder = BitExchangeSimulation.run(spice, settings(LADDER, 20, 4, 3), i -> { });
        assertTrue(ladder.steps().stepsPerSample() > 1, "the ladder needs more than one step: " + ladder.steps());
        assertTrue(ladder.discretisationBound() <= StepChoice.TARGET, ladder.steps().toString());
        assertEquals(4, ladder.settings().noiseGrid());
        BitExchangeResult lumped = BitExchangeSimulation.run(spice, settings(new LumpedLine(300), 20, 4, 3),
                i -> { });
        assertEquals(1, lumped.steps().stepsPerSample());
        assertEquals(0.0, lumped.discretisationBound());
        assertEquals(1, lumped.settings().noiseGrid());
        // one solver point per Nyquist sample and one guard step per bit, plus ngspice's start-up steps (its first
        // step is a tenth of the grid step, then doubles)
        assertTrue(lumped.acceptedPoints() <= 4 * 21 + 30, "points " + lumped.acceptedPoints());
        // the default goal: pre-warped noise, one step per grid point, the grid fine enough for the distributions
        BitExchangeResult prewarped = BitExchangeSimulation.run(spice, defaults(LADDER, 20, 4, 3),
                i -> { });
        assertEquals(1, prewarped.steps().stepsPerSample());
        assertTrue(prewarped.settings().injectedNoise() instanceof org.kljn.noise.PrewarpedNoise);
        assertTrue(prewarped.discretisationBound() <= StepChoice.TARGET, prewarped.steps().toString());
        assertTrue(prewarped.steps().varianceInflation() <= StepChoice.INFLATION_TARGET, prewarped.steps().toString());
        // the grid is the coarsest that meets the target: one point fewer per Nyquist interval would not, unless
        // the grid is the window likelihood ratio's floor (bits of at most 256 Nyquist samples measure that detector,
        // which needs the band edge within 0.2 %: TransientWindowDetector.windowGrid)
        BitExchangeSettings coarser = prewarped.settings().withOversampling(
                prewarped.settings().noiseGrid() - 1);
        SituationExpectations exact = SituationExpectations.of(spice, coarser,
                coarser.injectedNoise().band());
        assertTrue(prewarped.settings().noiseGrid() == TransientWindowDetector.windowGrid()
                || StepChoice.inflation(coarser, exact, coarser.injectedNoise().gridStep())
                > StepChoice.INFLATION_TARGET * 0.9, "K = " + prewarped.settings().noiseGrid() + " is not the coarsest");
    }

    /**
     * Blocks of bits run on a pool of two instances give bit for bit the numbers of one instance: the block
     * layout depends on the settings only. Enough bits for several blocks on a lumped line and on a ladder.
     */
    @Test
    void theSameSeedGivesTheSameNumbersWithOneAndTwoThreads() {
        for (LineModel line : new LineModel[] {new LumpedLine(300), new RcLadder(200, 2e-9, 4)}) {
            BitExchangeSettings s = defaults(line, 100, 900, 17);
            assertTrue(BitSchedule.blocks(s, java.util.Collections.nCopies(900, Resistor.H)).size() >= 3);
            BitExchangeResult one = BitExchangeSimulation.run(spice, s, i -> { });
            BitExchangeResult two;
            try (NgSpicePool pool = NgSpicePool.of(2)) {
                two = BitExchangeSimulation.run(pool, s, i -> { });
            }
            assertEquals(one.aliceResistors(), two.aliceResistors());
            for (int i = 0; i < s.bits(); i++) {
                assertArrayEquals(one.bitAverages().get(i), two.bitAverages().get(i), 0.0, line.kind() + " bit " + i);
            }
            for (Attack a : Attack.values()) {
                assertEquals(one.eve().get(a).correct(), two.eve().get(a).correct(), a.key());
            }
            assertEquals(one.aliceBobErrors(), two.aliceBobErrors());
            assertEquals(one.acceptedPoints(), two.acceptedPoints());
        }
    }
}

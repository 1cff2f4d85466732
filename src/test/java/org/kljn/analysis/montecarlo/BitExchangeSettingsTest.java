package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Test;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Monte Carlo's settings: built by name, tied to the exact analysis's noise and bit, checked in the domain. */
class BitExchangeSettingsTest {
    private static final ResistorPair PAIR = new ResistorPair(1e3, 10e3);

    @Test
    void theSimulationTakesTheAnalysissNoiseBandBetaAndBitLength() {
        AnalysisSettings analysis = AnalysisSettings.builder().tEff(3e8).bandwidth(2e3).beta(1.05).bitSamples(300)
                .build();
        BitExchangeSettings s = BitExchangeSettings.builder(PAIR, new LumpedLine(100), analysis).bits(10).build();
        assertEquals(300, s.bitSamples());
        assertEquals(analysis.bitDuration(), s.bitDuration(), 0);
        assertEquals(3e8, s.tEff(), 0);
        assertEquals(2e3, s.bandwidth(), 0);
        assertEquals(1.05, s.beta(), 0);
    }

    @Test
    void theDefaultAccuracyGoalIsTheOneConstantUnlessTheFirGridOrStepsAreGiven() {
        RcLadder ladder = new RcLadder(100, 100e-9, 8);
        assertEquals(AccuracyGoal.DEFAULT, BitExchangeSettings.builder(PAIR, ladder).build().accuracy());
        assertEquals(AccuracyGoal.FIR, BitExchangeSettings.builder(PAIR, ladder).noiseGrid(4).build().accuracy());
        assertEquals(AccuracyGoal.FIR, BitExchangeSettings.builder(PAIR, ladder).stepsPerSample(2).build().accuracy());
        assertEquals(AccuracyGoal.MOMENTS, BitExchangeSettings.builder(PAIR, ladder).noiseGrid(4)
                .accuracy(AccuracyGoal.MOMENTS).build().accuracy());
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheQuantity() {
        LumpedLine line = new LumpedLine(100);
        assertEquals(Parameter.BITS, assertThrows(ParameterException.class,
                () -> BitExchangeSettings.builder(PAIR, line).bits(0).build()).parameter());
        assertEquals(Parameter.BIT_SAMPLES, assertThrows(ParameterException.class,
                () -> BitExchangeSettings.builder(PAIR, line).bitSamples(1).build()).parameter());
        // -1 would otherwise read as "automatic"
        assertEquals(Parameter.GUARD_TIME, assertThrows(ParameterException.class,
                () -> BitExchangeSettings.builder(PAIR, line).guard(-1)).parameter());
        assertEquals(Parameter.NOISE_GRID, assertThrows(ParameterException.class,
                () -> BitExchangeSettings.builder(PAIR, line).noiseGrid(65).build()).parameter());
        ParameterException budget = assertThrows(ParameterException.class,
                () -> BitExchangeSettings.builder(PAIR, line).bits(100_000).bitSamples(100_000).build());
        assertEquals(Parameter.BITS, budget.parameter());
        assertTrue(budget.getMessage().contains("noise grid points; at most 2e+09"), budget.getMessage());
    }
}

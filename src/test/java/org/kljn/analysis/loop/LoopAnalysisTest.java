package org.kljn.analysis.loop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.closedform.LumpedKljn;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade's own guarantees: its β rules resolve to what they name, and it refuses what it cannot compute. */
@ExtendWith(NgSpiceExtension.class)
class LoopAnalysisTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    static final ResistorPair PAIR = new ResistorPair(1e3, 10e3);

    @Test
    void eachRuleResolvesToTheBetaItNames() {
        KljnLoop lumped = KljnLoop.secure(PAIR, Resistor.H, CableSpec.lumped(300).line());
        AnalysisSettings base = AnalysisSettings.builder().lumpedComparison(false).build();
        LoopAnalysisResult nulling = LoopAnalysis.run(spice, lumped, base.toBuilder().beta(BetaRule.nulling()).build());
        // the closed form of the lumped loop (test oracle): (1 + R_c/2R_L)/(1 + R_c/2R_H)
        assertEquals(LumpedKljn.betaNullSecondLaw(1e3, 10e3, 300), nulling.betaUsed(), 1e-9);
        assertEquals(0, nulling.signal(Attack.SECOND_LAW), 1e-9 * nulling.moments().scale(Attack.SECOND_LAW));
        LoopAnalysisResult eq11 = LoopAnalysis.run(spice, lumped, base.toBuilder().beta(BetaRule.eq11()).build());
        assertEquals((1 + 300 / 1e3) / (1 + 300 / 10e3), eq11.betaUsed(), 1e-12);
        // eq. 11 reverses the Second-Law signal to -R_H/(R_H+R_c) of its β = 1 value (docs/paper-crosscheck.md)
        LoopAnalysisResult one = LoopAnalysis.run(spice, lumped, base);
        assertEquals(-10e3 / (10e3 + 300), eq11.signal(Attack.SECOND_LAW) / one.signal(Attack.SECOND_LAW), 1e-9);
        KljnLoop rc = KljnLoop.secure(PAIR, Resistor.H, CableSpec.of(CableKind.LTRA, 200, 200e-9, Double.NaN, 0).line());
        LoopAnalysisResult minimax = LoopAnalysis.run(spice, rc, base.toBuilder().beta(BetaRule.minimax())
                .bandwidth(10e3).build());
        assertEquals(minimax.betaMinimax().getAsDouble(), minimax.betaUsed());
        // no β does better for Eve's best attack than the minimax β, on either side of it
        double atMinimax = minimax.eveStatistics().bestSnrRate(minimax.betaUsed());
        for (double f : new double[] {0.9, 0.99, 1.01, 1.1}) {
            assertTrue(minimax.eveStatistics().bestSnrRate(f * minimax.betaUsed()) >= atMinimax, "factor " + f);
        }
    }

    @Test
    void aResultBeyondItsOwnErrorBoundIsRefused() {
        KljnLoop rc = KljnLoop.secure(PAIR, Resistor.H, CableSpec.of(CableKind.LTRA, 100, 100e-9, Double.NaN, 0).line());
        AnalysisSettings wide = AnalysisSettings.builder().bandwidth(1e6).lumpedComparison(false).minimax(false).build();
        ParameterException e = assertThrows(ParameterException.class, () -> LoopAnalysis.run(spice, rc, wide));
        assertEquals(Parameter.SWEEP_POINTS, e.parameter());
        assertTrue(e.getMessage().contains("above the tolerance 1e-03") && e.getMessage().contains("more AC points"),
                e.getMessage());
        LoopAnalysisResult fine = LoopAnalysis.run(spice, rc, wide.toBuilder().points(4097).build());
        assertTrue(fine.errorBound() <= 1e-3, "bound " + fine.errorBound());
    }

    @Test
    void checkRefusesWithoutSimulating() {
        KljnLoop user = KljnLoop.secure(PAIR, Resistor.H,
                CableSpec.subcircuit(Path.of("netlists/twisted-pair.lib"), "twisted_pair").line());
        ParameterException e = assertThrows(ParameterException.class, () -> LoopAnalysis.check(user,
                AnalysisSettings.builder().beta(BetaRule.eq11()).build()));
        assertEquals(Parameter.BETA, e.parameter());
        KljnLoop coarse = KljnLoop.secure(PAIR, Resistor.H, CableSpec.of(CableKind.URC, 1e3, 1e-5, Double.NaN, 2).line());
        assertEquals(Parameter.SECTIONS, assertThrows(ParameterException.class, () -> LoopAnalysis.check(coarse,
                AnalysisSettings.builder().bandwidth(1e5).build())).parameter());
    }
}

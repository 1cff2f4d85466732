package org.kljn.analysis.defence;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.closedform.TwoPort;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.eavesdropper.SpectraOracle;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpiceOutput;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.ngspice.SpiceVector;
import org.kljn.testing.NgSpiceExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The defences side by side are answered from the transfer functions {@link LoopAnalysis} swept (issue: the four
 * situations were swept again by the optimal eavesdropper and again for each of the five β), and their J agrees
 * with the closed-form line.
 */
@ExtendWith(NgSpiceExtension.class)
class DefenceChoicesTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /** The real ngspice, counting the analyses it runs (each {@code run} is one AC sweep here). */
    private static final class CountingSimulator implements SpiceSimulator {
        private final SpiceSimulator spice;
        int runs;

        CountingSimulator(SpiceSimulator spice) {
            this.spice = spice;
        }

        @Override
        public void loadCircuit(List<String> lines) {
            spice.loadCircuit(lines);
        }

        @Override
        public void run() {
            runs++;
            spice.run();
        }

        @Override
        public NgSpiceOutput command(String command) {
            return spice.command(command);
        }

        @Override
        public String currentPlot() {
            return spice.currentPlot();
        }

        @Override
        public List<String> plots() {
            return spice.plots();
        }

        @Override
        public List<String> vectorNames(String plot) {
            return spice.vectorNames(plot);
        }

        @Override
        public SpiceVector vector(String name) {
            return spice.vector(name);
        }

        @Override
        public void freeCircuit() {
            spice.freeCircuit();
        }

        @Override
        public void close() {
            // the shared instance is closed by the class
        }
    }

    private static final double RL = 1e3, RH = 10e3, RC = 336, CC = 104e-9, BANDWIDTH = 500;

    /**
     * The analysis and its defences, computed once for both tests through a simulator that counts their sweeps. The
     * sweep counts and each defence's J (a long-bit rate from the spectra) do not depend on the bit length: bits of 20
     * Nyquist samples keep the exact window tests of the analysis and of each defence cheap.
     */
    private static LoopAnalysisResult analysis;
    private static DefenceChoices defences;
    private static int analysisSweeps;
    private static int defenceSweeps;

    @BeforeAll
    static void analyseAndDefend() {
        CountingSimulator counting = new CountingSimulator(spice);
        KljnLoop loop = KljnLoop.secure(new ResistorPair(RL, RH), Resistor.H, new LossyLine(RC, 0, 0, CC));
        analysis = LoopAnalysis.run(counting, loop, AnalysisSettings.builder().bandwidth(BANDWIDTH).bitSamples(20)
                .lumpedComparison(false).build());
        analysisSweeps = counting.runs;
        counting.runs = 0;
        defences = DefenceChoices.of(counting, analysis);
        defenceSweeps = counting.runs;
    }

    /**
     * The analysis sweeps each of the four situations once (two generators each); the five defences add only the
     * likelihood-ratio detector's sweep of the bit's bins, once for all (HL and LH, two generators each). Before,
     * they re-swept the two secure situations for the eavesdropper and all four for each β: 4 + 5 × 8 + 5 × 4 = 64.
     */
    @Test
    void defencesReuseTheAnalysisSweeps() {
        assertEquals(8, analysisSweeps, "AC sweeps of the analysis");
        assertEquals(4, defenceSweeps, "AC sweeps of the five defences");
        assertEquals(5, defences.choices().size(), "beta = 1, eq. 11, null, minimax, minimising J");
    }

    /**
     * Each defence's J (from the reused transfer functions) against the closed-form uniform RC line (cosh/sinh of
     * √(jωRC), Gauss-Legendre, no ngspice): within 1e-6 relative plus 10 × Richardson's bound, as in
     * {@code OptimalEavesdropperTest}. A J computed from the wrong situation's or wrong β's transfer functions is
     * off by far more (J changes by tens of percent between these β).
     */
    @Test
    void eachDefencesJeffreysRateMatchesTheClosedFormLine() {
        OptimalEavesdropper eve = analysis.optimalEavesdropper();
        for (DefenceChoices.Choice c : defences.choices()) {
            NoiseTemperatures t = NoiseTemperatures.standard(1, c.beta());
            double expected = SpectraOracle.jeffreysRate(RL, RH, w -> TwoPort.uniformRcLine(RC, CC, w), t, BANDWIDTH);
            assertEquals(expected, c.jeffreysRate(), 1e-6 * expected + 10 * eve.divergence(t).errorBound(),
                    c.key() + " at beta " + c.beta());
        }
    }
}

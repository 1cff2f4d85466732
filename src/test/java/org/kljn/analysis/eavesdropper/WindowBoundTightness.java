package org.kljn.analysis.eavesdropper;

import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.BandShape;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the window bound against the exact window (docs/eavesdropper-window.md, "How tight it is"): the paper's
 * lumped line (1k/10k, R_c 100 Ω, 1 kHz) at β = 1, 1.05 and 0.1 % off its null, and an 8-section RC ladder
 * (500 Ω, 100 nF) at β = 1, default instrument, the default reference of 128 Nyquist samples. Not a test: a
 * measurement the docs quote, run with {@code java -cp target/test-classes:target/classes:CLASSPATH
 * org.kljn.analysis.eavesdropper.WindowBoundTightness}.
 */
public final class WindowBoundTightness {
    private WindowBoundTightness() {
    }

    public static void main(String[] args) {
        ResistorPair pair = new ResistorPair(1e3, 10e3);
        double nullBeta = (1 + 100 / 2e3) / (1 + 100 / 20e3);
        double reference = OptimalResult.BOUND_REFERENCE_SAMPLES / 2e3;
        System.out.println("| line | beta | M | bound B | exact B | bound p | exact p | bound I (bits) | exact I (bits) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        try (NgSpice spice = NgSpice.open()) {
            for (LineModel line : List.of(new LumpedLine(100), new RcLadder(500, 100e-9, 8))) {
                Map<Situation, TransferFunctions> tf = ExactAnalysis.transferFunctions(spice, pair, line,
                        BandShape.brickWall(1e3), ExactAnalysis.DEFAULT_POINTS, EnumSet.allOf(Situation.class));
                WindowEavesdropper eve = WindowEavesdropper.of(pair, line, tf);
                double[] betas = line instanceof LumpedLine ? new double[] {1, 1.05, nullBeta * 1.001} : new double[] {1};
                for (double beta : betas) {
                    NoiseTemperatures t = NoiseTemperatures.standard(1e9, beta);
                    for (int m : new int[] {200, 256, 1000}) {
                        double tau = m / 2e3;
                        WindowBound b = eve.bound(t, tau, EveInstrument.defaults(), reference);
                        String exact = "| – | – | –";
                        String exactB = "–";
                        if (m <= OptimalResult.WINDOW_LIMIT) {
                            WindowLikelihoodRatio w = eve.test(t, tau, EveInstrument.defaults());
                            double be = 0;
                            for (double d : w.relativeEigenvalues()) {
                                be += 0.5 * Math.log1p(0.5 * d) - 0.25 * Math.log1p(d);
                            }
                            exactB = String.format(Locale.ROOT, "%.4g", be);
                            exact = String.format(Locale.ROOT, "| %.6f | %.4g | %.4g", w.successProbability(),
                                    b.mutualInformation(), w.mutualInformation());
                        } else {
                            exact = String.format(Locale.ROOT, "| – | %.4g | –", b.mutualInformation());
                        }
                        System.out.printf(Locale.ROOT, "| %s | %.5f | %d | %.4g | %s | %.6f %s |%n", line, beta, m,
                                b.bhattacharyya(), exactB, b.successProbability(), exact);
                    }
                }
            }
        }
    }
}

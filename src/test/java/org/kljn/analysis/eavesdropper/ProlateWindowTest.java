package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.UniformRcLine;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window test on the prolate basis (product-rule Gram, {@link WindowEavesdropper#test}) against the same test on
 * the Legendre polynomials alone (per-interval Gauss Gram, {@link WindowEavesdropper#legendreTest}): two bases, two quadratures, one
 * likelihood ratio, each with its own left-out bound (≤ 1e-20 of the floor).
 */
@ExtendWith(NgSpiceExtension.class)
class ProlateWindowTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    static Stream<Arguments> loops() {
        return Stream.of(
                Arguments.of("lumped 100 ohm", new LumpedLine(100), 1.0),
                Arguments.of("lumped 100 ohm near its null", new LumpedLine(100), 1.05),
                Arguments.of("RC ladder 8 x (500 ohm, 100 nF)", new RcLadder(500, 100e-9, 8), 1.0),
                Arguments.of("uniform RC line 800 ohm, 15 nF", new UniformRcLine(800, 15e-9, 16), 1.0),
                Arguments.of("LTRA 336 ohm, 1.04 mH, 104 nF", new LossyLine(336, 1.04e-3, 0, 104e-9), 1.0));
    }

    /**
     * Success and information (bits) agree to 1e-9 absolute, the Jeffreys divergence and the Bhattacharyya distance
     * (Σ ½ ln(1 + δ/2) − ¼ ln(1 + δ) over the pencil) to 1e-9 relative (they reach ~200 here, and the pencil's
     * rounding is relative: the signal lies ~1e10 above the floor), at M = 2 … 256 on 1 kHz; the prolate pencil is
     * smaller from M = 10 on. Measured differences: ≤ 1.4e-11 in success and information, ≤ 1.7e-10 relative in J
     * and B (the pencil's rounding). What this catches (each measured on the ladder by editing the code): the phase
     * i^{k−b} of the prolate transforms left out moves J by 4 % at M = 50 and 42 % at M = 256 (and the information by
     * 3e-9 at M = 10); stopping at the band's 2f_maxτ functions (the transition dropped) reports a left-out energy of
     * ~1e7 floor units, so success and information become their upper value 1 (and J falls by 10-50 %). It cannot see a truncation that leaves
     * out less than ~1e-9 of signal energy in floor units: the left-out bound is tested against the trace identity in
     * {@link ProlateBasisTest}.
     */
    @ParameterizedTest(name = "{0}, beta {2}")
    @MethodSource("loops")
    void prolateWindowIsTheLegendreWindow(String name, LineModel line, double beta) {
        ResistorPair pair = new ResistorPair(1e3, 10e3);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line, WindowEavesdropperTest.situations(spice, pair,
                line, 1e3));
        NoiseTemperatures t = NoiseTemperatures.standard(1e9, beta);
        EveInstrument instrument = EveInstrument.defaults();
        for (int m : new int[] {2, 5, 10, 50, 128, 256}) {
            double tau = m / 2e3;
            WindowLikelihoodRatio prolate = eve.test(t, tau, instrument);
            WindowLikelihoodRatio legendre = eve.legendreTest(t, tau, instrument);
            String at = name + ", M = " + m;
            assertEquals(legendre.successProbability(), prolate.successProbability(), 1e-9, at + ": success");
            assertEquals(legendre.mutualInformation(), prolate.mutualInformation(), 1e-9, at + ": information");
            assertEquals(legendre.jeffreys(), prolate.jeffreys(), 1e-9 * Math.max(1, legendre.jeffreys()),
                    at + ": Jeffreys");
            double b = bhattacharyya(legendre);
            assertEquals(b, bhattacharyya(prolate), 1e-9 * Math.max(1, b), at + ": Bhattacharyya");
            double[] tails = prolate.leftOutEnergy();
            assertTrue(tails[0] + tails[1] <= WindowEavesdropper.TAIL_TARGET, at + ": left out " + tails[0] + " + "
                    + tails[1]);
            if (m >= 10) {
                assertTrue(prolate.basisFunctions() < 0.8 * legendre.basisFunctions(), at + ": "
                        + prolate.basisFunctions() + " prolate against " + legendre.basisFunctions() + " Legendre");
            }
        }
    }

    private static double bhattacharyya(WindowLikelihoodRatio lr) {
        double b = 0;
        for (double d : lr.relativeEigenvalues()) {
            b += 0.5 * Math.log1p(0.5 * d) - 0.25 * Math.log1p(d);
        }
        return b;
    }
}

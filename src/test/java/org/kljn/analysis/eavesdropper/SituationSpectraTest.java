package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * AC sweeps of one or two frequencies (the likelihood-ratio detector's bins for bits of 2 to 5 Nyquist samples,
 * issue 22 item 14: ngspice 39.3's {@code .ac lin 2} yields one point, and one point was refused) against the same
 * frequencies taken from a 9-point sweep of the same loop: every probe's transfer function agrees to 1e-12.
 */
@ExtendWith(NgSpiceExtension.class)
class SituationSpectraTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void oneOrTwoFrequenciesAreTheSweepsOwnValuesThere(int points) {
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, new RcLadder(500, 100e-9, 8));
        double f1 = 250, spacing = 500;
        SituationSpectra few = SituationSpectra.sweep(spice, loop, f1, f1 + (points - 1) * spacing, points);
        SituationSpectra many = SituationSpectra.sweep(spice, loop, f1, f1 + 8 * spacing, 9);
        assertEquals(points, few.size());
        double[] a = new double[4], b = new double[4];
        for (int k = 0; k < points; k++) {
            assertEquals(many.frequency()[k], few.frequency()[k], 1e-9);
            few.matrix(k, 1, 0.7, a);
            many.matrix(k, 1, 0.7, b);
            for (int i = 0; i < 4; i++) {
                assertEquals(b[i], a[i], 1e-12 * Math.abs(b[0]), "bin " + k + ", element " + i);
            }
        }
    }
}

package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Gram accumulation split over threads ({@code WindowEavesdropper.GramRows}) gives the same bits as on one
 * thread: each entry is summed over the nodes in the same order whichever task holds its row. Run three ways: inside
 * a one-thread ForkJoin pool (one task: sequential), on the test thread (the common pool's workers and this thread:
 * two tasks or more) and inside a three-thread pool (three tasks, the snake of row blocks over more than two). The
 * correctness of the matrices themselves is {@link WindowEavesdropperTest}'s and {@link ProlateWindowTest}'s.
 */
@ExtendWith(NgSpiceExtension.class)
class GramThreadsTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    static Stream<Arguments> loops() {
        // the ladder has an imaginary U-I cross-spectrum (four Gram blocks), the lumped loop a real one (three)
        return Stream.of(Arguments.of("RC ladder 8 x (500 ohm, 100 nF)", new RcLadder(500, 100e-9, 8)),
                Arguments.of("lumped 500 ohm", new LumpedLine(500)));
    }

    /**
     * The Legendre Gram ({@link WindowEavesdropper#coefficientCovariances}, SI) and the prolate pencil's eigenvalues
     * ({@link WindowEavesdropper#test}), bit for bit, at M = 50 and 256 on 1 kHz. The split must really run: at M = 50
     * the prolate Gram has 3.2e6 terms on the ladder (counted), at M = 256 2.2e8, both above the threshold.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    void theSplitGramIsTheSequentialOne(String name, LineModel line) throws Exception {
        assertTrue(WindowEavesdropper.PARALLEL_TERMS <= 3_000_000, "the split is not exercised at M = 50");
        ResistorPair pair = new ResistorPair(1e3, 10e3);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line, WindowEavesdropperTest.situations(spice, pair,
                line, 1e3));
        NoiseTemperatures t = NoiseTemperatures.standard(1e9, 1);
        EveInstrument instrument = EveInstrument.defaults();
        for (int m : new int[] {50, 256}) {
            double tau = m / 2e3;
            String at = name + ", M = " + m;
            Callable<WindowEavesdropper.CoefficientCovariances> gram = () -> eve.coefficientCovariances(t, tau,
                    instrument);
            Callable<double[]> pencil = () -> eve.test(t, tau, instrument).relativeEigenvalues();
            WindowEavesdropper.CoefficientCovariances one = inPool(1, gram);
            double[] onePencil = inPool(1, pencil);
            assertTrue(onePencil.length > 0, at);
            for (int threads : new int[] {0, 3}) {
                String how = at + (threads == 0 ? ", common pool" : ", pool of " + threads);
                WindowEavesdropper.CoefficientCovariances split = threads == 0 ? gram.call() : inPool(threads, gram);
                assertBits(one.hl(), split.hl(), how + ": HL Gram");
                assertBits(one.lh(), split.lh(), how + ": LH Gram");
                double[] splitPencil = threads == 0 ? pencil.call() : inPool(threads, pencil);
                assertArrayEquals(bits(onePencil), bits(splitPencil), how + ": pencil eigenvalues");
            }
        }
    }

    private static <T> T inPool(int threads, Callable<T> work) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work).get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertBits(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(bits(expected[i]), bits(actual[i]), what + ", row " + i);
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}

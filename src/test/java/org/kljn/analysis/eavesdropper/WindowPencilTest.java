package org.kljn.analysis.eavesdropper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

/**
 * Proves that {@link WindowPencil}'s parity split is exact and taken only where it holds, on the real window
 * matrices of two loops (ngspice AC analyses, 1 kHz brick wall, β = 1, the default instrument):
 * <ul>
 * <li>a lumped loop (real cross-spectrum): the matrices have no cross-parity entry, the pencil splits, and its δ
 * (sorted), ln det(I + A_LH), degrees of freedom and ln det of the mean covariance equal the unsplit computation's
 * and Commons Math's independent ones (Cholesky, L⁻¹ΔL⁻ᵀ by an explicit inverse, a full eigen-decomposition,
 * (I + A)⁻¹ by LU) to 1e-8 of the largest |δ| (the two congruences' rounding, amplified by I + A_LH's condition
 * number, reaches 2e-10 of it here), 1e-12 relative (log-determinants) and 1e-7 per dimension (the freedom, an
 * n − tr(I + A)⁻¹ measured to 2e-10 per dimension, against its rounding margin of 1e-6); the split and the
 * unsplit δ, which share the same Cholesky factor (the zero blocks add nothing to it), to 1e-12 of the largest: a
 * δ lost, duplicated or taken from the wrong block, or a block's log-determinant or freedom dropped, moves them by
 * O(1);</li>
 * <li>an RC ladder (Im G_UI ≠ 0 couples the parities): not split, and still Commons Math's values.</li>
 * </ul>
 */
@ExtendWith(NgSpiceExtension.class)
class WindowPencilTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /**
     * Beyond {@link WindowPencil#RESOLVED_SIGNAL} (the loop's noise over Eve's floor in one window dimension) the
     * pencil, the mean's log-determinant and the freedom refuse (ArithmeticException: the callers then give Eve the
     * bound), and just below it they compute: the same lumped loop's matrices scaled to 1.01 and 0.99 of the limit
     * at their largest diagonal entry (HL's or LH's).
     */
    @Test
    void anUnresolvedFloorIsRefusedNotComputed() {
        double[][][] m = whitened(new ResistorPair(2.2e3, 47e3), new LumpedLine(680), 20);
        double largest = 0;
        for (int i = 0; i < m[0].length; i++) {
            largest = Math.max(largest, Math.max(m[0][i][i], m[0][i][i] + m[1][i][i]));
        }
        double[][][] above = scaled(m, 1.01 * WindowPencil.RESOLVED_SIGNAL / largest);
        assertThrows(ArithmeticException.class, () -> WindowPencil.pencil(copy(above[0]), copy(above[1])));
        assertThrows(ArithmeticException.class, () -> WindowPencil.logDetMean(copy(above[0]), copy(above[1])));
        double[][][] lhAbove = scaled(m, 1.01 * WindowPencil.RESOLVED_SIGNAL / maxDiagonal(m[0]));
        assertThrows(ArithmeticException.class, () -> WindowPencil.freedom(copy(lhAbove[0])));
        double[][][] below = scaled(m, 0.99 * WindowPencil.RESOLVED_SIGNAL / largest);
        double[] delta = WindowPencil.pencil(copy(below[0]), copy(below[1])).delta();
        assertTrue(Arrays.stream(delta).allMatch(Double::isFinite), "computed below the limit");
    }

    private static double maxDiagonal(double[][] a) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, a[i][i]);
        }
        return largest;
    }

    private static double[][][] scaled(double[][][] m, double factor) {
        double[][][] out = new double[m.length][][];
        for (int k = 0; k < m.length; k++) {
            out[k] = copy(m[k]);
            for (double[] row : out[k]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= factor;
                }
            }
        }
        return out;
    }

    @Test
    void lumpedLoopSplitsIntoParityBlocksExactly() {
        double[][][] m = whitened(new ResistorPair(2.2e3, 47e3), new LumpedLine(680), 20);
        int n = m[0].length;
        int[][] classes = WindowPencil.parityClasses(m[0], m[1]);
        assertNotNull(classes, "a lumped loop's cross-spectrum is real: no cross-parity entry");
        assertEquals(n, classes[0].length + classes[1].length);
        WindowPencil.Pencil split = WindowPencil.pencil(copy(m[0]), copy(m[1]));
        WindowPencil.Pencil whole = WindowPencil.whole(copy(m[0]), copy(m[1]));
        assertEquals(2, split.factorsLh().length);
        assertEquals(1, whole.factorsLh().length);
        Oracle oracle = new Oracle(m[0], m[1]);
        assertPencil(oracle, whole, "whole");
        assertPencil(oracle, split, "split");
        double[] a0 = whole.delta().clone();
        double[] a1 = split.delta().clone();
        Arrays.sort(a0);
        Arrays.sort(a1);
        double scale = Math.max(Math.abs(a0[0]), Math.abs(a0[n - 1]));
        for (int i = 0; i < n; i++) {
            assertEquals(a0[i], a1[i], 1e-12 * scale, "split against whole: δ " + i);
        }
        assertEquals(oracle.logDetMean, WindowPencil.logDetMean(copy(m[0]), copy(m[1])),
                1e-12 * Math.abs(oracle.logDetMean), "ln det of the mean covariance");
        double[][] a = copy(m[0]);
        assertEquals(oracle.freedom + WindowPencil.FREEDOM_ROUNDING * n, WindowPencil.freedom(a), 1e-7 * n,
                "freedom from A_LH alone");
    }

    @Test
    void ladderIsNotSplitAndStillRight() {
        double[][][] m = whitened(new ResistorPair(1.5e3, 12e3), new RcLadder(800, 15e-9, 8), 20);
        assertNull(WindowPencil.parityClasses(m[0], m[1]), "Im G_UI couples the parities on a ladder");
        assertNull(WindowPencil.parityClasses(m[0]));
        WindowPencil.Pencil p = WindowPencil.pencil(copy(m[0]), copy(m[1]));
        assertEquals(1, p.factorsLh().length);
        assertPencil(new Oracle(m[0], m[1]), p, "ladder");
    }

    /**
     * The forked halves are bit-identical to one thread: on a lumped loop at M = 120 (dimension at least
     * {@link WindowPencil#FORK_DIMENSION}, so {@link WindowPencil#pencil} computes its two parity blocks at once) the δ
     * and log-determinants equal, bit for bit, the blocks computed one after the other here; and the congruence's
     * two solves in column ranges equal the whole solves bit for bit, on the ladder's unsplit pencil. Run on a pool of two
     * workers so that the forked half can run on the other one.
     */
    @Test
    void forkedHalvesAreBitIdenticalToOneThread() throws Exception {
        double[][][] m = whitened(new ResistorPair(2.2e3, 47e3), new LumpedLine(680), 120);
        int n = m[0].length;
        assertTrue(n >= WindowPencil.FORK_DIMENSION, "dimension " + n + " forks");
        int[][] classes = WindowPencil.parityClasses(m[0], m[1]);
        assertNotNull(classes);
        WindowPencil.Pencil even = WindowPencil.whole(WindowPencil.block(m[0], classes[0]),
                WindowPencil.block(m[1], classes[0]), false);
        WindowPencil.Pencil odd = WindowPencil.whole(WindowPencil.block(m[0], classes[1]),
                WindowPencil.block(m[1], classes[1]), false);
        double[][][] ladder = whitened(new ResistorPair(1.5e3, 12e3), new RcLadder(800, 15e-9, 8), 120);
        double[][] c = copy(ladder[0]);
        for (int i = 0; i < c.length; i++) {
            c[i][i] += 1;
        }
        double[][] l = WindowPencil.cholesky(c);
        double[][] b = copy(ladder[1]);
        double[][] whole = WindowPencil.lowerSolveColumns(l, b);
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2);
        try {
            WindowPencil.Pencil split = pool.submit(() -> WindowPencil.pencil(copy(m[0]), copy(m[1]))).get();
            double[] expected = Arrays.copyOf(even.delta(), n);
            System.arraycopy(odd.delta(), 0, expected, even.delta().length, odd.delta().length);
            assertTrue(Arrays.equals(expected, split.delta()), "parity blocks at once: the same δ, bit for bit");
            assertEquals(even.logDetLh() + odd.logDetLh(), split.logDetLh(), 0.0, "ln det");
            double[][] halves = pool.submit(() -> WindowPencil.lowerSolveColumnsInHalves(l, b)).get();
            for (int i = 0; i < whole.length; i++) {
                assertTrue(Arrays.equals(whole[i], halves[i]), "L⁻¹B in column halves, row " + i);
            }
            double[][] lower = new double[b.length][];
            for (int i = 0; i < b.length; i++) {
                lower[i] = Arrays.copyOf(b[i], i + 1);
            }
            double[][] wholeLower = WindowPencil.lowerSolveLower(l, copy(lower));
            double[][] rangesLower = pool.submit(() -> WindowPencil.lowerSolveLowerInHalves(l, copy(lower))).get();
            for (int i = 0; i < b.length; i++) {
                assertTrue(Arrays.equals(wholeLower[i], rangesLower[i]), "L⁻¹D (lower) in column ranges, row " + i);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void assertPencil(Oracle oracle, WindowPencil.Pencil p, String what) {
        int n = oracle.delta.length;
        double[] delta = p.delta().clone();
        Arrays.sort(delta);
        double scale = Math.max(Math.abs(oracle.delta[0]), Math.abs(oracle.delta[n - 1]));
        assertEquals(n, delta.length, what);
        for (int i = 0; i < n; i++) {
            assertEquals(oracle.delta[i], delta[i], 1e-8 * scale, what + ": δ " + i);
        }
        assertEquals(oracle.logDetLh, p.logDetLh(), 1e-12 * Math.abs(oracle.logDetLh), what + ": ln det");
        assertEquals(oracle.freedom + WindowPencil.FREEDOM_ROUNDING * n, p.freedomLh(), 1e-7 * n,
                what + ": freedom");
    }

    /** Commons Math's δ (sorted), ln det(I + A), tr A(I + A)⁻¹ and ln det(I + A + Δ/2). */
    private static final class Oracle {
        final double[] delta;
        final double logDetLh;
        final double freedom;
        final double logDetMean;

        Oracle(double[][] aLh, double[][] d) {
            int n = aLh.length;
            RealMatrix identity = MatrixUtils.createRealIdentityMatrix(n);
            RealMatrix c = MatrixUtils.createRealMatrix(aLh).add(identity);
            RealMatrix delta = MatrixUtils.createRealMatrix(d);
            CholeskyDecomposition chol = new CholeskyDecomposition(c, 1e-12, 1e-300);
            RealMatrix lInv = MatrixUtils.inverse(chol.getL());
            RealMatrix x = lInv.multiply(delta).multiply(lInv.transpose());
            x = x.add(x.transpose()).scalarMultiply(0.5);
            this.delta = new EigenDecomposition(x).getRealEigenvalues();
            Arrays.sort(this.delta);
            this.logDetLh = Math.log(chol.getDeterminant());
            this.freedom = n - MatrixUtils.inverse(c).getTrace();
            this.logDetMean = Math.log(new CholeskyDecomposition(c.add(delta.scalarMultiply(0.5)), 1e-12, 1e-300)
                    .getDeterminant());
        }
    }

    /** {A_LH, Δ}: the loop's window covariances of M Nyquist samples, whitened by the default instrument's floor. */
    static double[][][] whitened(ResistorPair pair, LineModel line, int m) {
        double bandwidth = 1e3;
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line,
                WindowEavesdropperTest.situations(spice, pair, line, bandwidth));
        WindowEavesdropper.CoefficientCovariances cov = eve.coefficientCovariances(
                NoiseTemperatures.standard(1e9, 1), m / (2 * bandwidth), EveInstrument.defaults());
        int k = cov.order();
        double[][] hl = cov.hl();
        double[][] lh = cov.lh();
        double[][] a = new double[2 * k][2 * k];
        double[][] d = new double[2 * k][2 * k];
        for (int i = 0; i < 2 * k; i++) {
            for (int j = 0; j < 2 * k; j++) {
                double w = Math.sqrt(cov.floorVariance()[i / k] * cov.floorVariance()[j / k]);
                a[i][j] = lh[i][j] / w;
                d[i][j] = (hl[i][j] - lh[i][j]) / w;
            }
        }
        return new double[][][] {a, d};
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}

package org.kljn.analysis.eavesdropper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that {@link SymmetricEigenvalues} (the window pencil's eigenvalues: fused Householder reduction, then QR on
 * the tridiagonal matrix) returns a symmetric matrix's eigenvalues, against Commons Math's independent
 * decomposition: dense random matrices, a graded one (entries falling over 30 orders of magnitude, as the pencil's
 * δ do), and one with zero columns and a block already diagonal (the reflectors that are the identity, which the
 * fused loop skips). Both are backward stable, so they agree to a small multiple of n·ε·‖A‖; a wrong reflector,
 * a skipped update or an off-by-one in the fused pass moves eigenvalues by O(‖A‖) and fails.
 */
class SymmetricEigenvaluesTest {
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 7, 40, 201})
    void denseRandomMatricesMatchCommonsMath(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextGaussian();
            }
        }
        assertEigenvalues(a);
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {30, 120})
    void gradedMatrixMatchesCommonsMath(int n) {
        SplittableRandom random = new SplittableRandom(31L * n);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextGaussian() * Math.pow(10, -15.0 * (i + j) / n);
            }
        }
        assertEigenvalues(a);
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {6, 25})
    void zeroColumnsAndADiagonalBlockMatchCommonsMath(int n) {
        SplittableRandom random = new SplittableRandom(7L * n);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                // rows 1 and 3 zero off the diagonal, the last third diagonal: columns already reduced
                boolean zero = i != j && (i == 1 || j == 1 || i == 3 || j == 3 || i >= 2 * n / 3);
                a[i][j] = a[j][i] = zero ? 0 : random.nextGaussian();
            }
        }
        assertEigenvalues(a);
    }

    private static void assertEigenvalues(double[][] a) {
        int n = a.length;
        double[] expected = new EigenDecomposition(MatrixUtils.createRealMatrix(a)).getRealEigenvalues();
        double norm = 0;
        for (double[] row : a) {
            for (double v : row) {
                norm += v * v;
            }
        }
        norm = Math.sqrt(norm);
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            copy[i] = a[i].clone();
        }
        double[] actual = SymmetricEigenvalues.of(copy);
        Arrays.sort(expected);
        Arrays.sort(actual);
        assertEquals(n, actual.length);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], actual[i], 50 * n * Math.ulp(1.0) * Math.max(norm, Double.MIN_NORMAL),
                    "eigenvalue " + i + " of " + n);
        }
    }
}

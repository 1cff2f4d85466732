package org.kljn.analysis.eavesdropper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that {@link SymmetricEigenvalues} (the window pencil's eigenvalues: fused Householder reduction, then
 * root-free QL/QR on the tridiagonal matrix) returns a symmetric matrix's eigenvalues, against Commons Math's independent
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

    /**
     * The tridiagonal stage alone ({@link SymmetricEigenvalues#tridiagonalEigenvalues}, root-free QL/QR) against
     * Commons Math on tridiagonal matrices that take its every branch: a random one and the same upside down (QL on
     * one, QR on the other: it iterates from the larger end), graded over 30 orders of magnitude both ways, ones that split into
     * blocks of 1, 2 (the closed form) and more, a scale near overflow and one near underflow (e² then leaves double
     * precision unless the block is scaled), and the 1-2-1 matrix with known eigenvalues 2 − 2cos(kπ/(n + 1)).
     * A wrong sign in the shift, a lost e² or an eigenvalue taken from the wrong end moves eigenvalues by O(‖T‖).
     */
    @ParameterizedTest(name = "case {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void tridiagonalEigenvaluesMatchCommonsMath(int which) {
        int n = which == 8 ? 3 : 150;
        SplittableRandom random = new SplittableRandom(1000 + which);
        double[] d = new double[n];
        double[] e = new double[n - 1];
        for (int i = 0; i < n; i++) {
            d[i] = random.nextGaussian();
            if (i < n - 1) {
                e[i] = random.nextGaussian();
            }
        }
        switch (which) {
            case 1 -> reverse(d, e); // the same matrix upside down
            case 2, 3 -> {
                for (int i = 0; i < n; i++) {
                    double g = Math.pow(10, -30.0 * i / n);
                    d[i] *= g;
                    if (i < n - 1) {
                        e[i] *= g;
                    }
                }
                if (which == 3) {
                    reverse(d, e);
                }
            }
            case 4 -> {
                for (int i = 0; i < n - 1; i++) {
                    if (i % 7 == 0 || i % 7 == 2 || i % 11 == 5) {
                        e[i] = 0; // blocks of 1, 2 and more
                    }
                }
            }
            case 5, 6 -> {
                // Commons Math itself fails at these scales: its oracle is the unscaled matrix's, scaled
                for (int i = 0; i < n; i++) {
                    d[i] *= extremeScale(which);
                    if (i < n - 1) {
                        e[i] *= extremeScale(which);
                    }
                }
            }
            case 7, 8 -> {
                java.util.Arrays.fill(d, 2);
                java.util.Arrays.fill(e, -1);
            }
            default -> {
            }
        }
        double unscale = 1 / extremeScale(which);
        double[][] t = new double[n][n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            t[i][i] = d[i] * unscale;
            norm += t[i][i] * t[i][i];
            if (i < n - 1) {
                t[i][i + 1] = t[i + 1][i] = e[i] * unscale;
                norm += 2 * t[i][i + 1] * t[i][i + 1];
            }
        }
        norm = Math.sqrt(norm) / unscale;
        double[] expected = new double[n];
        if (which >= 7) {
            for (int k = 1; k <= n; k++) {
                expected[k - 1] = 2 - 2 * Math.cos(k * Math.PI / (n + 1));
            }
        } else {
            expected = new EigenDecomposition(MatrixUtils.createRealMatrix(t)).getRealEigenvalues();
            for (int i = 0; i < n; i++) {
                expected[i] /= unscale;
            }
        }
        double[] actual = d.clone();
        assertTrue(SymmetricEigenvalues.tridiagonalEigenvalues(actual, e.clone()), "converged");
        Arrays.sort(expected);
        Arrays.sort(actual);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], actual[i], 20 * n * Math.ulp(1.0) * norm, "eigenvalue " + i + " of case " + which);
        }
    }

    private static double extremeScale(int which) {
        return which == 5 ? 1e200 : which == 6 ? 1e-200 : 1;
    }

    private static void reverse(double[] d, double[] e) {
        for (int i = 0, j = d.length - 1; i < j; i++, j--) {
            double x = d[i];
            d[i] = d[j];
            d[j] = x;
        }
        for (int i = 0, j = e.length - 1; i < j; i++, j--) {
            double x = e[i];
            e[i] = e[j];
            e[j] = x;
        }
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

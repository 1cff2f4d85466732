package org.kljn.analysis.montecarlo;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

import java.util.Random;
import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.WindowLikelihoodRatio;
import org.kljn.analysis.exact.NoiseTemperatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window likelihood ratio applied to coefficients, against Commons Math's densities, and on a synthetic Gaussian
 * process with known covariances (pure Java: synthesised in time, projected by {@link LegendreProjection}, floor
 * added, Λ, the empirical success and information) against the exact prediction {@link WindowLikelihoodRatio}.
 */
class WindowLikelihoodStatisticTest {
    static final int ORDER = 6;
    static final double TAU = 0.01;
    /** Eve's default floor variances per coefficient, N/2. */
    static final double VOLTAGE_FLOOR = EveInstrument.DEFAULT_VOLTAGE_NOISE / 2;
    static final double CURRENT_FLOOR = EveInstrument.DEFAULT_CURRENT_NOISE / 2;

    /** Floor units → SI: D M D with D the floor deviations. */
    static double[][] toSi(RealMatrix m) {
        int n = m.getRowDimension();
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = m.getEntry(i, j) * Math.sqrt(floor(i) * floor(j));
            }
        }
        return out;
    }

    static double floor(int i) {
        return i < ORDER ? VOLTAGE_FLOOR : CURRENT_FLOOR;
    }

    static double[] floors() {
        double[] f = new double[2 * ORDER];
        for (int i = 0; i < f.length; i++) {
            f[i] = floor(i);
        }
        return f;
    }

    /**
     * Signal covariances in floor units, P_LH = Q diag(λ) Qᵀ with λ from 1e4 down to 1e-3 (a band's strong and
     * nearly silent dimensions) and P_HL = P_LH^{1/2} (I + R) P_LH^{1/2}, R symmetric with eigenvalues ±{@code size}, |size| &lt; 1.
     */
    static RealMatrix[] signals(long seed, double size) {
        Random r = new Random(seed);
        int n = 2 * ORDER;
        RealMatrix q = randomOrthogonal(r, n);
        RealMatrix lambda = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            lambda.setEntry(i, i, Math.pow(10, 4 - 7.0 * i / (n - 1)));
        }
        RealMatrix lh = q.multiply(lambda).multiply(q.transpose());
        // R = V diag(±size) Vᵀ, V random orthogonal, signs at random
        RealMatrix v = randomOrthogonal(r, n);
        RealMatrix d = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            d.setEntry(i, i, r.nextBoolean() ? size : -size);
        }
        RealMatrix rr = v.multiply(d).multiply(v.transpose());
        RealMatrix root = q.multiply(sqrt(lambda)).multiply(q.transpose());
        RealMatrix hl = root.multiply(MatrixUtils.createRealIdentityMatrix(n).add(rr)).multiply(root);
        return new RealMatrix[] {symmetric(hl), symmetric(lh)};
    }

    /** Q of the QR decomposition of a Gaussian matrix. */
    private static RealMatrix randomOrthogonal(Random r, int n) {
        RealMatrix g = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g.setEntry(i, j, r.nextGaussian());
            }
        }
        return new org.apache.commons.math3.linear.QRDecomposition(g).getQ();
    }

    private static RealMatrix sqrt(RealMatrix diagonal) {
        RealMatrix out = diagonal.copy();
        for (int i = 0; i < out.getRowDimension(); i++) {
            out.setEntry(i, i, Math.sqrt(diagonal.getEntry(i, i)));
        }
        return out;
    }

    private static RealMatrix symmetric(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    private static RealMatrix withFloor(RealMatrix signal) {
        return signal.add(MatrixUtils.createRealIdentityMatrix(signal.getRowDimension()));
    }

    /**
     * ln N(x; 0, C) by Commons Math (LU determinant and solve) up to a constant common to both situations: x and C
     * in units of 1 nV·√s and 1 pA·√s (not the floor's units, which the code under test uses), an independent path.
     */
    static double logDensity(double[][] c, double[] x) {
        int n = x.length;
        double[] unit = new double[n];
        for (int i = 0; i < n; i++) {
            unit[i] = i < ORDER ? 1e-9 : 1e-12;
        }
        RealMatrix m = MatrixUtils.createRealMatrix(n, n);
        RealVector v = new org.apache.commons.math3.linear.ArrayRealVector(n);
        for (int i = 0; i < n; i++) {
            v.setEntry(i, x[i] / unit[i]);
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, c[i][j] / (unit[i] * unit[j]));
            }
        }
        LUDecomposition lu = new LUDecomposition(m);
        double quad = v.dotProduct(lu.getSolver().solve(v));
        return -0.5 * quad - 0.5 * Math.log(lu.getDeterminant()) - 0.5 * x.length * Math.log(2 * Math.PI);
    }

    /** Λ equals ln N(x; C_HL) − ln N(x; C_LH) computed by LU in SI units, to 1e-8 absolute, for 50 random x. */
    @Test
    void equalsTheLogDensityDifference() {
        RealMatrix[] p = signals(11, 0.6);
        double[][] hl = toSi(withFloor(p[0]));
        double[][] lh = toSi(withFloor(p[1]));
        WindowLikelihoodStatistic stat = WindowLikelihoodStatistic.of(ORDER, hl, lh, floors());
        Random r = new Random(12);
        for (int k = 0; k < 50; k++) {
            double[] x = new double[2 * ORDER];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian() * Math.sqrt(floor(i)) * (1 + 30 * r.nextDouble());
            }
            double want = logDensity(hl, x) - logDensity(lh, x);
            assertEquals(want, stat.logLikelihoodRatio(x), 1e-8 * (1 + Math.abs(want)), "draw " + k);
        }
    }

    @Test
    void refusesMismatchedSizesAndNonPositiveFloors() {
        RealMatrix[] p = signals(11, 0.6);
        double[][] hl = toSi(withFloor(p[0]));
        double[][] lh = toSi(withFloor(p[1]));
        assertThrows(IllegalArgumentException.class, () -> WindowLikelihoodStatistic.of(ORDER + 1, hl, lh, floors()));
        double[] bad = floors();
        bad[3] = 0;
        assertThrows(IllegalArgumentException.class, () -> WindowLikelihoodStatistic.of(ORDER, hl, lh, bad));
    }

    /**
     * The generalised eigenvalues δ of the whitened pencil by Commons Math (symmetric square root of C_LH, then an
     * eigendecomposition): independent of the Cholesky path under test.
     */
    static double[] pencil(RealMatrix hl, RealMatrix lh) {
        RealMatrix inverseRoot = new EigenDecomposition(lh).getSquareRoot();
        inverseRoot = new LUDecomposition(inverseRoot).getSolver().getInverse();
        RealMatrix m = symmetric(inverseRoot.multiply(hl).multiply(inverseRoot));
        double[] mu = new EigenDecomposition(m).getRealEigenvalues();
        double[] delta = new double[mu.length];
        for (int i = 0; i < mu.length; i++) {
            delta[i] = mu[i] - 1;
        }
        return delta;
    }

    /**
     * A synthetic Gaussian process: on each bit, signal coefficients c ~ N(0, P_s) (HL or LH at random) are turned
     * into the waveforms x_a(t) = Σ c_{a,n} φ_n(t) sampled at 500 points of the window (φ_n by the positive cosine
     * series, not the code's recurrence), projected back by {@link LegendreProjection#project} (the interpolant's
     * error, ~1e-4 of the signal, is about 1 % of the floor), the floor added as iid N(0, N/2), and Λ taken.
     * 40,000 bits: the measured success and information agree with the exact prediction from the pencil's
     * eigenvalues within z = 3.29 standard errors (two-sided false failure 1e-3 each). Standard errors about 0.0022
     * (success) and 0.0030 (information): a bias of 0.01 in either (z ≥ 3.3 + 1.3) fails with probability ≥ 90 %.
     */
    @Test
    void syntheticProcessMeetsThePrediction() {
        RealMatrix[] p = signals(20261207L, 0.7);
        RealMatrix hlFloor = withFloor(p[0]);
        RealMatrix lhFloor = withFloor(p[1]);
        WindowLikelihoodStatistic stat = WindowLikelihoodStatistic.of(ORDER, toSi(hlFloor), toSi(lhFloor), floors());
        WindowLikelihoodRatio predicted = WindowLikelihoodRatio.ofEigenvalues(TAU, EveInstrument.defaults(),
                NoiseTemperatures.standard(1e9, 1), pencil(hlFloor, lhFloor));
        int samples = 500;
        double[] t = new double[samples + 1];
        double[][] basis = new double[ORDER][samples + 1];
        for (int j = 0; j <= samples; j++) {
            t[j] = TAU * j / samples;
            for (int n = 0; n < ORDER; n++) {
                basis[n][j] = LegendreProjectionTest.basis(n, t[j], TAU);
            }
        }
        // the projection is linear: back[n][m] = coefficient n of the sampled waveform φ_m, so the projected
        // waveform Σ c_m φ_m has coefficients Σ_m back[n][m] c_m (the same numbers as projecting each bit's sum)
        double[][] back = new double[ORDER][ORDER];
        for (int m = 0; m < ORDER; m++) {
            double[] col = LegendreProjection.project(t, basis[m], TAU, ORDER);
            for (int n = 0; n < ORDER; n++) {
                back[n][m] = col[n];
            }
        }
        // c = D L z with L L^T the signal covariance in floor units, D the floor deviations
        RealMatrix deviations = MatrixUtils.createRealDiagonalMatrix(java.util.Arrays.stream(floors()).map(Math::sqrt)
                .toArray());
        RealMatrix rootHl = deviations.multiply(new CholeskyDecomposition(p[0]).getL());
        RealMatrix rootLh = deviations.multiply(new CholeskyDecomposition(p[1]).getL());
        Random r = new Random(7);
        int bits = 40_000;
        double[] llr = new double[bits];
        boolean[] hl = new boolean[bits];
        int n2 = 2 * ORDER;
        for (int b = 0; b < bits; b++) {
            hl[b] = r.nextBoolean();
            double[] z = new double[n2];
            for (int i = 0; i < n2; i++) {
                z[i] = r.nextGaussian();
            }
            double[] c = (hl[b] ? rootHl : rootLh).operate(z);
            double[] x = new double[n2];
            for (int ch = 0; ch < 2; ch++) {
                for (int n = 0; n < ORDER; n++) {
                    int i = ch * ORDER + n;
                    double projected = 0;
                    for (int m = 0; m < ORDER; m++) {
                        projected += back[n][m] * c[ch * ORDER + m];
                    }
                    x[i] = projected + Math.sqrt(floor(i)) * r.nextGaussian();
                }
            }
            llr[b] = stat.logLikelihoodRatio(x);
        }
        EmpiricalLikelihoodRatios m = EmpiricalLikelihoodRatios.of(llr, hl);
        double p0 = predicted.successProbability(), i0 = predicted.mutualInformation();
        System.out.printf("synthetic: success %.4f ± %.4f (exact %.4f), information %.4f ± %.4f (exact %.4f)%n",
                m.successProbability(), m.successStandardError(), p0, m.mutualInformation(),
                m.informationStandardError(), i0);
        assertTrue(p0 > 0.65 && p0 < 0.95, "a case in the sensitive range: " + p0);
        assertTrue(m.successStandardError() < 0.0025 && m.informationStandardError() < 0.0035,
                "standard errors small enough to see 0.01");
        assertEquals(p0, m.successProbability(), 3.29 * m.successStandardError(), "success");
        assertEquals(i0, m.mutualInformation(), 3.29 * m.informationStandardError(), "information");
    }
}

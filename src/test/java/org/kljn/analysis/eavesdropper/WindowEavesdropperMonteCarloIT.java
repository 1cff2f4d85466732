package org.kljn.analysis.eavesdropper;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pure-Java Monte Carlo of Eve's observation on a capacitive ladder, on its own code path: the covariance of the
 * observation's Legendre coefficients is built in the time domain (R_ab(t − t') from G by the exact integral of a
 * piecewise-linear spectrum against e^{iωf}, then Gauss-Legendre in t and t' with Legendre polynomials by their
 * recurrence: no Bessel functions, no frequency-domain Gram), each situation's coefficients are sampled by
 * Commons Math's Cholesky factor, and the log-likelihood ratio is computed by direct matrix algebra (inverses and
 * log-determinants, no generalised eigenvalues). Its Bayes success and information are estimated from the
 * posterior of every sample (E max(π, 1 − π) and 1 − E h₂(π) over equal numbers of HL and LH bits: unbiased, and
 * with a quarter of an indicator's variance), and must agree with {@link WindowLikelihoodRatio}'s.
 */
@ExtendWith(NgSpiceExtension.class)
@Tag("integration")
class WindowEavesdropperMonteCarloIT {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /**
     * The capacitive line (R_L 1.5k, R_H 12k, RC ladder 800 Ω / 15 nF, 2e9 K, 1 kHz, β = 1) with Eve's
     * floor ×1e7 the default (Eve's information 0.03 to 0.15 bits). With 100,000 bits per situation (60,000 at
     * M = 50, where I is larger) the standard errors are asserted ≤ 0.005/5.5 (success) and ≤ 0.02·I/5.5
     * (information; measured 0.0002-0.0003 and 0.4-0.3 % of I); the test fails beyond z = 4 standard errors
     * (false failure 6e-5 per quantity), so a bias of 0.005 in probability or of 2 % in information (≥ 5.5 σ) fails
     * it with probability above 0.93.
     */
    @ParameterizedTest(name = "M={0}")
    @ValueSource(ints = {10, 20, 50})
    void monteCarloAgreesWithTheWindowTest(int m) {
        double bandwidth = 1e3;
        ResistorPair pair = new ResistorPair(1.5e3, 12e3);
        LineModel line = new RcLadder(800, 15e-9, 8);
        Map<Situation, TransferFunctions> tf = WindowEavesdropperTest.situations(spice, pair, line, bandwidth);
        NoiseTemperatures t = NoiseTemperatures.standard(2e9, 1);
        EveInstrument floor = EveInstrument.defaults().scaled(1e7);
        double tau = m / (2 * bandwidth);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line, tf);
        WindowLikelihoodRatio lr = eve.test(t, tau, floor);
        // the Monte Carlo's own basis: the Legendre polynomials the window needs (the test itself uses fewer
        // prolate functions)
        int k = eve.legendreTest(t, tau, floor).basisFunctions();

        SituationSpectra hl = SituationSpectra.of(KljnLoop.secure(pair, Resistor.H, line), tf.get(Situation.HL));
        SituationSpectra lh = SituationSpectra.of(KljnLoop.secure(pair, Resistor.L, line), tf.get(Situation.LH));
        double[] gain = tf.get(Situation.HL).gain();
        RealMatrix covHl = coefficientCovariance(hl, gain, t.highAtAlice(), t.lowAtBob(), tau, k, floor);
        RealMatrix covLh = coefficientCovariance(lh, gain, t.lowAtAlice(), t.highAtBob(), tau, k, floor);
        CholeskyDecomposition cHl = new CholeskyDecomposition(covHl, 1e-14, 1e-300);
        CholeskyDecomposition cLh = new CholeskyDecomposition(covLh, 1e-14, 1e-300);
        RealMatrix d = cLh.getSolver().getInverse().subtract(cHl.getSolver().getInverse());
        double logDet = 0;
        for (int i = 0; i < 2 * k; i++) {
            logDet += Math.log(cHl.getL().getEntry(i, i)) - Math.log(cLh.getL().getEntry(i, i));
        }
        double constant = -logDet; // −½ ln(det C_HL / det C_LH)
        double[][] dm = d.getData();
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(20L + m));
        int bits = m <= 20 ? 100_000 : 60_000;
        double[] z = new double[2 * k];
        double sumS = 0, sumS2 = 0, sumI = 0, sumI2 = 0;
        for (int s = 0; s < 2; s++) {
            double[][] l = (s == 0 ? cHl : cLh).getL().getData();
            for (int b = 0; b < bits; b++) {
                for (int i = 0; i < z.length; i++) {
                    z[i] = normal.sample();
                }
                double[] y = new double[z.length];
                for (int i = 0; i < z.length; i++) {
                    double v = 0;
                    double[] li = l[i];
                    for (int j = 0; j <= i; j++) {
                        v += li[j] * z[j];
                    }
                    y[i] = v;
                }
                double q = 0;
                for (int i = 0; i < y.length; i++) {
                    double v = 0;
                    double[] di = dm[i];
                    for (int j = 0; j < y.length; j++) {
                        v += di[j] * y[j];
                    }
                    q += y[i] * v;
                }
                double lambda = 0.5 * q + constant;
                double post = 1 / (1 + Math.exp(-lambda)); // P(HL | y)
                double success = Math.max(post, 1 - post);
                double h = entropy(post);
                sumS += success;
                sumS2 += success * success;
                sumI += 1 - h;
                sumI2 += (1 - h) * (1 - h);
            }
        }
        int n = 2 * bits;
        double meanS = sumS / n, seS = Math.sqrt((sumS2 / n - meanS * meanS) / n);
        double meanI = sumI / n, seI = Math.sqrt((sumI2 / n - meanI * meanI) / n);
        System.out.printf("M=%d K=%d: success predicted %.5f, MC %.5f +/- %.5f; I predicted %.5f, MC %.5f +/- %.5f bits%n",
                m, k, lr.successProbability(), meanS, seS, lr.mutualInformation(), meanI, seI);
        assertTrue(seS <= 0.005 / 5.5 && seI <= 0.02 * meanI / 5.5, "too few bits for the stated power");
        assertTrue(Math.abs(lr.successProbability() - meanS) <= 4 * seS, "success");
        assertTrue(Math.abs(lr.mutualInformation() - meanI) <= 4 * seI, "information");
    }

    /** h₂(p) in bits. */
    private static double entropy(double p) {
        double q = 1 - p;
        return (p > 0 ? -p * Math.log(p) : 0) / Math.log(2) + (q > 0 ? -q * Math.log(q) : 0) / Math.log(2);
    }

    /**
     * The covariance of (⟨φ_n, U_A + noise⟩, ⟨φ_n, I_A + noise⟩), n &lt; k, φ_n the orthonormal Legendre
     * polynomials of [0, τ], whitened by the floor (two-sided N/2): I + A. Time domain: Gauss-Legendre with
     * k + 60 nodes in each of t, t' on the window.
     */
    static RealMatrix coefficientCovariance(SituationSpectra spectra, double[] gain, double tAlice, double tBob,
            double tau, int k, EveInstrument floor) {
        int nodes = k + 60;
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(nodes, 0, tau);
        double[] t = new double[nodes];
        double[] w = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            t[i] = rule.getPoint(i);
            w[i] = rule.getWeight(i);
        }
        // φ_n(t_i) w_i by the three-term recurrence
        double[][] phi = new double[k][nodes];
        for (int i = 0; i < nodes; i++) {
            double u = 2 * t[i] / tau - 1;
            double p0 = 1, p1 = u;
            for (int n = 0; n < k; n++) {
                double p = n == 0 ? p0 : n == 1 ? p1 : 0;
                if (n >= 2) {
                    p = ((2 * n - 1) * u * p1 - (n - 1) * p0) / n;
                    p0 = p1;
                    p1 = p;
                }
                phi[n][i] = Math.sqrt((2 * n + 1) / tau) * p * w[i];
            }
        }
        // G at the grid, SI, {UU, II, Re UI, Im UI}
        double[] f = spectra.frequency();
        int nf = f.length;
        double[][] g = new double[nf][4];
        for (int j = 0; j < nf; j++) {
            spectra.matrix(j, tAlice, tBob, g[j]);
            for (int e = 0; e < 4; e++) {
                g[j][e] *= 4 * org.kljn.noise.Johnson.BOLTZMANN * gain[j];
            }
        }
        // R_ab(t_i − t_j) = ∫ Re[G_ab e^{iωf}] df, ω = 2π(t_i − t_j); R_ba(Δ) = R_ab(−Δ)
        double[][][] r = new double[4][nodes][nodes]; // UU, II, UI(Δ), IU(Δ)
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                double omega = 2 * Math.PI * (t[i] - t[j]);
                double[] c = new double[4];
                for (int e = 0; e < 4; e++) {
                    c[e] = 0;
                }
                double uu = 0, ii = 0, uiRe = 0, uiIm = 0;
                for (int q = 0; q + 1 < nf; q++) {
                    double[] cs = linearTimesExponential(f[q], f[q + 1], omega);
                    // ∫ (a + b f) e^{iωf}: cs = {∫cos, ∫sin, ∫f cos, ∫f sin}
                    double h = f[q + 1] - f[q];
                    double[] gq = g[q], gr = g[q + 1];
                    uu += part(gq[0], gr[0], f[q], h, cs, true);
                    ii += part(gq[1], gr[1], f[q], h, cs, true);
                    uiRe += part(gq[2], gr[2], f[q], h, cs, true);
                    uiIm += part(gq[3], gr[3], f[q], h, cs, false);
                }
                r[0][i][j] = uu;
                r[1][i][j] = ii;
                // Re[(G_re + i G_im)(cos + i sin)] = G_re cos − G_im sin
                r[2][i][j] = uiRe - uiIm;
            }
        }
        double[] white = {Math.sqrt(2 / floor.voltageNoise()), Math.sqrt(2 / floor.currentNoise())};
        RealMatrix phiM = new Array2DRowRealMatrix(phi, false);
        RealMatrix cov = MatrixUtils.createRealIdentityMatrix(2 * k);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                RealMatrix kernel;
                if (a == b) {
                    kernel = new Array2DRowRealMatrix(r[a], false);
                } else if (a == 0) {
                    kernel = new Array2DRowRealMatrix(r[2], false); // E U(t_i) I(t_j) = R_UI(t_i − t_j)
                } else {
                    kernel = new Array2DRowRealMatrix(r[2], false).transpose();
                }
                RealMatrix block = phiM.multiply(kernel).multiply(phiM.transpose()).scalarMultiply(white[a] * white[b]);
                for (int m = 0; m < k; m++) {
                    for (int n = 0; n < k; n++) {
                        cov.addToEntry(a * k + m, b * k + n, block.getEntry(m, n));
                    }
                }
            }
        }
        return cov.add(cov.transpose()).scalarMultiply(0.5);
    }

    /** ∫_{f0}^{f0+h} (linear G) × cos or sin(ωf) df from the four moments. */
    private static double part(double g0, double g1, double f0, double h, double[] cs, boolean cosine) {
        double b = (g1 - g0) / h;
        double a = g0 - b * f0;
        return cosine ? a * cs[0] + b * cs[2] : a * cs[1] + b * cs[3];
    }

    /** {∫cos ωf, ∫sin ωf, ∫f cos ωf, ∫f sin ωf} over [lo, hi], exactly. */
    private static double[] linearTimesExponential(double lo, double hi, double omega) {
        if (Math.abs(omega * (hi - lo)) < 1e-3) {
            // Taylor: the integrands are smooth, midpoint-centred series to (ωh)^4
            int n = 8;
            double[] s = new double[4];
            double step = (hi - lo) / n;
            for (int i = 0; i <= n; i++) {
                double x = lo + i * step;
                double wgt = (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * step / 3;
                s[0] += wgt * Math.cos(omega * x);
                s[1] += wgt * Math.sin(omega * x);
                s[2] += wgt * x * Math.cos(omega * x);
                s[3] += wgt * x * Math.sin(omega * x);
            }
            return s;
        }
        double c1 = Math.cos(omega * hi), s1 = Math.sin(omega * hi), c0 = Math.cos(omega * lo), s0 = Math.sin(omega * lo);
        double ic = (s1 - s0) / omega;
        double is = (c0 - c1) / omega;
        double ifc = (hi * s1 - lo * s0) / omega + (c1 - c0) / (omega * omega);
        double ifs = (lo * c0 - hi * c1) / omega + (s1 - s0) / (omega * omega);
        return new double[] {ic, is, ifc, ifs};
    }
}

package org.kljn.analysis.eavesdropper;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.BandShape;
import org.kljn.testing.NgSpiceExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Eve's exact window likelihood ratio against an independent closed form, its claimed properties and bad input. */
@ExtendWith(NgSpiceExtension.class)
class WindowEavesdropperTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    static Map<Situation, TransferFunctions> situations(ResistorPair pair, LineModel line, double bandwidth) {
        return situations(spice, pair, line, bandwidth);
    }

    /** All four bit situations' transfer functions over the brick-wall band (257 AC points). */
    static Map<Situation, TransferFunctions> situations(org.kljn.ngspice.SpiceSimulator spice, ResistorPair pair,
            LineModel line, double bandwidth) {
        Map<Situation, TransferFunctions> tf = ExactAnalysis.transferFunctions(spice, pair, line,
                BandShape.brickWall(bandwidth), 257, java.util.EnumSet.allOf(Situation.class));
        return tf;
    }

    /**
     * The prolate eigenvalues λ_n(c) of the kernel sin c(x−y)/(π(x−y)) on [−1, 1], from the tridiagonal matrix of
     * the commuting differential operator (1−x²)ψ'' − 2xψ' − c²x²ψ in the normalised Legendre basis (its
     * eigenvectors are the prolates' Legendre coefficients β), and μ_n from the eigen-relation at x = 0:
     * even n: ∫ψ = μ ψ(0), μ = √2 β_0/ψ(0); odd n: ic ∫xψ = μ ψ'(0), μ = c √(2/3) β_1/ψ'(0); λ = (c/2π)|μ|².
     * Independent of the code under test (no Bessel functions, no quadrature, no Cholesky).
     */
    static double[] prolateEigenvalues(double c, int count) {
        int size = (int) Math.ceil(1.5 * c + 60 + count);
        double[] out = new double[count];
        for (int parity = 0; parity < 2; parity++) {
            int n = size / 2;
            RealMatrix m = MatrixUtils.createRealMatrix(n, n);
            for (int i = 0; i < n; i++) {
                double k = 2 * i + parity;
                m.setEntry(i, i, k * (k + 1) + c * c * (2 * k * (k + 1) - 1) / ((2 * k + 3) * (2 * k - 1)));
                if (i + 1 < n) {
                    double off = c * c * (k + 2) * (k + 1) / ((2 * k + 3) * Math.sqrt((2 * k + 1) * (2 * k + 5)));
                    m.setEntry(i, i + 1, off);
                    m.setEntry(i + 1, i, off);
                }
            }
            EigenDecomposition e = new EigenDecomposition(m);
            double[] chi = e.getRealEigenvalues();
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(chi[a], chi[b]));
            for (int r = 0; r < n; r++) {
                int index = 2 * r + parity;
                if (index >= count) {
                    break;
                }
                double[] beta = e.getEigenvector(idx[r]).toArray();
                double at0 = 0;
                for (int i = 0; i < n; i++) {
                    int k = 2 * i + parity;
                    // P_k(0) (even k) or P_k'(0) = k P_{k−1}(0) (odd k), times √(k + ½)
                    double p = legendreAtZero(parity == 0 ? k : k - 1) * (parity == 0 ? 1 : k);
                    at0 += beta[i] * Math.sqrt(k + 0.5) * p;
                }
                double mu = parity == 0 ? Math.sqrt(2) * beta[0] / at0 : c * Math.sqrt(2.0 / 3) * beta[0] / at0;
                out[index] = c / (2 * Math.PI) * mu * mu;
            }
        }
        return out;
    }

    /** P_k(0) for even k: (−1)^{k/2} (k−1)!!/k!!. */
    private static double legendreAtZero(int k) {
        double p = 1;
        for (int j = 2; j <= k; j += 2) {
            p *= -(j - 1.0) / j;
        }
        return p;
    }

    /**
     * The oracle's own check: λ_0(1) = 0.5726 (Slepian &amp; Pollak 1961), the trace Σ λ_n = 2c/π and the
     * Hilbert-Schmidt norm Σ λ_n² = ∫_{−2}^{2} (2 − |u|) (sin cu/(πu))² du (a 1-D integral, Simpson).
     */
    @Test
    void prolateEigenvaluesHaveTheirKnownValues() {
        assertEquals(0.5726, prolateEigenvalues(1, 6)[0], 1e-4);
        for (double c : new double[] {3, 20}) {
            double[] l = prolateEigenvalues(c, (int) (2 * c / Math.PI) + 40);
            double sum = 0, squares = 0;
            for (double v : l) {
                sum += v;
                squares += v * v;
            }
            int n = 200_000;
            double h = 2.0 / n, hs = 0;
            for (int i = 0; i <= n; i++) {
                double u = i * h;
                double k = u == 0 ? c / Math.PI : Math.sin(c * u) / (Math.PI * u);
                hs += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * (2 - u) * k * k;
            }
            hs *= 2 * h / 3;
            assertEquals(2 * c / Math.PI, sum, 1e-9, "trace at c = " + c);
            assertEquals(hs, squares, 1e-9, "Hilbert-Schmidt norm at c = " + c);
        }
    }

    /**
     * The lumped loop is memoryless: G_s(f) is one 2×2 matrix over the brick-wall band, the signal operator is
     * G_s ⊗ (sinc kernel), and the pencil splits along the prolate functions of the band on the window: dimension n
     * carries the 2×2 pencil (N + λ_n G_HL, N + λ_n G_LH), N = diag(N_V, N_I). Its δ's (Hermitian2 on 2×2
     * matrices) give the window's Jeffreys divergence in closed form; the information and success follow from them.
     */
    @ParameterizedTest(name = "M={0} beta={1} floor x{2}")
    @CsvSource({"2, 1, 1", "10, 1, 1", "10, 1.3, 0.01", "50, 1, 100", "50, 0.7, 1", "20, 1, 1e4"})
    void lumpedBrickWallMatchesTheProlateSplitting(int m, double beta, double floorScale) {
        double bandwidth = 1e3;
        ResistorPair pair = new ResistorPair(1e3, 10e3);
        LineModel line = new LumpedLine(200);
        Map<Situation, TransferFunctions> tf = situations(pair, line, bandwidth);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line, tf);
        double tau = m / (2 * bandwidth);
        NoiseTemperatures t = NoiseTemperatures.standard(1e9, beta);
        EveInstrument floor = EveInstrument.defaults().scaled(floorScale);
        WindowLikelihoodRatio lr = eve.test(t, tau, floor);

        SituationSpectra hl = SituationSpectra.of(KljnLoop.secure(pair, Resistor.H, line), tf.get(Situation.HL));
        SituationSpectra lh = SituationSpectra.of(KljnLoop.secure(pair, Resistor.L, line), tf.get(Situation.LH));
        double[] gHl = new double[4], gLh = new double[4];
        hl.matrix(0, t.highAtAlice(), t.lowAtBob(), gHl);
        lh.matrix(0, t.lowAtAlice(), t.highAtBob(), gLh);
        double kb4 = 4 * org.kljn.noise.Johnson.BOLTZMANN;
        double c = Math.PI * bandwidth * tau;
        int count = (int) Math.ceil(2 * c / Math.PI + 40);
        double[] lambda = prolateEigenvalues(c, count);
        double[] delta = new double[2 * count];
        double jeffreys = 0;
        for (int n = 0; n < count; n++) {
            double[] b = new double[4], d = new double[4], nu = new double[2];
            for (int i = 0; i < 4; i++) {
                b[i] = lambda[n] * kb4 * gLh[i];
                d[i] = lambda[n] * kb4 * (gHl[i] - gLh[i]);
            }
            b[0] += floor.voltageNoise();
            b[1] += floor.currentNoise();
            Hermitian2.relativeEigenvalues(b, d, nu);
            delta[2 * n] = nu[0];
            delta[2 * n + 1] = nu[1];
            jeffreys += 0.5 * (nu[0] * nu[0] / (1 + nu[0]) + nu[1] * nu[1] / (1 + nu[1]));
        }
        WindowLikelihoodRatio oracle = WindowLikelihoodRatio.ofEigenvalues(tau, floor, t, delta);
        assertEquals(jeffreys, lr.jeffreys(), 1e-7 * jeffreys, "Jeffreys divergence of the window");
        assertEquals(oracle.mutualInformation(), lr.mutualInformation(),
                1e-7 * oracle.mutualInformation() + 1e-11, "I(K; Eve), bits");
        assertEquals(oracle.successProbability(), lr.successProbability(), 1e-7, "Eve's success");
    }

    /**
     * {@link WindowEavesdropper#coefficientCovariances}'s contract (units, channel-major order, the floor's N_a/2)
     * against the prolate oracle: on the lumped loop the signal's kernel on channel a is (G_aa/2) sin(2πΔfΔ)/(πΔ),
     * whose eigenvalues on [0, τ] are (G_aa/2) λ_n(c), c = πΔfτ. So the eigenvalues of the U_A block (indices
     * 0..K−1) and of the I_A block (K..2K−1) of each situation's matrix are those, to 1e-8 of the largest: a
     * swapped channel or situation moves them by the ratio R_H/R_L, a missing factor 2 or τ by O(1).
     */
    @Test
    void coefficientCovariancesAreTheProlateSpectrumInSi() {
        double bandwidth = 1e3;
        ResistorPair pair = new ResistorPair(1e3, 10e3);
        LineModel line = new LumpedLine(200);
        Map<Situation, TransferFunctions> tf = situations(pair, line, bandwidth);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line, tf);
        int m = 12;
        double tau = m / (2 * bandwidth);
        NoiseTemperatures t = NoiseTemperatures.standard(1e9, 1.3);
        EveInstrument floor = EveInstrument.defaults();
        WindowEavesdropper.CoefficientCovariances cov = eve.coefficientCovariances(t, tau, floor);
        int k = cov.order();
        assertEquals(2 * k, cov.hl().length);
        assertEquals(0.5 * floor.voltageNoise(), cov.floorVariance()[0], 0);
        assertEquals(0.5 * floor.currentNoise(), cov.floorVariance()[1], 0);
        double[] lambda = prolateEigenvalues(Math.PI * bandwidth * tau, 20);
        SituationSpectra hl = SituationSpectra.of(KljnLoop.secure(pair, Resistor.H, line), tf.get(Situation.HL));
        SituationSpectra lh = SituationSpectra.of(KljnLoop.secure(pair, Resistor.L, line), tf.get(Situation.LH));
        double[] gHl = new double[4], gLh = new double[4];
        hl.matrix(0, t.highAtAlice(), t.lowAtBob(), gHl);
        lh.matrix(0, t.lowAtAlice(), t.highAtBob(), gLh);
        double kb4 = 4 * org.kljn.noise.Johnson.BOLTZMANN;
        for (int s = 0; s < 2; s++) {
            double[][] c = s == 0 ? cov.hl() : cov.lh();
            double[] g = s == 0 ? gHl : gLh;
            for (int ch = 0; ch < 2; ch++) {
                double[][] block = new double[k][k];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        block[i][j] = c[ch * k + i][ch * k + j];
                    }
                }
                double[] ev = new EigenDecomposition(MatrixUtils.createRealMatrix(block)).getRealEigenvalues();
                java.util.Arrays.sort(ev);
                double scale = 0.5 * kb4 * g[ch];
                for (int n = 0; n < lambda.length; n++) {
                    assertEquals(scale * lambda[n], ev[k - 1 - n], 1e-8 * scale,
                            (s == 0 ? "HL" : "LH") + " channel " + ch + " eigenvalue " + n);
                }
            }
        }
    }

    /**
     * At the lumped null β* = (1 + R_c/2R_L)/(1 + R_c/2R_H) G_HL = G_LH over the band: Eve's information is zero
     * (to 1e-12 bits, its bounds included) at every bit length and floor, and her success 1/2 (to 1e-6, the
     * left-out energy's Pinsker term).
     */
    @Test
    void zeroAtTheLumpedNull() {
        double rl = 1e3, rh = 10e3, rc = 300;
        ResistorPair pair = new ResistorPair(rl, rh);
        LineModel line = new LumpedLine(rc);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line, situations(pair, line, 1e3));
        double nullBeta = (1 + rc / (2 * rl)) / (1 + rc / (2 * rh));
        for (int m : new int[] {2, 9, 40, 120}) {
            for (double scale : new double[] {1e-2, 1, 1e2}) {
                WindowLikelihoodRatio lr = eve.test(NoiseTemperatures.standard(1e9, nullBeta), m / 2e3,
                        EveInstrument.defaults().scaled(scale));
                assertTrue(lr.mutualInformation() <= 1e-12, "M=" + m + " x" + scale + ": I = " + lr.mutualInformation());
                assertEquals(0.5, lr.successProbability(), 1e-6, "M=" + m + " x" + scale);
            }
        }
    }

    /**
     * More window or a quieter instrument never gives Eve less (a sub-observation is a garbling): on a capacitive
     * ladder her information and Jeffreys divergence grow with M at a fixed floor and as the floor falls at a fixed M.
     */
    @Test
    void informationGrowsWithTheWindowAndFallsWithTheFloor() {
        ResistorPair pair = new ResistorPair(1.5e3, 12e3);
        LineModel line = new RcLadder(800, 15e-9, 8);
        WindowEavesdropper eve = WindowEavesdropper.of(pair, line, situations(pair, line, 1e3));
        NoiseTemperatures t = NoiseTemperatures.standard(2e9, 1);
        double previous = 0, previousJ = 0;
        for (int m : new int[] {2, 3, 5, 8, 13, 21, 34}) {
            WindowLikelihoodRatio lr = eve.test(t, m / 2e3, EveInstrument.defaults().scaled(1e4));
            assertTrue(lr.mutualInformation() >= previous, "M=" + m + ": " + lr.mutualInformation() + " < " + previous);
            assertTrue(lr.jeffreys() >= previousJ, "M=" + m);
            previous = lr.mutualInformation();
            previousJ = lr.jeffreys();
        }
        previous = 0;
        for (double scale : new double[] {1e8, 1e6, 1e4, 1e2, 1, 1e-2}) {
            WindowLikelihoodRatio lr = eve.test(t, 10 / 2e3, EveInstrument.defaults().scaled(scale));
            assertTrue(lr.mutualInformation() >= previous, "floor x" + scale);
            previous = lr.mutualInformation();
        }
    }

    /** A floor that is negative, zero, NaN or absurd is refused, naming the quantity, the value and the range. */
    @Test
    void badFloorsAreRefused() {
        for (double v : new double[] {-1e-18, 0, Double.NaN, Double.POSITIVE_INFINITY, 1, 1e-40}) {
            ParameterException e = assertThrows(ParameterException.class, () -> new EveInstrument(v, 1e-24));
            assertEquals(org.kljn.circuit.Parameter.EVE_NOISE_VOLTAGE, e.parameter());
            assertTrue(e.getMessage().contains("allowed"), e.getMessage());
            ParameterException c = assertThrows(ParameterException.class, () -> new EveInstrument(1e-18, v));
            assertEquals(org.kljn.circuit.Parameter.EVE_NOISE_CURRENT, c.parameter());
        }
    }

    /**
     * For long bits the window meets the spectral (Whittle) result with the floor in the spectra: on the lumped
     * loop G is one matrix over the band, so the rate is J = Δf Σ ν²/(1+ν), ν the eigenvalues of
     * (G_LH + N)⁻¹(G_HL − G_LH). The window differs from J·τ only by the prolate transition's few dimensions, so the
     * relative difference falls with M (measured 8.9 %, 2.8 %, 0.8 % at M = 10, 40, 160) and must be below 5 % at
     * M = 160; losing or double-counting the band's
     * bulk would move it by O(1).
     */
    @Test
    void longBitsMeetTheSpectralJeffreys() {
        ResistorPair pair = new ResistorPair(1e3, 10e3);
        LineModel line = new LumpedLine(200);
        Map<Situation, TransferFunctions> tf = situations(pair, line, 1e3);
        WindowEavesdropper window = WindowEavesdropper.of(pair, line, tf);
        NoiseTemperatures t = NoiseTemperatures.standard(1e9, 1.2);
        EveInstrument floor = EveInstrument.defaults().scaled(1e6);
        SituationSpectra hl = SituationSpectra.of(KljnLoop.secure(pair, Resistor.H, line), tf.get(Situation.HL));
        SituationSpectra lh = SituationSpectra.of(KljnLoop.secure(pair, Resistor.L, line), tf.get(Situation.LH));
        double[] gHl = new double[4], gLh = new double[4], d = new double[4], nu = new double[2];
        hl.matrix(0, t.highAtAlice(), t.lowAtBob(), gHl);
        lh.matrix(0, t.lowAtAlice(), t.highAtBob(), gLh);
        double kb4 = 4 * org.kljn.noise.Johnson.BOLTZMANN;
        for (int i = 0; i < 4; i++) {
            d[i] = kb4 * (gHl[i] - gLh[i]);
            gLh[i] *= kb4;
        }
        gLh[0] += floor.voltageNoise();
        gLh[1] += floor.currentNoise();
        Hermitian2.relativeEigenvalues(gLh, d, nu);
        double rate = 1e3 * (nu[0] * nu[0] / (1 + nu[0]) + nu[1] * nu[1] / (1 + nu[1]));
        double previous = Double.POSITIVE_INFINITY;
        for (int m : new int[] {10, 40, 160}) {
            double tau = m / 2e3;
            double excess = window.test(t, tau, floor).jeffreys() / (rate * tau) - 1;
            System.out.printf("M=%d: window J / (J rate x tau) - 1 = %.4f%n", m, excess);
            assertTrue(Math.abs(excess) < previous, "M=" + m + ": " + excess);
            previous = Math.abs(excess);
        }
        assertTrue(previous < 0.05, "M = 160: " + previous);
    }
}

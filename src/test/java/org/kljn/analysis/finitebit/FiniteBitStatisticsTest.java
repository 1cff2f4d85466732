package org.kljn.analysis.finitebit;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.ProbeQuadraticForm;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.noise.Johnson;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.BandShape;
import org.kljn.testing.NgSpiceExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FiniteBitStatistics} against a closed form (the lumped loop with a brick-wall band), against the exact
 * moments, and the spectral form in blocks against the unblocked one ({@code FiniteBitStatisticsIT}: the spectral
 * form against the window form where {@link FiniteBitStatistics#distribution} switches from one to the other).
 */
@ExtendWith(NgSpiceExtension.class)
class FiniteBitStatisticsTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /**
     * Closed form for the lumped loop with a brick-wall band [0, Δf]. Each probe is an instantaneous real
     * combination of the generators, z = C V, so Q = (1/τ)∫ Vᵀ P V dt with P = Cᵀ A C (2×2). With V_g = √(S_gΔf)
     * w_g (w_g independent unit band-limited white noise), Q = (1/τ)∫ wᵀ P' w dt, P' = D P D, D = diag(√(S_gΔf)).
     * Rotating w by the eigenvectors of P' (a rotation of two i.i.d. processes is i.i.d.), Q = μ_1 Y_1 + μ_2 Y_2,
     * μ_i the eigenvalues of P', Y_i = (1/τ)∫_0^τ u_i² dt independent. u has the covariance sin(2πΔfΔ)/(2πΔfΔ) =
     * (1/2Δf)·sin(2πΔfΔ)/(πΔ), the kernel of Slepian's concentration problem (D. Slepian and H. O. Pollak, Bell
     * Syst. Tech. J. 40, 43-63 (1961); the time-bandwidth product c = πΔfτ = πM/2), whose eigenvalues λ_j on
     * [0, τ] (Σλ_j = 2Δfτ = M) give, by Karhunen-Loève, Y = Σ_j (λ_j/M) χ²_1. So Q = Σ_{i,j} μ_i λ_j/M χ²_1.
     * Here the λ_j come independently of the code under test: Gauss-Legendre Nyström on the analytic sinc kernel.
     */
    @ParameterizedTest(name = "{0} R_c={1} M={2}")
    @CsvSource({"BSY, 100, 10", "BSY, 1000, 20", "SECOND_LAW, 300, 10", "SECOND_LAW, 300, 40"})
    void lumpedLoopMatchesTheSlepianClosedForm(Attack attack, double rc, int bitSamples) {
        double rl = 1e3, rh = 10e3, tEff = 1e9, df = 1e3;
        KljnLoop loop = KljnLoop.secure(new ResistorPair(rl, rh), Resistor.H, new LumpedLine(rc));
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(df), 257);
        double tau = bitSamples / (2 * df);
        ChiSquareMixture window = FiniteBitStatistics.of(loop, tf, tEff, 1).window(ProbeQuadraticForm.of(attack), tau);

        double r = rl + rc + rh;
        double k = Johnson.BOLTZMANN;
        double sa = 4 * k * tEff * rh;
        double sb = 4 * k * tEff * rl;
        // rows: U_A, U_B, I_A, I_B; columns: V_a, V_b
        double[][] c = {{(rc + rl) / r, rh / r}, {rl / r, (rh + rc) / r}, {1 / r, -1 / r}, {1 / r, -1 / r}};
        double[][] a = ProbeQuadraticForm.of(attack).matrix();
        double[] d = {Math.sqrt(sa * df), Math.sqrt(sb * df)};
        double[][] p = new double[2][2];
        for (int g = 0; g < 2; g++) {
            for (int h = 0; h < 2; h++) {
                double s = 0;
                for (int x = 0; x < 4; x++) {
                    for (int y = 0; y < 4; y++) {
                        s += c[x][g] * a[x][y] * c[y][h];
                    }
                }
                p[g][h] = d[g] * s * d[h];
            }
        }
        double half = 0.5 * (p[0][0] + p[1][1]);
        double disc = Math.sqrt(0.25 * (p[0][0] - p[1][1]) * (p[0][0] - p[1][1]) + p[0][1] * p[0][1]);
        double[] mu = {half + disc, half - disc};
        double[] slepian = slepianEigenvalues(df, tau, 4 * bitSamples + 60);
        List<Double> w = new ArrayList<>();
        for (double m : mu) {
            for (double l : slepian) {
                if (l > 1e-15 && m != 0) {
                    w.add(m * l / bitSamples);
                }
            }
        }
        double[] weights = w.stream().mapToDouble(Double::doubleValue).toArray();
        double[] dof = new double[weights.length];
        java.util.Arrays.fill(dof, 1);
        ChiSquareMixture closed = ChiSquareMixture.of(weights, dof);

        assertEquals(closed.mean(), window.mean(), 1e-6 * Math.abs(closed.mean()) + 1e-9 * Math.sqrt(closed.variance()));
        assertEquals(closed.variance(), window.variance(), 1e-3 * closed.variance());
        double sd = Math.sqrt(closed.variance());
        // both tails down to ~1e-9 (or the support's edge): relative agreement 1 %
        for (double z = -8; z <= 10; z += 1) {
            double x = closed.mean() + z * sd;
            double sClosed = closed.survival(x);
            double cClosed = closed.cdf(x);
            if (sClosed > 1e-10) {
                assertEquals(sClosed, window.survival(x), 1e-2 * sClosed, "survival at z=" + z);
            }
            if (cClosed > 1e-10) {
                assertEquals(cClosed, window.cdf(x), 1e-2 * cClosed, "cdf at z=" + z);
            }
        }
    }

    /** Eigenvalues of ∫_0^τ sin(2πW(t−s))/(π(t−s)) φ(s) ds by Gauss-Legendre Nyström with n nodes. */
    static double[] slepianEigenvalues(double bandwidth, double tau, int n) {
        GaussIntegrator gl = new GaussIntegratorFactory().legendre(n, 0, tau);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dt = gl.getPoint(i) - gl.getPoint(j);
                double kernel = dt == 0 ? 2 * bandwidth : Math.sin(2 * Math.PI * bandwidth * dt) / (Math.PI * dt);
                m[i][j] = Math.sqrt(gl.getWeight(i)) * kernel * Math.sqrt(gl.getWeight(j));
            }
        }
        return FiniteBitStatistics.jacobiEigenvalues(m);
    }

    /**
     * The Slepian eigenvalues themselves: Σλ = 2Wτ, and the largest for c = πWτ = 1, 2, 4: 0.5726, 0.8806,
     * 0.9959 (Slepian and Pollak 1961, Table I).
     */
    @ParameterizedTest(name = "c={0}")
    @CsvSource({"1, 0.5726", "2, 0.8806", "4, 0.9959"})
    void slepianEigenvaluesAreRight(double c, double largest) {
        double w = 1e3;
        double tau = c / (Math.PI * w);
        double[] l = slepianEigenvalues(w, tau, 80);
        double sum = 0;
        double max = 0;
        for (double x : l) {
            sum += x;
            max = Math.max(max, x);
        }
        assertEquals(2 * w * tau, sum, 1e-10);
        assertEquals(largest, max, 1e-4);
    }

    /**
     * Means are exact for both forms (the window's to the quadrature, the spectral's to its bins); the spectral
     * variance approaches V/τ of {@link EveStatistics} as τ grows (Szegő), on a capacitive line.
     */
    @Test
    void spectralFormHasTheLongWindowMoments() {
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H,
                CableSpec.of(CableKind.LADDER, 500, 100e-9, Double.NaN, 8).line());
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(1e3), 257);
        FiniteBitStatistics stats = FiniteBitStatistics.of(loop, tf, 1e9, 1.3);
        Map<Attack, EveStatistics.AttackStatistic> eve = EveStatistics.of(loop, tf, 1e9).at(1.3);
        for (Attack a : Attack.values()) {
            double tau = 5.0; // M = 10^4
            ChiSquareMixture s = stats.spectral(ProbeQuadraticForm.of(a), tau);
            double mu = eve.get(a).mean();
            double scale = KljnMoments.of(loop, ExactAnalysis.integrals(tf), 1e9, 1.3).scale(a);
            assertEquals(mu, s.mean(), 1e-6 * scale, a + " mean");
            double v = eve.get(a).varianceRate() / tau;
            assertEquals(v, s.variance(), 2e-3 * v, a + " variance → V/τ");
            ChiSquareMixture w = stats.window(ProbeQuadraticForm.of(a), 0.01);
            // the window's R(0) is the trapezoid on the AC grid, the exact moments Simpson's rule
            assertEquals(mu, w.mean(), 1e-5 * scale, a + " window mean");
        }
    }

    /**
     * A long bit's spectral form takes bins together in blocks ({@link FiniteBitStatistics#MAX_TERMS}): on the
     * capacitive ladder at M = 4·10^4 (2·10^4 bins, blocks of 5) the blocked mixture has the same mean (to the bin
     * quadrature, 1e-6) and its
     * probabilities agree with the unblocked one's within 1e-3 relative in both tails down to 1e-9 (a block error
     * that mattered would show first there), with far fewer terms.
     */
    @Test
    void blocksOfBinsKeepALongBitsDistribution() {
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H,
                CableSpec.of(CableKind.LADDER, 500, 100e-9, Double.NaN, 8).line());
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(1e3), 257);
        FiniteBitStatistics stats = FiniteBitStatistics.of(loop, tf, 1e9, 1.3);
        double tau = 20.0;
        for (Attack a : Attack.values()) {
            ChiSquareMixture all = stats.spectral(ProbeQuadraticForm.of(a), tau, Integer.MAX_VALUE);
            ChiSquareMixture blocked = stats.spectral(ProbeQuadraticForm.of(a), tau);
            assertTrue(blocked.weights().length <= 2 * FiniteBitStatistics.MAX_TERMS + 4, a + " blocked size");
            // the same mean up to the bin quadrature (sub-points per block instead of per bin): 1e-6 relative
            assertEquals(all.mean(), blocked.mean(), 1e-6 * (Math.sqrt(all.variance()) + Math.abs(all.mean())),
                    a + " mean");
            assertEquals(all.variance(), blocked.variance(), 1e-4 * all.variance(), a + " variance");
            double sd = Math.sqrt(all.variance());
            for (double z : new double[] {-6, -2, 0, 2, 6}) {
                double x = all.mean() + z * sd;
                double p = z < 0 ? all.cdf(x) : all.survival(x);
                double q = z < 0 ? blocked.cdf(x) : blocked.survival(x);
                assertEquals(p, q, 1e-3 * p, a + " tail at z = " + z);
            }
        }
    }
}

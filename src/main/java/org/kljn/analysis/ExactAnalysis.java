package org.kljn.analysis;

import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.NetlistWriter;
import org.kljn.circuit.Probes;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.ngspice.SpiceVector;

import java.util.List;

/**
 * Exact expectations of Eve's statistics from ngspice AC analyses: no statistical noise.
 *
 * <p>All attack statistics are second moments of a linear circuit driven by independent stationary
 * Gaussian generators, so <X Y> = Σ_s ∫ S_s(f) Re[H_sX(f) conj(H_sY(f))] df. One AC sweep per generator
 * (the other's AC magnitude set to 0 with {@code alter}) gives every H_sX on a uniform grid; Simpson's
 * rule integrates it, and Richardson's estimate |S_h − S_2h|/15 bounds the error.
 */
public final class ExactAnalysis {
    /** Default sweep: 4·64+1 points, enough for Simpson's rule on the smooth RC-line transfer functions. */
    public static final int DEFAULT_POINTS = 257;

    private ExactAnalysis() {
    }

    /**
     * Band integrals of {@code loop} over the brick-wall band [0, bandwidth].
     *
     * @param points sweep points, of the form 4m+1 (m ≥ 1) so that Simpson's rule and its half-resolution
     *               twin both apply
     */
    public static LoopIntegrals integrals(SpiceSimulator spice, KljnLoop loop, double bandwidth, int points) {
        if (points < 5 || (points - 1) % 4 != 0) {
            throw new IllegalArgumentException("sweep points must be 4m+1 >= 5, got " + points);
        }
        // ngspice's LTRA is singular at exactly 0 Hz: start a hair above; the skipped sliver of band is
        // added to the error bound.
        double fStart = loop.line().singularAtDc() ? bandwidth * 1e-9 : 0.0;
        spice.loadCircuit(NetlistWriter.ac(loop, 1, 0, points, fStart, bandwidth));
        spice.run();
        double[][][] hAlice = transferFunctions(spice, points);
        spice.command("alter " + Probes.ALICE_SOURCE + " acmag=0");
        spice.command("alter " + Probes.BOB_SOURCE + " acmag=1");
        spice.run();
        double[][][] hBob = transferFunctions(spice, points);
        spice.freeCircuit();

        double h = (bandwidth - fStart) / (points - 1);
        double[][] jAlice = new double[4][4];
        double[][] jBob = new double[4][4];
        double worstError = 0;
        double largest = 0;
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                double[] ia = integrand(hAlice, x, y);
                double[] ib = integrand(hBob, x, y);
                jAlice[x][y] = simpson(ia, h, 1);
                jBob[x][y] = simpson(ib, h, 1);
                double errA = Math.abs(jAlice[x][y] - simpson(ia, h, 2)) / 15 + fStart * Math.abs(ia[0]);
                double errB = Math.abs(jBob[x][y] - simpson(ib, h, 2)) / 15 + fStart * Math.abs(ib[0]);
                worstError = Math.max(worstError, Math.max(errA, errB));
                largest = Math.max(largest, Math.max(Math.abs(jAlice[x][y]), Math.abs(jBob[x][y])));
            }
        }
        return new LoopIntegrals(jAlice, jBob, largest == 0 ? 0 : worstError / largest);
    }

    /** Complex transfer functions [probe][re=0/im=1][frequency index] of the current AC plot. */
    private static double[][][] transferFunctions(SpiceSimulator spice, int points) {
        double[][][] h = new double[4][2][];
        for (int p = 0; p < 4; p++) {
            SpiceVector v = spice.vector(Probes.VECTORS[p]);
            if (v.length() != points || !v.isComplex()) {
                throw new IllegalStateException("AC vector " + Probes.VECTORS[p] + " has " + v.length()
                        + " points, expected " + points + " complex");
            }
            h[p][0] = v.real();
            h[p][1] = v.imag();
        }
        return h;
    }

    /** Re[H_x conj(H_y)] at every frequency. */
    private static double[] integrand(double[][][] h, int x, int y) {
        int n = h[x][0].length;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = h[x][0][k] * h[y][0][k] + h[x][1][k] * h[y][1][k];
        }
        return out;
    }

    /** Composite Simpson's rule on every {@code stride}-th sample (spacing stride·h). */
    static double simpson(double[] f, double h, int stride) {
        int intervals = (f.length - 1) / stride;
        double sum = f[0] + f[intervals * stride];
        for (int i = 1; i < intervals; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f[i * stride];
        }
        return sum * h * stride / 3;
    }

    /** The attack signals as functions of β, and the β that nulls each (paper, eqs. 10-13). */
    public static BetaCurve betaCurve(KljnLoop loop, LoopIntegrals j, double tEff) {
        return BetaCurve.of(loop, j, tEff);
    }

    /** Convenience: the moments at one β. */
    public static KljnMoments moments(KljnLoop loop, LoopIntegrals j, double tEff, double beta) {
        return KljnMoments.of(loop, j, tEff, beta);
    }

    static List<Attack> attacks() {
        return List.of(Attack.values());
    }
}

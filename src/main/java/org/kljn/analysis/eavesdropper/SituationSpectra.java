package org.kljn.analysis.eavesdropper;

import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.NetlistWriter;
import org.kljn.circuit.Probes;
import org.kljn.circuit.Resistor;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.ngspice.SpiceVector;

/**
 * What Eve sees at cable end A in one secure bit situation: the transfer functions from each generator to
 * (U_A, I_A) on a frequency grid. With a noiseless cable (U_B, I_B) follow from (U_A, I_A) through the cable's
 * two-port, the same in both situations, so these two probes carry all of the second-order information
 * (tested in {@code OptimalEavesdropperTest}).
 *
 * <p>The one-sided cross-spectral matrix of (U_A, I_A) with generator temperatures T_a, T_b is
 * <pre>
 *   G(f) = 4k g(f) [T_a R_A h_a h_aᴴ + T_b R_B h_b h_bᴴ],   h = (H_{U_A}, H_{I_A})ᵀ.
 * </pre>
 *
 * @param aliceHolds which resistor Alice holds (H: situation HL; L: LH)
 * @param frequency  the grid, Hz
 * @param re         Re of [0] U_A from Alice's generator, [1] I_A from Alice's, [2] U_A from Bob's, [3] I_A from Bob's
 * @param im         Im of the same
 */
public record SituationSpectra(Resistor aliceHolds, double aliceResistance, double bobResistance,
        double[] frequency, double[][] re, double[][] im) {

    public int size() {
        return frequency.length;
    }

    /** From the transfer functions of the exact analysis (all four probes), keeping U_A and I_A. */
    public static SituationSpectra of(KljnLoop loop, TransferFunctions tf) {
        int ua = Probe.U_A.ordinal(), ia = Probe.I_A.ordinal();
        return new SituationSpectra(loop.alice(), loop.aliceResistance(), loop.bobResistance(), tf.frequency(),
                new double[][] {tf.aliceRe()[ua], tf.aliceRe()[ia], tf.bobRe()[ua], tf.bobRe()[ia]},
                new double[][] {tf.aliceIm()[ua], tf.aliceIm()[ia], tf.bobIm()[ua], tf.bobIm()[ia]});
    }

    /**
     * Two ngspice AC sweeps (one per generator) of {@code loop} on the linear grid of {@code points} frequencies
     * from {@code fStart} to {@code fStop} (one point: {@code fStart} alone).
     */
    public static SituationSpectra sweep(SpiceSimulator spice, KljnLoop loop, double fStart, double fStop, int points) {
        if (points < 1) {
            throw new IllegalArgumentException("need at least one frequency, got " + points);
        }
        // ngspice 39.3's ".ac lin 2" yields one point: fewer than 3 frequencies are swept as 3 at the same spacing
        // (fStart as the spacing for one), and the extra ones dropped
        int swept = Math.max(NetlistWriter.MIN_AC_POINTS, points);
        double spacing = points == 1 ? fStart : (fStop - fStart) / (points - 1);
        double stop = swept == points ? fStop : fStart + (swept - 1) * spacing;
        spice.loadCircuit(NetlistWriter.ac(loop, 1, 0, swept, fStart, stop));
        double[][] re = new double[4][];
        double[][] im = new double[4][];
        double[] frequency;
        try {
            spice.run();
            ExactAnalysis.refuseWarnings(spice, loop);
            read(spice, re, im, 0, swept);
            frequency = spice.vector("frequency").real();
            spice.command("alter " + Probes.ALICE_SOURCE + " acmag=0");
            spice.command("alter " + Probes.BOB_SOURCE + " acmag=1");
            spice.run();
            read(spice, re, im, 2, swept);
        } finally {
            spice.freeCircuit();
        }
        if (swept != points) {
            frequency = java.util.Arrays.copyOf(frequency, points);
            for (int p = 0; p < 4; p++) {
                re[p] = java.util.Arrays.copyOf(re[p], points);
                im[p] = java.util.Arrays.copyOf(im[p], points);
            }
        }
        return new SituationSpectra(loop.alice(), loop.aliceResistance(), loop.bobResistance(), frequency, re, im);
    }

    private static void read(SpiceSimulator spice, double[][] re, double[][] im, int offset, int points) {
        String[] names = {Probes.VECTORS[Probe.U_A.ordinal()], Probes.VECTORS[Probe.I_A.ordinal()]};
        for (int p = 0; p < 2; p++) {
            SpiceVector v = spice.vector(names[p]);
            if (v.length() != points || !v.isComplex()) {
                throw new IllegalStateException("AC vector " + names[p] + " has " + v.length() + " points, expected "
                        + points + " complex");
            }
            re[offset + p] = v.real();
            im[offset + p] = v.imag();
        }
    }

    /**
     * G(f_k)/(4k g(f_k)) as a Hermitian 2×2 matrix {G_UU, G_II, Re G_UI, Im G_UI} for generator temperatures
     * {@code tAlice}, {@code tBob} (G_UI = ⟨U conj(I)⟩ per unit bandwidth).
     */
    public void matrix(int k, double tAlice, double tBob, double[] out) {
        double wa = tAlice * aliceResistance;
        double wb = tBob * bobResistance;
        double aur = re[0][k], aui = im[0][k], air = re[1][k], aii = im[1][k];
        double bur = re[2][k], bui = im[2][k], bir = re[3][k], bii = im[3][k];
        out[0] = wa * (aur * aur + aui * aui) + wb * (bur * bur + bui * bui);
        out[1] = wa * (air * air + aii * aii) + wb * (bir * bir + bii * bii);
        // h_U conj(h_I)
        out[2] = wa * (aur * air + aui * aii) + wb * (bur * bir + bui * bii);
        out[3] = wa * (aui * air - aur * aii) + wb * (bui * bir - bur * bii);
    }
}

package org.kljn.analysis.exact;

import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.NetlistWriter;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.Probes;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.circuit.UserSubcircuit;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.ngspice.SpiceVector;
import org.kljn.noise.BandShape;
import org.kljn.noise.BrickWall;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;


/**
 * Exact expectations of Eve's statistics from ngspice AC analyses: no statistical noise.
 *
 * <p>All attack statistics are second moments of a linear circuit driven by independent stationary
 * Gaussian generators, so ⟨X Y⟩ = Σ_s ∫ S_s(f) Re[H_sX(f) conj(H_sY(f))] df. One AC sweep per generator
 * (the other's AC magnitude set to 0 with {@code alter}) gives every H_sX on a uniform grid; Simpson's
 * rule integrates it, and Richardson's estimate |S_h − S_2h|/15 bounds the error.
 */
public final class ExactAnalysis {
    /** Default sweep: 4·64+1 points, enough for Simpson's rule on the smooth RC-line transfer functions. */
    public static final int DEFAULT_POINTS = 257;
    /** Sweep points above this buy nothing and cost memory and time linearly. */
    public static final int MAX_POINTS = 1_000_001;

    private ExactAnalysis() {
    }

    /**
     * Band integrals of {@code loop} over the brick-wall band [0, bandwidth].
     *
     * @param points sweep points, of the form 4m+1 (m ≥ 1) so that Simpson's rule and its half-resolution
     *               twin both apply
     */
    public static LoopIntegrals integrals(SpiceSimulator spice, KljnLoop loop, double bandwidth, int points) {
        return integrals(transferFunctions(spice, loop, BandShape.brickWall(bandwidth), points));
    }

    /** Sweep points for a band: 257 for a brick wall, else a spacing of Δf/64 up to the band's upper frequency. */
    public static int pointsFor(BandShape band, double bandwidth) {
        if (band instanceof BrickWall) {
            return DEFAULT_POINTS;
        }
        double upper = band.upperFrequency(TAIL);
        int intervals = (int) Math.ceil(upper / (bandwidth / 64) / 4) * 4;
        return Math.max(intervals, 4) + 1;
    }

    /**
     * ngspice's warnings about a user's line model reach the user (issue 22 item 3): kljn's own netlists give none,
     * so a warning is about the user's file (an ignored parameter, a questionable value), and nothing is computed on
     * a circuit ngspice questioned.
     */
    public static void refuseWarnings(SpiceSimulator spice, KljnLoop loop) {
        List<String> warnings = spice.warnings();
        if (loop.line() instanceof UserSubcircuit user && !warnings.isEmpty()) {
            throw new ParameterException(Parameter.SUBCIRCUIT_FILE, user.file() + ": ngspice warned about the "
                    + user.describe() + ": " + String.join(" | ", warnings) + "; kljn computes nothing on a line model"
                    + " ngspice questioned: correct the file");
        }
    }

    /** Relative tail of a non-brick-wall band left above the sweep. */
    static final double TAIL = 1e-7;

    /**
     * Runs the two AC sweeps (one per generator) over the band and keeps the transfer functions.
     *
     * @param points sweep points, 4m+1
     */
    public static TransferFunctions transferFunctions(SpiceSimulator spice, KljnLoop loop, BandShape band,
            int points) {
        checkPoints(points);
        boolean brick = band instanceof BrickWall;
        double fStop = brick ? ((BrickWall) band).bandwidth() : band.upperFrequency(TAIL);
        // ngspice's LTRA is singular at exactly 0 Hz: start a hair above; the skipped sliver of band is
        // added to the error bound.
        double fStart = loop.line().singularAtDc() ? fStop * 1e-9 : 0.0;
        spice.loadCircuit(NetlistWriter.ac(loop, 1, 0, points, fStart, fStop));
        spice.run();
        refuseWarnings(spice, loop);
        double[][][] hAlice = readProbes(spice, points);
        double[] frequency = spice.vector("frequency").real();
        spice.command("alter " + Probes.ALICE_SOURCE + " acmag=0");
        spice.command("alter " + Probes.BOB_SOURCE + " acmag=1");
        spice.run();
        double[][][] hBob = readProbes(spice, points);
        spice.freeCircuit();

        double h = (fStop - fStart) / (points - 1);
        double[] weight = new double[points];
        double[] coarse = new double[points];
        double[] gain = new double[points];
        for (int k = 0; k < points; k++) {
            // the band shape at the nominal grid frequency: ngspice's own sweep value can land one ulp past a
            // brick wall's edge, which would drop the last point (1/12 of the band with 5 points)
            double g = band.gain(k == points - 1 ? fStop : Math.min(fStop, fStart + k * h));
            gain[k] = g;
            double fine = (k == 0 || k == points - 1) ? 1 : (k % 2 == 1 ? 4 : 2);
            weight[k] = fine * h / 3 * g;
            if (k % 2 == 0) {
                int kc = k / 2;
                int last = (points - 1) / 2;
                double c = (kc == 0 || kc == last) ? 1 : (kc % 2 == 1 ? 4 : 2);
                coarse[k] = c * 2 * h / 3 * g;
            }
        }
        double extra = (brick ? 0 : TAIL) + fStart / fStop;
        return new TransferFunctions(frequency, weight, coarse, hAlice[0], hAlice[1], hBob[0], hBob[1], extra, gain);
    }

    /**
     * The transfer functions of the bit situations {@code which} of {@code resistors} on {@code line}, swept in
     * the order given (two AC sweeps each, {@link #transferFunctions(SpiceSimulator, KljnLoop, BandShape, int)}).
     */
    public static Map<Situation, TransferFunctions> transferFunctions(SpiceSimulator spice, ResistorPair resistors,
            LineModel line, BandShape band, int points, Collection<Situation> which) {
        Map<Situation, TransferFunctions> tf = new EnumMap<>(Situation.class);
        for (Situation s : which) {
            tf.put(s, transferFunctions(spice, s.loop(resistors, line), band, points));
        }
        return tf;
    }

    /**
     * Refuses a sweep that is not 4m+1 ≥ 5 points (Simpson's rule and its half-resolution twin) or longer than
     * {@link #MAX_POINTS}.
     *
     * @throws org.kljn.circuit.ParameterException naming {@link org.kljn.circuit.Parameter#SWEEP_POINTS}
     */
    public static int checkPoints(int points) {
        if (points < 5 || (points - 1) % 4 != 0 || points > MAX_POINTS) {
            throw new org.kljn.circuit.ParameterException(org.kljn.circuit.Parameter.SWEEP_POINTS,
                    "sweep points must be 4m+1 >= 5 and at most " + MAX_POINTS + ", got " + points);
        }
        return points;
    }

    /** Band integrals J_s(X,Y) = ∫ g Re[H_sX conj(H_sY)] df from the transfer functions. */
    public static LoopIntegrals integrals(TransferFunctions tf) {
        double[][] jAlice = new double[4][4];
        double[][] jBob = new double[4][4];
        double worstError = 0;
        double largest = 0;
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                double fa = 0, fb = 0, ca = 0, cb = 0;
                for (int k = 0; k < tf.size(); k++) {
                    double ia = tf.aliceRe()[x][k] * tf.aliceRe()[y][k] + tf.aliceIm()[x][k] * tf.aliceIm()[y][k];
                    double ib = tf.bobRe()[x][k] * tf.bobRe()[y][k] + tf.bobIm()[x][k] * tf.bobIm()[y][k];
                    fa += tf.weight()[k] * ia;
                    fb += tf.weight()[k] * ib;
                    ca += tf.coarseWeight()[k] * ia;
                    cb += tf.coarseWeight()[k] * ib;
                }
                jAlice[x][y] = fa;
                jBob[x][y] = fb;
                worstError = Math.max(worstError, Math.max(Math.abs(fa - ca), Math.abs(fb - cb)) / 15);
                largest = Math.max(largest, Math.max(Math.abs(fa), Math.abs(fb)));
            }
        }
        return new LoopIntegrals(jAlice, jBob, (largest == 0 ? 0 : worstError / largest) + tf.extraError());
    }

    /** Complex transfer functions [re=0/im=1][probe][frequency index] of the current AC plot. */
    private static double[][][] readProbes(SpiceSimulator spice, int points) {
        double[][][] h = new double[2][4][];
        for (int p = 0; p < 4; p++) {
            SpiceVector v = spice.vector(Probes.VECTORS[p]);
            if (v.length() != points || !v.isComplex()) {
                throw new IllegalStateException("AC vector " + Probes.VECTORS[p] + " has " + v.length()
                        + " points, expected " + points + " complex");
            }
            h[0][p] = v.real();
            h[1][p] = v.imag();
        }
        return h;
    }

}

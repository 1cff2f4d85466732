package org.kljn.analysis.exact;

import org.kljn.circuit.KljnLoop;
import org.kljn.noise.Johnson;

/**
 * Exact second moments of Eve's probes and the attack signals for one β.
 *
 * <p>Noise: one-sided PSD 4 k T R g(f) per generator (paper, eq. 2 with the band shape g); the R_H side at
 * T_eff, the R_L side at β T_eff (paper, Sec. 2.3). Powers into the cable: P_A = ⟨U_A I_A⟩,
 * P_B = -⟨U_B I_B⟩. Signals: bsy = ⟨U_A²⟩ - ⟨U_B²⟩ (eq. 1 without the absolute value), secondLaw =
 * P_A - P_B (eqs. 7-9), current = ⟨I_A²⟩ - ⟨I_B²⟩.
 */
public final class KljnMoments {
    /**
     * The noise temperatures accepted, K. The statistics' variances scale as T_eff² (their spectra as 4kTR): far
     * outside this range they leave double precision (at 1e200 K they overflowed and Eve's success printed as
     * 0.5), and no noise source is hotter than 1e30 K or colder than 1 mK.
     */
    public static final double MIN_TEMPERATURE = 1e-3;
    public static final double MAX_TEMPERATURE = 1e30;

    /** {@code tEff} if it is within [{@link #MIN_TEMPERATURE}, {@link #MAX_TEMPERATURE}], else a refusal naming them. */
    public static double checkTemperature(double tEff) {
        return org.kljn.circuit.Checks.within(org.kljn.circuit.Parameter.NOISE_TEMPERATURE, tEff, MIN_TEMPERATURE,
                MAX_TEMPERATURE, "K", "the statistics' variances scale as T^2 and leave double precision far outside;"
                        + " Eve's and Alice's and Bob's statistics do not depend on T_eff otherwise");
    }

    private final double[][] m = new double[4][4];
    private final double beta;

    private KljnMoments(double[][] m, double beta) {
        for (int i = 0; i < 4; i++) {
            System.arraycopy(m[i], 0, this.m[i], 0, 4);
        }
        this.beta = beta;
    }

    /** Moments of {@code loop} at noise temperature {@code tEff} (R_H side) and offset {@code beta}. */
    public static KljnMoments of(KljnLoop loop, LoopIntegrals j, double tEff, double beta) {
        // β = 0 is allowed here (BetaCurve's linear fit): not a NoiseTemperatures
        return atTemperatures(loop, j, NoiseTemperatures.standard(loop.alice(), tEff, beta),
                NoiseTemperatures.standard(loop.bob(), tEff, beta), beta);
    }

    /** Moments of {@code loop} with each resistor's generator at its own temperature; β() is T_LA/T_HA. */
    public static KljnMoments of(KljnLoop loop, LoopIntegrals j, NoiseTemperatures t) {
        return atTemperatures(loop, j, t.alice(loop.alice()), t.bob(loop.bob()), t.lowAtAlice() / t.highAtAlice());
    }

    private static KljnMoments atTemperatures(KljnLoop loop, LoopIntegrals j, double tAlice, double tBob,
            double beta) {
        double s0Alice = Johnson.voltagePsd(tAlice, loop.aliceResistance());
        double s0Bob = Johnson.voltagePsd(tBob, loop.bobResistance());
        double[][] m = new double[4][4];
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                m[x][y] = s0Alice * j.alice()[x][y] + s0Bob * j.bob()[x][y];
            }
        }
        return new KljnMoments(m, beta);
    }

    public double beta() {
        return beta;
    }

    /** ⟨X Y⟩ in SI units (V², A², W). */
    public double moment(Probe x, Probe y) {
        return m[x.ordinal()][y.ordinal()];
    }

    public double meanSquareVoltageA() {
        return moment(Probe.U_A, Probe.U_A);
    }

    public double meanSquareVoltageB() {
        return moment(Probe.U_B, Probe.U_B);
    }

    public double meanSquareCurrentA() {
        return moment(Probe.I_A, Probe.I_A);
    }

    public double meanSquareCurrentB() {
        return moment(Probe.I_B, Probe.I_B);
    }

    /** P_A = ⟨U_A I_A⟩: mean power flowing into the cable at end A. */
    public double powerIntoCableA() {
        return moment(Probe.U_A, Probe.I_A);
    }

    /** P_B = -⟨U_B I_B⟩: mean power flowing into the cable at end B. */
    public double powerIntoCableB() {
        return -moment(Probe.U_B, Probe.I_B);
    }

    /**
     * The size of the terms an attack's signal subtracts (Cauchy-Schwarz bound for the powers): a signal
     * far below it is zero up to rounding.
     */
    public double scale(Attack attack) {
        return ProbeQuadraticForm.scale(attack, m);
    }

    /** The attack's signal: its statistic's mean ({@link ProbeQuadraticForm#terms(Attack)}). */
    public double signal(Attack attack) {
        return ProbeQuadraticForm.mean(attack, m);
    }
}

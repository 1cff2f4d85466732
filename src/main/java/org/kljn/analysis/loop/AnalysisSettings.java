package org.kljn.analysis.loop;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.circuit.Checks;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;

/**
 * What {@link LoopAnalysis} computes for a loop: the noise (T_eff of the R_H side, a brick-wall band 0..Δf), the
 * AC grid, the β rule, the bit length for Eve's success probability, and which optional parts to compute.
 * Build with {@link #builder()}; every value is checked here, once, for every caller.
 *
 * @param tEff             noise temperature of the R_H side, K
 * @param bandwidth        noise bandwidth Δf, Hz (one-sided PSD 4kTR on 0..Δf)
 * @param points           AC sweep points, 4m+1 ≥ 5 (Simpson's rule and its half-resolution twin)
 * @param beta             the β rule
 * @param bitSamples       the bit length M in Nyquist samples: τ = M/(2Δf)
 * @param minimax          whether to search the minimax β (about as long again as the rest; always done for the
 *                         {@code minimax} rule)
 * @param lumpedComparison whether to compare a non-lumped line with the lumped line of its DC resistance (two more
 *                         AC runs)
 * @param eveInstrument    Eve's instrument noise, for the best eavesdropper's window likelihood ratio
 */
public record AnalysisSettings(double tEff, double bandwidth, int points, BetaRule beta, int bitSamples,
                               boolean minimax, boolean lumpedComparison, boolean optimal, EveInstrument eveInstrument) {
    /** Default AC sweep: 4·64+1 points, enough for Simpson's rule on the smooth RC-line transfer functions. */
    public static final int DEFAULT_POINTS = ExactAnalysis.DEFAULT_POINTS;
    /** Sweep points above this buy nothing and cost memory and time linearly ({@link ExactAnalysis#MAX_POINTS}). */
    public static final int MAX_POINTS = ExactAnalysis.MAX_POINTS;
    /** The longest bit, in Nyquist samples ({@link BitLength#MAX_SAMPLES}). */
    public static final int MAX_BIT_SAMPLES = BitLength.MAX_SAMPLES;

    /**
     * The noise bandwidths accepted, Hz. The statistics scale as (4kTRΔf)² (and the bit as 1/Δf): at 1e-300 Hz they
     * underflowed (Alice's and Bob's error probability failed as "weight 0 is NaN") and a map called the narrower
     * band less secure. Over this range with T_eff and the resistances in theirs, every spectrum and variance stays
     * well inside double precision, and no KLJN band is narrower than a µHz or wider than a THz.
     */
    public static final double MIN_BANDWIDTH = 1e-6;
    public static final double MAX_BANDWIDTH = 1e12;

    /** {@code bandwidth} if it is within [{@link #MIN_BANDWIDTH}, {@link #MAX_BANDWIDTH}], else a refusal naming them. */
    public static double checkBandwidth(double bandwidth) {
        return Checks.within(Parameter.BANDWIDTH, bandwidth, MIN_BANDWIDTH, MAX_BANDWIDTH, "Hz", "the statistics scale"
                + " as (4kTR bandwidth)^2 and leave double precision far outside");
    }

    public AnalysisSettings {
        Checks.positive(Parameter.NOISE_TEMPERATURE, tEff);
        KljnMoments.checkTemperature(tEff);
        Checks.positive(Parameter.BANDWIDTH, bandwidth);
        ExactAnalysis.checkPoints(points);
        checkBandwidth(bandwidth);
        if (beta == null) {
            throw new ParameterException(Parameter.BETA, "no β rule given");
        }
        if (eveInstrument == null) {
            throw new IllegalArgumentException("no instrument for Eve given");
        }
        BitLength.ofSamples(bitSamples);
    }

    /** The defaults: T_eff = 1e9 K, Δf = 1 kHz, 257 points, β = 1, M = 1000, minimax and lumped comparison on. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().tEff(tEff).bandwidth(bandwidth).points(points).beta(beta).bitSamples(bitSamples)
                .minimax(minimax).lumpedComparison(lumpedComparison).optimal(optimal)
                .eveInstrument(eveInstrument);
    }

    /** The bit length M (checked when these settings were made). */
    public BitLength bitLength() {
        return BitLength.ofSamples(bitSamples);
    }

    /** The bit duration τ = M/(2Δf), s. */
    public double bitDuration() {
        return BitLength.duration(bitSamples, bandwidth);
    }

    /**
     * Whether the best second-order eavesdropper ({@link OptimalEavesdropper}: Jeffreys rate, likelihood-ratio
     * success, β minimising J) is evaluated: asked for, or needed by the {@code optimal} β rule.
     */
    public boolean needsOptimal() {
        return optimal || beta.kind() == BetaRule.Kind.OPTIMAL;
    }

    /** Whether the minimax β is computed: asked for, or needed by the β rule. */
    public boolean needsMinimax() {
        return minimax || beta.kind() == BetaRule.Kind.MINIMAX;
    }

    /** Builds {@link AnalysisSettings}. */
    public static final class Builder {
        private double tEff = 1e9;
        private double bandwidth = 1e3;
        private int points = DEFAULT_POINTS;
        private BetaRule beta = BetaRule.number(1);
        private int bitSamples = 1000;
        private boolean minimax = true;
        private boolean lumpedComparison = true;
        private boolean optimal = false;
        private EveInstrument eveInstrument = EveInstrument.defaults();

        private Builder() {
        }

        /** Eve's instrument noise (default {@link EveInstrument#defaults()}). */
        public Builder eveInstrument(EveInstrument instrument) {
            this.eveInstrument = instrument;
            return this;
        }

        /** Also evaluate the best second-order eavesdropper (four more AC sweeps per situation pair; off by default). */
        public Builder optimal(boolean on) {
            this.optimal = on;
            return this;
        }

        public Builder tEff(double kelvin) {
            this.tEff = kelvin;
            return this;
        }

        public Builder bandwidth(double hertz) {
            this.bandwidth = hertz;
            return this;
        }

        public Builder points(int n) {
            this.points = n;
            return this;
        }

        public Builder beta(BetaRule rule) {
            this.beta = rule;
            return this;
        }

        public Builder beta(double value) {
            this.beta = BetaRule.number(value);
            return this;
        }

        public Builder bitSamples(int m) {
            this.bitSamples = m;
            return this;
        }

        public Builder minimax(boolean on) {
            this.minimax = on;
            return this;
        }

        public Builder lumpedComparison(boolean on) {
            this.lumpedComparison = on;
            return this;
        }

        /** @throws ParameterException for a value out of range */
        public AnalysisSettings build() {
            return new AnalysisSettings(tEff, bandwidth, points, beta, bitSamples, minimax, lumpedComparison, optimal,
                    eveInstrument);
        }
    }
}

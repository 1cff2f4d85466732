package org.kljn.analysis;

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
    /** Sweep points above this buy nothing and cost memory and time linearly. */
    public static final int MAX_POINTS = 1_000_001;
    /** The longest bit, in Nyquist samples. */
    public static final int MAX_BIT_SAMPLES = 10_000_000;

    public AnalysisSettings {
        Checks.positive(Parameter.NOISE_TEMPERATURE, tEff);
        KljnMoments.checkTemperature(tEff);
        Checks.positive(Parameter.BANDWIDTH, bandwidth);
        if (points < 5 || (points - 1) % 4 != 0 || points > MAX_POINTS) {
            throw new ParameterException(Parameter.SWEEP_POINTS, "sweep points must be 4m+1 >= 5 and at most "
                    + MAX_POINTS + ", got " + points);
        }
        if (beta == null) {
            throw new ParameterException(Parameter.BETA, "no β rule given");
        }
        if (eveInstrument == null) {
            throw new IllegalArgumentException("no instrument for Eve given");
        }
        Checks.between(Parameter.BIT_SAMPLES, bitSamples, 2, MAX_BIT_SAMPLES, "as in the Monte Carlo: the bit must"
                + " span at least one Nyquist interval of the band");
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

    /** The bit duration τ = M/(2Δf), s. */
    public double bitDuration() {
        return bitSamples / (2 * bandwidth);
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

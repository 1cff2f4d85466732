package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.WindowEavesdropper;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.circuit.Checks;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.ResistorPair;
import org.kljn.noise.InjectedNoise;
import org.kljn.noise.NoiseDesign;
import org.kljn.noise.NoiseSpec;
import org.kljn.noise.NyquistNoise;
import org.kljn.noise.PrewarpedNoise;
import org.kljn.noise.TrnoiseBand;

import java.util.Locale;

/**
 * What a Monte Carlo of bit exchanges ({@link BitExchangeSimulation}) simulates. Build it with
 * {@link #builder(ResistorPair, LineModel, AnalysisSettings)}: the noise (T_eff, band), β and the bit length come from
 * the exact analysis's settings, so the simulation's measurement and the analysis's prediction are for the same bit;
 * the builder adds the Monte Carlo's own options by name. Every value is checked here, for every caller.
 *
 * @param oversampling   noise grid points per Nyquist interval K: 1 samples the noise at the Nyquist rate
 *                       ({@link NyquistNoise}, TRNOISE's sinc⁴ band), K ≥ 2 low-passes it with a FIR
 *                       ({@link NoiseDesign}, flat band to 0.92 Δf); {@link #AUTOMATIC} chooses ({@link #noiseGrid()})
 * @param guard          the guard interval before each bit, s; {@link #AUTOMATIC_GUARD}: ten loop time constants
 * @param stepsPerSample solver steps per noise grid interval; {@link #AUTOMATIC} chooses them from the line
 *                       ({@link StepChoice})
 * @param accuracy       what the step must get right on a line with capacitance ({@link AccuracyGoal}); with
 *                       {@code distributions} or {@code moments} the noise is pre-warped, one solver step per grid
 *                       point, and {@code oversampling} is that grid's K ({@link #AUTOMATIC} = chosen by the goal)
 * @param eveNoise       Eve's instrument: the white floor her window likelihood ratio sees on each simulated bit (the
 *                       same as the prediction's, {@link WindowEavesdropper})
 */
public record BitExchangeSettings(ResistorPair resistors, LineModel line, double tEff, double beta, double bandwidth,
        int bitSamples, int bits, long seed, int oversampling, double guard, NoiseMode noise, int stepsPerSample,
        AccuracyGoal accuracy, EveInstrument eveNoise) {
    /** The grid or the steps chosen by the simulation. */
    public static final int AUTOMATIC = 0;
    /** The guard chosen from the line: ten loop time constants. */
    public static final double AUTOMATIC_GUARD = -1;
    /** Most bit exchanges one run accepts. */
    public static final int MAX_BITS = 10_000_000;
    /** Most noise grid points per Nyquist interval. */
    public static final int MAX_NOISE_GRID = 64;
    /** Most solver steps per noise grid interval. */
    public static final int MAX_STEPS_PER_SAMPLE = 256;
    /** The most injected-noise grid points one run may simulate (hours of ngspice time). */
    public static final double MAX_GRID_POINTS = 2e9;

    /** Where the generators' noise comes from. */
    public enum NoiseMode {
        /** Java noise through EXTERNAL sources: reproducible from the seed. */
        JAVA,
        /**
         * ngspice's TRNOISE with NT = 1/(2Δf): not reproducible in 39.3 (seeded from the process id), and its
         * linear interpolation shapes the band as sinc⁴ ({@link TrnoiseBand}); the seed still chooses the bit
         * situations.
         */
        TRNOISE
    }

    public BitExchangeSettings {
        checkBits(bits);
        BitLength.ofSamples(bitSamples);
        AnalysisSettings.checkBandwidth(bandwidth);
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new ParameterException(Parameter.BETA, "β = " + beta + ": allowed a positive finite number");
        }
        if (oversampling != AUTOMATIC) {
            Checks.between(Parameter.NOISE_GRID, oversampling, 1, MAX_NOISE_GRID, "or automatic");
        }
        if (stepsPerSample != AUTOMATIC) {
            Checks.between(Parameter.SOLVER_STEPS, stepsPerSample, 1, MAX_STEPS_PER_SAMPLE, "or automatic");
        }
        if (guard != AUTOMATIC_GUARD) {
            checkGuard(guard);
        }
        if (accuracy == null) {
            throw new ParameterException(Parameter.ACCURACY_GOAL, "no accuracy goal given (distributions, moments"
                    + " or fir)");
        }
        if (noise == null) {
            throw new ParameterException(Parameter.ACCURACY_GOAL, "no noise source given (java or trnoise)");
        }
        java.util.Objects.requireNonNull(eveNoise, "Eve's instrument");
        if (accuracy != AccuracyGoal.FIR && stepsPerSample > 1 && line.capacitance() != 0) {
            throw new ParameterException(Parameter.SOLVER_STEPS, Parameter.SOLVER_STEPS.description() + " "
                    + stepsPerSample + " needs the fir accuracy goal: pre-warped noise (" + accuracy.key()
                    + ") takes one solver step per grid point");
        }
        // every bit simulates (guard + bit) on a grid of K points per Nyquist interval; automatic: the most the goal
        // can choose (fir 4, moments AccuracyGoal.MOMENTS_GRID, distributions 64 on a capacitive line)
        int gridK = oversampling != AUTOMATIC ? oversampling : switch (accuracy) {
            case FIR -> NoiseSpec.DEFAULT_OVERSAMPLING;
            case MOMENTS -> AccuracyGoal.MOMENTS_GRID;
            case DISTRIBUTIONS -> MAX_NOISE_GRID;
        };
        double perBit = (bitSamples + (guard == AUTOMATIC_GUARD ? 0 : guard) * 2 * bandwidth) * gridK;
        if ((double) bits * perBit > MAX_GRID_POINTS) {
            throw new ParameterException(Parameter.BITS, String.format(Locale.ROOT, "%d bit exchanges of %d Nyquist"
                    + " samples%s on a grid of up to %d points per Nyquist interval (accuracy goal %s) would simulate"
                    + " up to %.3g noise grid points; at most %.0e (hours of ngspice time): fewer bits, shorter bits,"
                    + " a shorter guard or a coarser grid", bits, bitSamples, guard == AUTOMATIC_GUARD ? ""
                    : ", guard " + guard + " s", gridK, accuracy.key(), bits * perBit, MAX_GRID_POINTS));
        }
    }

    private static void checkGuard(double seconds) {
        if (!(seconds >= 0 && Double.isFinite(seconds))) {
            throw new ParameterException(Parameter.GUARD_TIME, Parameter.GUARD_TIME.description() + " " + seconds
                    + " s: allowed a finite number of seconds >= 0 (or automatic: 10 loop RC time constants)");
        }
    }

    /** Refuses a number of bit exchanges outside 1 to {@link #MAX_BITS}. */
    public static int checkBits(int bits) {
        return Checks.between(Parameter.BITS, bits, 1, MAX_BITS, "one run's bit exchanges");
    }

    /**
     * A builder whose noise temperature, band, β (when the analysis's rule is a number) and bit length are the
     * analysis's: one value of each, so that the analysis's predictions and the simulation's measurements are about
     * the same bit. A β rule (null, minimax, ...) is resolved by the analysis: give its
     * {@link LoopAnalysisResult#betaUsed()} with {@link Builder#beta(double)}.
     */
    public static Builder builder(ResistorPair resistors, LineModel line, AnalysisSettings analysis) {
        Builder b = new Builder(resistors, line).tEff(analysis.tEff()).bandwidth(analysis.bandwidth())
                .bitLength(analysis.bitLength());
        return analysis.beta().isNumber() ? b.beta(analysis.beta().value()) : b;
    }

    /** A builder with {@link AnalysisSettings}'s defaults for the noise and the bit (T_eff = 1e9 K, Δf = 1 kHz, M = 1000, β = 1). */
    public static Builder builder(ResistorPair resistors, LineModel line) {
        return builder(resistors, line, AnalysisSettings.builder().build());
    }

    /** The bit length M. */
    public BitLength bitLength() {
        return BitLength.ofSamples(bitSamples);
    }

    /** The bit duration τ = M/(2Δf): M Nyquist samples of the band. */
    public double bitDuration() {
        return BitLength.duration(bitSamples, bandwidth);
    }

    public BitExchangeSettings withStepsPerSample(int k) {
        return new BitExchangeSettings(resistors, line, tEff, beta, bandwidth, bitSamples, bits, seed, oversampling,
                guard, noise, k, accuracy, eveNoise);
    }

    public BitExchangeSettings withOversampling(int k) {
        return new BitExchangeSettings(resistors, line, tEff, beta, bandwidth, bitSamples, bits, seed, k, guard,
                noise, stepsPerSample, accuracy, eveNoise);
    }

    public BitExchangeSettings withAccuracy(AccuracyGoal goal) {
        return new BitExchangeSettings(resistors, line, tEff, beta, bandwidth, bitSamples, bits, seed, oversampling,
                guard, noise, stepsPerSample, goal, eveNoise);
    }

    /**
     * Whether the injected noise is pre-warped for one trapezoidal step per grid point: Java noise on a line
     * with capacitance (or an unknown subcircuit) under the {@code distributions} or {@code moments} goal.
     */
    public boolean prewarped() {
        return accuracy != AccuracyGoal.FIR && noise == NoiseMode.JAVA && line.capacitance() != 0;
    }

    /**
     * The noise grid K in use: as given, or automatic: 1 (Nyquist-rate samples) for a memoryless loop, which
     * the solver reproduces exactly with one step per sample; 4 (FIR band) for a line with memory, whose band
     * ends at Δf where the trapezoidal rule's frequency warping is smallest (on the 2 km Cat5 ladder at 500 Hz
     * the sinc⁴ band needs 32 solver steps per Nyquist sample for the target, the FIR band 4 × 4 = 16).
     */
    public int noiseGrid() {
        if (oversampling > 0) {
            return oversampling;
        }
        if (prewarped()) {
            if (accuracy == AccuracyGoal.MOMENTS) {
                return AccuracyGoal.MOMENTS_GRID;
            }
            throw new IllegalStateException("the distributions grid depends on the line's transfer functions:"
                    + " resolve the settings first (BitExchangeSimulation.resolve)");
        }
        return line.capacitance() == 0 ? 1 : NoiseSpec.DEFAULT_OVERSAMPLING;
    }

    /**
     * The injected noise's design: pre-warped ({@link #prewarped()}), else Nyquist-rate samples for K = 1 and a
     * FIR-band-limited grid otherwise.
     */
    public InjectedNoise injectedNoise() {
        int k = noiseGrid();
        if (prewarped()) {
            return PrewarpedNoise.of(bandwidth, k);
        }
        return k == 1 ? new NyquistNoise(bandwidth)
                : NoiseDesign.of(NoiseSpec.of(bandwidth).withOversampling(k));
    }

    /** Builds {@link BitExchangeSettings} from named values; what is not given is automatic or the default. */
    public static final class Builder {
        private final ResistorPair resistors;
        private final LineModel line;
        private double tEff;
        private double beta = 1;
        private double bandwidth;
        private int bitSamples;
        private int bits = 100;
        private long seed = 1;
        private int oversampling = AUTOMATIC;
        private double guard = AUTOMATIC_GUARD;
        private NoiseMode noise = NoiseMode.JAVA;
        private int stepsPerSample = AUTOMATIC;
        private AccuracyGoal accuracy;
        private EveInstrument eveNoise = EveInstrument.defaults();

        private Builder(ResistorPair resistors, LineModel line) {
            this.resistors = resistors;
            this.line = line;
        }

        /** T_eff of the R_H side, K. */
        public Builder tEff(double kelvin) {
            this.tEff = kelvin;
            return this;
        }

        /** The temperature ratio β of the R_L side (a number: a rule is resolved by the exact analysis). */
        public Builder beta(double value) {
            this.beta = value;
            return this;
        }

        /** The noise band 0..Δf, Hz. */
        public Builder bandwidth(double hertz) {
            this.bandwidth = hertz;
            return this;
        }

        public Builder bitLength(BitLength m) {
            this.bitSamples = m.samples();
            return this;
        }

        /** The bit length M in Nyquist samples (checked by {@link BitLength}). */
        public Builder bitSamples(int m) {
            this.bitSamples = m;
            return this;
        }

        /** How many bit exchanges (default 100). */
        public Builder bits(int n) {
            this.bits = n;
            return this;
        }

        /** The seed of the noise and of the bit situations (default 1). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** The noise grid K, points per Nyquist interval (1 to 64; default automatic). */
        public Builder noiseGrid(int k) {
            this.oversampling = k;
            return this;
        }

        /** The guard interval before each bit, s (default ten loop time constants). */
        public Builder guard(double seconds) {
            checkGuard(seconds);
            this.guard = seconds;
            return this;
        }

        /** Where the noise comes from (default Java noise, reproducible from the seed). */
        public Builder noise(NoiseMode mode) {
            this.noise = mode;
            return this;
        }

        /** Solver steps per noise grid interval (1 to 256; default chosen from the line). */
        public Builder stepsPerSample(int k) {
            this.stepsPerSample = k;
            return this;
        }

        /**
         * The accuracy goal; default {@link AccuracyGoal#DEFAULT}, or {@code fir} when the grid or the steps are
         * given (those are the FIR scheme's parameters).
         */
        public Builder accuracy(AccuracyGoal goal) {
            this.accuracy = goal;
            return this;
        }

        /** Eve's instrument for the window likelihood ratio (default {@link EveInstrument#defaults()}). */
        public Builder eveNoise(EveInstrument instrument) {
            this.eveNoise = java.util.Objects.requireNonNull(instrument, "Eve's instrument");
            return this;
        }

        /** @throws ParameterException for a value out of range */
        public BitExchangeSettings build() {
            AccuracyGoal goal = accuracy != null ? accuracy
                    : oversampling != AUTOMATIC || stepsPerSample != AUTOMATIC ? AccuracyGoal.FIR : AccuracyGoal.DEFAULT;
            return new BitExchangeSettings(resistors, line, tEff, beta, bandwidth, bitSamples, bits, seed, oversampling,
                    guard, noise, stepsPerSample, goal, eveNoise);
        }
    }
}

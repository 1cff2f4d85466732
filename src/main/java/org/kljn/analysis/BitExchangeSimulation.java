package org.kljn.analysis;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.NetlistWriter;
import org.kljn.circuit.Probes;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.NoiseDesign;
import org.kljn.noise.NoiseSpec;
import org.kljn.noise.NoiseWaveform;
import org.kljn.noise.StreamKey;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntConsumer;

/**
 * Monte Carlo of KLJN bit exchanges at circuit level: Java generates each generator's noise (band-limited
 * Gaussian, reproducible from one seed, independent per party and per bit), ngspice solves the loop with the
 * noise injected through EXTERNAL sources, and every accepted point streams into per-bit time averages.
 *
 * <p>Bits are secure situations (LH or HL, at random from the seed). All bits of one situation go through
 * one ngspice run, back to back, each in its own window with a guard interval for the line's memory.
 * Eve guesses the situation from each attack's statistic by the nearer expected value (threshold midway
 * between the exact means for HL and LH); Alice and Bob each decide the other's resistor from their own
 * mean-square voltage, with the threshold midway between the two situations they cannot tell apart by
 * their own resistor (KLJN protocol).
 */
public final class BitExchangeSimulation {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** StreamKey party used for the protocol's own random choices (the bit situations). */
    static final int PROTOCOL_PARTY = 2;

    /** What to simulate. */
    public record Settings(ResistorPair resistors, LineModel line, double tEff, double beta, double bandwidth,
            int bitSamples, int bits, long seed, int oversampling, double guard, NoiseMode noise) {

        /** Java noise (the default). */
        public Settings(ResistorPair resistors, LineModel line, double tEff, double beta, double bandwidth,
                int bitSamples, int bits, long seed, int oversampling, double guard) {
            this(resistors, line, tEff, beta, bandwidth, bitSamples, bits, seed, oversampling, guard, NoiseMode.JAVA);
        }

        public Settings {
            if (bits < 1) {
                throw new IllegalArgumentException("--bits must be at least 1, got " + bits);
            }
            if (bitSamples < 2) {
                throw new IllegalArgumentException("--bit-samples must be at least 2, got " + bitSamples);
            }
            if (!(beta > 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("--beta must be a positive finite number, got " + beta);
            }
        }

        /** The bit duration τ = M/(2Δf): M Nyquist samples of the band. */
        public double bitDuration() {
            return bitSamples / (2 * bandwidth);
        }
    }

    /** Where the generators' noise comes from. */
    public enum NoiseMode {
        /** Java noise through EXTERNAL sources: band-limited, reproducible from the seed. */
        JAVA,
        /**
         * ngspice's TRNOISE with NT = 1/(2Δf): not reproducible in 39.3 (seeded from the process id), and its
         * linear interpolation shapes the band as sinc⁴ ({@link org.kljn.noise.TrnoiseBand}); the seed still
         * chooses the bit situations.
         */
        TRNOISE
    }

    /** One attack's outcome over all bits. */
    public record AttackOutcome(Attack attack, int correct, int bits, double predicted) {
        public double successRate() {
            return (double) correct / bits;
        }

        /** Wilson score interval at 95 %. */
        public double[] ci95() {
            return wilson(correct, bits, 1.959963984540054);
        }
    }

    /**
     * The likelihood-ratio eavesdropper's outcome over all bits ({@link LikelihoodRatioDetector}, from each bit's
     * U_A and I_A), and its predicted success.
     */
    public record OptimalOutcome(int correct, int bits, double predicted, int frequencyBins) {
        public double successRate() {
            return (double) correct / bits;
        }

        /** Wilson score interval at 95 %. */
        public double[] ci95() {
            return wilson(correct, bits, 1.959963984540054);
        }
    }

    /** The whole run; {@code optimal} is null for a bit too short to hold a frequency bin below the band edge. */
    public record Result(Settings settings, Map<Attack, AttackOutcome> eve, int aliceBobErrors,
            double predictedAliceBobErrorRate, double guard, long acceptedPoints, List<double[]> bitAverages,
            List<Resistor> aliceResistors, double transientSeconds, OptimalOutcome optimal) {
        public double aliceBobErrorRate() {
            return (double) aliceBobErrors / settings.bits();
        }
    }

    private BitExchangeSimulation() {
    }

    /** Exact expectations the decisions need: means and variance rates for the four bit situations. */
    record Expectations(Map<String, KljnMoments> moments, Map<String, Map<Attack, EveStatistics.AttackStatistic>> eve,
            Map<String, double[]> ownVarianceRates) {
    }

    public static Result run(NgSpice spice, Settings s, IntConsumer progress) {
        NoiseDesign design = NoiseDesign.of(NoiseSpec.of(s.bandwidth()).withOversampling(s.oversampling()));
        boolean trnoise = s.noise() == NoiseMode.TRNOISE;
        org.kljn.noise.BandShape band = trnoise ? new org.kljn.noise.TrnoiseBand(s.bandwidth()) : design.band();
        // the solver grid: the Java noise's grid points, or TRNOISE's samples (its breakpoints)
        double h = trnoise ? 1 / (2 * s.bandwidth()) : design.gridStep();
        double tau = s.bitDuration();
        // at least one grid step: the step in which the noise switches to the next bit's stream
        double guard = Math.max(1, Math.ceil(guardTime(s) / h - 1e-9)) * h;

        // exact expectations over the band the injected noise really has
        Expectations exact = expectations(spice, s, band);
        // the likelihood-ratio detector for this bit, at the bins (k − ½)/τ below the band edge, with the injected band
        LikelihoodRatioDetector optimal = LikelihoodRatioDetector.binCount(s.bandwidth(), tau) < 1 ? null
                : LikelihoodRatioDetector.design(spice, s.resistors(), s.line(), s.bandwidth(), tau, band,
                        NoiseTemperatures.standard(s.tEff(), s.beta()), LikelihoodRatioDetector.TRANSIENT_MAX_BINS);
        double[] likelihoodRatio = new double[s.bits()];

        // the bit situations, from the seed
        UniformRandomProvider rng = StreamKey.of(s.seed(), PROTOCOL_PARTY, 0).newRng();
        List<Resistor> alice = new ArrayList<>(s.bits());
        for (int i = 0; i < s.bits(); i++) {
            alice.add(rng.nextBoolean() ? Resistor.H : Resistor.L);
        }
        double[][] averages = new double[s.bits()][];
        long[] points = new long[1];
        long transientNanos = 0;
        int[] done = new int[1];
        for (Resistor aliceHolds : Resistor.values()) {
            List<Integer> bitsHere = new ArrayList<>();
            for (int i = 0; i < s.bits(); i++) {
                if (alice.get(i) == aliceHolds) {
                    bitsHere.add(i);
                }
            }
            if (bitsHere.isEmpty()) {
                continue;
            }
            KljnLoop loop = KljnLoop.secure(s.resistors(), aliceHolds, s.line());
            BitWindows windows = new BitWindows(bitsHere.size(), guard, tau);
            double s0Alice = s0(s, loop.alice(), loop.aliceResistance());
            double s0Bob = s0(s, loop.bob(), loop.bobResistance());
            if (!trnoise) {
                spice.setExternalVoltage(Probes.ALICE_SOURCE,
                        new PerBitNoise(design, s0Alice, s.seed(), StreamKey.ALICE, bitsHere, windows.period()));
                spice.setExternalVoltage(Probes.BOB_SOURCE,
                        new PerBitNoise(design, s0Bob, s.seed(), StreamKey.BOB, bitsHere, windows.period()));
                spice.setStepControl((time, delta) -> nextGridStep(time, h));
            }
            WindowMoments stream = new WindowMoments(windows, (w, avg) -> {
                averages[bitsHere.get(w)] = avg;
                progress.accept(++done[0]);
            });
            WhittleStream lr = optimal == null ? null : new WhittleStream(windows, optimal, h,
                    (w, statistic) -> likelihoodRatio[bitsHere.get(w)] = statistic);
            spice.setStreamListener(lr == null ? stream : WhittleStream.tee(stream, lr));
            try {
                // half a grid step past the last window: ngspice clamps its final step to the stop time, and a
                // stop time on the grid can leave it a step of zero after rounding
                // TRNOISE: rms² = S0·Δf = S0/(2 NT) gives the one-sided level S0 at low frequency
                spice.loadCircuit(trnoise
                        ? NetlistWriter.transientTrnoise(loop, Math.sqrt(s0Alice * s.bandwidth()),
                                Math.sqrt(s0Bob * s.bandwidth()), h, windows.stopTime() + h / 2, true)
                        : NetlistWriter.transientExternal(loop, h, windows.stopTime() + h / 2, h, true));
                long t0 = System.nanoTime();
                spice.run();
                transientNanos += System.nanoTime() - t0;
            } finally {
                spice.clearHooks();
            }
            points[0] += stream.points();
            if (stream.windowsDone() != bitsHere.size()) {
                throw new IllegalStateException("the transient ended after " + stream.windowsDone() + " of "
                        + bitsHere.size() + " bit windows");
            }
        }

        // decisions
        Map<Attack, Integer> correct = new EnumMap<>(Attack.class);
        for (Attack a : Attack.values()) {
            correct.put(a, 0);
        }
        int aliceBobErrors = 0;
        int optimalCorrect = 0;
        // where the exact means of HL and LH coincide (e.g. the current attack on a lumped line, where
        // I_A = I_B) Eve has nothing to go on but rounding noise: she tosses a coin
        UniformRandomProvider coin = StreamKey.of(s.seed(), PROTOCOL_PARTY + 1, 0).newRng();
        for (int i = 0; i < s.bits(); i++) {
            boolean hl = alice.get(i) == Resistor.H;
            for (Attack a : Attack.values()) {
                double x = WindowMoments.statistic(a, averages[i]);
                double muHL = exact.moments().get("HL").signal(a);
                double muLH = exact.moments().get("LH").signal(a);
                boolean blind = Math.abs(muHL - muLH) <= 1e-9 * exact.moments().get("HL").scale(a);
                boolean coinFlip = coin.nextBoolean();
                boolean guessHL = blind ? coinFlip
                        : muHL >= muLH ? x >= 0.5 * (muHL + muLH) : x < 0.5 * (muHL + muLH);
                if (guessHL == hl) {
                    correct.merge(a, 1, Integer::sum);
                }
            }
            // Λ > 0: HL is the likelier situation (equal priors)
            if ((likelihoodRatio[i] > 0) == hl) {
                optimalCorrect++;
            }
            if (!aliceDecidesRight(exact, alice.get(i), averages[i][WindowMoments.UA2])
                    || !bobDecidesRight(exact, alice.get(i).other(), averages[i][WindowMoments.UB2])) {
                aliceBobErrors++;
            }
        }
        Map<Attack, AttackOutcome> eve = new EnumMap<>(Attack.class);
        for (Attack a : Attack.values()) {
            eve.put(a, new AttackOutcome(a, correct.get(a), s.bits(), predictedSuccess(exact, a, tau)));
        }
        List<double[]> kept = new ArrayList<>();
        for (double[] avg : averages) {
            kept.add(avg);
        }
        OptimalOutcome optimalOutcome = optimal == null ? null
                : new OptimalOutcome(optimalCorrect, s.bits(), optimal.successProbability(), optimal.bins());
        return new Result(s, eve, aliceBobErrors, predictedAliceBobError(exact, s, tau), guard, points[0], kept,
                alice, transientNanos / 1e9, optimalOutcome);
    }

    /**
     * The guard interval before each bit's measurement: the loop's slowest time constant is below
     * (R_H + R_c + R_L)·C_c, and ten of them let the previous bit's response decay by e^-10. A lumped line
     * has no memory: one grid step suffices (the step in which the noise switches to the next bit).
     */
    static double guardTime(Settings s) {
        if (s.guard() >= 0) {
            return s.guard();
        }
        double c = s.line().capacitance();
        double r = s.line().resistance();
        if (Double.isNaN(c) || Double.isNaN(r)) {
            return 0.1 * s.bitDuration(); // a user subcircuit: unknown memory, a tenth of a bit
        }
        return 10 * (s.resistors().high() + r + s.resistors().low()) * c;
    }

    /**
     * The step from {@code time} to the next grid point of the injected waveform (its kinks). A time that
     * rounding left a hair below a grid point counts as on it: a step of 1e-16 s would stall ngspice.
     */
    static double nextGridStep(double time, double h) {
        double next = (Math.floor(time / h) + 1) * h;
        if (next - time < 1e-6 * h) {
            next += h;
        }
        return next - time;
    }

    private static double s0(Settings s, Resistor holds, double resistance) {
        double t = holds == Resistor.H ? s.tEff() : s.beta() * s.tEff();
        return 4 * KljnMoments.BOLTZMANN * t * resistance;
    }

    static Expectations expectations(NgSpice spice, Settings s, org.kljn.noise.BandShape band) {
        Map<String, KljnMoments> moments = new java.util.HashMap<>();
        Map<String, Map<Attack, EveStatistics.AttackStatistic>> eve = new java.util.HashMap<>();
        Map<String, double[]> own = new java.util.HashMap<>();
        int points = ExactAnalysis.pointsFor(band, s.bandwidth());
        for (Resistor a : Resistor.values()) {
            for (Resistor b : Resistor.values()) {
                KljnLoop loop = new KljnLoop(s.resistors(), a, b, s.line());
                TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, band, points);
                moments.put(loop.situation(), KljnMoments.of(loop, ExactAnalysis.integrals(tf), s.tEff(), s.beta()));
                if (a != b) {
                    EveStatistics stats = EveStatistics.of(loop, tf, s.tEff());
                    eve.put(loop.situation(), stats.at(s.beta()));
                    own.put(loop.situation(), new double[] {stats.meanSquareVarianceRate(Probe.U_A, s.beta()),
                            stats.meanSquareVarianceRate(Probe.U_B, s.beta())});
                }
            }
        }
        return new Expectations(moments, eve, own);
    }

    /** Alice holds {@code aliceHolds}; Bob's resistor is the other one; she compares <U_A²> with her threshold. */
    private static boolean aliceDecidesRight(Expectations e, Resistor aliceHolds, double meanSquareA) {
        String secure = aliceHolds.name() + aliceHolds.other().name();
        String same = aliceHolds.name() + aliceHolds.name();
        double muSecure = e.moments().get(secure).meanSquareVoltageA();
        double muSame = e.moments().get(same).meanSquareVoltageA();
        return Math.abs(meanSquareA - muSecure) <= Math.abs(meanSquareA - muSame);
    }

    private static boolean bobDecidesRight(Expectations e, Resistor bobHolds, double meanSquareB) {
        String secure = bobHolds.other().name() + bobHolds.name();
        String same = bobHolds.name() + bobHolds.name();
        double muSecure = e.moments().get(secure).meanSquareVoltageB();
        double muSame = e.moments().get(same).meanSquareVoltageB();
        return Math.abs(meanSquareB - muSecure) <= Math.abs(meanSquareB - muSame);
    }

    /**
     * Eve's predicted success with the midpoint rule: ½[Φ(|μ_HL − m|/σ_HL) + Φ(|m − μ_LH|/σ_LH)],
     * m = (μ_HL + μ_LH)/2, σ = √(V/τ) from {@link EveStatistics} (Gaussian limit of the time average).
     */
    static double predictedSuccess(Expectations e, Attack a, double tau) {
        EveStatistics.AttackStatistic hl = e.eve().get("HL").get(a);
        EveStatistics.AttackStatistic lh = e.eve().get("LH").get(a);
        double half = 0.5 * Math.abs(hl.mean() - lh.mean());
        if (half <= 1e-9 * e.moments().get("HL").scale(a)) {
            return 0.5;
        }
        return 0.5 * (phi(half / hl.standardDeviation(tau)) + phi(half / lh.standardDeviation(tau)));
    }

    /**
     * Alice's and Bob's predicted error: each decides from her own <U²> over the bit, Gaussian in the same limit
     * as Eve's statistics, with the threshold midway between the secure situation's mean and the same-resistor
     * situation's; the standard deviation is √(V/τ) with V = ∫ G_UU² df from {@link EveStatistics}. A bit is
     * wrong when either errs; the two situations HL and LH are equally likely.
     */
    static double predictedAliceBobError(Expectations e, Settings s, double tau) {
        double total = 0;
        for (Resistor alice : Resistor.values()) {
            String secure = alice.name() + alice.other().name();
            String aliceSame = alice.name() + alice.name();
            String bobSame = alice.other().name() + alice.other().name();
            double[] v = e.ownVarianceRates().get(secure);
            double pa = decisionError(e.moments().get(secure).meanSquareVoltageA(),
                    e.moments().get(aliceSame).meanSquareVoltageA(), Math.sqrt(v[0] / tau));
            double pb = decisionError(e.moments().get(secure).meanSquareVoltageB(),
                    e.moments().get(bobSame).meanSquareVoltageB(), Math.sqrt(v[1] / tau));
            total += 0.5 * (1 - (1 - pa) * (1 - pb));
        }
        return total;
    }

    private static double decisionError(double muTrue, double muOther, double sigma) {
        return 1 - phi(Math.abs(muTrue - muOther) / 2 / sigma);
    }

    private static double phi(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }

    static double[] wilson(int k, int n, double z) {
        double p = (double) k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * The injected voltage of one generator over the windows of a run: window w carries the noise stream of
     * bit {@code bits.get(w)}, started fresh (independent per bit). Left-continuous at window boundaries, so
     * a window's last accepted point still sees its own bit's noise.
     */
    static final class PerBitNoise implements DoubleUnaryOperator {
        private final NoiseDesign design;
        private final double s0;
        private final long seed;
        private final int party;
        private final List<Integer> bits;
        private final double period;
        private int currentWindow = -1;
        private NoiseWaveform current;
        private int previousWindow = -1;
        private NoiseWaveform previous;

        PerBitNoise(NoiseDesign design, double s0, long seed, int party, List<Integer> bits, double period) {
            this.design = design;
            this.s0 = s0;
            this.seed = seed;
            this.party = party;
            this.bits = bits;
            this.period = period;
        }

        @Override
        public double applyAsDouble(double t) {
            int w = t <= 0 ? 0 : (int) Math.ceil(t / period - 1e-9) - 1;
            w = Math.max(0, Math.min(w, bits.size() - 1));
            NoiseWaveform wave;
            if (w == currentWindow) {
                wave = current;
            } else if (w == previousWindow) {
                wave = previous;
            } else {
                previousWindow = currentWindow;
                previous = current;
                current = design.waveform(s0, StreamKey.of(seed, party, bits.get(w)));
                currentWindow = w;
                wave = current;
            }
            return wave.valueAt(Math.max(0, t - w * period));
        }
    }
}

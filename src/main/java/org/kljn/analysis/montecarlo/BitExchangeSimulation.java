package org.kljn.analysis.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.eavesdropper.WindowEavesdropper;
import org.kljn.analysis.eavesdropper.WindowLikelihoodRatio;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.NetlistWriter;
import org.kljn.circuit.Probes;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.CallbackPath;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.ngspice.StreamListener;
import org.kljn.ngspice.TabulatedRun;
import org.kljn.ngspice.TabulatedSource;
import org.kljn.noise.BandShape;
import org.kljn.noise.InjectedNoise;
import org.kljn.noise.NoiseWaveform;
import org.kljn.noise.NyquistNoise;
import org.kljn.noise.StreamKey;
import org.kljn.noise.TrnoiseBand;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Monte Carlo of KLJN bit exchanges at circuit level: Java generates each generator's noise (Gaussian,
 * reproducible from one seed, independent per party and per bit), ngspice solves the loop with the noise
 * injected through EXTERNAL sources, and every accepted point streams into per-bit time averages.
 *
 * <p>Bits are secure situations (LH or HL, at random from the seed). The bits of one situation are cut into
 * fixed blocks of consecutive bits ({@link #blockBits}); each block is one ngspice run, its bits back to back,
 * each in its own window with a guard interval for the line's memory. Blocks are independent, so they run in
 * parallel on an {@link NgSpicePool}; the block layout depends only on the settings, so a given seed gives the
 * same numbers whatever the number of threads.
 *
 * <p>Noise and steps. The injected waveform is linear between grid points h ({@link InjectedNoise}); its band
 * is known exactly, and the exact expectations integrate that band. The solver takes {@code stepsPerSample}
 * equal steps per grid interval (step control puts a point on every kink). A memoryless loop (lumped
 * resistance) is solved exactly at every point and is linear in between like its sources, so one step per
 * noise sample is exact; a line with capacitance is integrated by ngspice's trapezoidal rule, whose error
 * falls as the step squared (see {@link StepChoice}).
 *
 * <p>Decisions. Eve guesses the situation from each attack's statistic with the Bayes rule for equal priors
 * (the threshold where the exact densities for HL and LH cross, {@link ExactProbabilities}); Alice and Bob each decide the other's resistor
 * from their own mean-square voltage, with the threshold midway between the two situations they cannot tell
 * apart by their own resistor (KLJN protocol).
 */
public final class BitExchangeSimulation {
    /** StreamKey party used for the protocol's own random choices (the bit situations). */
    static final int PROTOCOL_PARTY = 2;
    /** Nyquist samples per block (one ngspice run): small enough to share two cores, large enough that a load is cheap. */
    static final int BLOCK_SAMPLES = 1 << 15;
    /**
     * Extra accepted points ngspice takes at the start of a run (its first step is a fraction of the step, grown
     * over the first points, before the step control's grid is reached: measured 61 on the 20-section ladder at
     * K = 1); beyond these, more points than forced steps mean its truncation-error control cut steps.
     */
    static final int START_UP_POINTS = 128;

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
     * An attack's statistic over the bits of one situation: its sample mean, the standard error of that mean
     * (sample standard deviation / √n) and the exact expectation over the injected band.
     */
    public record MeasuredStatistic(Attack attack, Situation situation, int bits, double mean, double standardError,
            double expected) {
        /** (mean − expected)/standardError. */
        public double z() {
            return (mean - expected) / standardError;
        }
    }

    /**
     * The likelihood-ratio eavesdropper's outcome over all bits, and its predicted success. For a bit of at most
     * {@link OptimalResult#WINDOW_LIMIT} Nyquist samples whose simulated waveform represents the continuous loop at
     * the detector's resolution ({@link TransientWindowDetector.Support}), the detector is the exact window likelihood ratio through
     * Eve's instrument ({@code method} "window", {@code window} its measurement); otherwise it is the spectral one
     * ({@link LikelihoodRatioDetector}, from each bit's U_A and I_A at {@code frequencyBins} bins) and
     * {@code windowRefused} says why the window test was not measured.
     */
    public record OptimalOutcome(int correct, int bits, double predicted, int frequencyBins, String method,
            WindowMeasurement window, String windowRefused) {
        public double successRate() {
            return (double) correct / bits;
        }

        /** Wilson score interval at 95 %. */
        public double[] ci95() {
            return wilson(correct, bits, 1.959963984540054);
        }
    }

    /**
     * {@link OptimalOutcome#method()} where the window test is not measured: the spectral likelihood ratio at the bins
     * (k − ½)/τ, whose success is not a bound on every detector.
     */
    public static final String SPECTRAL = "spectral";

    /**
     * The window likelihood ratio measured on the simulated bits beside its prediction for the same bit, band and
     * instrument.
     *
     * @param measured        success and I(K; Eve) from the empirical Λ of each situation ({@link EmpiricalLikelihoodRatios})
     * @param predicted       the exact test ({@link WindowEavesdropper#test}) over the band the injected noise has
     * @param edgeCompression how far the solver's frequency warp pulls the band edge in, 1 − f_e/Δf ({@link TransientWindowDetector.Support})
     */
    public record WindowMeasurement(EmpiricalLikelihoodRatios measured, WindowLikelihoodRatio predicted,
            double edgeCompression) {
        public EveInstrument instrument() {
            return predicted.instrument();
        }
    }

    /** The whole run; {@code optimal} is null for a bit too short to hold a frequency bin below the band edge. */
    public record Result(BitExchangeSettings settings, Map<Attack, AttackOutcome> eve, int aliceBobErrors,
            double predictedAliceBobErrorRate, double guard, long acceptedPoints, List<double[]> bitAverages,
            List<Resistor> aliceResistors, double transientSeconds, StepChoice steps,
            Map<Situation, Map<Attack, MeasuredStatistic>> measured, String noiseBand, OptimalOutcome optimal,
            String callbacks) {
        public double aliceBobErrorRate() {
            return (double) aliceBobErrors / settings.bits();
        }

        /** Bound on the relative discretisation error of every transient moment (see {@link StepChoice}). */
        public double discretisationBound() {
            return steps.bound();
        }
    }

    private BitExchangeSimulation() {
    }

    /** One ngspice run: consecutive bits of one situation. */
    record Block(Resistor aliceHolds, List<Integer> bits) {
    }

    /**
     * Runs every block on one session, in order.
     *
     * @throws org.kljn.circuit.ParameterException for a line whose transient the accuracy bound does not cover
     *                                             ({@link org.kljn.circuit.LineModel#checkTransientCapable()}), before anything runs
     */
    public static Result run(NgSpice spice, BitExchangeSettings s, IntConsumer progress) {
        return run(s, progress, 1, SessionAccess.of(spice));
    }

    /**
     * Runs the blocks on the pool's sessions in parallel; the numbers do not depend on the pool's size.
     *
     * @throws org.kljn.circuit.ParameterException as {@link #run(NgSpice, BitExchangeSettings, IntConsumer)}
     */
    public static Result run(NgSpicePool pool, BitExchangeSettings s, IntConsumer progress) {
        return run(s, progress, pool.size(), new SessionAccess() {
            @Override
            public <T> T apply(java.util.function.Function<NgSpice, T> work) {
                return pool.withSession(work);
            }
        });
    }

    /**
     * The settings with the grid of a pre-warped run fixed: {@code moments} takes {@link StepChoice#MOMENTS_GRID};
     * {@code distributions} the coarsest grid whose variance inflation is within {@link StepChoice#INFLATION_TARGET}
     * ({@link StepChoice#distributionsGrid}, from one AC sweep over the nominal band), and for bits on which the
     * window likelihood ratio is measured (at most {@link OptimalResult#WINDOW_LIMIT} Nyquist samples) at least
     * {@link TransientWindowDetector#windowGrid()}, whose band edge is within
     * {@link TransientWindowDetector#MAX_EDGE_COMPRESSION}. Other settings unchanged.
     */
    public static BitExchangeSettings resolve(NgSpice spice, BitExchangeSettings s) {
        if (!s.prewarped() || s.oversampling() > 0) {
            return s;
        }
        if (s.accuracy() == AccuracyGoal.MOMENTS) {
            return s.withOversampling(StepChoice.MOMENTS_GRID);
        }
        BandShape nominal = BandShape.brickWall(s.bandwidth());
        Map<Situation, TransferFunctions> transfer = ExactAnalysis.transferFunctions(spice, s.resistors(), s.line(),
                nominal, ExactAnalysis.pointsFor(nominal, s.bandwidth()), Situation.SECURE);
        int grid = StepChoice.distributionsGrid(s, transfer);
        if (s.bitSamples() <= OptimalResult.WINDOW_LIMIT && s.noise() == BitExchangeSettings.NoiseMode.JAVA) {
            // the window likelihood ratio is measured on these bits: it needs the band edge within 0.2 %
            grid = Math.max(grid, TransientWindowDetector.windowGrid());
        }
        return s.withOversampling(grid);
    }

    private static Result run(BitExchangeSettings unresolved, IntConsumer progress, int threads, SessionAccess sessions) {
        // every transient passes here (attack, sweeps, the main job, NullConfirmation, the Java API): a line whose
        // transient the accuracy bound was not derived for is refused before anything runs
        unresolved.line().checkTransientCapable();
        BitExchangeSettings s = sessions.apply(spice -> resolve(spice, unresolved));
        boolean trnoise = s.noise() == BitExchangeSettings.NoiseMode.TRNOISE;
        InjectedNoise noise = s.injectedNoise();
        BandShape band = trnoise ? new TrnoiseBand(s.bandwidth()) : noise.band();
        // the noise grid: the Java noise's kinks, or TRNOISE's samples (its breakpoints)
        double h = trnoise ? 1 / (2 * s.bandwidth()) : noise.gridStep();
        double tau = s.bitDuration();
        // at least one grid step: the step in which the noise switches to the next bit's stream
        double guard = Math.max(1, Math.ceil(guardTime(s) / h - 1e-9)) * h;

        // exact expectations over the band the injected noise really has
        // (the four situations' AC sweeps run once, in parallel on the pool, and serve every exact quantity below)
        SituationExpectations exact = expectations(sessions, threads, s, band);
        // Eve's Bayes thresholds and the exact predictions for this bit length (the rule below uses the same): pure
        // Java on the transfer functions and needed only for the decisions, so it runs beside the transient
        java.util.concurrent.FutureTask<ExactProbabilities> probabilitiesTask = new java.util.concurrent.FutureTask<>(
                () -> ExactProbabilities.compute(ExactProbabilities.situations(s.resistors(), s.line(),
                        exact.transfer(), s.tEff(), s.beta()), tau));
        Thread probabilitiesThread = new Thread(probabilitiesTask, "kljn-exact-probabilities");
        probabilitiesThread.setDaemon(true);
        probabilitiesThread.start();
        StepChoice chosen = trnoise ? StepChoice.trnoise() : StepChoice.of(s, exact, noise);
        // Eve's likelihood ratio for this bit: the exact window test through her instrument where the simulated
        // waveform carries the continuous loop at its resolution, else the spectral one at the bins (k − ½)/τ
        TransientWindowDetector.Support support = TransientWindowDetector.Support.of(s, noise, chosen);
        TransientWindowDetector window = null;
        String designRefusal = null;
        if (support.refusal() == null) {
            try {
                window = TransientWindowDetector.design(s, exact, tau);
            } catch (IllegalArgumentException tooManyFunctions) {
                // the injected band with its images (the FIR scheme's reach far above the band) needs more window
                // functions than the dense test holds: the spectral detector, with the reason
                designRefusal = tooManyFunctions.getMessage();
            }
        }
        String windowRefused = support.refusal() != null ? support.refusal() : designRefusal != null ? designRefusal
                : window.statistic() == null ? window.unresolved() : null;
        boolean useWindow = windowRefused == null;
        LikelihoodRatioDetector optimal = useWindow || LikelihoodRatioDetector.binCount(s.bandwidth(), tau) < 1 ? null
                : sessions.apply(spice -> LikelihoodRatioDetector.design(spice, s.resistors(), s.line(), s.bandwidth(),
                        tau, band, NoiseTemperatures.standard(s.tEff(), s.beta()), LikelihoodRatioDetector.TRANSIENT_MAX_BINS));
        WindowLikelihoodStatistic windowStatistic = useWindow ? window.statistic() : null;
        double[] likelihoodRatio = new double[s.bits()];

        // the bit situations, from the seed
        UniformRandomProvider rng = StreamKey.of(s.seed(), PROTOCOL_PARTY, 0).newRng();
        List<Resistor> alice = new ArrayList<>(s.bits());
        for (int i = 0; i < s.bits(); i++) {
            alice.add(rng.nextBoolean() ? Resistor.H : Resistor.L);
        }
        List<Block> blocks = blocks(s, alice);
        double[] averages = new double[s.bits() * WindowMoments.PRODUCTS];
        int[] done = new int[1];
        IntConsumer bitDone = w -> {
            synchronized (done) {
                progress.accept(++done[0]);
            }
        };
        long[] pointsAndNanos = new long[2];
        // which callback path served the blocks ("shim" or "jna"; both when a pool mixes them)
        java.util.Set<String> paths = new java.util.TreeSet<>();
        Runnable[] tasks = new Runnable[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            tasks[b] = () -> {
                long[] pn = sessions.apply(spice -> runBlock(spice, s, noise, block, h, guard, chosen, averages, bitDone,
                        optimal, windowStatistic, likelihoodRatio));
                synchronized (pointsAndNanos) {
                    paths.add(pn[2] == 0 ? CallbackPath.SHIM.label() : CallbackPath.JNA.label());
                    pointsAndNanos[0] += pn[0];
                    pointsAndNanos[1] += pn[1];
                }
            };
        }
        long wall0 = System.nanoTime();
        runAll(tasks, threads);
        double transientSeconds = (System.nanoTime() - wall0) / 1e9;
        // the bounds assume ngspice took exactly the forced steps (the bilinear map at h_s); more points mean its
        // truncation-error control cut steps
        StepChoice steps = chosen;
        if (!trnoise && s.line().capacitance() != 0) {
            double hs = h / chosen.stepsPerSample();
            long forced = 0;
            for (Block block : blocks) {
                forced += Math.round(new BitWindows(block.bits().size(), guard, tau).stopTime() / hs) + 2
                        + START_UP_POINTS;
            }
            // a few rounding-split steps (a time a hair off the grid) are harmless; a cut step per thousand is not
            if (pointsAndNanos[0] > forced + forced / 1000) {
                steps = chosen.voided(String.format(java.util.Locale.ROOT, "ngspice took %d accepted points where %d"
                        + " steps were forced: its step control cut steps, so the step map is not the bilinear one",
                        pointsAndNanos[0], forced));
            }
        }

        ExactProbabilities probabilities = awaitProbabilities(probabilitiesTask);

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
        List<double[]> perBit = flatView(averages);
        for (int i = 0; i < s.bits(); i++) {
            boolean hl = alice.get(i) == Resistor.H;
            double[] avg = perBit.get(i);
            for (Attack a : Attack.values()) {
                double x = WindowMoments.statistic(a, avg);
                // the Bayes rule for equal priors: HL where f_HL(x) > f_LH(x), i.e. on μ_HL's side of t
                ExactProbabilities.EveAttack rule = probabilities.of(a);
                boolean blind = rule.rule().equals("blind");
                boolean coinFlip = coin.nextBoolean();
                boolean guessHL = blind ? coinFlip : rule.hlAbove() ? x > rule.threshold() : x < rule.threshold();
                if (guessHL == hl) {
                    correct.merge(a, 1, Integer::sum);
                }
            }
            // Λ > 0: HL is the likelier situation (equal priors)
            if ((likelihoodRatio[i] > 0) == hl) {
                optimalCorrect++;
            }
            if (!aliceDecidesRight(exact, alice.get(i), avg[WindowMoments.UA2])
                    || !bobDecidesRight(exact, alice.get(i).other(), avg[WindowMoments.UB2])) {
                aliceBobErrors++;
            }
        }
        Map<Attack, AttackOutcome> eve = new EnumMap<>(Attack.class);
        for (Attack a : Attack.values()) {
            eve.put(a, new AttackOutcome(a, correct.get(a), s.bits(), probabilities.of(a).successProbability()));
        }
        OptimalOutcome optimalOutcome;
        if (useWindow) {
            boolean[] hl = new boolean[s.bits()];
            for (int i = 0; i < hl.length; i++) {
                hl[i] = alice.get(i) == Resistor.H;
            }
            WindowMeasurement m = new WindowMeasurement(EmpiricalLikelihoodRatios.of(likelihoodRatio, hl),
                    window.predicted(), support.edgeCompression());
            optimalOutcome = new OptimalOutcome(optimalCorrect, s.bits(), window.predicted().successProbability(), 0,
                    OptimalResult.WINDOW, m, null);
        } else {
            optimalOutcome = optimal == null ? null : new OptimalOutcome(optimalCorrect, s.bits(),
                    optimal.successProbability(), optimal.bins(), SPECTRAL, null, windowRefused);
        }
        return new Result(s, eve, aliceBobErrors, probabilities.aliceBob().errorProbability(), guard, pointsAndNanos[0],
                perBit, List.copyOf(alice), transientSeconds, steps, measured(exact, alice, perBit),
                trnoise ? band.describe() : noise instanceof NyquistNoise
                        ? "Java noise at the Nyquist rate, h = " + org.kljn.io.Units.si(h, "s") + ", linear between samples (sinc^4 band, as TRNOISE)"
                        : band.describe(), optimalOutcome, String.join("+", paths));
    }

    /** The exact probabilities computed beside the transient; their failure is rethrown as it was raised. */
    private static ExactProbabilities awaitProbabilities(java.util.concurrent.FutureTask<ExactProbabilities> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw rethrowCause(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the exact probabilities were computed", e);
        }
    }

    /** The task's own exception as it was raised: a runtime exception or error is thrown, anything else wrapped. */
    private static RuntimeException rethrowCause(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
            throw re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(c);
    }

    /** Runs the tasks on {@code threads} threads (in order on the caller's thread for one). */
    private static void runAll(Runnable[] tasks, int threads) {
        if (threads <= 1 || tasks.length <= 1) {
            for (Runnable t : tasks) {
                t.run();
            }
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, tasks.length), r -> {
            Thread t = new Thread(r, "kljn-transient");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable t : tasks) {
                futures.add(executor.submit(t));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    for (Future<?> g : futures) {
                        g.cancel(false);
                    }
                    throw rethrowCause(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the transient blocks ran", e);
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** Access to a session: {@code apply(work)} runs work on one (the single session, or a pool's). */
    interface SessionAccess {
        <T> T apply(java.util.function.Function<NgSpice, T> work);

        /** The one session, every time. */
        static SessionAccess of(NgSpice spice) {
            return new SessionAccess() {
                @Override
                public <T> T apply(java.util.function.Function<NgSpice, T> work) {
                    return work.apply(spice);
                }
            };
        }
    }

    /**
     * The fixed block layout: the bits of each situation, in order, cut every {@link #blockBits} bits. It
     * depends on the settings and the situations only, never on the number of threads.
     */
    static List<Block> blocks(BitExchangeSettings s, List<Resistor> alice) {
        int per = blockBits(s);
        List<Block> blocks = new ArrayList<>();
        for (Resistor aliceHolds : Resistor.values()) {
            List<Integer> current = new ArrayList<>();
            for (int i = 0; i < alice.size(); i++) {
                if (alice.get(i) == aliceHolds) {
                    current.add(i);
                    if (current.size() == per) {
                        blocks.add(new Block(aliceHolds, List.copyOf(current)));
                        current.clear();
                    }
                }
            }
            if (!current.isEmpty()) {
                blocks.add(new Block(aliceHolds, List.copyOf(current)));
            }
        }
        return blocks;
    }

    /** Bits per block: about {@link #BLOCK_SAMPLES} Nyquist samples, at least one bit. */
    static int blockBits(BitExchangeSettings s) {
        return Math.max(1, BLOCK_SAMPLES / s.bitSamples());
    }

    /** One block in one ngspice run; returns {accepted points, transient nanoseconds, 0 for the shim or 1 for JNA}. */
    private static long[] runBlock(NgSpice spice, BitExchangeSettings s, InjectedNoise noise, Block block, double h,
            double guard, StepChoice steps, double[] averages, IntConsumer bitDone, LikelihoodRatioDetector optimal,
            WindowLikelihoodStatistic windowStatistic, double[] likelihoodRatio) {
        boolean trnoise = s.noise() == BitExchangeSettings.NoiseMode.TRNOISE;
        List<Integer> bits = block.bits();
        KljnLoop loop = KljnLoop.secure(s.resistors(), block.aliceHolds(), s.line());
        BitWindows windows = new BitWindows(bits.size(), guard, s.bitDuration());
        double s0Alice = s0(s, loop.alice(), loop.aliceResistance());
        double s0Bob = s0(s, loop.bob(), loop.bobResistance());
        double step = h / steps.stepsPerSample();
        // each bit window w carries the noise stream of bit bits.get(w), fresh per bit, on the noise grid h; the
        // solver's steps end on the grid of `step` (h / stepsPerSample). TRNOISE: ngspice's own generators.
        List<TabulatedSource> sources = trnoise ? List.of() : List.of(
                new TabulatedSource(Probes.ALICE_SOURCE, h, windows.period(), bits.size(),
                        new PerBitNoise(noise, s0Alice, s.seed(), StreamKey.ALICE, bits)),
                new TabulatedSource(Probes.BOB_SOURCE, h, windows.period(), bits.size(),
                        new PerBitNoise(noise, s0Bob, s.seed(), StreamKey.BOB, bits)));
        List<String> vectors = new ArrayList<>();
        vectors.add("time");
        vectors.addAll(List.of(Probes.VECTORS));
        TabulatedRun run = TabulatedRun.of(sources, trnoise ? 0 : step, vectors);
        WindowMoments stream = new WindowMoments(windows, (w, avg) -> {
            System.arraycopy(avg, 0, averages, bits.get(w) * WindowMoments.PRODUCTS, WindowMoments.PRODUCTS);
            bitDone.accept(w);
        });
        // the likelihood-ratio detector's finite Fourier transform streams beside the attacks' averages
        StreamListener lr = optimal == null ? null : new WhittleStream(windows, optimal, trnoise ? h : step,
                (w, statistic) -> likelihoodRatio[bits.get(w)] = statistic);
        if (windowStatistic != null) {
            // Eve's window coefficients of each bit, her instrument's floor added (seeded per bit), and Λ
            lr = new LegendreProjection(windows, windowStatistic.order(), (w, coefficients) -> {
                int bit = bits.get(w);
                likelihoodRatio[bit] = windowStatistic.logLikelihoodRatio(
                        TransientWindowDetector.withFloor(coefficients, s.eveNoise(), s.seed(), bit));
            });
        }
        // half a step past the last window: ngspice clamps its final step to the stop time, and a stop
        // time on the grid can leave it a step of zero after rounding
        // TRNOISE: rms² = S0·Δf = S0/(2 NT) gives the one-sided level S0 at low frequency
        List<String> deck = trnoise
                ? NetlistWriter.transientTrnoise(loop, Math.sqrt(s0Alice * s.bandwidth()),
                        Math.sqrt(s0Bob * s.bandwidth()), h, windows.stopTime() + h / 2, true)
                : NetlistWriter.transientExternal(loop, step, windows.stopTime() + step / 2, step, true,
                        s.prewarped());
        long t0 = System.nanoTime();
        TabulatedRun.Outcome outcome = spice.runTabulated(deck, run, lr == null ? stream : WhittleStream.tee(stream, lr));
        long nanos = System.nanoTime() - t0;
        if (stream.windowsDone() != bits.size()) {
            throw new IllegalStateException("the transient ended after " + stream.windowsDone() + " of "
                    + bits.size() + " bit windows");
        }
        return new long[] {stream.points(), nanos, outcome.callbacks() == CallbackPath.SHIM ? 0 : 1};
    }

    /** Per-bit averages as rows of a flat array (six products per bit), without copying. */
    private static List<double[]> flatView(double[] flat) {
        int n = flat.length / WindowMoments.PRODUCTS;
        return new AbstractList<>() {
            @Override
            public double[] get(int i) {
                return java.util.Arrays.copyOfRange(flat, i * WindowMoments.PRODUCTS, (i + 1) * WindowMoments.PRODUCTS);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** Each attack's statistic over the bits of each secure situation, against its exact mean. */
    private static Map<Situation, Map<Attack, MeasuredStatistic>> measured(SituationExpectations exact, List<Resistor> alice,
            List<double[]> perBit) {
        Map<Situation, Map<Attack, MeasuredStatistic>> out = new java.util.LinkedHashMap<>();
        for (Resistor holds : Resistor.values()) {
            Situation situation = Situation.secure(holds);
            Map<Attack, MeasuredStatistic> m = new EnumMap<>(Attack.class);
            for (Attack a : Attack.values()) {
                double sum = 0, sum2 = 0;
                int n = 0;
                for (int i = 0; i < alice.size(); i++) {
                    if (alice.get(i) == holds) {
                        double x = WindowMoments.statistic(a, perBit.get(i));
                        sum += x;
                        sum2 += x * x;
                        n++;
                    }
                }
                double mean = n == 0 ? Double.NaN : sum / n;
                double se = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, sum2 / n - mean * mean) / (n - 1));
                m.put(a, new MeasuredStatistic(a, situation, n, mean, se, exact.moments().get(situation).signal(a)));
            }
            out.put(situation, m);
        }
        return out;
    }

    /**
     * The guard interval before each bit's measurement: the loop's slowest time constant is below
     * (R_H + R_c + R_L)·C_c, and ten of them let the previous bit's response decay by e^-10. A lumped line
     * has no memory: one grid step suffices (the step in which the noise switches to the next bit).
     */
    static double guardTime(BitExchangeSettings s) {
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
     * The step from {@code time} to the next grid point of the solver (a multiple of the injected waveform's
     * kinks). A time that rounding left a hair below a grid point counts as on it: a step of 1e-16 s would
     * stall ngspice.
     */
    static double nextGridStep(double time, double h) {
        return TabulatedRun.nextGridStep(time, h);
    }

    private static double s0(BitExchangeSettings s, Resistor holds, double resistance) {
        return org.kljn.noise.Johnson.voltagePsd(NoiseTemperatures.standard(holds, s.tEff(), s.beta()), resistance);
    }

    static SituationExpectations expectations(NgSpice spice, BitExchangeSettings s, BandShape band) {
        return expectations(SessionAccess.of(spice), 1, s, band);
    }

    /** The same with the four situations' AC sweeps spread over the sessions (same numbers for any thread count). */
    private static SituationExpectations expectations(SessionAccess sessions, int threads, BitExchangeSettings s, BandShape band) {
        int points = ExactAnalysis.pointsFor(band, s.bandwidth());
        Situation[] situations = Situation.values();
        TransferFunctions[] tf = new TransferFunctions[situations.length];
        Runnable[] tasks = new Runnable[situations.length];
        for (int i = 0; i < tasks.length; i++) {
            int index = i;
            tasks[i] = () -> tf[index] = sessions.apply(spice -> ExactAnalysis.transferFunctions(spice,
                    situations[index].loop(s.resistors(), s.line()), band, points));
        }
        runAll(tasks, threads);
        Map<Situation, TransferFunctions> transfer = new EnumMap<>(Situation.class);
        for (int i = 0; i < tf.length; i++) {
            transfer.put(situations[i], tf[i]);
        }
        return expectations(s, transfer);
    }

    /** Moments and Eve's statistics of the four situations from their transfer functions. */
    private static SituationExpectations expectations(BitExchangeSettings s, Map<Situation, TransferFunctions> transfer) {
        Map<Situation, KljnMoments> moments = new EnumMap<>(Situation.class);
        Map<Situation, Map<Attack, EveStatistics.AttackStatistic>> eve = new EnumMap<>(Situation.class);
        Map<Situation, double[]> own = new EnumMap<>(Situation.class);
        for (Situation situation : Situation.values()) {
            KljnLoop loop = situation.loop(s.resistors(), s.line());
            TransferFunctions tf = transfer.get(situation);
            moments.put(situation, KljnMoments.of(loop, ExactAnalysis.integrals(tf), s.tEff(), s.beta()));
            if (situation.isSecure()) {
                EveStatistics stats = EveStatistics.of(loop, tf, s.tEff());
                eve.put(situation, stats.at(s.beta()));
                own.put(situation, new double[] {stats.meanSquareVarianceRate(Probe.U_A, s.beta()),
                        stats.meanSquareVarianceRate(Probe.U_B, s.beta())});
            }
        }
        return new SituationExpectations(moments, eve, own, Map.copyOf(transfer));
    }

    /** Alice holds {@code aliceHolds}; Bob's resistor is the other one; she compares <U_A²> with her threshold. */
    private static boolean aliceDecidesRight(SituationExpectations e, Resistor aliceHolds, double meanSquareA) {
        Situation secure = Situation.secure(aliceHolds);
        Situation same = Situation.same(aliceHolds);
        double muSecure = e.moments().get(secure).meanSquareVoltageA();
        double muSame = e.moments().get(same).meanSquareVoltageA();
        return Math.abs(meanSquareA - muSecure) <= Math.abs(meanSquareA - muSame);
    }

    private static boolean bobDecidesRight(SituationExpectations e, Resistor bobHolds, double meanSquareB) {
        Situation secure = Situation.secure(bobHolds.other());
        Situation same = Situation.same(bobHolds);
        double muSecure = e.moments().get(secure).meanSquareVoltageB();
        double muSame = e.moments().get(same).meanSquareVoltageB();
        return Math.abs(meanSquareB - muSecure) <= Math.abs(meanSquareB - muSame);
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
     * The grid values of one generator over the windows of a run: window w carries the noise stream of bit
     * {@code bits.get(w)}, started fresh (independent per bit), on the design's grid. The {@link TabulatedSource}
     * interpolates them linearly and joins the windows left-continuously, so a window's last accepted point still
     * sees its own bit's noise. Works for any {@link InjectedNoise} design: only its grid values are read.
     */
    static final class PerBitNoise implements TabulatedSource.SegmentValues {
        /** Grid values kept by each bit's waveform: the table asks for them in order, so a few suffice. */
        static final int HISTORY = 64;
        private final InjectedNoise design;
        private final double s0;
        private final long seed;
        private final int party;
        private final List<Integer> bits;
        private int currentWindow = -1;
        private NoiseWaveform current;

        PerBitNoise(InjectedNoise design, double s0, long seed, int party, List<Integer> bits) {
            this.design = design;
            this.s0 = s0;
            this.seed = seed;
            this.party = party;
            this.bits = bits;
        }

        @Override
        public void fill(int window, int firstNode, double[] into, int offset, int count) {
            if (window != currentWindow) {
                current = design.waveform(s0, StreamKey.of(seed, party, bits.get(window)), HISTORY);
                currentWindow = window;
            }
            for (int i = 0; i < count; i++) {
                into[offset + i] = current.gridValue(firstNode + i);
            }
        }
    }
}

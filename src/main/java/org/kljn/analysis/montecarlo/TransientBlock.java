package org.kljn.analysis.montecarlo;

import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.NetlistWriter;
import org.kljn.circuit.Probes;
import org.kljn.circuit.Resistor;
import org.kljn.ngspice.CallbackPath;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.StreamListener;
import org.kljn.ngspice.TabulatedRun;
import org.kljn.ngspice.TabulatedSource;
import org.kljn.noise.InjectedNoise;
import org.kljn.noise.Johnson;
import org.kljn.noise.NoiseWaveform;
import org.kljn.noise.StreamKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * The transient of one block of bits ({@link BitSchedule.Block}): one ngspice run of the loop in the block's
 * situation, its bits back to back, each generator's noise injected from Java through an EXTERNAL source (fresh per
 * bit and per party, from the seed) or, for TRNOISE, ngspice's own. Step control puts a solver point on every
 * kink of the injected waveform; every accepted point streams ({@code .save none}) into each bit's time averages
 * ({@link WindowMoments}) and, beside them, the likelihood-ratio eavesdropper's statistic ({@link OptimalDetector}).
 *
 * @param schedule the bits and their layout
 * @param steps    the solver's steps per noise grid interval
 * @param optimal  Eve's likelihood-ratio detector
 * @param into     where each bit's measurements go
 */
record TransientBlock(BitSchedule schedule, StepChoice steps, OptimalDetector optimal, BitMeasurements into) {

    /** What all blocks took: ngspice's accepted points, the blocks' wall time, and who answered the callbacks. */
    record Totals(long acceptedPoints, double transientSeconds, String callbacks) {
    }

    /** One block's run: accepted points, transient nanoseconds, who answered its callbacks. */
    private record Run(long acceptedPoints, long nanos, CallbackPath callbacks) {
    }

    /**
     * Runs every block of the schedule on the sessions, in parallel where they allow; {@code progress} receives the
     * number of bits done.
     */
    Totals runAll(Sessions sessions, IntConsumer progress) {
        int[] done = new int[1];
        IntConsumer bitDone = w -> {
            synchronized (done) {
                progress.accept(++done[0]);
            }
        };
        long[] pointsAndNanos = new long[2];
        // which callback path served the blocks ("shim" or "jna"; both when a pool mixes them)
        Set<String> paths = new TreeSet<>();
        List<BitSchedule.Block> blocks = schedule.blocks();
        Runnable[] tasks = new Runnable[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            BitSchedule.Block block = blocks.get(b);
            tasks[b] = () -> {
                Run run = sessions.apply(spice -> run(spice, block, bitDone));
                synchronized (pointsAndNanos) {
                    paths.add(run.callbacks() == CallbackPath.SHIM ? CallbackPath.SHIM.label()
                            : CallbackPath.JNA.label());
                    pointsAndNanos[0] += run.acceptedPoints();
                    pointsAndNanos[1] += run.nanos();
                }
            };
        }
        long wall0 = System.nanoTime();
        sessions.runAll(tasks);
        double transientSeconds = (System.nanoTime() - wall0) / 1e9;
        return new Totals(pointsAndNanos[0], transientSeconds, String.join("+", paths));
    }

    /** One block in one ngspice run. */
    private Run run(NgSpice spice, BitSchedule.Block block, IntConsumer bitDone) {
        BitExchangeSettings s = schedule.settings();
        boolean trnoise = schedule.trnoise();
        double h = schedule.gridStep();
        List<Integer> bits = block.bits();
        KljnLoop loop = KljnLoop.secure(s.resistors(), block.aliceHolds(), s.line());
        BitWindows windows = schedule.windows(block);
        double step = h / steps.stepsPerSample();
        List<String> vectors = new ArrayList<>();
        vectors.add("time");
        vectors.addAll(List.of(Probes.VECTORS));
        TabulatedRun run = TabulatedRun.of(trnoise ? List.of() : sources(loop, windows, bits), trnoise ? 0 : step,
                vectors);
        WindowMoments stream = new WindowMoments(windows, (w, avg) -> {
            into.putAverages(bits.get(w), avg);
            bitDone.accept(w);
        });
        // the likelihood-ratio detector's statistic streams beside the attacks' averages
        StreamListener lr = optimal.listener(s, windows, bits, trnoise ? h : step, into);
        long t0 = System.nanoTime();
        TabulatedRun.Outcome outcome = spice.runTabulated(deck(loop, windows, step), run,
                lr == null ? stream : WindowStream.tee(stream, lr));
        long nanos = System.nanoTime() - t0;
        if (stream.windowsDone() != bits.size()) {
            throw new IllegalStateException("the transient ended after " + stream.windowsDone() + " of "
                    + bits.size() + " bit windows");
        }
        return new Run(stream.points(), nanos, outcome.callbacks());
    }

    /**
     * Alice's and Bob's EXTERNAL sources: each bit window w carries the noise stream of bit bits.get(w), fresh per
     * bit, on the noise grid h.
     */
    private List<TabulatedSource> sources(KljnLoop loop, BitWindows windows, List<Integer> bits) {
        BitExchangeSettings s = schedule.settings();
        InjectedNoise noise = schedule.noise();
        double h = schedule.gridStep();
        return List.of(
                new TabulatedSource(Probes.ALICE_SOURCE, h, windows.period(), bits.size(),
                        new PerBitNoise(noise, s0(loop.alice(), loop.aliceResistance()), s.seed(), StreamKey.ALICE,
                                bits)),
                new TabulatedSource(Probes.BOB_SOURCE, h, windows.period(), bits.size(),
                        new PerBitNoise(noise, s0(loop.bob(), loop.bobResistance()), s.seed(), StreamKey.BOB, bits)));
    }

    /**
     * The netlist: the solver's steps end on the grid of {@code step} (h / stepsPerSample); TRNOISE: ngspice's own
     * generators at NT = h.
     */
    private List<String> deck(KljnLoop loop, BitWindows windows, double step) {
        BitExchangeSettings s = schedule.settings();
        double h = schedule.gridStep();
        // half a step past the last window: ngspice clamps its final step to the stop time, and a stop
        // time on the grid can leave it a step of zero after rounding
        // TRNOISE: rms² = S0·Δf = S0/(2 NT) gives the one-sided level S0 at low frequency
        return schedule.trnoise()
                ? NetlistWriter.transientTrnoise(loop, Math.sqrt(s0(loop.alice(), loop.aliceResistance()) * s.bandwidth()),
                        Math.sqrt(s0(loop.bob(), loop.bobResistance()) * s.bandwidth()), h,
                        windows.stopTime() + h / 2, true)
                : NetlistWriter.transientExternal(loop, step, windows.stopTime() + step / 2, step, true,
                        s.prewarped());
    }

    /** A generator's one-sided voltage PSD: R_H side at T_eff, R_L side at β·T_eff (Sec. 2.3). */
    private double s0(Resistor holds, double resistance) {
        BitExchangeSettings s = schedule.settings();
        return Johnson.voltagePsd(NoiseTemperatures.standard(holds, s.tEff(), s.beta()), resistance);
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

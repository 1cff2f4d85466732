package org.kljn.analysis.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.kljn.circuit.Resistor;
import org.kljn.io.Units;
import org.kljn.noise.BandShape;
import org.kljn.noise.InjectedNoise;
import org.kljn.noise.NyquistNoise;
import org.kljn.noise.StreamKey;
import org.kljn.noise.TrnoiseBand;

import java.util.ArrayList;
import java.util.List;

/**
 * Which bits a Monte Carlo simulates and how they are laid out in ngspice runs: each bit's situation (LH or HL, at
 * random from the seed), the noise grid and the guard interval, and the fixed blocks of consecutive bits of one
 * situation that each run holds ({@link #blocks}). The layout depends only on the settings, never on the number of
 * threads, so a seed gives the same numbers whatever runs the blocks.
 *
 * @param settings the resolved settings
 * @param noise    the injected noise's design (unused for TRNOISE)
 * @param band     the band the injected noise really has (TRNOISE's sinc⁴ band for TRNOISE)
 * @param gridStep the noise grid h: the Java noise's kinks, or TRNOISE's samples (its breakpoints)
 * @param guard    the guard interval before each bit: a whole number of grid steps, at least one
 * @param alice    which resistor Alice holds at each bit
 * @param blocks   the ngspice runs, in order
 */
record BitSchedule(BitExchangeSettings settings, InjectedNoise noise, BandShape band, double gridStep, double guard,
        List<Resistor> alice, List<Block> blocks) {
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

    /** One ngspice run: consecutive bits of one situation. */
    record Block(Resistor aliceHolds, List<Integer> bits) {
    }

    /** The schedule of the (resolved) settings. */
    static BitSchedule of(BitExchangeSettings s) {
        boolean trnoise = s.noise() == BitExchangeSettings.NoiseMode.TRNOISE;
        InjectedNoise noise = s.injectedNoise();
        BandShape band = trnoise ? new TrnoiseBand(s.bandwidth()) : noise.band();
        double h = trnoise ? 1 / (2 * s.bandwidth()) : noise.gridStep();
        // at least one grid step: the step in which the noise switches to the next bit's stream
        double guard = Math.max(1, Math.ceil(guardTime(s) / h - 1e-9)) * h;
        List<Resistor> alice = situations(s);
        return new BitSchedule(s, noise, band, h, guard, alice, blocks(s, alice));
    }

    /** Whether ngspice's own TRNOISE generators make the noise (else Java's, through EXTERNAL sources). */
    boolean trnoise() {
        return settings.noise() == BitExchangeSettings.NoiseMode.TRNOISE;
    }

    /** The bit windows of one block's run. */
    BitWindows windows(Block block) {
        return new BitWindows(block.bits().size(), guard, settings.bitDuration());
    }

    /**
     * The accepted points of all blocks if ngspice takes exactly the forced steps of {@code solverStep}, with its
     * start-up points ({@link #START_UP_POINTS}).
     */
    long forcedPoints(double solverStep) {
        long forced = 0;
        for (Block block : blocks) {
            forced += Math.round(windows(block).stopTime() / solverStep) + 2 + START_UP_POINTS;
        }
        return forced;
    }

    /** The injected noise in words. */
    String noiseDescription() {
        return !trnoise() && noise instanceof NyquistNoise
                ? "Java noise at the Nyquist rate, h = " + Units.si(gridStep, "s")
                        + ", linear between samples (sinc^4 band, as TRNOISE)"
                : band.describe();
    }

    /** Which resistor Alice holds at each bit, from the seed. */
    static List<Resistor> situations(BitExchangeSettings s) {
        UniformRandomProvider rng = StreamKey.of(s.seed(), PROTOCOL_PARTY, 0).newRng();
        List<Resistor> alice = new ArrayList<>(s.bits());
        for (int i = 0; i < s.bits(); i++) {
            alice.add(rng.nextBoolean() ? Resistor.H : Resistor.L);
        }
        return List.copyOf(alice);
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
        return List.copyOf(blocks);
    }

    /** Bits per block: about {@link #BLOCK_SAMPLES} Nyquist samples, at least one bit. */
    static int blockBits(BitExchangeSettings s) {
        return Math.max(1, BLOCK_SAMPLES / s.bitSamples());
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
}

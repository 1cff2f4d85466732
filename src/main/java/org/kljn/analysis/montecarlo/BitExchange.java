package org.kljn.analysis.montecarlo;

import org.kljn.analysis.finitebit.BitLength;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.ParameterException;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpicePool;

import java.util.function.IntConsumer;

/**
 * The Monte Carlo bit exchanges as every caller runs them: the domain's rules for a transient, checked before
 * anything runs, then {@link BitExchangeSimulation}.
 */
public final class BitExchange {
    /** Most bit exchanges one run accepts ({@link BitExchangeSettings#MAX_BITS}). */
    public static final int MAX_BITS = BitExchangeSettings.MAX_BITS;

    private BitExchange() {
    }

    /**
     * Refuses bit exchanges that cannot run: a line ngspice cannot run in a transient
     * ({@link LineModel#checkTransientCapable()}), a bit shorter than one Nyquist interval, a bit count out of range.
     *
     * @throws ParameterException naming the quantity
     */
    public static void check(LineModel line, int bitSamples, int bits) {
        line.checkTransientCapable();
        BitLength.ofSamples(bitSamples);
        BitExchangeSettings.checkBits(bits);
    }

    /** Checks, then runs the bit exchanges on the instances of {@code pool}; {@code progress} receives the bits done. */
    public static BitExchangeResult run(NgSpicePool pool, BitExchangeSettings settings,
            IntConsumer progress) {
        check(settings.line(), settings.bitSamples(), settings.bits());
        return BitExchangeSimulation.run(pool, settings, progress);
    }

    /** Checks, then runs the bit exchanges on {@code spice}; {@code progress} receives the bits done. */
    public static BitExchangeResult run(NgSpice spice, BitExchangeSettings settings,
            IntConsumer progress) {
        check(settings.line(), settings.bitSamples(), settings.bits());
        return BitExchangeSimulation.run(spice, settings, progress);
    }
}

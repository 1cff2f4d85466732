package org.kljn.testing;

import org.kljn.analysis.montecarlo.BitExchangeSettings;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;

/**
 * The loop the transient ITs share: R_L = 1 kΩ, R_H = 10 kΩ at T_eff = 1e9 K, β = 1, Δf = 1 kHz, and the capacitive
 * test ladder. Each test adds its own bit length, bits, seed and grid.
 */
public final class TransientFixture {
    /** R_L = 1 kΩ, R_H = 10 kΩ. */
    public static final ResistorPair PAIR = new ResistorPair(1e3, 10e3);
    /** The capacitive test ladder: 8 T sections, 500 Ω and 100 nF in all. */
    public static final LineModel LADDER = new RcLadder(500, 100e-9, 8);

    private TransientFixture() {
    }

    /** Settings on {@link #PAIR} and {@code line} at T_eff = 1e9 K, β = 1, Δf = 1 kHz. */
    public static BitExchangeSettings.Builder builder(LineModel line) {
        return BitExchangeSettings.builder(PAIR, line).tEff(1e9).beta(1.0).bandwidth(1e3);
    }
}

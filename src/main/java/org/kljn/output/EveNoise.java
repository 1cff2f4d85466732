package org.kljn.output;

import org.kljn.analysis.eavesdropper.EveInstrument;

/** Eve's instrument noise, one-sided white PSDs: {@code voltage} in V²/Hz, {@code current} in A²/Hz. */
public record EveNoise(double voltage, double current) {
    public static EveNoise of(EveInstrument e) {
        return new EveNoise(e.voltageNoise(), e.currentNoise());
    }
}

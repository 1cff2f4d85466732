package org.kljn.output;

import org.kljn.analysis.exact.NoiseTemperatures;

/** The four noise temperatures of a defence, K: {@code {highAtAlice, lowAtAlice, highAtBob, lowAtBob}}. */
public record Temperatures(double highAtAlice, double lowAtAlice, double highAtBob, double lowAtBob) {
    public static Temperatures of(NoiseTemperatures t) {
        return new Temperatures(t.highAtAlice(), t.lowAtAlice(), t.highAtBob(), t.lowAtBob());
    }
}

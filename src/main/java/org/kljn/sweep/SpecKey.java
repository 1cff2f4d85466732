package org.kljn.sweep;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The keys of a sweep spec, as written in the file. The grid dimensions come first, in grid order ({@link SweepGrid}:
 * the last dimension varies fastest); {@link #BIT_DURATION} is written instead of {@link #BIT_SAMPLES} and becomes that
 * dimension; {@link #ANALYSES} is no dimension.
 */
enum SpecKey {
    RL("rl"), RH("rh"), ALICE("alice"), CABLE("cable"), PRESET("preset"), LENGTH("length"), RC("rc"), CC("cc"),
    LC("lc"), SECTIONS("sections"), SUBCKT("subckt"), TEFF("teff"), BANDWIDTH("bandwidth"), BETA("beta"),
    BIT_SAMPLES("bitSamples"), BIT_DURATION("bitDuration"), BITS("bits"), SEED("seed"),
    EVE_NOISE_VOLTAGE("eveNoiseVoltage"), EVE_NOISE_CURRENT("eveNoiseCurrent"), RECONCILIATION("reconciliation"),
    ANALYSES("analyses");

    /** The key as the spec and the CSV spell it. */
    final String text;

    SpecKey(String text) {
        this.text = text;
    }

    /** Every key, for the messages that list what is allowed. */
    static String allowed() {
        return Stream.of(values()).map(k -> k.text).collect(Collectors.joining(", "));
    }

    /** The key spelled {@code name} in any case, or null. */
    static SpecKey named(String name) {
        return Stream.of(values()).filter(k -> k.text.equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}

package org.kljn.sweep;

import java.util.Locale;

/** What a sweep computes at each point: the exact AC-based analysis, the transient attack, or both. */
public enum Analysis {
    EXACT, ATTACK,
    /** The secret-key rate at each point's β and bit ({@code key_rate} in a spec): one window test of Eve per point. */
    KEY_RATE;

    /** The name used in spec files and CSV: {@code exact}, {@code attack}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

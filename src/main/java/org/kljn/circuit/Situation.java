package org.kljn.circuit;

import java.util.List;

/**
 * A bit situation of the KLJN loop: which resistor Alice connects and which Bob connects (paper, Fig. 1). HL and
 * LH are the secure bits Eve must tell apart; in HH and LL both parties see the same resistor, which is how each
 * of them decides the other's bit from their own mean-square voltage.
 */
public enum Situation {
    HL(Resistor.H, Resistor.L), LH(Resistor.L, Resistor.H), HH(Resistor.H, Resistor.H), LL(Resistor.L, Resistor.L);

    /** The two secure situations, HL then LH. */
    public static final List<Situation> SECURE = List.of(HL, LH);

    private final Resistor alice;
    private final Resistor bob;

    Situation(Resistor alice, Resistor bob) {
        this.alice = alice;
        this.bob = bob;
    }

    /** The situation in which Alice holds {@code alice} and Bob {@code bob}. */
    public static Situation of(Resistor alice, Resistor bob) {
        return alice == Resistor.H ? (bob == Resistor.L ? HL : HH) : (bob == Resistor.H ? LH : LL);
    }

    /** The secure situation in which Alice holds {@code alice} (Bob the other resistor). */
    public static Situation secure(Resistor alice) {
        return of(alice, alice.other());
    }

    /** The situation in which both hold {@code r}: what Alice or Bob compares the secure one with. */
    public static Situation same(Resistor r) {
        return of(r, r);
    }

    public Resistor alice() {
        return alice;
    }

    public Resistor bob() {
        return bob;
    }

    /** Whether Alice and Bob hold different resistors (HL or LH). */
    public boolean isSecure() {
        return alice != bob;
    }

    /** The loop of this situation. */
    public KljnLoop loop(ResistorPair resistors, LineModel line) {
        return new KljnLoop(resistors, alice, bob, line);
    }
}

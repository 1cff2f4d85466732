package org.kljn.circuit;

/** Which resistor of the public pair {R_L, R_H} a party connects for one bit exchange. */
public enum Resistor {
    L, H;

    public Resistor other() {
        return this == L ? H : L;
    }
}

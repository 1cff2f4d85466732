package org.kljn.circuit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lengths printed for people carry the unit apart, never a SPICE suffix that reads as milli. */
class SpiceNumbersMetresTest {
    @Test
    void lengthsAreMetresWithTheUnitApart() {
        assertEquals("500 m", SpiceNumbers.metres(500));
        assertEquals("1.685 m", SpiceNumbers.metres(1.68512));
        assertEquals("2000 m", SpiceNumbers.metres(2000));
        assertEquals("0.25 m", SpiceNumbers.metres(0.25));
        assertEquals("1.5e+05 m", SpiceNumbers.metres(150000));
    }
}

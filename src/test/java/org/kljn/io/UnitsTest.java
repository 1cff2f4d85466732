package org.kljn.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbers and units as a reader sees them (a new user met "h = 5.0E-4 s", "[V2]" and "1 solver steps"). */
class UnitsTest {
    @Test
    void siPrefixesWithTheUnitSpelledApart() {
        assertEquals("500 µs", Units.si(5.0e-4, "s"));
        assertEquals("52 nF", Units.si(5.2e-8, "F"));
        assertEquals("168 Ω", Units.si(168, "Ω"));
        assertEquals("1 kHz", Units.si(999.99, "Hz"), "rounding up to 1000 takes the next prefix");
        assertEquals("2.5 MΩ", Units.si(2.5e6, "Ω"));
        assertEquals("0.5", Units.si(0.5, ""));
    }

    @Test
    void aNegativePrefixedValueHasTheTrueMinusScientificHas() {
        assertEquals("−798.8 fW", Units.si(-7.988e-13, "W"));
        assertEquals("−1 kHz", Units.si(-999.99, "Hz"), "rounding up to 1000 takes the next prefix below zero too");
        assertEquals("−1.748×10⁻¹⁶ V²", Units.si(-1.748e-16, "V2"), "the same sign as the power-of-ten form");
    }

    @Test
    void aSquaredUnitTakesAPowerOfTenNotAPrefix() {
        // 1 µV² would be 10⁻¹² V²: a prefix on a squared unit is misread
        assertEquals("6.473×10⁻¹⁶ A²", Units.si(6.473e-16, "A2"));
        assertEquals("5.672×10⁻¹¹ V²", Units.si(5.672e-11, "V^2"));
    }

    @Test
    void powersOfTenWithSuperscriptsAndATrueMinus() {
        assertEquals("−6.473×10⁻¹⁶", Units.scientific(-6.473e-16));
        assertEquals("1.5×10⁹", Units.scientific(1.5e9));
        assertEquals("0.9735", Units.scientific(0.97349));
        assertEquals("0", Units.scientific(0));
    }

    @Test
    void unitsTakeSuperscripts() {
        assertEquals("V²", Units.superscripts("V2"));
        assertEquals("A²/Hz", Units.superscripts("A^2/Hz"));
        assertEquals("m⁻¹", Units.superscripts("m^-1"));
        assertEquals("nats/s", Units.superscripts("nats/s"));
    }

    @Test
    void countsAgreeWithTheirNoun() {
        assertEquals("1 solver step", Units.count(1, "solver step"));
        assertEquals("4 solver steps", Units.count(4, "solver step"));
        assertEquals("0 points", Units.count(0, "point"));
    }
}
